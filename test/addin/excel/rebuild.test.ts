import { describe, expect, it } from 'vitest';
import type { CellInput, CellReadValue } from '../../../addin/src/excel/port';
import { isFormulaInput } from '../../../addin/src/excel/port';
import { freeSheetName, planRebuild, SHEET_NAME_MAX, withCarried } from '../../../addin/src/excel/rebuild';
import type { SheetPlan } from '../../../addin/src/excel/sheet-plan';
import { sheetGrid } from '../../../addin/src/excel/sheet-plan';

/**
 * A small budget-like plan: a label column, a column per year, a note column; a year row, an
 * income row per member (formulas), cost rows the team fills in, a result row (formulas).
 */
function plan(years: readonly number[], members: readonly string[] = ['nacka', 'solna']): SheetPlan {
  const columnKeys = ['label', ...years.map((year) => `year:${year}`), 'note'];
  const yearColumns = years.map((_, index) => String.fromCharCode(67 + index)); // C, D…
  const rows = [
    { key: 'title', cells: ['Budget'] },
    { key: 'year', cells: ['År', ...years] },
    ...members.map((member) => ({ key: `income:${member}`, cells: [member, ...yearColumns.map((column) => ({ formula: `=SSR.FEE("${member}",${column}$3)` }))] })),
    { key: '', cells: [] },
    { key: 'cost:rsib', cells: ['RSIB'] },
    { key: 'cost:rkk', cells: ['RKK'] },
    { key: 'result', cells: ['Resultat', ...yearColumns.map((column) => ({ formula: `=${column}4-${column}8` }))] },
  ];
  const inputs = ['cost:rsib', 'cost:rkk'].flatMap((row) => [...years.map((year) => ({ row, column: `year:${year}` })), { row, column: 'note' }]);
  return { sheet: 'Budget', columnKeys, rows, inputs, formats: [], columns: [], charts: [] };
}

/** The sheet as readSheet gives it, from a grid of inputs (A1 on): formulas computed as 0. */
function asRead(grid: readonly (readonly CellInput[])[]): { values: CellReadValue[][]; formulas: string[][] } {
  return {
    values: grid.map((row) => row.map((cell) => (isFormulaInput(cell) ? 0 : cell))),
    formulas: grid.map((row) => row.map((cell) => (isFormulaInput(cell) ? cell.formula : cell === null ? '' : String(cell)))),
  };
}

/** The built sheet of a plan, as a mutable grid a test types into. */
function built(sheetPlan: SheetPlan): CellInput[][] {
  return sheetGrid(sheetPlan).map((row) => [...row]);
}

function type(grid: CellInput[][], row: number, column: number, input: CellInput) {
  const cells = grid[row] ?? (grid[row] = []);
  while (cells.length <= column) cells.push(null);
  cells[column] = input;
}

/** Sheet row index (0-based) of a row key, and column index of a column key, in a grid. */
const rowOf = (grid: readonly (readonly CellInput[])[], key: string) => grid.findIndex((row, index) => index > 0 && row[0] === key);
const columnOf = (grid: readonly (readonly CellInput[])[], key: string) => (grid[0] ?? []).indexOf(key);

function typedCosts(years: readonly number[]) {
  const grid = built(plan(years));
  type(grid, rowOf(grid, 'cost:rsib'), columnOf(grid, 'year:2026'), 1_200_000);
  type(grid, rowOf(grid, 'cost:rkk'), columnOf(grid, 'year:2027'), 850_000.5);
  type(grid, rowOf(grid, 'cost:rsib'), columnOf(grid, 'note'), 'Avtal med Norrtälje');
  return grid;
}

/** What the rebuilt grid holds at a key pair. */
function at(grid: readonly (readonly CellInput[])[], row: string, column: string): CellInput | undefined {
  return grid[rowOf(grid, row)]?.[columnOf(grid, column)];
}

describe('a rebuild carries what the team typed by identity', () => {
  it('an unchanged plan: every typed figure and the note come back in their cells, nothing else is carried', () => {
    const next = plan([2026, 2027, 2028]);
    const decision = planRebuild(asRead(typedCosts([2026, 2027, 2028])), next);
    expect(decision.unplaced).toEqual([]);
    expect(decision.carried.map(({ row, column, input }) => [row, column, input])).toEqual([
      ['cost:rsib', 'year:2026', 1_200_000],
      ['cost:rsib', 'note', 'Avtal med Norrtälje'],
      ['cost:rkk', 'year:2027', 850_000.5],
    ]);
  });

  it('rows and columns the team inserted: the keys moved, the figures follow them', () => {
    const grid = typedCosts([2026, 2027, 2028]);
    // As Excel moves cells: an empty row inserted above the costs, an empty column before 2027.
    grid.splice(rowOf(grid, 'cost:rsib'), 0, []);
    const before2027 = columnOf(grid, 'year:2027');
    for (const row of grid) if (row.length > before2027) row.splice(before2027, 0, null);
    expect(at(grid, 'cost:rkk', 'year:2027')).toBe(850_000.5);
    const next = plan([2026, 2027, 2028]);
    const decision = planRebuild(asRead(grid), next);
    expect(decision.unplaced).toEqual([]);
    const rebuilt = withCarried(sheetGrid(next), decision.carried);
    expect(at(rebuilt, 'cost:rsib', 'year:2026')).toBe(1_200_000);
    expect(at(rebuilt, 'cost:rkk', 'year:2027')).toBe(850_000.5);
    expect(at(rebuilt, 'cost:rsib', 'note')).toBe('Avtal med Norrtälje');
  });

  it('a member added: its income row comes in above the costs, the typed costs move down with their rows', () => {
    const next = plan([2026, 2027, 2028], ['nacka', 'nykvarn', 'solna']);
    const decision = planRebuild(asRead(typedCosts([2026, 2027, 2028])), next);
    expect(decision.unplaced).toEqual([]);
    const rebuilt = withCarried(sheetGrid(next), decision.carried);
    expect(rowOf(rebuilt, 'cost:rsib')).toBe(rowOf(sheetGrid(plan([2026])), 'cost:rsib') + 1);
    expect(at(rebuilt, 'cost:rsib', 'year:2026')).toBe(1_200_000);
    expect(at(rebuilt, 'cost:rkk', 'year:2027')).toBe(850_000.5);
    expect(at(rebuilt, 'cost:rsib', 'note')).toBe('Avtal med Norrtälje');
    // The new member's row is the plan's, formulas and all.
    expect(at(rebuilt, 'income:nykvarn', 'year:2027')).toEqual({ formula: '=SSR.FEE("nykvarn",D$3)' });
  });

  it('more plan years: the new columns come empty, the note column moves right with its note', () => {
    const next = plan([2026, 2027, 2028, 2029, 2030]);
    const decision = planRebuild(asRead(typedCosts([2026, 2027, 2028])), next);
    expect(decision.unplaced).toEqual([]);
    const rebuilt = withCarried(sheetGrid(next), decision.carried);
    expect(columnOf(rebuilt, 'note')).toBe(7);
    expect(at(rebuilt, 'cost:rsib', 'note')).toBe('Avtal med Norrtälje');
    expect(at(rebuilt, 'cost:rkk', 'year:2027')).toBe(850_000.5);
    expect(at(rebuilt, 'cost:rsib', 'year:2030') ?? null).toBeNull();
  });

  it('a formula the team typed in an input cell is carried as a formula', () => {
    const grid = built(plan([2026]));
    type(grid, rowOf(grid, 'cost:rkk'), columnOf(grid, 'year:2026'), { formula: '=12*70000' });
    expect(planRebuild(asRead(grid), plan([2026])).carried).toMatchObject([{ row: 'cost:rkk', column: 'year:2026', input: { formula: '=12*70000' } }]);
  });

  it('a formula typed in an input whose cell moves is reported: Excel already shifted its references', () => {
    const grid = built(plan([2026]));
    type(grid, rowOf(grid, 'cost:rkk'), columnOf(grid, 'year:2026'), { formula: '=C7*1.03' });
    // A row inserted above the costs: Excel moves the formula to C9 and makes it =C8*1.03; the plan puts the row back at C8.
    grid.splice(rowOf(grid, 'cost:rsib'), 0, []);
    type(grid, rowOf(grid, 'cost:rkk'), columnOf(grid, 'year:2026'), { formula: '=C8*1.03' });
    const decision = planRebuild(asRead(grid), plan([2026]));
    expect(decision.carried).toEqual([]);
    expect(decision.unplaced).toEqual([{ address: 'C9', reason: 'formula-moved', text: '=C8*1.03' }]);
  });

  it('a typed value where the plan now names one of its own is reported; the same value is simply the plan’s', () => {
    const withChoice = (choice: string): SheetPlan => {
      const base = plan([2026]);
      return { ...base, rows: [...base.rows, { key: 'rule', cells: ['Regel', choice] }], inputs: [...base.inputs, { row: 'rule', column: 'year:2026' }] };
    };
    const grid = built(withChoice(''));
    type(grid, rowOf(grid, 'rule'), columnOf(grid, 'year:2026'), 'avgifter-2027');
    expect(planRebuild(asRead(grid), withChoice('')).carried).toMatchObject([{ row: 'rule', column: 'year:2026', input: 'avgifter-2027' }]);
    expect(planRebuild(asRead(grid), withChoice('avgifter-2027'))).toEqual({ carried: [], unplaced: [] });
    expect(planRebuild(asRead(grid), withChoice('avgifter-2028')).unplaced).toEqual([{ address: 'C10', reason: 'over-planned', text: 'avgifter-2027' }]);
  });

  it('labels, years and formulas the builder wrote are rebuilt, not carried, in another language too', () => {
    const grid = built(plan([2026, 2027]));
    type(grid, rowOf(grid, 'title'), 1, 'Budget (ändrad rubrik)');
    const decision = planRebuild(asRead(grid), plan([2026, 2027]));
    expect(decision).toEqual({ carried: [], unplaced: [] });
  });
});

describe('what cannot be placed is reported, so the old sheet is kept', () => {
  it('fewer plan years: a cost typed in a year the plan no longer has', () => {
    const decision = planRebuild(asRead(typedCosts([2026, 2027, 2028])), plan([2026]));
    expect(decision.unplaced).toEqual([{ address: 'D8', reason: 'column-gone', text: '850000.5' }]);
  });

  it('fewer plan years, but nothing typed in the years that go: the year row and formulas are the builder’s, updated', () => {
    const grid = built(plan([2026, 2027, 2028]));
    type(grid, rowOf(grid, 'cost:rsib'), columnOf(grid, 'year:2026'), 5);
    expect(planRebuild(asRead(grid), plan([2026])).unplaced).toEqual([]);
  });

  it('fewer plan years: recorded figures in a row that takes only a note are the builder’s, not typed', () => {
    const withRecorded = (years: readonly number[]): SheetPlan => {
      const base = plan(years);
      return { ...base, rows: [...base.rows, { key: 'recorded', cells: ['Registrerat', ...years.map((year) => year * 10)] }], inputs: [...base.inputs, { row: 'recorded', column: 'note' }] };
    };
    expect(planRebuild(asRead(built(withRecorded([2026, 2027, 2028]))), withRecorded([2026])).unplaced).toEqual([]);
  });

  it('a constant typed over a formula', () => {
    const grid = typedCosts([2026, 2027]);
    type(grid, rowOf(grid, 'result'), columnOf(grid, 'year:2027'), 0);
    expect(planRebuild(asRead(grid), plan([2026, 2027])).unplaced).toEqual([{ address: 'D9', reason: 'over-formula', text: '0' }]);
  });

  it('a note typed in an unkeyed cell: the spacer row, or a column to the right of the plan', () => {
    const grid = typedCosts([2026]);
    type(grid, rowOf(grid, ''), 1, 'Kolla med Länsstyrelsen');
    type(grid, rowOf(grid, 'cost:rkk'), 8, 'utanför');
    expect(planRebuild(asRead(grid), plan([2026])).unplaced).toEqual([
      { address: 'B6', reason: 'unkeyed', text: 'Kolla med Länsstyrelsen' },
      { address: 'I8', reason: 'unkeyed', text: 'utanför' },
    ]);
  });

  it('a member gone: a note typed in its row’s note column', () => {
    const grid = built(plan([2026]));
    type(grid, rowOf(grid, 'income:solna'), columnOf(grid, 'note'), 'Utträde?');
    expect(planRebuild(asRead(grid), plan([2026], ['nacka'])).unplaced).toEqual([{ address: 'D5', reason: 'row-gone', text: 'Utträde?' }]);
  });
});

describe('the kept sheet’s name', () => {
  it('is the first free one, in the caller’s words', () => {
    expect(freeSheetName('SSR budget 2027', ['SSR budget 2027'])).toBe('SSR budget 2027 (äldre)');
    expect(freeSheetName('SSR budget 2027', ['SSR budget 2027', 'ssr budget 2027 (äldre)'])).toBe('SSR budget 2027 (äldre 2)');
    const english = (sheet: string, n: number) => `${sheet} (older${n === 1 ? '' : ` ${n}`})`;
    expect(freeSheetName('SSR budget 2027', ['SSR budget 2027 (older)'], english)).toBe('SSR budget 2027 (older 2)');
  });

  it('has at most 31 characters and none Excel refuses, keeping the suffix', () => {
    const name = freeSheetName('Konsekvens avgifter-2027/2028 [utkast]', []);
    expect(name.length).toBeLessThanOrEqual(SHEET_NAME_MAX);
    expect(name).not.toMatch(/[[\]:*?/\\]/);
    expect(name.endsWith(' (äldre)')).toBe(true);
  });
});
