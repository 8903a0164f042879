import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import type { Member } from '@ssr/shared';
import { termsHistory } from '@ssr/shared';
import { useId } from 'react';
import { useLanguage, useMessages } from '../../i18n';
import type { Messages } from '../../i18n';
import { sheetText } from './columns';
import { useNarrowTableStyles } from './table-styles';

function periodText(period: { fromYear?: number; untilYear?: number }, t: Messages): string {
  if (period.untilYear === undefined) return period.fromYear === undefined ? '' : t.members.periodFrom(period.fromYear);
  return period.fromYear === undefined ? t.members.periodUntil(period.untilYear) : t.members.periodRange(period.fromYear, period.untilYear);
}

/**
 * The fee class and cluster of members whose terms changed, period by period. The sheet
 * holds the current values only; this is where the earlier ones are seen.
 */
export function TermsHistory({ members }: { members: readonly Member[] }) {
  const t = useMessages();
  const language = useLanguage();
  const headingId = useId();
  const table = useNarrowTableStyles();
  const changed = members
    .filter((member) => (member.earlierTerms?.length ?? 0) > 0)
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  if (changed.length === 0) return null;
  return (
    <>
      <Text id={headingId} weight="semibold">
        {t.members.historyHeading}
      </Text>
      <Text>{t.members.historyIntro}</Text>
      <Table size="small" className={table.table} aria-labelledby={headingId}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={table.cell}>{t.members.memberColumn}</TableHeaderCell>
            <TableHeaderCell className={table.cell}>{t.members.historyYears}</TableHeaderCell>
            <TableHeaderCell className={table.cell}>{t.members.historyTerms}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {changed.flatMap((member) =>
            termsHistory(member).map((period) => (
              <TableRow key={`${member.id}-${period.fromYear ?? ''}`}>
                <TableCell className={table.cell}>{member.name}</TableCell>
                <TableCell className={table.cell}>{periodText(period, t)}</TableCell>
                <TableCell className={table.cell}>
                  {[sheetText('feeClass', period.feeClass, language), period.cluster].filter((part) => part !== undefined).join(', ')}
                </TableCell>
              </TableRow>
            )),
          )}
        </TableBody>
      </Table>
    </>
  );
}
