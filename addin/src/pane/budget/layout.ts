import type { Cluster, FeeMode, Member } from '@ssr/shared';
import { CLUSTERS, termsInYear } from '@ssr/shared';
import { blockAddress, cellAddress } from '../../excel/address';
import type { CellInput, ChartSpec, ColumnFormat, RangeFormat } from '../../excel/port';
import { SEK_FORMAT } from '../../custom-functions/cell-value';

/**
 * The budget sheet of a year, planned as data: a row per member with live SSR formulas,
 * group totals that add those rows, a grand total, a check against SSR.TOTAL, and a chart of
 * fee income by group. Pure, so the plan is tested without a workbook.
 */

export { SEK_FORMAT };

export interface BudgetLabels {
  sheetName: string;
  title: string;
  yearLabel: string;
  modeLabel: string;
  /** The mode as the sheet shows it in B3; words SSR.FEE's `mode` argument accepts (exakt, uppskattning…). */
  modeWords: Readonly<Record<FeeMode, string>>;
  columns: readonly string[];
  summaryColumns: readonly string[];
  total: string;
  check: string;
  chartTitle: string;
  others: string;
}

export interface BudgetPlan {
  sheet: string;
  cells: CellInput[][];
  formats: { address: string; format: RangeFormat }[];
  columns: ColumnFormat[];
  chart: ChartSpec;
  /** The cell holding the grand total of fees (kronor). */
  totalCell: string;
  /** The cell holding SSR.TOTAL for the year, all groups. */
  checkCell: string;
  memberCount: number;
}

type Group = Cluster | 'others';
const GROUP_ORDER: readonly Group[] = [...CLUSTERS, 'others'];

/** R10 with R7: a municipality is grouped under its cluster of the budget year. */
function groupOf(member: Member, year: number): Group {
  const { cluster } = termsInYear(member, year);
  return member.kind === 'municipality' && cluster !== undefined ? cluster : 'others';
}

const FIRST_MEMBER_ROW = 5; // 0-based: title, year, mode, blank, header come first

export function planBudgetSheet(input: { year: number; mode: FeeMode; members: readonly Member[]; labels: BudgetLabels }): BudgetPlan {
  const { year, mode, labels } = input;
  const groupLabel = (group: Group) => (group === 'others' ? labels.others : group);
  const members = [...input.members].sort(
    (a, b) => GROUP_ORDER.indexOf(groupOf(a, year)) - GROUP_ORDER.indexOf(groupOf(b, year)) || a.name.localeCompare(b.name, 'sv'),
  );

  const cells: CellInput[][] = [[labels.title], [labels.yearLabel, year], [labels.modeLabel, labels.modeWords[mode]], [], [...labels.columns]];
  const spans = new Map<Group, { first: number; last: number }>();
  members.forEach((member, index) => {
    const row = FIRST_MEMBER_ROW + index;
    const n = row + 1; // the row number formulas use
    const group = groupOf(member, year);
    const span = spans.get(group);
    spans.set(group, { first: span?.first ?? row, last: row });
    cells.push([
      member.id,
      member.name,
      groupLabel(group),
      { formula: `=SSR.FEE($A${n},$B$2,$B$3)` },
      { formula: `=SSR.REIMBURSED($A${n},$B$2)` },
      // R6 net of the row's own columns, so it follows the mode cell as the fee does (SSR.NET is exact only).
      { formula: `=D${n}-E${n}` },
    ]);
  });
  const lastMemberRow = FIRST_MEMBER_ROW + members.length - 1;

  cells.push([]);
  const summaryHeaderRow = cells.length;
  cells.push([...labels.summaryColumns]);
  const firstGroupRow = cells.length;
  for (const group of GROUP_ORDER) {
    const span = spans.get(group);
    if (!span) continue;
    const sum = (column: string) => ({ formula: `=SUM(${column}${span.first + 1}:${column}${span.last + 1})` });
    cells.push([groupLabel(group), sum('D'), sum('E'), sum('F')]);
  }
  const lastGroupRow = cells.length - 1;
  const totalRow = cells.length;
  const sumGroups = (column: string) => ({ formula: `=SUM(${column}${firstGroupRow + 1}:${column}${lastGroupRow + 1})` });
  cells.push([labels.total, sumGroups('B'), sumGroups('C'), sumGroups('D')]);
  const checkRow = cells.length;
  cells.push([labels.check, { formula: '=SSR.TOTAL($B$2,"all",$B$3)' }]);

  const sek = { numberFormat: SEK_FORMAT };
  const formats: BudgetPlan['formats'] = [
    { address: 'A1', format: { bold: true } },
    { address: blockAddress({ row: 4, column: 0 }, 1, labels.columns.length), format: { bold: true } },
    { address: blockAddress({ row: summaryHeaderRow, column: 0 }, 1, labels.summaryColumns.length), format: { bold: true } },
    { address: blockAddress({ row: totalRow, column: 0 }, 1, 4), format: { bold: true } },
    { address: blockAddress({ row: firstGroupRow, column: 1 }, checkRow - firstGroupRow + 1, 3), format: sek },
  ];
  if (members.length > 0) formats.push({ address: blockAddress({ row: FIRST_MEMBER_ROW, column: 3 }, lastMemberRow - FIRST_MEMBER_ROW + 1, 3), format: sek });

  return {
    sheet: labels.sheetName,
    cells,
    formats,
    columns: [{ width: 150 }, { width: 220 }, { width: 110 }, { width: 110 }, { width: 110 }, { width: 110 }],
    chart: {
      sheet: labels.sheetName,
      name: `SSR_BudgetChart_${year}`,
      title: labels.chartTitle,
      source: `A${firstGroupRow + 1}:B${lastGroupRow + 1}`,
      anchor: 'H5',
    },
    totalCell: cellAddress({ row: totalRow, column: 1 }),
    checkCell: cellAddress({ row: checkRow, column: 1 }),
    memberCount: members.length,
  };
}
