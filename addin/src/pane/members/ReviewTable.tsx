import { Badge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import { useLanguage, useMessages } from '../../i18n';
import type { Messages } from '../../i18n';
import { headerLabel, sheetText } from './columns';
import type { MembersReview, ReviewEntry } from './review';
import { changesTerms } from './review';
import { useNarrowTableStyles } from './table-styles';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalM, overflowWrap: 'anywhere' },
});

const BADGE: Record<ReviewEntry['kind'], 'success' | 'informative' | 'warning' | 'danger'> = {
  added: 'success',
  changed: 'informative',
  removed: 'warning',
  invalid: 'danger',
};

function kindLabel(kind: ReviewEntry['kind'], t: Messages): string {
  return { added: t.members.addedOne, changed: t.members.changedOne, removed: t.members.removedOne, invalid: t.members.invalidOne }[kind];
}

function who(entry: ReviewEntry): string {
  switch (entry.kind) {
    case 'added':
    case 'changed':
      return `${entry.member.name} (${entry.member.id})`;
    case 'removed':
      return `${entry.before.member.name} (${entry.before.member.id})`;
    case 'invalid':
      return entry.id ?? '';
  }
}

/**
 * The review as a table: one row per change, with what changed or why the row is invalid, and
 * from which year a changed class or cluster applies.
 */
export function ReviewTable({ review, changesFrom }: { review: MembersReview; changesFrom: number | undefined }) {
  const t = useMessages();
  const language = useLanguage();
  const styles = useStyles();
  const table = useNarrowTableStyles();
  const shown = (field: string, value: string | undefined) => sheetText(field, value, language) || t.members.empty;

  const details = (entry: ReviewEntry): string[] => {
    switch (entry.kind) {
      case 'changed': {
        const lines = entry.fields.map((field) => `${headerLabel(field, language)}: ${shown(field, entry.before.member[field])} → ${shown(field, entry.member[field])}`);
        return changesTerms(entry) && changesFrom !== undefined ? [...lines, t.members.termsFrom(changesFrom)] : lines;
      }
      case 'invalid':
        return entry.errors.map((error) => `${error.path ? `${headerLabel(error.path, language)}: ` : ''}${error.message}`);
      default:
        return [];
    }
  };

  return (
    <Table size="small" className={table.table} aria-label={t.members.reviewTable}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={table.cell}>{t.members.kindColumn}</TableHeaderCell>
          <TableHeaderCell className={table.narrow}>{t.members.rowColumn}</TableHeaderCell>
          <TableHeaderCell className={table.cell}>{t.members.memberColumn}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {review.entries.map((entry) => {
          const lines = details(entry);
          const key = `${entry.kind}-${entry.kind === 'removed' ? entry.before.member.id : entry.row.rowNumber}`;
          return (
            <TableRow key={key}>
              <TableCell className={table.cell}>
                <Badge appearance="tint" color={BADGE[entry.kind]} className={table.badge}>
                  {kindLabel(entry.kind, t)}
                </Badge>
              </TableCell>
              <TableCell className={table.narrow}>{entry.kind === 'removed' ? '' : entry.row.rowNumber}</TableCell>
              <TableCell className={table.cell}>
                {who(entry)}
                {lines.length > 0 ? (
                  <ul className={styles.list}>
                    {lines.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                ) : null}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
