import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { formatCount } from '@ssr/shared';
import { useMessages } from '../../i18n';
import type { FigureChange } from './changes';

/** Below this width of the view (Excel's task pane is about 320–350 px) each row becomes a card. */
const NARROW = '@container (max-width: 480px)';

const useStyles = makeStyles({
  frame: { containerType: 'inline-size', minWidth: 0, position: 'relative' },
  table: { [NARROW]: { display: 'block' } },
  // In cards the header row is for screen readers only: each card labels its own figures.
  header: {
    [NARROW]: {
      position: 'absolute',
      width: '1px',
      height: '1px',
      overflow: 'hidden',
      clipPath: 'inset(50%)',
      whiteSpace: 'nowrap',
      // Its row and cells too, or the row keeps the table's width beyond the pane's edge.
      '& *': { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden' },
    },
  },
  body: { [NARROW]: { display: 'block' } },
  row: {
    [NARROW]: {
      display: 'block',
      paddingTop: tokens.spacingVerticalXS,
      paddingBottom: tokens.spacingVerticalXS,
    },
  },
  name: { overflowWrap: 'anywhere', [NARROW]: { display: 'block', height: 'auto', fontWeight: tokens.fontWeightSemibold } },
  // In a card each figure carries its column's name, from data-label.
  field: {
    [NARROW]: {
      display: 'flex',
      height: 'auto',
      justifyContent: 'space-between',
      gap: tokens.spacingHorizontalS,
      '::before': { content: 'attr(data-label)', color: tokens.colorNeutralForeground3 },
    },
  },
  number: { textAlign: 'right', whiteSpace: 'nowrap' },
});

function signed(n: number): string {
  return `${n > 0 ? '+' : n < 0 ? '−' : ''}${formatCount(Math.abs(n))}`;
}

/** What saving an import would change: stored against incoming, per municipality and year. */
export function FigureChangesTable({ changes }: { changes: readonly FigureChange[] }) {
  const t = useMessages();
  const styles = useStyles();
  const p = t.populations;
  return (
    <>
      <Text weight="semibold">{p.changesHeading}</Text>
      {changes.length === 0 ? (
        <Text>{p.noChanges}</Text>
      ) : (
        <div className={styles.frame}>
          <Table size="small" aria-label={p.changesHeading} className={styles.table}>
            <TableHeader className={styles.header}>
              <TableRow>
                <TableHeaderCell>{p.municipality}</TableHeaderCell>
                <TableHeaderCell>{t.common.year}</TableHeaderCell>
                <TableHeaderCell>{p.stored}</TableHeaderCell>
                <TableHeaderCell>{p.incoming}</TableHeaderCell>
                <TableHeaderCell>{p.difference}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody className={styles.body}>
              {changes.map((change) => (
                <TableRow key={`${change.municipalityCode}-${change.year}`} className={styles.row}>
                  <TableCell className={styles.name}>
                    {change.name} ({change.municipalityCode})
                  </TableCell>
                  <TableCell className={styles.field} data-label={t.common.year}>
                    {change.year}
                  </TableCell>
                  <TableCell className={mergeClasses(styles.field, styles.number)} data-label={p.stored}>
                    {change.stored === undefined ? p.none : formatCount(change.stored)}
                  </TableCell>
                  <TableCell className={mergeClasses(styles.field, styles.number)} data-label={p.incoming}>
                    {formatCount(change.incoming)}
                  </TableCell>
                  <TableCell className={mergeClasses(styles.field, styles.number)} data-label={p.difference}>
                    {change.stored === undefined ? p.none : signed(change.incoming - change.stored)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}
