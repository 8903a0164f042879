import { OfficeMockObject } from 'office-addin-mock';
import { cellAddress, columnIndex, parseRangeAddress } from '../../../addin/src/excel/address';
import type { RangeBounds } from '../../../addin/src/excel/address';

/**
 * A stand-in for Excel behind Office.js, built on office-addin-mock: every object the code
 * gets is an OfficeMockObject, so reading a property that was not loaded and synced gives
 * the mock's error text instead of a value. Writes land in a small workbook model when the
 * code calls `context.sync()`, as they would in Excel.
 */

type Scalar = string | number | boolean;

export interface FakeCell {
  /** What was written, as Excel's `formulas` keeps it (an apostrophe prefix included). */
  input: Scalar;
  numberFormat: string;
  bold: boolean;
}

export interface FakeSheet {
  name: string;
  visibility: string;
  cells: Map<string, FakeCell>;
  columns: Map<number, { hidden?: boolean; width?: number }>;
  /** Rows hidden through `Range.rowHidden`, 0-based. */
  hiddenRows: Set<number>;
  charts: FakeChart[];
}

export interface FakeChart {
  name: string;
  type: string;
  /** The values the chart was added from; `categories` was set on each series (setXAxisValues). */
  source: string;
  seriesBy: string;
  title: string;
  legend: boolean;
  position: string;
  categories: string[];
  seriesNames: string[];
}

export interface FakeWorkbook {
  sheets: Map<string, FakeSheet>;
  tables: Map<string, { sheet: string; bounds: RangeBounds }>;
  /** Application.calculate: the calculation type of each call ('Full', 'Recalculate'…). */
  calculations: string[];
  /** Data-validation rules by `Sheet!A1:B2`, with their error alert. */
  validations: Map<string, { rule: unknown; errorAlert: unknown }>;
  /** Worksheet.calculate: which sheet, and whether every cell was marked dirty first. */
  sheetCalculations: { sheet: string; markAllDirty: boolean }[];
  /** The workbook's custom XML parts, as stored in the file. */
  xmlParts: { id: string; xml: string }[];
  activeSheet?: string;
  syncs: number;
}

/** What Excel shows for what was written: the apostrophe prefix is not part of the value. */
export function valueOf(input: Scalar): Scalar {
  return typeof input === 'string' && input.startsWith("'") ? input.slice(1) : input;
}

function cellsOf(bounds: RangeBounds): { row: number; column: number }[][] {
  const rows = [];
  for (let row = bounds.top; row <= bounds.bottom; row += 1) {
    const cells = [];
    for (let column = bounds.left; column <= bounds.right; column += 1) cells.push({ row, column });
    rows.push(cells);
  }
  return rows;
}

const COLUMN_RANGE = /^([A-Z]{1,3}):\1$/;

/** An OfficeMockObject seen as what it is at run time: its properties, load and sync. */
type Mock = Record<string, unknown> & { load(properties: string | string[]): Mock; sync(): Promise<void> };

function mockOf(data: Record<string, unknown>): Mock {
  return new OfficeMockObject(data) as unknown as Mock;
}

export function createFakeExcel(): { model: FakeWorkbook; Excel: { run: <T>(batch: (context: never) => Promise<T>) => Promise<T> } } {
  const model: FakeWorkbook = { sheets: new Map(), tables: new Map(), calculations: [], validations: new Map(), sheetCalculations: [], xmlParts: [], syncs: 0 };
  // Watchers notice property writes on every sync of the run; actions (delete, activate…) run once.
  let watchers: (() => void)[] = [];
  const actions: (() => void)[] = [];
  let handedOut: Mock[] = [];
  // Where each range mock points, for the fake's own use (the code under test must load `address`).
  const addresses = new WeakMap<object, string>();

  const track = (mock: Mock): Mock => {
    handedOut.push(mock);
    return mock;
  };

  const cellOf = (sheet: FakeSheet, position: { row: number; column: number }): FakeCell => {
    const key = cellAddress(position);
    let cell = sheet.cells.get(key);
    if (!cell) {
      cell = { input: '', numberFormat: 'General', bold: false };
      sheet.cells.set(key, cell);
    }
    return cell;
  };

  const rangeMock = (sheet: FakeSheet, address: string) => {
    const column = COLUMN_RANGE.exec(address);
    if (column) {
      const index = columnIndex(column[1] ?? 'A');
      const mock = track(mockOf({ columnHidden: false, format: { columnWidth: 0 } }));
      const before = { hidden: mock.columnHidden, width: (mock.format as Record<string, unknown>).columnWidth };
      watchers.push(() => {
        const state = sheet.columns.get(index) ?? {};
        if (mock.columnHidden !== before.hidden && typeof mock.columnHidden === 'boolean') state.hidden = mock.columnHidden;
        const width = (mock.format as Record<string, unknown>).columnWidth;
        if (width !== before.width && typeof width === 'number') state.width = width;
        [before.hidden, before.width] = [mock.columnHidden, width];
        sheet.columns.set(index, state);
      });
      return mock;
    }
    const bounds = address === '*' ? { top: 0, left: 0, bottom: 99, right: 25 } : parseRangeAddress(address);
    if (!bounds) throw new Error(`The fake cannot address ${address}`);
    const grid = cellsOf(bounds);
    const read = (pick: (cell: FakeCell | undefined) => Scalar) => grid.map((row) => row.map((position) => pick(sheet.cells.get(cellAddress(position)))));
    // The arrays the mock hands back once loaded; anything else in their place was written.
    const initial = {
      values: read((cell) => (cell ? valueOf(cell.input) : '')),
      formulas: read((cell) => cell?.input ?? ''),
      numberFormat: read((cell) => cell?.numberFormat ?? 'General'),
    };
    const mock = track(
      mockOf({
        address: `${sheet.name}!${address}`,
        ...initial,
        columnHidden: false,
        rowHidden: false,
        format: { font: { bold: false } },
        dataValidation: { rule: '', errorAlert: '' },
      }),
    );
    addresses.set(mock, address);
    const validation = mock.dataValidation as Record<string, unknown>;
    let validationCleared = false;
    validation.clear = () => {
      validationCleared = true;
    };
    watchers.push(() => {
      const key = `${sheet.name}!${address}`;
      if (validationCleared) model.validations.delete(key);
      validationCleared = false;
      if (validation.rule !== '') model.validations.set(key, { rule: validation.rule, errorAlert: validation.errorAlert });
    });
    // Range.getSpecialCellsOrNullObject('Formulas'): the formula cells, one area each (Excel merges neighbours; the code must not care).
    mock.getSpecialCellsOrNullObject = (cellType: string) => {
      if (cellType !== 'Formulas') throw new Error(`The fake finds formula cells only, not ${cellType}`);
      const formulaCells = grid.flat().filter((position) => {
        const input = sheet.cells.get(cellAddress(position))?.input;
        return typeof input === 'string' && input.startsWith('=');
      });
      const areas = {
        items: [] as unknown[],
        load(this: { items: unknown[] }) {
          this.items = formulaCells.map((position) => track(mockOf({ formulas: [[sheet.cells.get(cellAddress(position))?.input ?? '']] })).load('formulas'));
          return this;
        },
      };
      return { isNullObject: formulaCells.length === 0, areas };
    };
    const before = { formulas: mock.formulas, values: mock.values, numberFormat: mock.numberFormat };
    const written = (name: keyof typeof initial) => mock[name] !== before[name] && mock[name] !== initial[name];
    const font = (mock.format as Record<string, Record<string, unknown>>).font ?? {};
    let boldBefore = font.bold;
    let rowHiddenBefore = mock.rowHidden;
    // Range.getBoundingRect: the smallest range holding this one and the other.
    mock.getBoundingRect = (other: object) => {
      const otherBounds = parseRangeAddress(addresses.get(other) ?? '');
      if (!otherBounds) throw new Error('The fake bounds known ranges only');
      return rangeMock(
        sheet,
        `${cellAddress({ row: Math.min(bounds.top, otherBounds.top), column: Math.min(bounds.left, otherBounds.left) })}:${cellAddress({
          row: Math.max(bounds.bottom, otherBounds.bottom),
          column: Math.max(bounds.right, otherBounds.right),
        })}`,
      );
    };
    mock.clear = (applyTo: string) => actions.push(() => (applyTo === 'All' ? sheet.cells.clear() : undefined));
    watchers.push(() => {
      const each = (matrix: unknown, apply: (cell: FakeCell, value: Scalar) => void) => {
        grid.forEach((row, r) =>
          row.forEach((position, c) => {
            const value = Array.isArray(matrix) ? (matrix as Scalar[][])[r]?.[c] : (matrix as Scalar);
            if (value !== undefined) apply(cellOf(sheet, position), value);
          }),
        );
      };
      if (written('numberFormat')) each(mock.numberFormat, (cell, value) => (cell.numberFormat = String(value)));
      if (written('formulas')) each(mock.formulas, (cell, value) => (cell.input = value));
      if (written('values')) each(mock.values, (cell, value) => (cell.input = value));
      if (font.bold !== boldBefore && typeof font.bold === 'boolean') each(font.bold, (cell, value) => (cell.bold = value === true));
      Object.assign(before, { formulas: mock.formulas, values: mock.values, numberFormat: mock.numberFormat });
      boldBefore = font.bold;
      if (mock.rowHidden !== rowHiddenBefore && typeof mock.rowHidden === 'boolean') {
        for (let row = bounds.top; row <= bounds.bottom; row += 1) {
          if (mock.rowHidden) sheet.hiddenRows.add(row);
          else sheet.hiddenRows.delete(row);
        }
      }
      rowHiddenBefore = mock.rowHidden;
    });
    return mock;
  };

  const tableMock = (name: string) => {
    const table = model.tables.get(name);
    if (!table) {
      const missing = track(mockOf({}));
      Object.assign(missing, { isNullObject: true });
      return missing;
    }
    const sheet = model.sheets.get(table.sheet);
    if (!sheet) throw new Error(`Table ${name} is on a sheet that is gone`);
    const { bounds } = table;
    const header = { ...bounds, bottom: bounds.top };
    const body = { ...bounds, top: bounds.top + 1 };
    const address = (b: RangeBounds) => `${cellAddress({ row: b.top, column: b.left })}:${cellAddress({ row: b.bottom, column: b.right })}`;
    const mock = track(mockOf({ worksheet: { name: sheet.name } }));
    Object.assign(mock, {
      isNullObject: false,
      delete: () => actions.push(() => model.tables.delete(name)),
      getHeaderRowRange: () => rangeMock(sheet, address(header)),
      getDataBodyRange: () => rangeMock(sheet, address(body)),
      rows: {
        getItemAt: (index: number) => ({ getRange: () => rangeMock(sheet, address({ ...body, top: body.top + index, bottom: body.top + index })) }),
        add: (_index: unknown, rows: Scalar[][]) => {
          const start = bounds.bottom + 1;
          const range = rangeMock(sheet, address({ top: start, left: bounds.left, bottom: start + rows.length - 1, right: bounds.right }));
          (range as Record<string, unknown>).formulas = rows;
          actions.push(() => (bounds.bottom += rows.length));
        },
      },
    });
    return mock;
  };

  const sheetMock = (sheet: FakeSheet) => {
    const mock = track(mockOf({ name: sheet.name, visibility: sheet.visibility }));
    let visibility = mock.visibility;
    let named = mock.name;
    watchers.push(() => {
      if (mock.visibility !== visibility && typeof mock.visibility === 'string') sheet.visibility = mock.visibility;
      visibility = mock.visibility;
      if (mock.name !== named && typeof mock.name === 'string' && mock.name !== sheet.name) {
        const to = mock.name;
        if (model.sheets.has(to)) throw officeError('ItemAlreadyExists', `A sheet named ${to} already exists.`);
        model.sheets.delete(sheet.name);
        for (const table of model.tables.values()) if (table.sheet === sheet.name) table.sheet = to;
        sheet.name = to;
        model.sheets.set(to, sheet);
      }
      named = mock.name;
    });
    const tablesOnSheet = () => [...model.tables].filter(([, table]) => table.sheet === sheet.name).map(([name]) => tableMock(name));
    const chartsMock = { items: [] as unknown[] };
    Object.assign(mock, {
      isNullObject: false,
      getRange: (address?: string) => rangeMock(sheet, address ?? '*'),
      getUsedRangeOrNullObject: () => {
        const used = [...sheet.cells].filter(([, cell]) => cell.input !== '').map(([key]) => parseRangeAddress(key));
        if (used.length === 0) return { isNullObject: true };
        const corners = used.filter((bounds): bounds is RangeBounds => bounds !== undefined);
        const bottom = Math.max(...corners.map((bounds) => bounds.bottom));
        const right = Math.max(...corners.map((bounds) => bounds.right));
        const top = Math.min(...corners.map((bounds) => bounds.top));
        const left = Math.min(...corners.map((bounds) => bounds.left));
        const range = rangeMock(sheet, `${cellAddress({ row: top, column: left })}:${cellAddress({ row: bottom, column: right })}`);
        return Object.assign(range, { isNullObject: false });
      },
      activate: () => actions.push(() => (model.activeSheet = sheet.name)),
      calculate: (markAllDirty: boolean) => actions.push(() => model.sheetCalculations.push({ sheet: sheet.name, markAllDirty })),
      tables: {
        items: [] as unknown[],
        load(this: { items: unknown[] }) {
          this.items = tablesOnSheet();
          return this;
        },
        add: (range: object, hasHeaders: boolean) => {
          const bounds = parseRangeAddress(addresses.get(range) ?? '');
          if (!bounds || !hasHeaders) throw new Error('The fake makes tables with headers only');
          const table = track(mockOf({ name: '' }));
          let named = table.name;
          watchers.push(() => {
            if (table.name !== named && typeof table.name === 'string') model.tables.set(table.name, { sheet: sheet.name, bounds });
            named = table.name;
          });
          return table;
        },
      },
      charts: Object.assign(chartsMock, {
        load() {
          chartsMock.items = sheet.charts.map((chart) => ({ name: chart.name, delete: () => actions.push(() => (sheet.charts = sheet.charts.filter((c) => c !== chart))) }));
          return chartsMock;
        },
        add: (type: string, range: object, seriesBy: string) => {
          const chart: FakeChart = { name: '', type, source: addresses.get(range) ?? '', seriesBy, title: '', legend: true, position: '', categories: [], seriesNames: [] };
          const series: { name: string }[] = [];
          const mockChart = {
            name: '',
            title: { text: '' },
            legend: { visible: true },
            setPosition: (start: string) => (chart.position = start),
            series: {
              getItemAt: (index: number) => {
                const item = { name: '', setXAxisValues: (categories: object) => (chart.categories[index] = addresses.get(categories) ?? '') };
                series[index] = item;
                return item;
              },
            },
          };
          actions.push(() => {
            sheet.charts.push({ ...chart, name: mockChart.name, title: mockChart.title.text, legend: mockChart.legend.visible, seriesNames: series.map((item) => item.name) });
          });
          return mockChart;
        },
      }),
    });
    return mock;
  };

  const worksheets = {
    items: [] as unknown[],
    load(this: { items: unknown[] }) {
      // As load('items/name') does: each item comes with its name loaded.
      this.items = [...model.sheets.values()].map((sheet) => sheetMock(sheet).load('name'));
      return this;
    },
    getItem: (name: string) => {
      const sheet = model.sheets.get(name);
      if (!sheet) throw officeError('ItemNotFound', `The requested resource ${name} doesn't exist.`);
      return sheetMock(sheet);
    },
    getItemOrNullObject: (name: string) => {
      const sheet = model.sheets.get(name);
      if (sheet) return sheetMock(sheet);
      const missing = track(mockOf({}));
      Object.assign(missing, { isNullObject: true });
      return missing;
    },
    add: (name: string) => {
      const sheet: FakeSheet = { name, visibility: 'Visible', cells: new Map(), columns: new Map(), hiddenRows: new Set(), charts: [] };
      model.sheets.set(name, sheet);
      return sheetMock(sheet);
    },
  };

  // A ClientResult: its value is there only after a sync, as in Office.js.
  const clientResult = <T,>(value: T) => {
    let synced = false;
    actions.push(() => (synced = true));
    return {
      get value(): T {
        if (!synced) throw new Error('The value of a ClientResult is read before context.sync()');
        return value;
      },
    };
  };
  const namespaceOf = (xml: string) => /<[A-Za-z][^\s>]*\s[^>]*xmlns="([^"]*)"/.exec(xml)?.[1];
  let partIds = 0;
  const customXmlParts = {
    getByNamespace: (uri: string) => ({
      items: [] as unknown[],
      load(this: { items: unknown[] }) {
        this.items = model.xmlParts
          .filter((part) => namespaceOf(part.xml) === uri)
          .map((part) => ({
            id: part.id,
            getXml: () => clientResult(part.xml),
            delete: () => actions.push(() => (model.xmlParts = model.xmlParts.filter((other) => other !== part))),
          }));
        return this;
      },
    }),
    add: (xml: string) => {
      if (namespaceOf(xml) === undefined) throw officeError('InvalidArgument', 'A custom XML part needs a namespace.');
      actions.push(() => model.xmlParts.push({ id: `{part-${(partIds += 1)}}`, xml }));
    },
  };

  const context = {
    workbook: {
      worksheets,
      customXmlParts,
      tables: { getItemOrNullObject: tableMock, getItem: tableMock },
      application: { calculate: (type: string) => actions.push(() => model.calculations.push(type)) },
    },
    sync: async () => {
      model.syncs += 1;
      for (const mock of handedOut) await mock.sync();
      // The mock settles loaded properties in callbacks it does not await: let them run.
      await new Promise((resolve) => setTimeout(resolve, 0));
      for (const watch of watchers) watch();
      for (const action of actions.splice(0)) action();
    },
  };

  return {
    model,
    Excel: {
      run: async <T>(batch: (context: never) => Promise<T>) => {
        [watchers, handedOut] = [[], []];
        const result = await batch(context as never);
        await context.sync();
        return result;
      },
    },
  };
}

/** What Office.js rejects with: an OfficeExtension.Error, whose name is "RichApi.Error". */
export function officeError(code: string, message: string): Error {
  return Object.assign(new Error(message), { name: 'RichApi.Error', code });
}
