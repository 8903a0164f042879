import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles } from '@fluentui/react-components';
import { formatCount } from '@ssr/shared';
import { useMessages } from '../../i18n';
import type { FigureChange } from './changes';

const useStyles = makeStyles({
  number: { textAlign: 'right' },
});

function signed(n: number): string {
  return `${n > 0 ? '+' : n < 0 ? '−' : ''}${formatCount(Math.abs(n))}`;
}

/** What saving an import would change: stored against incoming, per municipality and year. */
export function FigureChangesTable({ changes }: { changes: readonly FigureChange[] }) {
  const t = useMessages();
  const styles = useStyles();
  return (
    <>
      <Text weight="semibold">{t.populations.changesHeading}</Text>
      {changes.length === 0 ? (
        <Text>{t.populations.noChanges}</Text>
      ) : (
        <Table size="small" aria-label={t.populations.changesHeading}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t.populations.municipality}</TableHeaderCell>
              <TableHeaderCell>{t.common.year}</TableHeaderCell>
              <TableHeaderCell>{t.populations.stored}</TableHeaderCell>
              <TableHeaderCell>{t.populations.incoming}</TableHeaderCell>
              <TableHeaderCell>{t.populations.difference}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {changes.map((change) => (
              <TableRow key={`${change.municipalityCode}-${change.year}`}>
                <TableCell>
                  {change.name} ({change.municipalityCode})
                </TableCell>
                <TableCell>{change.year}</TableCell>
                <TableCell className={styles.number}>{change.stored === undefined ? t.populations.none : formatCount(change.stored)}</TableCell>
                <TableCell className={styles.number}>{formatCount(change.incoming)}</TableCell>
                <TableCell className={styles.number}>{change.stored === undefined ? t.populations.none : signed(change.incoming - change.stored)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
