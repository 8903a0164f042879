import { FEE_MODES, membersInYear, SEED_MEMBERS } from '@ssr/shared';
import type { FeeMode } from '@ssr/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBudgetSheet, budgetLabels } from '../../../addin/src/pane/budget/BudgetView';
import { planBudgetSheet } from '../../../addin/src/pane/budget/layout';
import { readMode } from '../../../addin/src/custom-functions/args';
import { CATALOGUES } from '../../../addin/src/i18n';
import type { PaneStack } from './stack';
import { startPaneStack } from './stack';

let pane: PaneStack;
beforeAll(async () => {
  pane = await startPaneStack();
});
afterAll(async () => {
  await pane.stop();
});

function plan(year: number, mode: FeeMode) {
  return planBudgetSheet({ year, mode, members: membersInYear(SEED_MEMBERS, year), labels: budgetLabels(year, CATALOGUES.sv) });
}

async function cellValue(sheet: string, address: string) {
  return (await pane.workbook.readRange(sheet, address)).values[0]?.[0];
}

describe('the budget sheet plan', () => {
  it('has a row per member with live SSR formulas, grouped by cluster, others last', () => {
    const budget = plan(2025, 'exact');
    expect(budget.memberCount).toBe(37);
    expect(budget.cells[4]).toEqual(['Id', 'Medlem', 'Grupp', 'Avgift', 'Ersättning', 'Netto']);
    expect(budget.cells[5]?.slice(2)).toEqual(['Norr', { formula: '=SSR.FEE($A6,$B$2,$B$3)' }, { formula: '=SSR.REIMBURSED($A6,$B$2)' }, { formula: '=D6-E6' }]);
    expect(budget.cells[41]?.[2]).toBe('Övriga aktörer');
    expect(budget.chart).toMatchObject({ source: 'A45:B49', title: 'Avgiftsintäkter per grupp 2025' });
  });

  it('shows the mode in B3 in the pane’s language, in words the SSR functions read as that mode', () => {
    expect(plan(2025, 'exact').cells[2]).toEqual(['Beräkning', 'exakt']);
    expect(plan(2025, 'estimate').cells[2]).toEqual(['Beräkning', 'uppskattning']);
    for (const catalogue of Object.values(CATALOGUES)) {
      for (const mode of FEE_MODES) expect(readMode(catalogue.budget.modeWords[mode])).toBe(mode);
    }
  });

  it('R7: groups a municipality under its cluster of the sheet’s year (Nacka in Syd up to 2025, Mitt from 2026)', () => {
    const members = SEED_MEMBERS.map((member) =>
      member.id === 'nacka' ? { ...member, earlierTerms: [{ untilYear: 2025, feeClass: 'municipality' as const, cluster: 'Syd' as const }] } : member,
    );
    const groupOfNacka = (year: number) =>
      planBudgetSheet({ year, mode: 'estimate', members, labels: budgetLabels(year, CATALOGUES.sv) }).cells.find((row) => row[0] === 'nacka')?.[2];
    expect(groupOfNacka(2025)).toBe('Syd');
    expect(groupOfNacka(2026)).toBe('Mitt');
  });

  it('nets its own columns in either mode, so Netto follows the mode cell as the fee does', () => {
    for (const mode of FEE_MODES) expect(plan(2026, mode).cells[5]?.[5]).toEqual({ formula: '=D6-E6' });
  });
});

describe('the budget sheet in the preview workbook, computed by the SSR functions', () => {
  it('fee year 2024 (exact) totals 7 602 231,50 kr, per group and in all, as the API does', async () => {
    const budget = plan(2024, 'exact');
    await writeBudgetSheet(pane.workbook, budget);
    await pane.workbook.whenCalculated();
    const fees = (await (await pane.api('/fees?year=2024')).json()) as { totals: Record<string, number> };
    expect(await cellValue(budget.sheet, budget.totalCell)).toBe(7_602_231.5);
    expect(await cellValue(budget.sheet, budget.checkCell)).toBe(7_602_231.5);
    expect(fees.totals.all).toBe(760_223_150);
    const groups = (await pane.workbook.readRange(budget.sheet, budget.chart.source)).values;
    expect(groups).toEqual([
      ['Norr', (fees.totals.Norr ?? 0) / 100],
      ['Mitt', (fees.totals.Mitt ?? 0) / 100],
      ['Syd', (fees.totals.Syd ?? 0) / 100],
      ['Stockholms stad', (fees.totals['Stockholms stad'] ?? 0) / 100],
      ['Övriga aktörer', (fees.totals.others ?? 0) / 100],
    ]);
  });

  it('keeps formulas in the cells, and Nacka 2025 is 168 168,00 kr (estimate mode)', async () => {
    const budget = plan(2025, 'estimate');
    await writeBudgetSheet(pane.workbook, budget);
    await pane.workbook.whenCalculated();
    const row = budget.cells.findIndex((cells) => cells[0] === 'nacka') + 1;
    const read = await pane.workbook.readRange(budget.sheet, `D${row}:F${row}`);
    expect(read.formulas[0]).toEqual([`=SSR.FEE($A${row},$B$2,$B$3)`, `=SSR.REIMBURSED($A${row},$B$2)`, `=D${row}-E${row}`]);
    expect(read.values[0]).toEqual([168_168, 0, 168_168]);
    const fees = (await (await pane.api('/fees?year=2025&mode=estimate')).json()) as { totals: { all: number } };
    expect(Math.round(Number(await cellValue(budget.sheet, budget.totalCell)) * 100)).toBe(fees.totals.all);
  });

  it('in exact mode, a municipality without its figure shows #N/A and so do the totals', async () => {
    const budget = plan(2025, 'exact');
    await writeBudgetSheet(pane.workbook, budget);
    await pane.workbook.whenCalculated();
    const row = budget.cells.findIndex((cells) => cells[0] === 'salem') + 1;
    expect(await cellValue(budget.sheet, `D${row}`)).toBe('#N/A');
    expect(await cellValue(budget.sheet, budget.totalCell)).toBe('#N/A');
  });

  it('follows its mode cell: built exact for 2025, switched to estimate in B3, every formula gives a number, Netto included', async () => {
    const budget = plan(2025, 'exact');
    await writeBudgetSheet(pane.workbook, budget);
    await pane.workbook.whenCalculated();
    const salem = budget.cells.findIndex((cells) => cells[0] === 'salem') + 1;
    expect((await pane.workbook.readRange(budget.sheet, `D${salem}:F${salem}`)).values[0]).toEqual(['#N/A', 0, '#N/A']);

    // As a person types it in the cell: row 3, column B.
    await pane.workbook.setCellInput(budget.sheet, { row: 2, column: 1 }, 'uppskattning');
    await pane.workbook.whenCalculated();
    const formulaCells: string[] = [];
    budget.cells.forEach((row, r) =>
      row.forEach((input, c) => {
        if (typeof input === 'object' && input !== null) formulaCells.push(`${String.fromCharCode(65 + c)}${r + 1}`);
      }),
    );
    expect(formulaCells.length).toBeGreaterThan(37 * 3);
    for (const address of formulaCells) expect([address, typeof (await cellValue(budget.sheet, address))]).toEqual([address, 'number']);
    // Salem 2025 on its 31 Dec 2023 figure: 17 451 × 1,50 kr.
    expect((await pane.workbook.readRange(budget.sheet, `D${salem}:F${salem}`)).values[0]).toEqual([26_176.5, 0, 26_176.5]);
    const fees = (await (await pane.api('/fees?year=2025&mode=estimate')).json()) as { totals: { all: number } };
    expect(Math.round(Number(await cellValue(budget.sheet, budget.totalCell)) * 100)).toBe(fees.totals.all);
    expect(Math.round(Number(await cellValue(budget.sheet, budget.checkCell)) * 100)).toBe(fees.totals.all);
  });
});
