import { Badge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useLanguage, useMessages } from '../../i18n';
import type { Messages } from '../../i18n';
import { headerLabel } from './columns';
import type { SaveOutcome } from './save';
import { useNarrowTableStyles } from './table-styles';

function badgeOf(outcome: SaveOutcome, t: Messages): { color: 'success' | 'informative' | 'warning' | 'danger'; text: string } {
  switch (outcome.status) {
    case 'saved':
      return { color: 'success', text: outcome.action === 'delete' ? t.members.resultDeleted : t.members.resultSaved };
    case 'server-taken':
      return { color: 'informative', text: t.members.resultServerTaken };
    case 'conflict':
      return { color: 'warning', text: t.members.resultConflict };
    case 'failed':
      return { color: 'danger', text: t.members.resultFailed };
  }
}

/** The member's name when an answer carried it, else its id as the sheet shows it. */
function nameOf(outcome: SaveOutcome): string {
  if (outcome.status === 'conflict' || outcome.status === 'server-taken') return outcome.status === 'conflict' ? outcome.server.member.name : outcome.stored.member.name;
  if (outcome.status === 'saved' && outcome.stored) return outcome.stored.member.name;
  return outcome.id;
}

/** What happened to each change that was sent. */
export function OutcomeTable({ outcomes }: { outcomes: readonly SaveOutcome[] }) {
  const t = useMessages();
  const language = useLanguage();
  const styles = useNarrowTableStyles();
  return (
    <Table size="small" className={styles.table} aria-label={t.members.resultsTable}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.cell}>{t.members.resultColumn}</TableHeaderCell>
          <TableHeaderCell className={styles.narrow}>{t.members.rowColumn}</TableHeaderCell>
          <TableHeaderCell className={styles.cell}>{t.members.memberColumn}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {outcomes.map((outcome) => {
          const badge = badgeOf(outcome, t);
          return (
            <TableRow key={`${outcome.action}-${outcome.id}`}>
              <TableCell className={styles.cell}>
                <Badge appearance="tint" color={badge.color} className={styles.badge}>
                  {badge.text}
                </Badge>
              </TableCell>
              <TableCell className={styles.narrow}>{outcome.rowNumber ?? ''}</TableCell>
              <TableCell className={styles.cell}>
                {nameOf(outcome)}
                {outcome.status === 'failed' ? ` — ${outcome.problem.title}${outcome.problem.detail ? `: ${outcome.problem.detail}` : ''}` : ''}
                {outcome.status === 'failed' && outcome.problem.errors.length > 0
                  ? ` (${outcome.problem.errors.map((error) => `${headerLabel(error.path, language)}: ${error.message}`).join('; ')})`
                  : ''}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
