import type { Cluster, FeeMode, Member } from '@ssr/shared';
import { CLUSTERS, termsInYear } from '@ssr/shared';
import { blockAddress } from '../../excel/address';
import type { CellInput, ColumnFormat, RangeFormat } from '../../excel/port';
import type { PlannedRow, SheetPlan } from '../../excel/sheet-plan';
import { PLAN_ORIGIN, planCell, planColumn, planRow } from '../../excel/sheet-plan';
import { SEK_FORMAT } from '../../custom-functions/cell-value';

/**
 * The impact sheet of a fee proposal, planned as data: per member, the fee under the rule in
 * force and under the proposal as live SSR formulas, the difference in kronor and percent, and
 * a note the coordination office writes; subtotals per group, a total, a check against
 * SSR.TOTAL and a chart. The document sent to the parties with the request for approval.
 */

export const PERCENT_FORMAT = '0.0 %';

export interface ImpactLabels {
  /** The sheet name's first word, before the proposal and the year: `Konsekvens`. */
  sheetPrefix: string;
  title: string;
  yearLabel: string;
  modeLabel: string;
  ruleLabel: string;
  /** The mode as the sheet shows it; words SSR.FEE's `mode` argument accepts (exakt, uppskattning…). */
  modeWords: Readonly<Record<FeeMode, string>>;
  /** Member, group, fee in force, fee under the proposal, difference kr, difference %, note. */
  columns: readonly string[];
  summaryHeading: string;
  subtotal: string;
  total: string;
  check: string;
  chartTitle: string;
  /** The chart's two series: the rule in force, the proposal. */
  seriesNames: readonly [string, string];
  others: string;
  /** "All groups" as SSR.TOTAL reads it in the sheet's language (`alla`, `all`). */
  allGroups: string;
  /** The name an old sheet is kept under when what was typed in it has no place in the new one. */
  keptName: (sheet: string, attempt: number) => string;
  /** Kronor under the proposal, as SSR.FEE formats a draft's figure: `#,##0.00 "kr (förslag)"`. */
  proposalFormat: string;
}

/** The column keys, from column B: what a rebuild matches columns by. */
export const IMPACT_COLUMNS = ['name', 'group', 'inForce', 'proposal', 'difference', 'differencePercent', 'note'] as const;
type ImpactColumn = (typeof IMPACT_COLUMNS)[number];

const col = (key: ImpactColumn): number => IMPACT_COLUMNS.indexOf(key);
const letter = (key: ImpactColumn): string => planColumn(col(key));

/** Row keys: a member's row by its id, a group's subtotal by the group (cluster or `others`), whatever the language. */
export const memberRowKey = (memberId: string) => `member:${memberId}`;
export const groupRowKey = (group: ImpactGroup) => `group:${group}`;

export type ImpactGroup = Cluster | 'others';
const GROUP_ORDER: readonly ImpactGroup[] = [...CLUSTERS, 'others'];

/** R10 with R7, as the budget sheet groups: a municipality under its cluster of the year, every other member with the other actors. */
function groupOf(member: Member, year: number): ImpactGroup {
  const { cluster } = termsInYear(member, year);
  return member.kind === 'municipality' && cluster !== undefined ? cluster : 'others';
}

/** Excel's limit on a sheet name. */
const MAX_SHEET_NAME = 31;

/** FNV-1a over the id, as 5 base-36 digits: the same id always gives the same mark. */
function idMark(ruleId: string): string {
  let hash = 0x811c9dc5;
  for (const char of ruleId) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  return (hash % 36 ** 5).toString(36).padStart(5, '0');
}

/**
 * `Konsekvens avgifter-2027 2027`, within Excel's 31 characters. A long version name keeps its
 * start and end (variants of one proposal share their start and differ at the end: `…-remiss`)
 * and gains a mark computed from the whole name, so two long names that cut alike still name
 * two sheets. `attempt` 2, 3… gives the names to try when a sheet of this name holds another
 * proposal. Version names are a–z, 0–9 and hyphens, which a sheet name may hold.
 */
export function impactSheetName(prefix: string, ruleId: string, year: number, attempt = 1): string {
  const end = attempt === 1 ? `${year}` : `${year} (${attempt})`;
  const full = `${prefix} ${ruleId} ${end}`;
  if (full.length <= MAX_SHEET_NAME) return full;
  const mark = idMark(ruleId);
  const room = Math.max(MAX_SHEET_NAME - `${prefix} … ${mark} ${end}`.length, 2);
  const head = Math.ceil(room / 2);
  return `${prefix} ${ruleId.slice(0, head)}…${ruleId.slice(ruleId.length - (room - head))} ${mark} ${end}`;
}

/** A text as a formula's string literal. */
function quoted(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

const absolute = (row: number, column: number) => `$${planColumn(column)}$${planRow(row)}`;

// Plan rows of the head: title, year, mode, proposal, a blank, the header.
const YEAR_ROW = 1;
const MODE_ROW = 2;
const RULE_ROW = 3;
const HEADER_ROW = 5;

/** The cell holding the proposal's id: which proposal a sheet of this layout is about. */
export const IMPACT_RULE_CELL = planCell(RULE_ROW, 1);

export function planImpactSheet(input: {
  ruleId: string;
  year: number;
  mode: FeeMode;
  members: readonly Member[];
  labels: ImpactLabels;
  /** The sheet's name when the usual one is taken by another proposal's sheet. */
  sheet?: string;
}): SheetPlan {
  const { ruleId, year, mode, labels } = input;
  const sheet = input.sheet ?? impactSheetName(labels.sheetPrefix, ruleId, year);
  const groupLabel = (group: ImpactGroup) => (group === 'others' ? labels.others : group);
  const members = [...input.members].sort(
    (a, b) => GROUP_ORDER.indexOf(groupOf(a, year)) - GROUP_ORDER.indexOf(groupOf(b, year)) || a.name.localeCompare(b.name, 'sv'),
  );
  const yearCell = absolute(YEAR_ROW, 1);
  const modeCell = absolute(MODE_ROW, 1);
  const ruleCell = absolute(RULE_ROW, 1);

  const rows: PlannedRow[] = [
    { key: 'title', cells: [labels.title] },
    { key: 'year', cells: [labels.yearLabel, year] },
    { key: 'mode', cells: [labels.modeLabel, labels.modeWords[mode]] },
    { key: 'rule', cells: [labels.ruleLabel, ruleId] },
    { key: '', cells: [] },
    { key: 'header', cells: [...labels.columns] },
  ];

  /** Difference in kronor and in percent of the fee in force; no percent of nothing. */
  const differences = (row: number): CellInput[] => {
    const n = planRow(row);
    const inForce = `${letter('inForce')}${n}`;
    return [
      { formula: `=${letter('proposal')}${n}-${inForce}` },
      { formula: `=IF(${inForce}=0,"",${letter('difference')}${n}/${inForce})` },
    ];
  };

  const spans = new Set<ImpactGroup>();
  const inputs: SheetPlan['inputs'][number][] = [];
  const firstMemberRow = HEADER_ROW + 1;
  const memberCount = members.length;
  for (const member of members) {
    const row = rows.length;
    const group = groupOf(member, year);
    spans.add(group);
    const id = quoted(member.id);
    rows.push({
      key: memberRowKey(member.id),
      cells: [
        member.name,
        groupLabel(group),
        { formula: `=SSR.FEE(${id},${yearCell},${modeCell})` },
        { formula: `=SSR.FEE(${id},${yearCell},${modeCell},${ruleCell})` },
        ...differences(row),
        '',
      ],
    });
    inputs.push({ row: memberRowKey(member.id), column: 'note' });
  }

  rows.push({ key: '', cells: [] });
  const summaryRow = rows.length;
  rows.push({ key: 'summary', cells: [labels.summaryHeading, ...labels.columns.slice(col('group'), col('note'))] });
  const firstGroupRow = rows.length;
  const sumOf = (key: ImpactColumn, first: number, last: number) => ({ formula: `=SUM(${letter(key)}${planRow(first)}:${letter(key)}${planRow(last)})` });
  // By the group column, not by position: the member rows may be sorted (by fee, by difference) and still add up.
  const lastMemberRow = firstMemberRow + memberCount - 1;
  const groupCells = `$${letter('group')}$${planRow(firstMemberRow)}:$${letter('group')}$${planRow(lastMemberRow)}`;
  const sumOfGroup = (key: ImpactColumn, group: ImpactGroup) => ({
    formula: `=SUMIF(${groupCells},${quoted(groupLabel(group))},${letter(key)}$${planRow(firstMemberRow)}:${letter(key)}$${planRow(lastMemberRow)})`,
  });
  for (const group of GROUP_ORDER) {
    if (!spans.has(group)) continue;
    const row = rows.length;
    rows.push({
      key: groupRowKey(group),
      cells: [labels.subtotal, groupLabel(group), sumOfGroup('inForce', group), sumOfGroup('proposal', group), ...differences(row)],
    });
  }
  const lastGroupRow = rows.length - 1;
  const totalRow = rows.length;
  rows.push({
    key: 'total',
    cells: [labels.total, '', sumOf('inForce', firstGroupRow, lastGroupRow), sumOf('proposal', firstGroupRow, lastGroupRow), ...differences(totalRow)],
  });
  const checkRow = rows.length;
  rows.push({
    key: 'check',
    cells: [
      labels.check,
      '',
      { formula: `=SSR.TOTAL(${yearCell},${quoted(labels.allGroups)},${modeCell})` },
      { formula: `=SSR.TOTAL(${yearCell},${quoted(labels.allGroups)},${modeCell},${ruleCell})` },
      ...differences(checkRow),
    ],
  });

  const at = (row: number, column: number) => ({ row: PLAN_ORIGIN.row + row, column: PLAN_ORIGIN.column + column });
  const bold: RangeFormat = { bold: true };
  const formats: SheetPlan['formats'][number][] = [
    { address: planCell(0, 0), format: bold },
    { address: blockAddress(at(HEADER_ROW, 0), 1, IMPACT_COLUMNS.length), format: bold },
    { address: blockAddress(at(summaryRow, 0), 1, col('note')), format: bold },
    { address: blockAddress(at(totalRow, 0), 1, col('note')), format: bold },
  ];
  /**
   * Kronor in the three money columns, percent beside them, over rows `first`…`last`. The
   * proposal's sums read as a proposal too, as its SSR.FEE cells do: never taken for fees owed.
   */
  const money = (first: number, last: number) => {
    const span = (key: ImpactColumn, numberFormat: string) => ({ address: blockAddress(at(first, col(key)), last - first + 1, 1), format: { numberFormat } });
    formats.push(
      span('inForce', SEK_FORMAT),
      span('proposal', labels.proposalFormat),
      span('difference', SEK_FORMAT),
      span('differencePercent', PERCENT_FORMAT),
    );
  };
  if (memberCount > 0) money(firstMemberRow, firstMemberRow + memberCount - 1);
  money(firstGroupRow, checkRow);

  const columns: (ColumnFormat | undefined)[] = [
    // Wide enough for the longest member names ("Försvarsmakten, Mellersta militärregionen"); the title overflows into the empty cells beside it.
    { width: 200 },
    { width: 110 },
    { width: 120 },
    { width: 150 },
    { width: 110 },
    { width: 80 },
    // Notes are text, whatever is typed: "0182" stays "0182".
    { width: 260, numberFormat: '@' },
  ];

  return {
    sheet,
    columnKeys: IMPACT_COLUMNS,
    rows,
    inputs,
    formats,
    columns,
    charts: [
      {
        sheet,
        name: `SSR_ImpactChart_${year}`,
        title: labels.chartTitle,
        // Group, in force, proposal: the label column and the two series side by side.
        source: `${letter('group')}${planRow(firstGroupRow)}:${letter('proposal')}${planRow(lastGroupRow)}`,
        seriesBy: 'columns',
        seriesNames: labels.seriesNames,
        anchor: planCell(HEADER_ROW, IMPACT_COLUMNS.length + 1),
      },
    ],
  };
}
