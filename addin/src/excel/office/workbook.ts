import { blockAddress, columnLetters, parseCellAddress, parseRangeAddress, rangeAddress } from '../address';
import { callsNamespace, fromNamespace, PRODUCTION_NAMESPACE, toNamespace } from '../namespace';
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
} from '../port';
import { isFormulaInput, WorkbookError } from '../port';
import { parseStampXml, stampNamespaceUri, stampXml } from '../register-stamp';

/**
 * The Excel layer inside Excel: the only module that calls Office.js. Each operation is one
 * `Excel.run` with as few `sync` calls as the API allows.
 */

type Matrix = (string | number | boolean)[][];

/**
 * Text that Excel would read as something else (a formula, a number, a date, a boolean) gets
 * the apostrophe prefix, which Excel keeps out of the value: a member named `=cmd()` stays text.
 */
export function excelInput(input: CellInput): string | number | boolean {
  if (isFormulaInput(input)) return input.formula;
  if (input === null) return '';
  if (typeof input !== 'string') return input;
  return /^[=+\-@']/.test(input) || /^[\d\s.,:/-]+$/.test(input) || /^(true|false)$/i.test(input) ? `'${input}` : input;
}

function readCell(value: unknown): CellReadValue {
  if (value === '' || value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

function fill<T>(rows: number, columns: number, value: (row: number, column: number) => T): T[][] {
  return Array.from({ length: rows }, (_, row) => Array.from({ length: columns }, (__, column) => value(row, column)));
}

function columnRange(sheet: Excel.Worksheet, column: number): Excel.Range {
  const letters = columnLetters(column);
  return sheet.getRange(`${letters}:${letters}`);
}

function applyColumnLayout(sheet: Excel.Worksheet, columns: readonly (ColumnFormat | undefined)[]): void {
  columns.forEach((format, column) => {
    if (format?.width !== undefined) columnRange(sheet, column).format.columnWidth = format.width;
    if (format?.hidden !== undefined) columnRange(sheet, column).columnHidden = format.hidden;
  });
}

/**
 * One batch on the workbook. Office.js rejects with OfficeExtension.Error ("RichApi.Error"):
 * it becomes the port's WorkbookError with Office's message, the original kept as its cause.
 */
async function run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  try {
    return await Excel.run(batch);
  } catch (error) {
    if (error instanceof Error && error.name === 'RichApi.Error') throw new WorkbookError(error.message, { cause: error });
    throw error;
  }
}

export interface OfficeWorkbookOptions {
  /** The namespace Excel knows the SSR.* functions by (SSRDEV with the development manifest). */
  namespace?: string;
}

export class OfficeWorkbook implements WorkbookPort {
  readonly kind = 'office' as const;
  private readonly namespace: string;

  constructor(options: OfficeWorkbookOptions = {}) {
    this.namespace = options.namespace ?? PRODUCTION_NAMESPACE;
  }

  /** What Excel gets for a cell: formulas with the functions in this add-in's namespace. */
  private input = (input: CellInput): string | number | boolean =>
    excelInput(isFormulaInput(input) ? { formula: toNamespace(input.formula, this.namespace) } : input);

  async sheetNames(): Promise<string[]> {
    return run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await context.sync();
      return sheets.items.map((sheet) => sheet.name);
    });
  }

  async resetSheet(name: string, options: SheetOptions = {}): Promise<void> {
    await run(async (context) => {
      const sheets = context.workbook.worksheets;
      const existing = sheets.getItemOrNullObject(name);
      await context.sync();
      let sheet = existing;
      if (existing.isNullObject) {
        sheet = sheets.add(name);
      } else {
        // Tables and charts outlive a cleared range, so they go first.
        existing.tables.load('items/name');
        existing.charts.load('items/name');
        await context.sync();
        for (const table of existing.tables.items) table.delete();
        for (const chart of existing.charts.items) chart.delete();
        existing.getRange().clear('All');
        existing.getRange().columnHidden = false;
        existing.getRange().rowHidden = false;
      }
      sheet.visibility = options.hidden ? 'Hidden' : 'Visible';
      await context.sync();
    });
  }

  async activateSheet(name: string): Promise<void> {
    await run(async (context) => {
      context.workbook.worksheets.getItem(name).activate();
      await context.sync();
    });
  }

  async writeTable(spec: TableSpec): Promise<void> {
    await run(async (context) => {
      const previous = context.workbook.tables.getItemOrNullObject(spec.name);
      await context.sync();
      if (!previous.isNullObject) previous.delete();
      const sheet = context.workbook.worksheets.getItem(spec.sheet);
      const columns = spec.headers.length;
      const block = sheet.getRange(blockAddress({ row: 0, column: 0 }, spec.rows.length + 1, columns));
      // Formats before values: a text column must already be text when "0182" arrives.
      block.numberFormat = fill(spec.rows.length + 1, columns, (row, column) =>
        row === 0 ? '@' : (spec.columns?.[column]?.numberFormat ?? 'General'),
      );
      block.formulas = [spec.headers.map((header) => excelInput(header)), ...spec.rows.map((row) => row.map(this.input))] as Matrix;
      const table = sheet.tables.add(block, true);
      table.name = spec.name;
      applyColumnLayout(sheet, spec.columns ?? []);
      await context.sync();
    });
  }

  async readTable(name: string): Promise<TableData | undefined> {
    return run(async (context) => {
      const table = context.workbook.tables.getItemOrNullObject(name);
      await context.sync();
      if (table.isNullObject) return undefined;
      const header = table.getHeaderRowRange().load('values');
      const body = table.getDataBodyRange().load('values');
      const sheet = table.worksheet.load('name');
      await context.sync();
      const headers = (header.values[0] ?? []).map((cell: unknown) => String(readCell(cell) ?? ''));
      const rows = body.values.map((row: unknown[]) => row.map(readCell));
      return { sheet: sheet.name, headers, rows };
    });
  }

  async appendTableRows(name: string, rows: CellInput[][]): Promise<void> {
    if (rows.length === 0) return;
    await run(async (context) => {
      context.workbook.tables.getItem(name).rows.add(undefined, rows.map((row) => row.map(this.input)));
      await context.sync();
    });
  }

  async updateTableRow(name: string, index: number, values: CellInput[]): Promise<void> {
    await run(async (context) => {
      const row = context.workbook.tables.getItem(name).rows.getItemAt(index).getRange();
      row.formulas = [values.map(this.input)];
      await context.sync();
    });
  }

  async writeRange(sheetName: string, topLeft: string, cells: CellInput[][]): Promise<void> {
    const origin = parseCellAddress(topLeft);
    const columns = Math.max(0, ...cells.map((row) => row.length));
    if (!origin || cells.length === 0 || columns === 0) return;
    await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      const range = sheet.getRange(blockAddress(origin, cells.length, columns));
      range.formulas = cells.map((row) => Array.from({ length: columns }, (_, c) => this.input(row[c] ?? null)));
      await context.sync();
    });
  }

  async formatRange(sheetName: string, address: string, format: RangeFormat): Promise<void> {
    const bounds = parseRangeAddress(address);
    if (!bounds) throw new RangeError(`Not a range address: ${address}`);
    await run(async (context) => {
      const range = context.workbook.worksheets.getItem(sheetName).getRange(address);
      if (format.numberFormat !== undefined) {
        const numberFormat = format.numberFormat;
        range.numberFormat = fill(bounds.bottom - bounds.top + 1, bounds.right - bounds.left + 1, () => numberFormat);
      }
      if (format.bold !== undefined) range.format.font.bold = format.bold;
      if (format.rowsHidden !== undefined) range.rowHidden = format.rowsHidden;
      await context.sync();
    });
  }

  async formatColumns(sheetName: string, columns: (ColumnFormat | undefined)[]): Promise<void> {
    await run(async (context) => {
      applyColumnLayout(context.workbook.worksheets.getItem(sheetName), columns);
      await context.sync();
    });
  }

  async readRange(sheetName: string, address: string): Promise<{ values: CellReadValue[][]; formulas: string[][] }> {
    return run(async (context) => {
      const range = context.workbook.worksheets.getItem(sheetName).getRange(address).load(['values', 'formulas']);
      await context.sync();
      return {
        values: range.values.map((row: unknown[]) => row.map(readCell)),
        formulas: range.formulas.map((row: unknown[]) => row.map((cell) => fromNamespace(String(readCell(cell) ?? ''), this.namespace))),
      };
    });
  }

  async addChart(spec: ChartSpec): Promise<void> {
    await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(spec.sheet);
      const bounds = parseRangeAddress(spec.source);
      if (!bounds) throw new RangeError(`Not a range address: ${spec.source}`);
      const byRows = spec.seriesBy === 'rows';
      // Categories are set outright (ExcelApi 1.7): left to itself, Excel may read a row of years as a series.
      const categories = rangeAddress(byRows ? { ...bounds, bottom: bounds.top } : { ...bounds, right: bounds.left });
      const values = rangeAddress(byRows ? { ...bounds, top: bounds.top + 1 } : { ...bounds, left: bounds.left + 1 });
      const chart = sheet.charts.add('ColumnClustered', sheet.getRange(values), byRows ? 'Rows' : 'Columns');
      chart.name = spec.name;
      chart.title.text = spec.title;
      const seriesCount = byRows ? bounds.bottom - bounds.top : bounds.right - bounds.left;
      const names = spec.seriesNames ?? [];
      chart.legend.visible = seriesCount > 1;
      for (let index = 0; index < seriesCount; index += 1) {
        const series = chart.series.getItemAt(index);
        series.setXAxisValues(sheet.getRange(categories));
        const name = names[index];
        if (name !== undefined) series.name = name;
      }
      chart.setPosition(spec.anchor);
      await context.sync();
    });
  }

  async renameSheet(from: string, to: string): Promise<void> {
    await run(async (context) => {
      context.workbook.worksheets.getItem(from).name = to;
      await context.sync();
    });
  }

  async readSheet(name: string): Promise<{ values: CellReadValue[][]; formulas: string[][] } | undefined> {
    return run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(name);
      await context.sync();
      if (sheet.isNullObject) return undefined;
      const used = sheet.getUsedRangeOrNullObject(true);
      await context.sync();
      if (used.isNullObject) return { values: [], formulas: [] };
      // From A1, so that row and column indexes are the sheet's own.
      const range = sheet.getRange('A1').getBoundingRect(used).load(['values', 'formulas']);
      await context.sync();
      return {
        values: range.values.map((row: unknown[]) => row.map(readCell)),
        formulas: range.formulas.map((row: unknown[]) => row.map((cell) => fromNamespace(String(readCell(cell) ?? ''), this.namespace))),
      };
    });
  }

  async setListValidation(sheetName: string, address: string, values: readonly string[]): Promise<void> {
    await run(async (context) => {
      const validation = context.workbook.worksheets.getItem(sheetName).getRange(address).dataValidation;
      validation.clear();
      // The list's source is comma-separated whatever the workbook's locale; no word here holds a comma.
      validation.rule = { list: { inCellDropDown: true, source: values.join(',') } };
      validation.errorAlert = { showAlert: false, style: 'Stop', title: '', message: '' };
      await context.sync();
    });
  }

  async recalculate(): Promise<string[]> {
    return run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await context.sync();
      // Only formula cells are read (Range.getSpecialCells, ExcelApi 1.9), not every value of every
      // sheet. Worksheet.findAll would search less but skips hidden sheets, where SSR cells may be.
      const formulaCells = sheets.items.map((sheet) => ({ sheet, cells: sheet.getRange().getSpecialCellsOrNullObject('Formulas') }));
      await context.sync();
      const withFormulas = formulaCells.filter(({ cells }) => !cells.isNullObject);
      const areas = withFormulas.map(({ sheet, cells }) => ({ sheet, areas: cells.areas.load('items/formulas') }));
      await context.sync();
      const ssrSheets = areas
        .filter(({ areas: collection }) =>
          collection.items.some((area) => area.formulas.some((row: unknown[]) => row.some((cell) => typeof cell === 'string' && callsNamespace(cell, this.namespace)))),
        )
        .map(({ sheet }) => sheet);
      // markAllDirty: the SSR functions are neither volatile nor streaming, so Excel would
      // otherwise see nothing to recalculate (Worksheet.calculate, ExcelApi 1.6).
      for (const sheet of ssrSheets) sheet.calculate(true);
      await context.sync();
      return ssrSheets.map((sheet) => sheet.name);
    });
  }

  async readRegisterStamp(): Promise<RegisterStamp | undefined> {
    return run(async (context) => {
      const parts = context.workbook.customXmlParts.getByNamespace(stampNamespaceUri(this.namespace)).load('items/id');
      await context.sync();
      const part = parts.items.at(-1);
      if (!part) return undefined;
      const xml = part.getXml();
      await context.sync();
      return parseStampXml(xml.value);
    });
  }

  async writeRegisterStamp(stamp: RegisterStamp): Promise<void> {
    await run(async (context) => {
      const uri = stampNamespaceUri(this.namespace);
      const parts = context.workbook.customXmlParts.getByNamespace(uri).load('items/id');
      await context.sync();
      // One part: replace whatever is there (two parts would make the newest ambiguous).
      for (const part of parts.items) part.delete();
      context.workbook.customXmlParts.add(stampXml(stamp, uri));
      await context.sync();
    });
  }
}
