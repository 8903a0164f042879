import { describe, expect, it } from 'vitest';
import { formattedNumber, SEK_FORMAT } from '../../../addin/src/custom-functions/cell-value';
import { formulaLocale } from '../../../addin/src/preview/formula/locale';
import { cellError } from '../../../addin/src/preview/formula/values';
import { ssrFunctionCaller } from '../../../addin/src/preview/workbook/ssr-caller';
import type { FormulaValue, ScalarValue } from '../../../addin/src/preview/formula/values';
import { MemoryWorkbook } from '../../../addin/src/preview/workbook/workbook';

/** Functions standing in for SSR.*: answered asynchronously, as the real ones are. */
function workbookWith(functions: Record<string, (args: ScalarValue[]) => FormulaValue> = {}) {
  const calls: string[] = [];
  const workbook = new MemoryWorkbook((name, args) => {
    const fn = functions[name];
    if (!fn) return undefined;
    calls.push(`${name}(${args.map((arg) => JSON.stringify(arg)).join(',')})`);
    return new Promise((resolve) => setTimeout(() => resolve(fn(args)), 1));
  });
  return { workbook, calls };
}

async function values(workbook: MemoryWorkbook, sheet: string, address: string) {
  return (await workbook.readRange(sheet, address)).values;
}

describe('in-memory workbook: formulas', () => {
  it('computes formulas that read other formulas, on other sheets too', async () => {
    const { workbook } = workbookWith();
    await workbook.resetSheet('Data');
    await workbook.writeRange('Data', 'A1', [[2], [3]]);
    await workbook.resetSheet('Budget');
    await workbook.writeRange('Budget', 'A1', [[{ formula: '=SUM(Data!A1:A2)' }, { formula: '=A1*10' }, { formula: '=B1-A1' }]]);
    await workbook.whenCalculated();
    expect(await values(workbook, 'Budget', 'A1:C1')).toEqual([[5, 50, 45]]);
  });

  it('recalculates when a cell a formula reads is edited', async () => {
    const { workbook } = workbookWith();
    await workbook.writeRange('Blad1', 'A1', [[1], [2], [{ formula: '=SUM(A1:A2)' }]]);
    await workbook.setCellInput('Blad1', { row: 1, column: 0 }, '40');
    await workbook.whenCalculated();
    expect(await values(workbook, 'Blad1', 'A3')).toEqual([[41]]);
  });

  it('a circular reference is #REF!, and the rest still computes', async () => {
    const { workbook } = workbookWith();
    await workbook.writeRange('Blad1', 'A1', [[{ formula: '=B1' }, { formula: '=A1' }, { formula: '=1+1' }]]);
    await workbook.whenCalculated();
    expect(await values(workbook, 'Blad1', 'A1:C1')).toEqual([['#REF!', '#REF!', 2]]);
  });

  it('calls SSR functions once per cell and shows their errors as cell errors', async () => {
    const { workbook, calls } = workbookWith({
      'SSR.FEE': ([member]) => (member === 'nacka' ? 168_168 : cellError('#VALUE!', "Unknown member 'Nakka'. Did you mean 'Nacka'?")),
    });
    await workbook.writeRange('Blad1', 'A1', [
      ['nacka', { formula: '=SSR.FEE(A1,2025)' }],
      ['Nakka', { formula: '=SSR.FEE(A2,2025)' }],
      [null, { formula: '=SUM(B1:B1)*2' }],
    ]);
    await workbook.whenCalculated();
    expect(await values(workbook, 'Blad1', 'B1:B3')).toEqual([[168_168], ['#VALUE!'], [336_336]]);
    expect(workbook.getCell('Blad1', { row: 1, column: 1 })?.value).toEqual(
      cellError('#VALUE!', "Unknown member 'Nakka'. Did you mean 'Nacka'?"),
    );
    expect(calls).toEqual(['SSR.FEE("nacka",2025)', 'SSR.FEE("Nakka",2025)']);
  });

  it('a formula whose text cannot be read is #NAME?', async () => {
    const { workbook } = workbookWith();
    await workbook.setCellInput('Blad1', { row: 0, column: 0 }, '=1+');
    await workbook.whenCalculated();
    expect(await values(workbook, 'Blad1', 'A1')).toEqual([['#NAME?']]);
  });

  it('the formula box evaluates against the active sheet without touching it', async () => {
    const { workbook } = workbookWith({ 'SSR.RATE': () => 1.5 });
    await workbook.writeRange('Blad1', 'A1', [[1000]]);
    expect(await workbook.evaluate('=SSR.RATE(2025)*A1')).toBe(1500);
    expect((await workbook.readRange('Blad1', 'A1:B2')).formulas).toEqual([['1000', ''], ['', '']]);
  });
});

describe('in-memory workbook: tables and typing', () => {
  async function membersTable() {
    const { workbook } = workbookWith();
    await workbook.resetSheet('Medlemmar');
    await workbook.writeTable({
      sheet: 'Medlemmar',
      name: 'SSR_Members',
      headers: ['Id', 'Kod', 'Namn'],
      rows: [
        ['nacka', '0182', 'Nacka'],
        ['solna', '0184', 'Solna'],
      ],
      columns: [{ numberFormat: '@' }, { numberFormat: '@' }, { numberFormat: '@' }],
    });
    return workbook;
  }

  it('reads a table back as headers and rows', async () => {
    const workbook = await membersTable();
    expect(await workbook.readTable('SSR_Members')).toEqual({
      sheet: 'Medlemmar',
      headers: ['Id', 'Kod', 'Namn'],
      rows: [
        ['nacka', '0182', 'Nacka'],
        ['solna', '0184', 'Solna'],
      ],
    });
    expect(await workbook.readTable('SSR_Other')).toBeUndefined();
  });

  it('typing in a text column keeps leading zeros and a leading =', async () => {
    const workbook = await membersTable();
    await workbook.setCellInput('Medlemmar', { row: 1, column: 1 }, '0180');
    await workbook.setCellInput('Medlemmar', { row: 1, column: 2 }, '=cmd()');
    expect((await workbook.readTable('SSR_Members'))?.rows[0]).toEqual(['nacka', '0180', '=cmd()']);
  });

  it('typing just below a table adds a row to it, with the column formats of the row above', async () => {
    const workbook = await membersTable();
    await workbook.setCellInput('Medlemmar', { row: 3, column: 0 }, 'salem');
    await workbook.setCellInput('Medlemmar', { row: 3, column: 1 }, '0128');
    const table = await workbook.readTable('SSR_Members');
    expect(table?.rows).toHaveLength(3);
    expect(table?.rows[2]).toEqual(['salem', '0128', null]);
  });

  it('typing a number outside text columns gives a number, read with the language’s decimal sign only', async () => {
    const workbook = await membersTable();
    await workbook.setCellInput('Medlemmar', { row: 9, column: 5 }, '12,5', formulaLocale('sv'));
    expect(await values(workbook, 'Medlemmar', 'F10')).toEqual([[12.5]]);
    await workbook.setCellInput('Medlemmar', { row: 9, column: 5 }, '12.5', formulaLocale('en'));
    expect(await values(workbook, 'Medlemmar', 'F10')).toEqual([[12.5]]);
    // In English `1,500` is not one and a half: it stays text, as typed.
    await workbook.setCellInput('Medlemmar', { row: 9, column: 5 }, '1,500', formulaLocale('en'));
    expect(await values(workbook, 'Medlemmar', 'F10')).toEqual([['1,500']]);
    await workbook.setCellInput('Medlemmar', { row: 9, column: 5 }, '1.5', formulaLocale('sv'));
    expect(await values(workbook, 'Medlemmar', 'F10')).toEqual([['1.5']]);
  });

  it('deleting a table row moves the rows below it up', async () => {
    const workbook = await membersTable();
    await workbook.deleteTableRow('SSR_Members', 0);
    expect((await workbook.readTable('SSR_Members'))?.rows).toEqual([['solna', '0184', 'Solna']]);
  });

  it('updating a table row overwrites just that row', async () => {
    const workbook = await membersTable();
    await workbook.updateTableRow('SSR_Members', 1, ['solna', '0184', 'Solna stad']);
    expect((await workbook.readTable('SSR_Members'))?.rows[1]).toEqual(['solna', '0184', 'Solna stad']);
  });

  it('resetting a sheet removes its cells and tables', async () => {
    const workbook = await membersTable();
    await workbook.resetSheet('Medlemmar');
    expect(await workbook.readTable('SSR_Members')).toBeUndefined();
    expect(await values(workbook, 'Medlemmar', 'A1')).toEqual([[null]]);
  });
});

describe('in-memory workbook: spilled tables', () => {
  const table = [
    ['Id', 'Avgift'],
    ['nacka', 168_168],
    ['solna', 125_000],
  ];

  it('a table fills the cells below and right of its formula, and formulas read them', async () => {
    const { workbook } = workbookWith({ 'SSR.FEES': () => table });
    await workbook.writeRange('Blad1', 'A1', [[{ formula: '=SSR.FEES(2025)' }, null, null, { formula: '=SUM(B2:B3)' }]]);
    await workbook.whenCalculated();
    expect(await values(workbook, 'Blad1', 'A1:B3')).toEqual(table);
    expect(await values(workbook, 'Blad1', 'D1')).toEqual([[293_168]]);
    expect(workbook.shownCell('Blad1', { row: 2, column: 1 })).toMatchObject({ value: 125_000, spilled: true });
    expect(workbook.shownCell('Blad1', { row: 0, column: 0 })).toMatchObject({ formula: '=SSR.FEES(2025)', spilled: false });
    // Only the formula's own cell holds a formula.
    expect((await workbook.readRange('Blad1', 'B2')).formulas).toEqual([['168168']]);
  });

  it('a value in the way gives #SPILL!; clearing it lets the table spill', async () => {
    const { workbook } = workbookWith({ 'SSR.FEES': () => table });
    await workbook.writeRange('Blad1', 'A1', [[{ formula: '=SSR.FEES(2025)' }], [null, 'i vägen']]);
    await workbook.whenCalculated();
    expect(await values(workbook, 'Blad1', 'A1:A2')).toEqual([['#SPILL!'], [null]]);
    await workbook.setCellInput('Blad1', { row: 1, column: 1 }, '');
    await workbook.whenCalculated();
    expect(await values(workbook, 'Blad1', 'A1:B2')).toEqual(table.slice(0, 2));
  });

  it('typing a formula into the spill range blocks it', async () => {
    const { workbook } = workbookWith({ 'SSR.FEES': () => table });
    await workbook.writeRange('Blad1', 'A1', [[{ formula: '=SSR.FEES(2025)' }]]);
    await workbook.setCellInput('Blad1', { row: 2, column: 0 }, '=1+1');
    await workbook.whenCalculated();
    expect(await values(workbook, 'Blad1', 'A1:A3')).toEqual([['#SPILL!'], [null], [2]]);
  });
});

describe('in-memory workbook: money cells and Swedish input', () => {
  const fee = formattedNumber(168_168, SEK_FORMAT);

  it('a function that returns a money cell: Excel reads its number, the grid its format', async () => {
    const workbook = new MemoryWorkbook(ssrFunctionCaller({ FEE: () => Promise.resolve(fee), FEES: () => Promise.resolve([['Avgift'], [fee]]) }));
    await workbook.writeRange('Blad1', 'A1', [[{ formula: '=SSR.FEE("nacka",2025)' }, { formula: '=A1*2' }, { formula: '=SSR.FEES(2025)' }]]);
    await workbook.whenCalculated();
    expect(await values(workbook, 'Blad1', 'A1:C2')).toEqual([[168_168, 336_336, 'Avgift'], [null, null, 168_168]]);
    expect(workbook.getCell('Blad1', { row: 0, column: 0 })?.value).toEqual(fee);
    expect(workbook.shownCell('Blad1', { row: 1, column: 2 })?.value).toEqual(fee);
  });

  it('a formula typed in Swedish is kept invariant, and computes', async () => {
    const { workbook, calls } = workbookWith({ 'SSR.FEE': () => 100 });
    await workbook.setCellInput('Blad1', { row: 0, column: 0 }, '=SSR.AVGIFT("nacka"; 2025)*1,5', formulaLocale('sv'));
    await workbook.whenCalculated();
    expect(workbook.getCell('Blad1', { row: 0, column: 0 })?.formula).toBe('=SSR.FEE("nacka", 2025)*1.5');
    expect(await values(workbook, 'Blad1', 'A1')).toEqual([[150]]);
    expect(calls).toEqual(['SSR.FEE("nacka",2025)']);
  });

  it('the formula box takes the pane’s syntax', async () => {
    const { workbook } = workbookWith({ 'SSR.RATE': () => 1.5 });
    await workbook.writeRange('Blad1', 'A1', [[1000]]);
    expect(await workbook.evaluate('=SSR.INVÅNARAVGIFT(2025)*A1+0,5', formulaLocale('sv'))).toBe(1500.5);
  });
});

describe('in-memory workbook: what a rebuild needs', () => {
  it('reads a sheet from A1 to its last used cell, or nothing for a sheet that is not there', async () => {
    const { workbook } = workbookWith();
    await workbook.resetSheet('Budget');
    await workbook.writeRange('Budget', 'B2', [['x', 1], [null, { formula: '=C2*2' }]]);
    await workbook.whenCalculated();
    await expect(workbook.readSheet('Budget')).resolves.toEqual({
      values: [[null, null, null], [null, 'x', 1], [null, null, 2]],
      formulas: [['', '', ''], ['', 'x', '1'], ['', '', '=C2*2']],
    });
    await expect(workbook.readSheet('Annat')).resolves.toBeUndefined();
  });

  it('renames a sheet with its cells, tables and charts in place, and refuses a name taken', async () => {
    const { workbook } = workbookWith();
    await workbook.resetSheet('Budget 2027');
    await workbook.resetSheet('Medlemmar');
    await workbook.writeRange('Budget 2027', 'A1', [['a', 1]]);
    await workbook.addChart({ sheet: 'Budget 2027', name: 'C', title: 'T', source: 'A1:B1', anchor: 'D1' });
    await workbook.activateSheet('Budget 2027');
    await workbook.renameSheet('Budget 2027', 'Budget 2027 (1)');
    await expect(workbook.sheetNames()).resolves.toEqual(expect.arrayContaining(['Budget 2027 (1)', 'Medlemmar']));
    expect((await workbook.sheetNames()).indexOf('Budget 2027 (1)')).toBeLessThan((await workbook.sheetNames()).indexOf('Medlemmar'));
    expect(workbook.activeSheet).toBe('Budget 2027 (1)');
    expect(workbook.getSheet('Budget 2027 (1)')?.charts).toEqual([expect.objectContaining({ sheet: 'Budget 2027 (1)' })]);
    expect(await values(workbook, 'Budget 2027 (1)', 'A1:B1')).toEqual([['a', 1]]);
    await expect(workbook.renameSheet('Budget 2027 (1)', 'Medlemmar')).rejects.toThrow(/already exists/);
  });

  it('hides and shows whole rows', async () => {
    const { workbook } = workbookWith();
    await workbook.resetSheet('Budget');
    await workbook.formatRange('Budget', 'A1:C2', { rowsHidden: true });
    expect([...(workbook.getSheet('Budget')?.hiddenRows ?? [])]).toEqual([0, 1]);
    await workbook.formatRange('Budget', 'A2', { rowsHidden: false });
    expect([...(workbook.getSheet('Budget')?.hiddenRows ?? [])]).toEqual([0]);
  });
});
