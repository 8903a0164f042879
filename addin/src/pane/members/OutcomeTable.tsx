import { Badge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useMessages } from '../../i18n';
import type { SaveOutcome } from './save';

/** What happened to each change that was sent. */
export function OutcomeTable({ outcomes }: { outcomes: readonly SaveOutcome[] }) {
  const t = useMessages();
  return (
    <Table size="small" aria-label={t.members.resultsTable}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t.members.resultColumn}</TableHeaderCell>
          <TableHeaderCell>{t.members.rowColumn}</TableHeaderCell>
          <TableHeaderCell>{t.members.memberColumn}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {outcomes.map((outcome) => (
          <TableRow key={`${outcome.action}-${outcome.id}`}>
            <TableCell>
              {outcome.status === 'saved' ? (
                <Badge appearance="tint" color="success">
                  {t.members.resultSaved}
                </Badge>
              ) : outcome.status === 'conflict' ? (
                <Badge appearance="tint" color="warning">
                  {t.members.resultConflict}
                </Badge>
              ) : (
                <Badge appearance="tint" color="danger">
                  {t.members.resultFailed}
                </Badge>
              )}
            </TableCell>
            <TableCell>{outcome.rowNumber ?? ''}</TableCell>
            <TableCell>
              {outcome.id}
              {outcome.status === 'failed' ? ` — ${outcome.problem.title}${outcome.problem.detail ? `: ${outcome.problem.detail}` : ''}` : ''}
              {outcome.status === 'failed' && outcome.problem.errors.length > 0
                ? ` (${outcome.problem.errors.map((error) => `${error.path}: ${error.message}`).join('; ')})`
                : ''}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
