import { cellAddress, columnLetters } from './address';
import type { CellInput, ChartSpec, ColumnFormat, RangeFormat } from './port';

/**
 * A sheet the add-in builds and rebuilds, planned as data. Each row and each column that holds
 * something the team may type carries an identity, its key: row keys in the hidden column A,
 * column keys in the hidden row 1. Keys travel with their rows and columns when someone inserts
 * or sorts, so a rebuild (another year, more plan years, a new member) finds every typed figure
 * where it now belongs. Planners (budget, impact) are pure and tested without a workbook.
 */
export interface SheetPlan {
  sheet: string;
  /** Column keys from column B on; '' for a column without identity. */
  columnKeys: readonly string[];
  /** The rows from row 2 on: each with its key ('' for none) and its cells from column B on. */
  rows: readonly PlannedRow[];
  /** The cells the team fills in, by row and column key: what was typed there is kept on a rebuild. */
  inputs: readonly InputCell[];
  formats: readonly { address: string; format: RangeFormat }[];
  /** Widths and formats of the columns from column B on. */
  columns: readonly (ColumnFormat | undefined)[];
  charts: readonly ChartSpec[];
}

export interface PlannedRow {
  key: string;
  cells: readonly CellInput[];
}

export interface InputCell {
  row: string;
  column: string;
}

/** Where the plan starts on the sheet (0-based): row 2 and column B, after the key row and column. */
export const PLAN_ORIGIN = { row: 1, column: 1 } as const;

/** The sheet address of the plan's cell at row `row` (0: sheet row 2) and column `column` (0: column B). */
export function planCell(row: number, column: number): string {
  return cellAddress({ row: PLAN_ORIGIN.row + row, column: PLAN_ORIGIN.column + column });
}

/** The column letters of the plan's column `column` (0: B). */
export function planColumn(column: number): string {
  return columnLetters(PLAN_ORIGIN.column + column);
}

/** The sheet row number (1-based, as formulas write it) of the plan's row `row` (0: row 2). */
export function planRow(row: number): number {
  return PLAN_ORIGIN.row + row + 1;
}

/** The whole grid as the sheet holds it: keys in row 1 and column A, the plan from B2. */
export function sheetGrid(plan: SheetPlan): CellInput[][] {
  return [['', ...plan.columnKeys], ...plan.rows.map((row) => [row.key, ...row.cells])];
}
