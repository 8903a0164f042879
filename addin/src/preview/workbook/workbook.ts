import type { CellPosition } from '../../excel/address';
import { cellAddress, parseCellAddress, parseRangeAddress } from '../../excel/address';
import type { FormulaLocale } from '../formula/locale';
import { INVARIANT } from '../formula/locale';
import { isFormula, translateFormula } from '../formula/parse';
import type { FormulaValue, ScalarValue } from '../formula/values';
import { cellError, isCellError, plain, topLeft } from '../formula/values';
import type {
  CellInput,
  CellReadValue,
  ChartSpec,
  ColumnFormat,
  RangeFormat,
  RegisterStamp,
  SheetOptions,
  TableData,
  TableSpec,
  WorkbookPort,
} from '../../excel/port';
import { isFormulaInput, WorkbookError } from '../../excel/port';
import type { MemoryCell, MemorySheet, MemoryTable } from './model';
import { cellKey, cellValue, emptySheet, usedExtent } from './model';
import type { FunctionCaller } from './recalc';
import { evaluateDetached, recalculate } from './recalc';
import { layOutSpills, sameSpills, SPILL_BLOCKED } from './spill';
import { callsNamespace, PRODUCTION_NAMESPACE } from '../../excel/namespace';
import { tableRowForEdit } from './tables';

/** As Excel's `values` reads a cell: a money cell is its number, an error its code. */
function readValue(value: FormulaValue): CellReadValue {
  const scalar = plain(topLeft(value));
  return isCellError(scalar) ? scalar.error : scalar;
}

/** Passes over the workbook while spilled tables still move (a formula reading a spilled cell). */
const MAX_SPILL_PASSES = 3;

/** What the grid shows in a cell: its own value and format, or a value spilled into it. */
export interface ShownCell {
  value: FormulaValue;
  numberFormat?: string;
  bold?: boolean;
  /** The invariant formula, for a cell that has one. */
  formula?: string;
  /** The value came from a table spilled by a formula above or left of it. */
  spilled: boolean;
}

/**
 * Preview mode's Excel: sheets of cells in memory, formulas evaluated by the pure evaluator,
 * SSR.* calls answered by the same custom functions Excel would run. It implements the
 * Excel layer's port, and the grid beside the pane draws it and edits it.
 */
/** A number as typed in the language: digits, with the language's decimal sign only. */
function isTypedNumber(text: string, locale: FormulaLocale): boolean {
  return (locale.decimalSeparator === ',' ? /^-?\d+(?:,\d+)?$/ : /^-?\d+(?:\.\d+)?$/).test(text);
}

export class MemoryWorkbook implements WorkbookPort {
  readonly kind = 'preview' as const;
  private readonly sheets = new Map<string, MemorySheet>();
  private readonly tables = new Map<string, MemoryTable>();
  private readonly listeners = new Set<() => void>();
  /** Drop-down lists by sheet and range address, as `setListValidation` set them. */
  private readonly validations = new Map<string, Map<string, readonly string[]>>();
  private version = 0;
  private generation = 0;
  private calculation: Promise<void> = Promise.resolve();
  private pending = 0;
  activeSheet: string;

  constructor(
    private readonly call: FunctionCaller,
    firstSheet = 'Blad1',
  ) {
    this.sheets.set(firstSheet, emptySheet(firstSheet));
    this.activeSheet = firstSheet;
  }

  // ---- observation, for the grid (useSyncExternalStore) ----
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  get calculating(): boolean {
    return this.pending > 0;
  }

  private changed(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }

  /** Settles once the latest recalculation has applied its values. */
  whenCalculated(): Promise<void> {
    return this.calculation;
  }

  private scheduleRecalculation(): Promise<void> {
    this.generation += 1;
    const generation = this.generation;
    this.pending += 1;
    this.changed();
    const run = this.recalculateAll(generation).catch((error: unknown) => {
      console.error('Preview workbook: recalculation failed', error);
    });
    this.calculation = run.finally(() => {
      this.pending -= 1;
      this.changed();
    });
    return this.calculation;
  }

  /**
   * Compute every formula and lay out the spilled tables; while spills move, compute again, so
   * formulas that read spilled cells see them. A newer pass (a later edit) makes this one stale.
   */
  private async recalculateAll(generation: number): Promise<void> {
    for (let pass = 0; pass < MAX_SPILL_PASSES; pass += 1) {
      const results = await recalculate(this.sheets, this.call);
      if (generation !== this.generation) return;
      let moved = false;
      for (const sheet of this.sheets.values()) {
        const values = results.get(sheet.name) ?? new Map<string, FormulaValue>();
        for (const [key, value] of values) {
          const cell = sheet.cells.get(key);
          if (cell?.formula !== undefined) cell.value = value;
        }
        const layout = layOutSpills(sheet, values);
        for (const key of layout.blocked) {
          const cell = sheet.cells.get(key);
          if (cell) cell.value = SPILL_BLOCKED;
        }
        if (!sameSpills(sheet.spills, layout.spills)) moved = true;
        sheet.spills = layout.spills;
      }
      if (!moved) return;
    }
  }

  // ---- reading, for the grid ----
  listSheets(): { name: string; hidden: boolean }[] {
    return [...this.sheets.values()].map((sheet) => ({ name: sheet.name, hidden: sheet.hidden }));
  }

  getSheet(name: string): MemorySheet | undefined {
    return this.sheets.get(name);
  }

  getCell(sheet: string, position: CellPosition): MemoryCell | undefined {
    return this.sheets.get(sheet)?.cells.get(cellKey(position));
  }

  /** A cell as the grid shows it, spilled values included. */
  shownCell(sheet: string, position: CellPosition): ShownCell | undefined {
    const model = this.sheets.get(sheet);
    const key = cellKey(position);
    const cell = model?.cells.get(key);
    const spilled: ScalarValue | undefined = cell?.formula === undefined && (cell?.value ?? null) === null ? model?.spills.get(key) : undefined;
    if (spilled !== undefined) return { ...cell, value: spilled, spilled: true };
    return cell ? { ...cell, spilled: false } : undefined;
  }

  tablesOn(sheet: string): MemoryTable[] {
    return [...this.tables.values()].filter((table) => table.sheet === sheet);
  }

  setActiveSheet(name: string): void {
    if (!this.sheets.has(name)) throw new WorkbookError(`No sheet named ${name}`);
    this.activeSheet = name;
    this.changed();
  }

  /** A formula typed into the formula box (in `locale`), evaluated against the active sheet. */
  evaluate(formula: string, locale: FormulaLocale = INVARIANT): Promise<FormulaValue> {
    return evaluateDetached(formula, this.sheets, this.activeSheet, this.call, locale);
  }

  // ---- editing, as a person types into the grid ----
  /**
   * What typing into a cell does: `=…` is a formula, a number is a number unless the cell is
   * formatted as text, empty clears. Typing just below a table grows the table, as Excel does.
   * A formula is typed in `locale` (the formula bar's language) and kept invariant, as Excel does.
   */
  async setCellInput(sheetName: string, position: CellPosition, text: string, locale: FormulaLocale = INVARIANT): Promise<void> {
    const sheet = this.requireSheet(sheetName);
    const key = cellKey(position);
    const existing = sheet.cells.get(key);
    const trimmed = text.trim();
    const table = trimmed === '' ? undefined : tableRowForEdit(this.tablesOn(sheetName), position);
    if (table) this.growTable(sheet, table);
    const format = sheet.cells.get(key)?.numberFormat ?? existing?.numberFormat;
    const cell: MemoryCell = { value: null, ...(format === undefined ? {} : { numberFormat: format }) };
    if (existing?.bold) cell.bold = true;
    // A text-formatted cell keeps what is typed, `=` included, as Excel does.
    if (format !== '@' && isFormula(trimmed)) {
      cell.formula = translateFormula(trimmed, locale, INVARIANT);
      cell.value = cellError('#BUSY!');
    } else if (format !== '@' && isTypedNumber(trimmed, locale)) {
      // Only the language's decimal sign: `1,500` in English is text, never one and a half.
      cell.value = Number(trimmed.replace(locale.decimalSeparator, '.'));
    } else {
      cell.value = trimmed === '' ? null : text;
    }
    if (cell.value === null && cell.formula === undefined && cell.numberFormat === undefined && !cell.bold) sheet.cells.delete(key);
    else sheet.cells.set(key, cell);
    await this.scheduleRecalculation();
  }

  /** Delete a table's data row (0-based), moving the rows below it up, as Excel's "Delete table row". */
  async deleteTableRow(name: string, index: number): Promise<void> {
    const table = this.requireTable(name);
    if (index < 0 || index >= table.rows) throw new WorkbookError(`Row ${index} is outside table ${name}`);
    const sheet = this.requireSheet(table.sheet);
    const first = table.top + 1 + index;
    const last = table.top + table.rows;
    for (let row = first; row <= last; row += 1) {
      for (let column = table.left; column < table.left + table.columns; column += 1) {
        const below = sheet.cells.get(cellKey({ row: row + 1, column }));
        const key = cellKey({ row, column });
        if (row < last && below) sheet.cells.set(key, { ...below });
        else sheet.cells.delete(key);
      }
    }
    table.rows -= 1;
    await this.scheduleRecalculation();
  }

  private growTable(sheet: MemorySheet, table: MemoryTable): void {
    // The new row takes the formats of the row above, so a text column stays text.
    const above = table.top + table.rows;
    for (let column = table.left; column < table.left + table.columns; column += 1) {
      const format = sheet.cells.get(cellKey({ row: above, column }))?.numberFormat;
      const key = cellKey({ row: above + 1, column });
      if (format !== undefined && !sheet.cells.has(key)) sheet.cells.set(key, { value: null, numberFormat: format });
    }
    table.rows += 1;
  }

  private requireSheet(name: string): MemorySheet {
    const sheet = this.sheets.get(name);
    if (!sheet) throw new WorkbookError(`No sheet named ${name}`);
    return sheet;
  }

  private requireTable(name: string): MemoryTable {
    const table = this.tables.get(name);
    if (!table) throw new WorkbookError(`No table named ${name}`);
    return table;
  }

  private putCell(sheet: MemorySheet, position: CellPosition, input: CellInput): void {
    const key = cellKey(position);
    const existing = sheet.cells.get(key);
    const base = { ...(existing?.numberFormat === undefined ? {} : { numberFormat: existing.numberFormat }), ...(existing?.bold ? { bold: true } : {}) };
    if (isFormulaInput(input)) sheet.cells.set(key, { ...base, formula: input.formula, value: cellError('#BUSY!') });
    else if (input === null || input === '') {
      if (Object.keys(base).length === 0) sheet.cells.delete(key);
      else sheet.cells.set(key, { ...base, value: null });
    } else sheet.cells.set(key, { ...base, value: input });
  }

  // ---- the port ----
  sheetNames(): Promise<string[]> {
    return Promise.resolve([...this.sheets.keys()]);
  }

  resetSheet(name: string, options: SheetOptions = {}): Promise<void> {
    this.validations.delete(name);
    for (const [tableName, table] of this.tables) if (table.sheet === name) this.tables.delete(tableName);
    this.sheets.set(name, emptySheet(name, options.hidden ?? false));
    this.changed();
    return Promise.resolve();
  }

  activateSheet(name: string): Promise<void> {
    this.setActiveSheet(name);
    return Promise.resolve();
  }

  async writeTable(spec: TableSpec): Promise<void> {
    const sheet = this.requireSheet(spec.sheet);
    const existing = this.tables.get(spec.name);
    if (existing) await this.resetTableArea(existing);
    this.applyColumns(sheet, spec.columns ?? [], 0, spec.rows.length);
    spec.headers.forEach((header, column) => {
      this.putCell(sheet, { row: 0, column }, header);
      const cell = sheet.cells.get(cellKey({ row: 0, column }));
      if (cell) cell.bold = true;
    });
    spec.rows.forEach((row, r) => row.forEach((input, column) => this.putCell(sheet, { row: r + 1, column }, input)));
    this.tables.set(spec.name, { name: spec.name, sheet: spec.sheet, top: 0, left: 0, columns: spec.headers.length, rows: spec.rows.length });
    await this.scheduleRecalculation();
  }

  private resetTableArea(table: MemoryTable): Promise<void> {
    const sheet = this.sheets.get(table.sheet);
    for (let row = table.top; row <= table.top + table.rows; row += 1) {
      for (let column = table.left; column < table.left + table.columns; column += 1) sheet?.cells.delete(cellKey({ row, column }));
    }
    this.tables.delete(table.name);
    return Promise.resolve();
  }

  private applyColumns(sheet: MemorySheet, columns: (ColumnFormat | undefined)[], firstRow: number, dataRows: number): void {
    columns.forEach((format, column) => {
      if (!format) return;
      if (format.width !== undefined) sheet.columnWidths.set(column, format.width);
      if (format.hidden) sheet.hiddenColumns.add(column);
      else if (format.hidden === false) sheet.hiddenColumns.delete(column);
      if (format.numberFormat === undefined) return;
      for (let row = firstRow + 1; row <= firstRow + dataRows; row += 1) {
        const key = cellKey({ row, column });
        const cell = sheet.cells.get(key);
        sheet.cells.set(key, { ...(cell ?? { value: null }), numberFormat: format.numberFormat });
      }
    });
  }

  readTable(name: string): Promise<TableData | undefined> {
    const table = this.tables.get(name);
    if (!table) return Promise.resolve(undefined);
    const sheet = this.sheets.get(table.sheet);
    const row = (r: number): CellReadValue[] =>
      Array.from({ length: table.columns }, (_, c) => readValue(cellValue(sheet, { row: r, column: table.left + c })));
    const headers = row(table.top).map((header) => (header === null ? '' : String(header)));
    const rows = Array.from({ length: table.rows }, (_, i) => row(table.top + 1 + i));
    return Promise.resolve({ sheet: table.sheet, headers, rows });
  }

  async appendTableRows(name: string, rows: CellInput[][]): Promise<void> {
    const table = this.requireTable(name);
    const sheet = this.requireSheet(table.sheet);
    for (const values of rows) {
      this.growTable(sheet, table);
      values.slice(0, table.columns).forEach((input, c) => this.putCell(sheet, { row: table.top + table.rows, column: table.left + c }, input));
    }
    await this.scheduleRecalculation();
  }

  async updateTableRow(name: string, index: number, values: CellInput[]): Promise<void> {
    const table = this.requireTable(name);
    if (index < 0 || index >= table.rows) throw new WorkbookError(`Row ${index} is outside table ${name}`);
    const sheet = this.requireSheet(table.sheet);
    values.slice(0, table.columns).forEach((input, c) => this.putCell(sheet, { row: table.top + 1 + index, column: table.left + c }, input));
    await this.scheduleRecalculation();
  }

  async writeRange(sheetName: string, topLeftAddress: string, cells: CellInput[][]): Promise<void> {
    const sheet = this.requireSheet(sheetName);
    const origin = parseCellAddress(topLeftAddress);
    if (!origin) throw new WorkbookError(`Not a cell address: ${topLeftAddress}`);
    cells.forEach((row, r) => row.forEach((input, c) => this.putCell(sheet, { row: origin.row + r, column: origin.column + c }, input)));
    await this.scheduleRecalculation();
  }

  formatRange(sheetName: string, address: string, format: RangeFormat): Promise<void> {
    const sheet = this.requireSheet(sheetName);
    const bounds = parseRangeAddress(address);
    if (!bounds) throw new WorkbookError(`Not a range address: ${address}`);
    for (let row = bounds.top; row <= bounds.bottom; row += 1) {
      for (let column = bounds.left; column <= bounds.right; column += 1) {
        const key = cellKey({ row, column });
        const cell: MemoryCell = { ...(sheet.cells.get(key) ?? { value: null }) };
        if (format.numberFormat !== undefined) cell.numberFormat = format.numberFormat;
        if (format.bold !== undefined) cell.bold = format.bold;
        sheet.cells.set(key, cell);
      }
    }
    if (format.rowsHidden !== undefined) {
      for (let row = bounds.top; row <= bounds.bottom; row += 1) {
        if (format.rowsHidden) sheet.hiddenRows.add(row);
        else sheet.hiddenRows.delete(row);
      }
    }
    this.changed();
    return Promise.resolve();
  }

  formatColumns(sheetName: string, columns: (ColumnFormat | undefined)[]): Promise<void> {
    const sheet = this.requireSheet(sheetName);
    columns.forEach((format, column) => {
      if (format?.width !== undefined) sheet.columnWidths.set(column, format.width);
      if (format?.hidden) sheet.hiddenColumns.add(column);
    });
    this.changed();
    return Promise.resolve();
  }

  readRange(sheetName: string, address: string): Promise<{ values: CellReadValue[][]; formulas: string[][] }> {
    const sheet = this.sheets.get(sheetName);
    const bounds = parseRangeAddress(address);
    if (!sheet || !bounds) throw new WorkbookError(`Cannot read ${sheetName}!${address}`);
    const values: CellReadValue[][] = [];
    const formulas: string[][] = [];
    for (let row = bounds.top; row <= bounds.bottom; row += 1) {
      const valueRow: CellReadValue[] = [];
      const formulaRow: string[] = [];
      for (let column = bounds.left; column <= bounds.right; column += 1) {
        const cell = sheet.cells.get(cellKey({ row, column }));
        const value = readValue(cellValue(sheet, { row, column }));
        valueRow.push(value);
        formulaRow.push(cell?.formula ?? (value === null ? '' : String(value)));
      }
      values.push(valueRow);
      formulas.push(formulaRow);
    }
    return Promise.resolve({ values, formulas });
  }

  addChart(spec: ChartSpec): Promise<void> {
    const sheet = this.requireSheet(spec.sheet);
    sheet.charts = [...sheet.charts.filter((chart) => chart.name !== spec.name), spec];
    this.changed();
    return Promise.resolve();
  }

  async renameSheet(from: string, to: string): Promise<void> {
    const sheet = this.requireSheet(from);
    if (this.sheets.has(to)) throw new WorkbookError(`A sheet named ${to} already exists`);
    // Keep the order of the sheet tabs: the renamed sheet stays where it was.
    const entries = [...this.sheets];
    this.sheets.clear();
    for (const [name, each] of entries) {
      if (name === from) this.sheets.set(to, { ...each, name: to, charts: sheet.charts.map((chart) => ({ ...chart, sheet: to })) });
      else this.sheets.set(name, each);
    }
    for (const table of this.tables.values()) if (table.sheet === from) table.sheet = to;
    const lists = this.validations.get(from);
    if (lists) {
      this.validations.delete(from);
      this.validations.set(to, lists);
    }
    if (this.activeSheet === from) this.activeSheet = to;
    // Unlike Excel, the preview does not rewrite formulas that name the sheet: they are recalculated as they stand.
    await this.scheduleRecalculation();
  }

  readSheet(name: string): Promise<{ values: CellReadValue[][]; formulas: string[][] } | undefined> {
    const sheet = this.sheets.get(name);
    if (!sheet) return Promise.resolve(undefined);
    const { rows, columns } = usedExtent(sheet);
    if (rows === 0 || columns === 0) return Promise.resolve({ values: [], formulas: [] });
    return this.readRange(name, `A1:${cellAddress({ row: rows - 1, column: columns - 1 })}`);
  }

  setListValidation(sheetName: string, address: string, values: readonly string[]): Promise<void> {
    this.requireSheet(sheetName);
    if (!parseRangeAddress(address)) throw new WorkbookError(`Not a range address: ${address}`);
    const lists = this.validations.get(sheetName) ?? new Map<string, readonly string[]>();
    lists.set(address, [...values]);
    this.validations.set(sheetName, lists);
    this.changed();
    return Promise.resolve();
  }

  /** The drop-down lists set on a sheet, by range address. */
  listValidations(sheetName: string): ReadonlyMap<string, readonly string[]> {
    return this.validations.get(sheetName) ?? new Map<string, readonly string[]>();
  }

  /** Recalculates every formula (the preview is small); names the sheets that hold SSR.* formulas. */
  recalculate(): Promise<string[]> {
    const names = [...this.sheets.values()]
      .filter((sheet) => [...sheet.cells.values()].some((cell) => cell.formula !== undefined && callsNamespace(cell.formula, PRODUCTION_NAMESPACE)))
      .map((sheet) => sheet.name);
    return this.scheduleRecalculation().then(() => names);
  }

  private registerStamp: RegisterStamp | undefined;

  readRegisterStamp(): Promise<RegisterStamp | undefined> {
    return Promise.resolve(this.registerStamp);
  }

  writeRegisterStamp(stamp: RegisterStamp): Promise<void> {
    this.registerStamp = { ...stamp };
    return Promise.resolve();
  }
}
