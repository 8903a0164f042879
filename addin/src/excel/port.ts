/**
 * The Excel layer's port: every workbook operation the pane needs, and nothing of Office.js.
 * Two adapters implement it: Office.js inside Excel (office/), and the in-memory workbook of
 * preview mode (memory/). Components receive it through the pane's context, never Office itself.
 */

/** What a cell gives back when read: Excel reports errors as their code text ("#N/A"). */
export type CellReadValue = string | number | boolean | null;

/** What the pane writes into a cell: a value, or a formula such as `=SSR.FEE($A5,$B$2,$B$3)`. */
export type CellInput = CellReadValue | { formula: string };

export interface ColumnFormat {
  /** Excel number format code: `@` (text), `#,##0`, `#,##0.00 "kr"`. */
  numberFormat?: string;
  /** Width in points, as Excel's `format.columnWidth`. */
  width?: number;
  hidden?: boolean;
}

export interface TableSpec {
  sheet: string;
  /** Workbook-wide table name, such as `SSR_Members`. */
  name: string;
  headers: string[];
  rows: CellInput[][];
  /** Per column, by index; text columns must be `@` before values land so "0182" stays "0182". */
  columns?: (ColumnFormat | undefined)[];
}

export interface TableData {
  sheet: string;
  headers: string[];
  rows: CellReadValue[][];
}

export interface RangeFormat {
  numberFormat?: string;
  bold?: boolean;
  /** Hide (or show) the whole rows of the range, as Excel's `rowHidden`. */
  rowsHidden?: boolean;
}

export interface ChartSpec {
  sheet: string;
  name: string;
  title: string;
  /**
   * Category labels in the first column, a series in each further column: `A44:B48` is one
   * series, `A44:C48` two. With `seriesBy: 'rows'`, labels in the first row and a series per row.
   */
  source: string;
  seriesBy?: 'columns' | 'rows';
  /** The series' names, in order; shown in a legend when there is more than one series. */
  seriesNames?: readonly string[];
  /** Where the chart's top-left corner sits. */
  anchor: string;
}

export interface SheetOptions {
  hidden?: boolean;
}

/**
 * Which register the workbook's SSR.* cells were last computed from, kept in the workbook so
 * that it travels with the file: at open, and while open, the add-in compares it with the API's.
 */
export interface RegisterStamp {
  /** The snapshot's version (the register's content version). */
  version: string;
  /** When the API gave or confirmed that version, ms since the epoch. */
  readAt: number;
}

export interface WorkbookPort {
  readonly kind: 'office' | 'preview';
  sheetNames(): Promise<string[]>;
  /** Create the sheet, or empty it (cells, formats, tables, charts) when it exists. */
  resetSheet(name: string, options?: SheetOptions): Promise<void>;
  activateSheet(name: string): Promise<void>;
  /** Write a table at A1 of its sheet (reset the sheet first); a table of the same name is replaced. */
  writeTable(spec: TableSpec): Promise<void>;
  /** The table's header and data rows, or undefined when the workbook has no such table. */
  readTable(name: string): Promise<TableData | undefined>;
  /** Add rows at the end of a table. */
  appendTableRows(name: string, rows: CellInput[][]): Promise<void>;
  /** Overwrite one data row (0-based) of a table. */
  updateTableRow(name: string, index: number, values: CellInput[]): Promise<void>;
  /** Write a block of values and formulas whose top-left cell is `topLeft` (`A1`). */
  writeRange(sheet: string, topLeft: string, cells: CellInput[][]): Promise<void>;
  formatRange(sheet: string, address: string, format: RangeFormat): Promise<void>;
  formatColumns(sheet: string, columns: (ColumnFormat | undefined)[]): Promise<void>;
  /** Values (computed) and formulas of a range; a plain value's formula is the value as text. */
  readRange(sheet: string, address: string): Promise<{ values: CellReadValue[][]; formulas: string[][] }>;
  addChart(spec: ChartSpec): Promise<void>;
  /** Give a sheet another name; a name already taken is a WorkbookError. */
  renameSheet(from: string, to: string): Promise<void>;
  /**
   * Values and formulas of a sheet from A1 to the last cell in use, or undefined when the
   * workbook has no such sheet: what a rebuild reads before it writes.
   */
  readSheet(name: string): Promise<{ values: CellReadValue[][]; formulas: string[][] } | undefined>;
  /**
   * A drop-down of `values` in every cell of `address` (`C2:C38`), replacing any rule there.
   * Other text is let through without an alert: the pane reviews what was typed, and words of
   * the other language are accepted there.
   */
  setListValidation(sheet: string, address: string, values: readonly string[]): Promise<void>;
  /**
   * Recalculate the sheets that hold SSR.* formulas (all their cells, as custom functions are not
   * volatile), so they show what the refreshed snapshot says; never the whole workbook, which in
   * a large budget workbook is slow. Gives the names of the sheets recalculated.
   */
  recalculate(): Promise<string[]>;
  /** The register the SSR.* cells were last computed from, as stored in the workbook; undefined when none is. */
  readRegisterStamp(): Promise<RegisterStamp | undefined>;
  writeRegisterStamp(stamp: RegisterStamp): Promise<void>;
}

/**
 * A workbook operation that failed: a sheet or table that is gone, a range Excel refused. Each
 * adapter throws this, so the pane tells a workbook problem from any other without knowing the
 * adapter (Office.js rejects with its own error type, which the Office adapter translates).
 */
export class WorkbookError extends Error {
  override readonly name = 'WorkbookError';
}

export function isFormulaInput(input: CellInput): input is { formula: string } {
  return typeof input === 'object' && input !== null;
}
