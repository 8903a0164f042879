import type { Cluster, FeeMode, ReimbursedFunction } from '@ssr/shared';
import { CLUSTERS } from '@ssr/shared';
import type { CellInput, RangeFormat } from '../../excel/port';
import type { InputCell, PlannedRow, SheetPlan } from '../../excel/sheet-plan';
import { planCell, planColumn, planRow } from '../../excel/sheet-plan';
import { SEK_FORMAT } from '../../custom-functions/cell-value';

/**
 * The budget sheet, planned as data: one column per year (the budget year and the plan years
 * after it), fee income per group as live SSR.TOTAL formulas that read the column's year, mode
 * and fee rule, the agreement's cost categories as cells the team fills in, and the result per
 * year and accumulated. Rows and columns carry keys, so a rebuild keeps what was typed. Pure,
 * so the plan is tested without a workbook.
 */

export { SEK_FORMAT };

/** The stamp of when the register was read, as SSR.ASOF gives it: a date and time. */
export const AS_OF_FORMAT = 'yyyy-mm-dd hh:mm';

export type Group = Cluster | 'others';
export const GROUP_ORDER: readonly Group[] = [...CLUSTERS, 'others'];

/** The agreement's cost categories, in the order the sheet lists them. */
export const COST_CATEGORIES = ['office', 'rsib', 'rkk', 'planning', 'training', 'evaluation', 'other'] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

/** The cost rows beside which the recorded reimbursements of an on-call function are shown (R6). */
const REIMBURSED_UNDER: Readonly<Partial<Record<CostCategory, ReimbursedFunction>>> = { rsib: 'RSIB', rkk: 'RKK' };

export interface BudgetLabels {
  sheetName: string;
  title: string;
  asOf: string;
  year: string;
  mode: string;
  /** The mode as the sheet's mode row shows it: words SSR.TOTAL's `mode` argument accepts (exakt, uppskattning…). */
  modeWords: Readonly<Record<FeeMode, string>>;
  rule: string;
  /** The row under the rule that says, per year, whether its fees are the rule in force or a proposal. */
  ruleStatus: string;
  inForce: string;
  proposal: string;
  note: string;
  income: string;
  groups: Readonly<Record<Group, string>>;
  /** The group as SSR.TOTAL's `group` argument reads it, in the sheet's language (`övriga`, `others`). */
  groupArguments: Readonly<Record<Group | 'all', string>>;
  incomeTotal: string;
  costs: string;
  costCategories: Readonly<Record<CostCategory, string>>;
  /** The recorded reimbursements of a function, as of when the register was read. */
  reimbursed: (fn: ReimbursedFunction) => string;
  costTotal: string;
  summary: string;
  summaryIncome: string;
  summaryCosts: string;
  result: string;
  accumulated: string;
  /** With a proposal: the result had the rule in force stood in every year. */
  resultInForce: string;
  accumulatedInForce: string;
  chartTitle: string;
}

export interface BudgetColumn {
  year: number;
  /** Exact where the year's figures are complete, estimate where they are not. */
  mode: FeeMode;
  /** A draft version standing in for this year; undefined: the rule in force. */
  rule?: string;
}

export interface BudgetInput {
  columns: readonly BudgetColumn[];
  labels: BudgetLabels;
  /** R6 sums in kronor per function and year, as recorded when the register was read. */
  reimbursed: Readonly<Record<ReimbursedFunction, Readonly<Record<number, number>>>>;
}

export interface BudgetPlan extends SheetPlan {
  /** Plan rows by key, for the pane and tests to find a cell: `cell('result', 2027)` → `D32`. */
  cell(row: string, year: number): string;
}

/** Column keys: the label column, a column per year, the note column. */
export const yearKey = (year: number) => `year:${year}`;
export const NOTE_KEY = 'note';

export function planBudgetSheet(input: BudgetInput): BudgetPlan {
  const { columns, labels } = input;
  const years = columns.map((column) => column.year);
  const withProposal = columns.some((column) => column.rule !== undefined);
  const rows: PlannedRow[] = [];
  const index = new Map<string, number>();
  const add = (key: string, cells: CellInput[]) => {
    if (key !== '') index.set(key, rows.length);
    rows.push({ key, cells });
  };
  const spacer = () => add('', []);
  /** The sheet row number of a planned row, as formulas write it. */
  const n = (key: string) => planRow(index.get(key) ?? 0);
  /** A year column's letters (0: the first year). */
  const letters = (yearIndex: number) => planColumn(1 + yearIndex);
  const perYear = (cell: (column: string, yearIndex: number) => CellInput) => years.map((_, i) => cell(letters(i), i));

  add('title', [labels.title]);
  add('asof', [labels.asOf, { formula: '=SSR.ASOF()' }]);
  spacer();
  add('year', [labels.year, ...years, labels.note]);
  add('mode', [labels.mode, ...columns.map((column) => labels.modeWords[column.mode])]);
  // Blank is the rule in force: SSR.TOTAL reads an empty argument as left out.
  add('rule', [labels.rule, ...columns.map((column) => column.rule ?? '')]);
  // A formula, so the status follows a proposal's id the team types in the rule row too.
  const text = (words: string) => `"${words.replace(/"/g, '""')}"`;
  add('rule:status', [labels.ruleStatus, ...perYear((column) => ({ formula: `=IF(${column}$${n('rule')}="",${text(labels.inForce)},${text(labels.proposal)})` }))]);
  spacer();

  add('income', [labels.income]);
  const args = (column: string) => `${column}$${n('year')},"%GROUP%",${column}$${n('mode')},${column}$${n('rule')}`;
  for (const group of GROUP_ORDER) {
    add(`income:${group}`, [labels.groups[group], ...perYear((column) => ({ formula: `=SSR.TOTAL(${args(column).replace('%GROUP%', labels.groupArguments[group])})` }))]);
  }
  const firstGroup = n(`income:${GROUP_ORDER[0] ?? 'Norr'}`);
  const lastGroup = n(`income:${GROUP_ORDER[GROUP_ORDER.length - 1] ?? 'others'}`);
  add('income:total', [labels.incomeTotal, ...perYear((column) => ({ formula: `=SUM(${column}${firstGroup}:${column}${lastGroup})` }))]);
  spacer();

  add('costs', [labels.costs]);
  const reimbursedRows: string[] = [];
  for (const category of COST_CATEGORIES) {
    add(`cost:${category}`, [labels.costCategories[category]]);
    const fn = REIMBURSED_UNDER[category];
    if (fn) {
      // Recorded figures, not a formula: they say what was paid out as of the stamp, beside what is budgeted.
      add(`reimbursed:${fn.toLowerCase()}`, [labels.reimbursed(fn), ...years.map((year) => input.reimbursed[fn][year] ?? null)]);
      reimbursedRows.push(`reimbursed:${fn.toLowerCase()}`);
    }
  }
  const costCells = (column: string) => COST_CATEGORIES.map((category) => `${column}${n(`cost:${category}`)}`).join(',');
  add('cost:total', [labels.costTotal, ...perYear((column) => ({ formula: `=SUM(${costCells(column)})` }))]);
  spacer();

  add('summary', [labels.summary, ...years]);
  add('summary:income', [labels.summaryIncome, ...perYear((column) => ({ formula: `=${column}${n('income:total')}` }))]);
  add('summary:costs', [labels.summaryCosts, ...perYear((column) => ({ formula: `=${column}${n('cost:total')}` }))]);
  add('result', [labels.result, ...perYear((column) => ({ formula: `=${column}${n('summary:income')}-${column}${n('summary:costs')}` }))]);
  const accumulate = (resultKey: string) =>
    perYear((column, i) => ({ formula: i === 0 ? `=${column}${n(resultKey)}` : `=${letters(i - 1)}${n(`${resultKey}:accumulated`)}+${column}${n(resultKey)}` }));
  index.set('result:accumulated', rows.length);
  add('result:accumulated', [labels.accumulated, ...accumulate('result')]);
  if (withProposal) {
    // The same years had the rule in force stood: its income less the same costs, so both can be compared.
    add('inforce', [
      labels.resultInForce,
      ...perYear((column, i) =>
        columns[i]?.rule === undefined
          ? { formula: `=${column}${n('result')}` }
          : { formula: `=SSR.TOTAL(${column}$${n('year')},"${labels.groupArguments.all}",${column}$${n('mode')})-${column}${n('summary:costs')}` },
      ),
    ]);
    index.set('inforce:accumulated', rows.length);
    add('inforce:accumulated', [labels.accumulatedInForce, ...accumulate('inforce')]);
  }

  const width = 1 + years.length + 1;
  const columnKeys = ['label', ...years.map(yearKey), NOTE_KEY];
  const inputs: InputCell[] = [];
  for (const category of COST_CATEGORIES) for (const year of years) inputs.push({ row: `cost:${category}`, column: yearKey(year) });
  // A proposal's id typed in a year's rule cell is the team's choice for that year, kept on a rebuild.
  for (const year of years) inputs.push({ row: 'rule', column: yearKey(year) });
  // A note beside any keyed row, headings and totals too, wherever the plan leaves the note column empty
  // (the year row holds the column's heading): whatever the team writes there is kept.
  const noteColumn = 1 + years.length;
  for (const row of rows) {
    const planned = row.cells[noteColumn];
    if (row.key !== '' && (planned === undefined || planned === null || planned === '')) inputs.push({ row: row.key, column: NOTE_KEY });
  }

  const at = (key: string) => index.get(key) ?? 0;
  const line = (key: string, format: RangeFormat) => ({ address: `${planCell(at(key), 0)}:${planCell(at(key), width - 1)}`, format });
  const yearCells = (key: string, format: RangeFormat) => ({ address: `${planCell(at(key), 1)}:${planCell(at(key), years.length)}`, format });
  const sek = { numberFormat: SEK_FORMAT };
  const moneyRows = [
    ...GROUP_ORDER.map((group) => `income:${group}`),
    'income:total',
    ...COST_CATEGORIES.map((category) => `cost:${category}`),
    ...reimbursedRows,
    'cost:total',
    'summary:income',
    'summary:costs',
    'result',
    'result:accumulated',
    ...(withProposal ? ['inforce', 'inforce:accumulated'] : []),
  ];
  const formats: SheetPlan['formats'] = [
    { address: planCell(at('title'), 0), format: { bold: true } },
    { address: planCell(at('asof'), 1), format: { numberFormat: AS_OF_FORMAT } },
    ...['year', 'income', 'costs', 'summary', 'income:total', 'cost:total', 'result'].map((key) => line(key, { bold: true })),
    ...(years.length > 0 ? moneyRows.map((key) => yearCells(key, sek)) : []),
  ];

  const sheet = labels.sheetName;
  const cell = (row: string, year: number) => planCell(at(row), 1 + years.indexOf(year));
  return {
    sheet,
    columnKeys,
    rows,
    inputs,
    formats,
    columns: [{ width: 260 }, ...years.map(() => ({ width: 120 })), { width: 220 }],
    charts:
      years.length === 0
        ? []
        : [
            {
              sheet,
              name: `SSR_BudgetChart_${years[0] ?? ''}`,
              title: labels.chartTitle,
              // The summary's year row as categories, its income and cost rows as the two series.
              source: `${planCell(at('summary'), 1)}:${planCell(at('summary:costs'), years.length)}`,
              seriesBy: 'rows',
              seriesNames: [labels.summaryIncome, labels.summaryCosts],
              anchor: planCell(at('year'), width + 1),
            },
          ],
    cell,
  };
}
