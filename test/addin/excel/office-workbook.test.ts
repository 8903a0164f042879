import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { excelInput, OfficeWorkbook } from '../../../addin/src/excel/office/workbook';
import { WorkbookError } from '../../../addin/src/excel/port';
import type { SheetPlan } from '../../../addin/src/excel/sheet-plan';
import { writeSheetPlan } from '../../../addin/src/excel/write-sheet';
import type { FakeWorkbook } from './fake-excel';
import { createFakeExcel, officeError, valueOf } from './fake-excel';

const globals = globalThis as { Excel?: unknown };
let model: FakeWorkbook;
let workbook: OfficeWorkbook;

beforeEach(() => {
  const fake = createFakeExcel();
  model = fake.model;
  globals.Excel = fake.Excel;
  workbook = new OfficeWorkbook();
});

afterEach(() => {
  delete globals.Excel;
});

function cell(sheet: string, address: string) {
  return model.sheets.get(sheet)?.cells.get(address);
}

/** A small budget plan over `years`: a year row, an RSIB cost row to type into, a result row of formulas. */
function budgetPlan(years: number[]): SheetPlan {
  return {
    sheet: 'SSR budget 2027',
    columnKeys: ['label', ...years.map((year) => `year:${year}`)],
    rows: [
      { key: 'year', cells: ['År', ...years] },
      { key: 'cost:rsib', cells: ['RSIB'] },
      { key: 'result', cells: ['Resultat', ...years.map((_, i) => ({ formula: `=-${String.fromCharCode(67 + i)}3` }))] },
    ],
    inputs: years.map((year) => ({ row: 'cost:rsib', column: `year:${year}` })),
    formats: [],
    columns: [],
    charts: [],
  };
}

describe('Office.js Excel layer', () => {
  it("turns Office's RichApi.Error into the port's WorkbookError, with Office's message and the original as cause", async () => {
    const failure = await workbook.activateSheet('Budget 2031').then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(WorkbookError);
    expect((failure as WorkbookError).message).toBe("The requested resource Budget 2031 doesn't exist.");
    expect((failure as WorkbookError).cause).toMatchObject({ name: 'RichApi.Error', code: 'ItemNotFound' });
  });

  it('creates a sheet, and resetting it clears its cells, tables and charts', async () => {
    await workbook.resetSheet('Budget');
    await workbook.writeRange('Budget', 'A1', [['x']]);
    await workbook.addChart({ sheet: 'Budget', name: 'C', title: 'T', source: 'A1:B2', anchor: 'D1' });
    await workbook.resetSheet('Budget', { hidden: true });
    const sheet = model.sheets.get('Budget');
    expect(sheet?.cells.size).toBe(0);
    expect(sheet?.charts).toEqual([]);
    expect(sheet?.visibility).toBe('Hidden');
  });

  it('writes a table with its formats before its values, so text columns keep "0182"', async () => {
    await workbook.resetSheet('Medlemmar');
    await workbook.writeTable({
      sheet: 'Medlemmar',
      name: 'SSR_Members',
      headers: ['Id', 'Kod', 'Namn'],
      rows: [['nacka', '0182', 'Nacka']],
      columns: [{ numberFormat: '@' }, { numberFormat: '@', width: 80 }, { numberFormat: '@', hidden: true }],
    });
    expect(model.tables.get('SSR_Members')).toEqual({ sheet: 'Medlemmar', bounds: { top: 0, left: 0, bottom: 1, right: 2 } });
    expect(cell('Medlemmar', 'B2')).toMatchObject({ numberFormat: '@' });
    expect(valueOf(cell('Medlemmar', 'B2')?.input ?? '')).toBe('0182');
    expect(model.sheets.get('Medlemmar')?.columns.get(1)).toEqual({ width: 80 });
    expect(model.sheets.get('Medlemmar')?.columns.get(2)).toEqual({ hidden: true });
  });

  it('reads a table back after loading and syncing its ranges', async () => {
    await workbook.resetSheet('Medlemmar');
    await workbook.writeTable({ sheet: 'Medlemmar', name: 'SSR_Members', headers: ['Id', 'Namn'], rows: [['nacka', 'Nacka'], ['solna', '']] });
    expect(await workbook.readTable('SSR_Members')).toEqual({
      sheet: 'Medlemmar',
      headers: ['Id', 'Namn'],
      rows: [
        ['nacka', 'Nacka'],
        ['solna', null],
      ],
    });
    expect(await workbook.readTable('SSR_Other')).toBeUndefined();
  });

  it('replaces a table of the same name and updates and appends rows', async () => {
    await workbook.resetSheet('Medlemmar');
    await workbook.writeTable({ sheet: 'Medlemmar', name: 'SSR_Members', headers: ['Id', 'Namn'], rows: [['nacka', 'Nacka']] });
    await workbook.updateTableRow('SSR_Members', 0, ['nacka', 'Nacka kommun']);
    await workbook.appendTableRows('SSR_Members', [['salem', 'Salem']]);
    expect((await workbook.readTable('SSR_Members'))?.rows).toEqual([
      ['nacka', 'Nacka kommun'],
      ['salem', 'Salem'],
    ]);
  });

  it('writes formulas as formulas and text that looks like one as text', async () => {
    await workbook.resetSheet('Fakturor');
    await workbook.writeRange('Fakturor', 'B2', [[{ formula: '=SSR.FEE($A2,2025)' }, '=cmd()', '0182', 42, '-5', 'Nacka']]);
    expect(cell('Fakturor', 'B2')?.input).toBe('=SSR.FEE($A2,2025)');
    expect(cell('Fakturor', 'C2')?.input).toBe("'=cmd()");
    expect(cell('Fakturor', 'D2')?.input).toBe("'0182");
    expect(cell('Fakturor', 'E2')?.input).toBe(42);
    expect(cell('Fakturor', 'F2')?.input).toBe("'-5");
    expect(cell('Fakturor', 'G2')?.input).toBe('Nacka');
    expect((await workbook.readRange('Fakturor', 'C2:D2')).values).toEqual([['=cmd()', '0182']]);
  });

  it('formats ranges: a number format per cell, bold text', async () => {
    await workbook.resetSheet('Budget');
    await workbook.formatRange('Budget', 'D6:E7', { numberFormat: '#,##0.00 "kr"', bold: true });
    for (const address of ['D6', 'E6', 'D7', 'E7']) expect(cell('Budget', address)).toMatchObject({ numberFormat: '#,##0.00 "kr"', bold: true });
  });

  it('adds a clustered column chart from a source range, titled and placed', async () => {
    await workbook.resetSheet('Budget');
    await workbook.addChart({ sheet: 'Budget', name: 'SSR_BudgetChart_2025', title: 'Avgiftsintäkter per grupp 2025', source: 'A44:B48', anchor: 'H5' });
    expect(model.sheets.get('Budget')?.charts).toEqual([
      {
        name: 'SSR_BudgetChart_2025',
        type: 'ColumnClustered',
        source: 'B44:B48',
        seriesBy: 'Columns',
        title: 'Avgiftsintäkter per grupp 2025',
        legend: false,
        position: 'H5',
        categories: ['A44:A48'],
        seriesNames: [''],
      },
    ]);
  });

  it('adds a chart of several series by rows, the first row as categories and each series named', async () => {
    await workbook.resetSheet('Budget');
    await workbook.addChart({ sheet: 'Budget', name: 'SSR_Plan', title: 'Intäkter och kostnader', source: 'C5:F7', seriesBy: 'rows', seriesNames: ['Intäkter', 'Kostnader'], anchor: 'H5' });
    expect(model.sheets.get('Budget')?.charts).toEqual([
      expect.objectContaining({ source: 'C6:F7', seriesBy: 'Rows', legend: true, categories: ['C5:F5', 'C5:F5'], seriesNames: ['Intäkter', 'Kostnader'] }),
    ]);
  });

  it('hides rows, renames a sheet, and reads a sheet from A1 to its last used cell', async () => {
    await workbook.resetSheet('Budget 2027');
    await workbook.writeRange('Budget 2027', 'B2', [['x', 1], [null, { formula: '=C2*2' }]]);
    await workbook.formatRange('Budget 2027', 'A1:B1', { rowsHidden: true });
    expect([...(model.sheets.get('Budget 2027')?.hiddenRows ?? [])]).toEqual([0]);
    await expect(workbook.readSheet('Budget 2027')).resolves.toEqual({
      values: [[null, null, null], [null, 'x', 1], [null, null, '=C2*2']],
      formulas: [['', '', ''], ['', 'x', '1'], ['', '', '=C2*2']],
    });
    await workbook.renameSheet('Budget 2027', 'Budget 2027 (1)');
    expect([...model.sheets.keys()]).toEqual(['Budget 2027 (1)']);
    await expect(workbook.readSheet('Budget 2027')).resolves.toBeUndefined();
  });

  it('rebuilds a planned sheet in place, carrying a typed cost to its year; past a typed figure it keeps the old sheet', async () => {
    await expect(writeSheetPlan(workbook, budgetPlan([2027, 2028]))).resolves.toEqual({ outcome: 'created' });
    await workbook.writeRange('SSR budget 2027', 'D3', [[1_250_000]]);
    // A year before: the 2028 column moves from D to E.
    await expect(writeSheetPlan(workbook, budgetPlan([2026, 2027, 2028]))).resolves.toEqual({ outcome: 'updated', kept: 1 });
    expect(valueOf(cell('SSR budget 2027', 'E3')?.input ?? '')).toBe(1_250_000);
    expect(cell('SSR budget 2027', 'E4')?.input).toBe('=-E3');
    await expect(writeSheetPlan(workbook, budgetPlan([2026, 2027]))).resolves.toEqual({ outcome: 'replaced', keptAs: 'SSR budget 2027 (äldre)' });
    expect([...model.sheets.keys()].sort()).toEqual(['SSR budget 2027', 'SSR budget 2027 (äldre)']);
    expect(valueOf(cell('SSR budget 2027 (äldre)', 'E3')?.input ?? '')).toBe(1_250_000);
  });

  it('Excel refusing a call after the sheet was cleared: the old content is written back, then the error is reported', async () => {
    await writeSheetPlan(workbook, budgetPlan([2027, 2028]));
    await workbook.writeRange('SSR budget 2027', 'D3', [[1_250_000]]);
    await workbook.writeRange('SSR budget 2027', 'C3', [[{ formula: '=D3/2' }]]);
    const before = await workbook.readSheet('SSR budget 2027');
    // Excel refuses the first call after the sheet is emptied, as it does while someone edits a cell.
    const excel = globals.Excel as { run: (batch: (context: never) => Promise<unknown>) => Promise<unknown> };
    const run = excel.run.bind(excel);
    let refuse = false;
    let refused = false;
    globals.Excel = {
      run: async (batch: (context: never) => Promise<unknown>) => {
        if (refuse) {
          refuse = false;
          throw officeError('InvalidOperation', 'The workbook is in cell-edit mode.');
        }
        const result = await run(batch);
        if (!refused && model.sheets.get('SSR budget 2027')?.cells.size === 0) {
          refuse = true;
          refused = true;
        }
        return result;
      },
    };
    await expect(writeSheetPlan(workbook, budgetPlan([2027, 2028, 2029]))).rejects.toThrow('cell-edit mode');
    expect(refused).toBe(true);
    await expect(workbook.readSheet('SSR budget 2027')).resolves.toEqual(before);
    expect(cell('SSR budget 2027', 'C3')?.input).toBe('=D3/2');
    // Once Excel takes calls again, the rebuild carries the figure and the formula as usual.
    await expect(writeSheetPlan(workbook, budgetPlan([2027, 2028, 2029]))).resolves.toEqual({ outcome: 'updated', kept: 2 });
  });

  it('sets a drop-down list on a range, replacing the rule there and letting other text through', async () => {
    await workbook.resetSheet('SSR Medlemmar');
    await workbook.setListValidation('SSR Medlemmar', 'C2:C38', ['kommun', 'aktör']);
    await workbook.setListValidation('SSR Medlemmar', 'C2:C38', ['municipality', 'actor']);
    expect([...model.validations]).toEqual([
      [
        'SSR Medlemmar!C2:C38',
        { rule: { list: { inCellDropDown: true, source: 'municipality,actor' } }, errorAlert: { showAlert: false, style: 'Stop', title: '', message: '' } },
      ],
    ]);
  });

  it('activates sheets and lists them', async () => {
    await workbook.resetSheet('Budget');
    await workbook.activateSheet('Budget');
    expect(model.activeSheet).toBe('Budget');
    expect(await workbook.sheetNames()).toEqual(['Budget']);
  });
});

describe('recalculating the SSR sheets', () => {
  beforeEach(async () => {
    for (const name of ['Budget 2025', 'Anteckningar', 'Data', 'Tom']) await workbook.resetSheet(name, { hidden: name === 'Data' });
    await workbook.writeRange('Budget 2025', 'A1', [['Nacka', { formula: '=SSR.FEE("nacka",2025)' }, { formula: '=SUM(B1:B1)' }]]);
    // Formulas, but none calls an SSR function: the words are text, or inside a text literal.
    await workbook.writeRange('Anteckningar', 'A1', [['SSR.FEE ger avgiften', { formula: '=SUM(1,2)' }, { formula: '="Se SSR.FEE i bladet"' }]]);
    // A hidden sheet with an SSR call deep in a formula (Worksheet.findAll would miss it).
    await workbook.writeRange('Data', 'C7', [[{ formula: '=ROUND(ssr.total(2025),0)' }]]);
    await workbook.writeRange('Tom', 'A1', [['bara text']]);
  });

  it('recalculates only the sheets whose formulas call SSR functions, every cell marked dirty, never the whole workbook', async () => {
    expect(await workbook.recalculate()).toEqual(['Budget 2025', 'Data']);
    expect(model.sheetCalculations).toEqual([
      { sheet: 'Budget 2025', markAllDirty: true },
      { sheet: 'Data', markAllDirty: true },
    ]);
    expect(model.calculations).toEqual([]);
  });

  it('a workbook without SSR formulas is not recalculated at all', async () => {
    await workbook.resetSheet('Budget 2025');
    await workbook.resetSheet('Data');
    expect(await workbook.recalculate()).toEqual([]);
    expect(model.sheetCalculations).toEqual([]);
    expect(model.calculations).toEqual([]);
  });

  it('with the dev manifest the functions are SSRDEV.*: written so, read back as SSR.*, and those sheets recalculated', async () => {
    const dev = new OfficeWorkbook({ namespace: 'SSRDEV' });
    await dev.resetSheet('Dev');
    await dev.writeRange('Dev', 'A1', [[{ formula: '=SSR.FEE("nacka",2025)+SSR.NET("nacka",2025)' }, { formula: '="SSR.FEE"' }]]);
    expect(cell('Dev', 'A1')?.input).toBe('=SSRDEV.FEE("nacka",2025)+SSRDEV.NET("nacka",2025)');
    expect(cell('Dev', 'B1')?.input).toBe('="SSR.FEE"');
    expect((await dev.readRange('Dev', 'A1:B1')).formulas).toEqual([['=SSR.FEE("nacka",2025)+SSR.NET("nacka",2025)', '="SSR.FEE"']]);
    // The dev add-in recalculates its own cells; the production add-in's SSR.* cells are not its.
    expect(await dev.recalculate()).toEqual(['Dev']);
  });
});

describe('the register stamp in the workbook', () => {
  it('is a custom XML part of its own namespace, read back as written, replaced rather than added to', async () => {
    expect(await workbook.readRegisterStamp()).toBeUndefined();
    const readAt = Date.parse('2026-12-01T13:32:00Z');
    await workbook.writeRegisterStamp({ version: 'v1 "a&b"', readAt });
    expect(model.xmlParts).toHaveLength(1);
    expect(model.xmlParts[0]?.xml).toContain('xmlns="urn:ssr-budget:register-stamp:ssr"');
    expect(await workbook.readRegisterStamp()).toEqual({ version: 'v1 "a&b"', readAt });
    await workbook.writeRegisterStamp({ version: 'v2', readAt: readAt + 60_000 });
    expect(model.xmlParts).toHaveLength(1);
    expect(await workbook.readRegisterStamp()).toEqual({ version: 'v2', readAt: readAt + 60_000 });
  });

  it('the dev add-in keeps its own stamp beside the production one', async () => {
    await workbook.writeRegisterStamp({ version: 'prod', readAt: 1 });
    const dev = new OfficeWorkbook({ namespace: 'SSRDEV' });
    expect(await dev.readRegisterStamp()).toBeUndefined();
    await dev.writeRegisterStamp({ version: 'dev', readAt: 2 });
    expect(model.xmlParts).toHaveLength(2);
    expect((await workbook.readRegisterStamp())?.version).toBe('prod');
    expect((await dev.readRegisterStamp())?.version).toBe('dev');
  });

  it('a part that is not a stamp this add-in wrote reads as no stamp', async () => {
    model.xmlParts.push({ id: '{x}', xml: '<registerStamp xmlns="urn:ssr-budget:register-stamp:ssr" version=""/>' });
    expect(await workbook.readRegisterStamp()).toBeUndefined();
  });
});

describe('text written to Excel', () => {
  it.each([
    ['=cmd()', "'=cmd()"],
    ['+1', "'+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['2024-01-01', "'2024-01-01"],
    ['0182', "'0182"],
    ['TRUE', "'TRUE"],
    ['Nacka', 'Nacka'],
    ['Region Stockholm', 'Region Stockholm'],
  ])('%s is written as %s', (text, written) => {
    expect(excelInput(text)).toBe(written);
  });
});
