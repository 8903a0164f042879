import type { CellPosition } from '../../excel/address';
import { parseCellAddress, parseRangeAddress } from '../../excel/address';
import { isFormula } from '../formula/parse';
import type { FormulaValue } from '../formula/values';
import { cellError, isCellError, topLeft } from '../formula/values';
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
import { cellKey, cellValue, emptySheet } from './model';
import type { FunctionCaller } from './recalc';
import { evaluateDetached, recalculate } from './recalc';
import { tableRowForEdit } from './tables';

function readValue(value: FormulaValue): CellReadValue {
  const scalar = topLeft(value);
  return isCellError(scalar) ? scalar.error : scalar;
}

/**
 * Preview mode's Excel: sheets of cells in memory, formulas evaluated by the pure evaluator,
 * SSR.* calls answered by the same custom functions Excel would run. It implements the
 * Excel layer's port, and the grid beside the pane draws it and edits it.
 */
export class MemoryWorkbook implements WorkbookPort {
  readonly kind = 'preview' as const;
  private readonly sheets = new Map<string, MemorySheet>();
  private readonly tables = new Map<string, MemoryTable>();
  private readonly listeners = new Set<() => void>();
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
    const run = recalculate(this.sheets, this.call).then(
      (results) => {
        // A later edit started a newer pass: its values win, these are already stale.
        if (generation !== this.generation) return;
        for (const [sheetName, values] of results) {
          const sheet = this.sheets.get(sheetName);
          for (const [key, value] of values) {
            const cell = sheet?.cells.get(key);
            if (cell?.formula !== undefined) cell.value = value;
          }
        }
      },
      (error: unknown) => {
        console.error('Preview workbook: recalculation failed', error);
      },
    );
    this.calculation = run.finally(() => {
      this.pending -= 1;
      this.changed();
    });
    return this.calculation;
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

  tablesOn(sheet: string): MemoryTable[] {
    return [...this.tables.values()].filter((table) => table.sheet === sheet);
  }

  setActiveSheet(name: string): void {
    if (!this.sheets.has(name)) throw new WorkbookError(`No sheet named ${name}`);
    this.activeSheet = name;
    this.changed();
  }

  /** A formula typed into the formula box, evaluated against the active sheet. */
  evaluate(formula: string): Promise<FormulaValue> {
    return evaluateDetached(formula, this.sheets, this.activeSheet, this.call);
  }

  // ---- editing, as a person types into the grid ----
  /**
   * What typing into a cell does: `=…` is a formula, a number is a number unless the cell is
   * formatted as text, empty clears. Typing just below a table grows the table, as Excel does.
   */
  async setCellInput(sheetName: string, position: CellPosition, text: string): Promise<void> {
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
      cell.formula = trimmed;
      cell.value = cellError('#BUSY!');
    } else if (format !== '@' && /^-?\d+(?:[.,]\d+)?$/.test(trimmed)) {
      cell.value = Number(trimmed.replace(',', '.'));
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
        const value = readValue(cell?.value ?? null);
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

  /** Recalculates every formula (the preview is small); names the sheets that hold SSR.* formulas. */
  recalculate(): Promise<string[]> {
    const ssr = /(?<![A-Za-z0-9_.])SSR\./i;
    const names = [...this.sheets.values()].filter((sheet) => [...sheet.cells.values()].some((cell) => cell.formula !== undefined && ssr.test(cell.formula))).map((sheet) => sheet.name);
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
