import { feeSchedule, SEED_REGISTER } from '@ssr/shared';
import type { Snapshot } from '@ssr/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCellAddress } from '../../../addin/src/excel/address';
import type { CellInput } from '../../../addin/src/excel/port';
import { isFormulaInput } from '../../../addin/src/excel/port';
import { planRebuild } from '../../../addin/src/excel/rebuild';
import { sheetGrid } from '../../../addin/src/excel/sheet-plan';
import type { BudgetSettings } from '../../../addin/src/pane/budget/BudgetView';
import { budgetColumns, budgetLabels, checkBudget, outcomeNotice, writeBudgetSheet } from '../../../addin/src/pane/budget/BudgetView';
import type { BudgetPlan } from '../../../addin/src/pane/budget/layout';
import { planBudgetSheet } from '../../../addin/src/pane/budget/layout';
import { readGroup, readMode } from '../../../addin/src/custom-functions/args';
import { CATALOGUES } from '../../../addin/src/i18n';
import type { PaneStack } from './stack';
import { startPaneStack } from './stack';

const sv = CATALOGUES.sv;
const en = CATALOGUES.en;
/** The draft of the worked example: 1,75 kr per inhabitant, 300 000 / 600 000 kr, from 2027. */
const DRAFT = { id: 'avgifter-2027', effectiveFrom: 2027, perInhabitantOre: 175, singleFeeOre: 30_000_000, doubleFeeOre: 60_000_000, populationYearOffset: 1, approvals: [] };
/** The seed register as a snapshot, as the pane reads it. */
const SEED_SNAPSHOT: Snapshot = { version: 'seed', ...SEED_REGISTER, members: [...SEED_REGISTER.members], populations: [...SEED_REGISTER.populations], feeRules: [...SEED_REGISTER.feeRules], reimbursementSums: [] };
const withDraft: Snapshot = { ...SEED_SNAPSHOT, feeRules: [...SEED_SNAPSHOT.feeRules, DRAFT] };

function plan(settings: BudgetSettings, snapshot: Snapshot = SEED_SNAPSHOT, t = sv): BudgetPlan {
  return planBudgetSheet({ columns: budgetColumns(snapshot, settings), labels: budgetLabels(settings, '2 dec 2026 07:10', t), reimbursed: { RSIB: { 2025: 120_000 }, RKK: {} } });
}

const rowCells = (budget: BudgetPlan, key: string) => budget.rows.find((row) => row.key === key)?.cells;

describe('the budget sheet plan: a column per year', () => {
  it('the budget year and three plan years by default, each with its year, mode and rule', () => {
    const budget = plan({ year: 2024, planYears: 3 });
    expect(budget.sheet).toBe('SSR budget 2024');
    expect(budget.columnKeys).toEqual(['label', 'year:2024', 'year:2025', 'year:2026', 'year:2027', 'note']);
    expect(rowCells(budget, 'title')).toEqual(['SSR budget 2024–2027']);
    expect(rowCells(budget, 'asof')).toEqual(['Uppgifter per', { formula: '=SSR.ASOF()' }]);
    expect(rowCells(budget, 'year')).toEqual(['År', 2024, 2025, 2026, 2027, 'Kommentar']);
    // 2024's figures are complete (31 Dec 2023); 2025 lacks six, later years all.
    expect(rowCells(budget, 'mode')).toEqual(['Beräkning', 'exakt', 'uppskattning', 'uppskattning', 'uppskattning']);
    expect(rowCells(budget, 'rule')).toEqual(['Avgiftsregel (tom = gällande)', '', '', '', '']);
    // The status follows the rule cell above, whether the pane or the team put a proposal's id there.
    expect(rowCells(budget, 'rule:status')).toEqual(['Avgifter enligt', ...['C', 'D', 'E', 'F'].map((c) => ({ formula: `=IF(${c}$7="","gällande regel","förslag")` }))]);
    for (const catalogue of [sv, en]) for (const mode of ['exact', 'estimate'] as const) expect(readMode(catalogue.budget.sheet.modeWords[mode])).toBe(mode);
  });

  it('income per group as SSR.TOTAL of the column’s own year, mode and rule cells, in words SSR.TOTAL reads', () => {
    const budget = plan({ year: 2024, planYears: 3 });
    expect(rowCells(budget, 'income:Norr')).toEqual([
      'Norr',
      { formula: '=SSR.TOTAL(C$5,"Norr",C$6,C$7)' },
      { formula: '=SSR.TOTAL(D$5,"Norr",D$6,D$7)' },
      { formula: '=SSR.TOTAL(E$5,"Norr",E$6,E$7)' },
      { formula: '=SSR.TOTAL(F$5,"Norr",F$6,F$7)' },
    ]);
    expect(rowCells(budget, 'income:others')?.slice(0, 2)).toEqual(['Övriga aktörer', { formula: '=SSR.TOTAL(C$5,"övriga",C$6,C$7)' }]);
    expect(rowCells(budget, 'income:total')?.[1]).toEqual({ formula: '=SUM(C11:C15)' });
    for (const catalogue of [sv, en]) {
      for (const [group, word] of Object.entries(catalogue.budget.sheet.groupArguments)) expect(readGroup(word)).toBe(group);
    }
  });

  it('costs: the agreement’s categories, empty cells the team fills in, with the recorded RSIB and RKK beside', () => {
    const budget = plan({ year: 2024, planYears: 3 });
    const labels = budget.rows.slice(budget.rows.findIndex((row) => row.key === 'costs')).map((row) => row.cells[0]);
    expect(labels.slice(0, 11)).toEqual([
      'Kostnader',
      'Samordningskansliet',
      'RSIB',
      '– registrerade ersättningar RSIB per 2 dec 2026 07:10',
      'RKK',
      '– registrerade ersättningar RKK per 2 dec 2026 07:10',
      'Gemensam planering',
      'Utbildning och övning',
      'Utvärdering och utveckling',
      'Övrigt',
      'Summa kostnader',
    ]);
    expect(rowCells(budget, 'reimbursed:rsib')?.slice(1)).toEqual([null, 120_000, null, null]);
    expect(rowCells(budget, 'cost:rsib')).toEqual(['RSIB']);
    // Every cost cell of every year, and a note beside each row of figures.
    expect(budget.inputs).toContainEqual({ row: 'cost:office', column: 'year:2027' });
    expect(budget.inputs).toContainEqual({ row: 'cost:rsib', column: 'note' });
    expect(budget.inputs).toContainEqual({ row: 'result', column: 'note' });
    // In the year columns: the cost cells and the rule row, where a proposal's id may be typed; never the recorded reimbursements.
    expect(budget.inputs.filter((input) => input.column !== 'note')).toHaveLength(7 * 4 + 4);
    expect(budget.inputs).toContainEqual({ row: 'rule', column: 'year:2026' });
    expect(budget.inputs.filter((input) => input.row.startsWith('reimbursed:') && input.column !== 'note')).toEqual([]);
    // A note on every keyed row, headings, reimbursements and results too; the year row holds the note column's heading.
    const keyed = budget.rows.map((row) => row.key).filter((key) => key !== '' && key !== 'year');
    expect(budget.inputs.filter((input) => input.column === 'note').map((input) => input.row)).toEqual(keyed);
    // The recorded reimbursements are shown, not added: the RSIB row is what is budgeted.
    const total = rowCells(budget, 'cost:total')?.[1];
    expect(total).toEqual({ formula: `=SUM(${['office', 'rsib', 'rkk', 'planning', 'training', 'evaluation', 'other'].map((c) => budget.cell(`cost:${c}`, 2024)).join(',')})` });
    expect(budget.formats).toContainEqual({ address: `${budget.cell('cost:office', 2024)}:${budget.cell('cost:office', 2027)}`, format: { numberFormat: '#,##0.00 "kr"' } });
  });

  it('result = income − costs per year, accumulated over the plan; a chart of income and costs with the years as categories', () => {
    const budget = plan({ year: 2024, planYears: 3 });
    const income = budget.cell('summary:income', 2025);
    const costs = budget.cell('summary:costs', 2025);
    expect(rowCells(budget, 'result')?.[2]).toEqual({ formula: `=${income}-${costs}` });
    expect(rowCells(budget, 'result:accumulated')?.slice(1)).toEqual([
      { formula: `=${budget.cell('result', 2024)}` },
      { formula: `=${budget.cell('result:accumulated', 2024)}+${budget.cell('result', 2025)}` },
      { formula: `=${budget.cell('result:accumulated', 2025)}+${budget.cell('result', 2026)}` },
      { formula: `=${budget.cell('result:accumulated', 2026)}+${budget.cell('result', 2027)}` },
    ]);
    expect(rowCells(budget, 'summary')).toEqual(['Resultat', 2024, 2025, 2026, 2027]);
    expect(budget.charts).toEqual([
      {
        sheet: 'SSR budget 2024',
        name: 'SSR_BudgetChart_2024',
        title: 'Intäkter och kostnader 2024–2027',
        source: `${budget.cell('summary', 2024)}:${budget.cell('summary:costs', 2027)}`,
        seriesBy: 'rows',
        seriesNames: ['Intäkter', 'Kostnader'],
        anchor: 'I5',
      },
    ]);
    expect(budget.rows.some((row) => row.key.startsWith('inforce'))).toBe(false);
  });

  it('0 and 10 plan years; every key unique', () => {
    expect(plan({ year: 2025, planYears: 0 }).columnKeys).toEqual(['label', 'year:2025', 'note']);
    const long = plan({ year: 2025, planYears: 10 });
    expect(long.columnKeys).toHaveLength(13);
    const keys = long.rows.map((row) => row.key).filter((key) => key !== '');
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('in English, the sheet’s words follow the pane', () => {
    const budget = plan({ year: 2024, planYears: 1 }, SEED_SNAPSHOT, en);
    expect(rowCells(budget, 'mode')).toEqual(['Calculation', 'exact', 'estimate']);
    expect(rowCells(budget, 'cost:office')).toEqual(['Coordination office']);
    expect(rowCells(budget, 'income:others')?.slice(0, 2)).toEqual(['Other actors', { formula: '=SSR.TOTAL(C$5,"others",C$6,C$7)' }]);
  });
});

describe('the budget sheet plan with a proposal for chosen years', () => {
  it('the proposal’s id in the rule row from its year, said as a proposal; the result under the rule in force beside', () => {
    const budget = plan({ year: 2025, planYears: 3, proposal: { id: 'avgifter-2027', from: 2027 } }, withDraft);
    expect(rowCells(budget, 'rule')?.slice(1)).toEqual(['', '', 'avgifter-2027', 'avgifter-2027']);
    expect(rowCells(budget, 'rule:status')?.[3]).toEqual({ formula: '=IF(E$7="","gällande regel","förslag")' });
    expect(rowCells(budget, 'result')?.[0]).toBe('Resultat med förslaget avgifter-2027');
    expect(rowCells(budget, 'inforce')).toEqual([
      'Resultat med gällande avgiftsregel',
      { formula: `=${budget.cell('result', 2025)}` },
      { formula: `=${budget.cell('result', 2026)}` },
      { formula: `=SSR.TOTAL(E$5,"alla",E$6)-${budget.cell('summary:costs', 2027)}` },
      { formula: `=SSR.TOTAL(F$5,"alla",F$6)-${budget.cell('summary:costs', 2028)}` },
    ]);
    expect(rowCells(budget, 'inforce:accumulated')?.[4]).toEqual({ formula: `=${budget.cell('inforce:accumulated', 2027)}+${budget.cell('inforce', 2028)}` });
  });
});

/** The sheet as readSheet gives it, from the grid a plan writes, with cells typed over it (formulas read as 0). */
function typedSheet(budget: BudgetPlan, typed: readonly (readonly [string, string, CellInput])[]) {
  const grid = sheetGrid(budget).map((row) => [...row]);
  for (const [rowKey, columnKey, input] of typed) {
    const r = grid.findIndex((row, index) => index > 0 && row[0] === rowKey);
    const c = (grid[0] ?? []).indexOf(columnKey);
    const row = grid[r] ?? [];
    while (row.length <= c) row.push(null);
    row[c] = input;
  }
  return {
    values: grid.map((row) => row.map((cell) => (isFormulaInput(cell) ? 0 : cell))),
    formulas: grid.map((row) => row.map((cell) => (isFormulaInput(cell) ? cell.formula : cell === null ? '' : String(cell)))),
  };
}

describe('rebuilding the budget sheet keeps what was typed beside the figures', () => {
  it('a proposal typed in a year’s rule cell and notes on a heading, a reimbursement row and the result: all kept with more plan years', () => {
    const typed = typedSheet(plan({ year: 2024, planYears: 3 }), [
      ['rule', 'year:2027', 'avgifter-2027'],
      ['costs', 'note', 'Enligt avtalet 2024'],
      ['reimbursed:rsib', 'note', 'Bokfört i mars'],
      ['result:accumulated', 'note', 'Mål: noll'],
    ]);
    const decision = planRebuild(typed, plan({ year: 2024, planYears: 5 }));
    expect(decision.unplaced).toEqual([]);
    expect(decision.carried.map(({ row, column, input }) => [row, column, input])).toEqual([
      ['rule', 'year:2027', 'avgifter-2027'],
      ['costs', 'note', 'Enligt avtalet 2024'],
      ['reimbursed:rsib', 'note', 'Bokfört i mars'],
      ['result:accumulated', 'note', 'Mål: noll'],
    ]);
  });

  it('a shorter plan drops a year with recorded reimbursements but nothing typed: nothing is lost, the sheet is updated', () => {
    // 2025 has 120 000 kr recorded for RSIB; its row takes a note, but its year cells are the register's.
    const decision = planRebuild(typedSheet(plan({ year: 2024, planYears: 3 }), [['cost:office', 'year:2024', 4_000_000]]), plan({ year: 2024, planYears: 0 }));
    expect(decision.unplaced).toEqual([]);
    expect(decision.carried.map(({ row, column }) => [row, column])).toEqual([['cost:office', 'year:2024']]);
  });

  it('a figure typed over a total is reported; a heading in the other language is the builder’s', () => {
    const budget = plan({ year: 2024, planYears: 1 });
    const typed = typedSheet(budget, [
      ['cost:total', 'year:2024', 7_000_000],
      ['costs', 'label', 'Costs'],
    ]);
    expect(planRebuild(typed, budget).unplaced).toEqual([{ address: budget.cell('cost:total', 2024), reason: 'over-formula', text: '7000000' }]);
  });
});

describe('the pane’s checks, per year', () => {
  it('no members in the budget year: said, nothing planned', () => {
    expect(checkBudget(SEED_SNAPSHOT, 0, { year: 2019, planYears: 3 }, sv)).toEqual({ ok: false, notice: { intent: 'warning', body: 'Inga medlemmar är med 2019. Välj ett annat år.' } });
  });

  it('no rule in force for a year of the plan: named, nothing planned', () => {
    const later = { ...SEED_SNAPSHOT, feeRules: SEED_SNAPSHOT.feeRules.map((rule) => ({ ...rule, effectiveFrom: 2026 })) };
    expect(checkBudget(later, 0, { year: 2024, planYears: 3 }, sv)).toEqual({
      ok: false,
      notice: { intent: 'warning', body: expect.stringContaining('Ingen antagen avgiftsregel gäller för 2024–2025,') as string },
    });
  });

  it('a member with no figure at all in a plan year: named with the first date it lacks', () => {
    const member = { id: 'ny-kommun', name: 'Ny kommun', kind: 'municipality' as const, feeClass: 'municipality' as const, municipalityCode: '0399', cluster: 'Norr' as const, joinedOn: '2026-01-01' };
    const check = checkBudget({ ...SEED_SNAPSHOT, members: [...SEED_SNAPSHOT.members, member] }, 0, { year: 2025, planYears: 3 }, sv);
    expect(check).toEqual({ ok: false, missing: { names: ['Ny kommun'], date: '31 december 2025' } });
  });
});

describe('the budget sheet in the preview workbook, computed by the SSR functions', () => {
  let pane: PaneStack;
  beforeAll(async () => {
    pane = await startPaneStack();
    const created = await pane.api('/fee-rules', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(DRAFT) });
    expect(created.status, await created.text()).toBe(201);
  });
  afterAll(async () => {
    await pane.stop();
  });

  async function build(settings: BudgetSettings) {
    const read = await pane.services.snapshots.refresh();
    const check = checkBudget(read.snapshot, read.fetchedAt, settings, sv);
    if (!check.ok) throw new Error(JSON.stringify(check));
    const result = await writeBudgetSheet(pane.workbook, check.plan, sv);
    await pane.workbook.whenCalculated();
    return { budget: check.plan, result, notice: outcomeNotice(result, check.plan, check.columns, sv) };
  }
  const value = async (sheet: string, address: string) => (await pane.workbook.readRange(sheet, address)).values[0]?.[0];
  const type = async (budget: BudgetPlan, row: string, year: number, text: string) => {
    const position = parseCellAddress(budget.cell(row, year));
    if (!position) throw new Error(row);
    await pane.workbook.setCellInput(budget.sheet, position, text);
  };

  it('each year’s income totals are the API’s, in that year’s mode; result and accumulated follow the typed costs', async () => {
    const { budget, notice } = await build({ year: 2024, planYears: 2 });
    expect(notice).toEqual({ intent: 'success', body: 'Bladet "SSR budget 2024" är skapat för 2024–2026. Uppskattning för 2025–2026: befolkningstalen för dem är inte kompletta.' });
    for (const [year, mode] of [
      [2024, 'exact'],
      [2025, 'estimate'],
      [2026, 'estimate'],
    ] as const) {
      const fees = (await (await pane.api(`/fees?year=${year}&mode=${mode}`)).json()) as { totals: Record<string, number> };
      expect([year, Math.round(Number(await value(budget.sheet, budget.cell('income:total', year))) * 100)]).toEqual([year, fees.totals.all]);
      expect(Math.round(Number(await value(budget.sheet, budget.cell('income:Syd', year))) * 100)).toBe(fees.totals.Syd);
    }
    await type(budget, 'cost:office', 2024, '5000000');
    await type(budget, 'cost:rsib', 2024, '1500000.5');
    await type(budget, 'cost:office', 2025, '5200000');
    await pane.workbook.whenCalculated();
    const income = (year: number) => value(budget.sheet, budget.cell('income:total', year)).then(Number);
    const result2024 = (await income(2024)) - 6_500_000.5;
    const result2025 = (await income(2025)) - 5_200_000;
    expect(Number(await value(budget.sheet, budget.cell('cost:total', 2024)))).toBe(6_500_000.5);
    expect(Number(await value(budget.sheet, budget.cell('result', 2024)))).toBeCloseTo(result2024, 2);
    expect(Number(await value(budget.sheet, budget.cell('result:accumulated', 2025)))).toBeCloseTo(result2024 + result2025, 2);
  });

  it('rebuilt with more plan years and a member added: every typed figure where it belongs', async () => {
    const first = await build({ year: 2024, planYears: 2 });
    await type(first.budget, 'cost:rkk', 2026, '700000');
    const note = parseCellAddress(first.budget.cell('cost:rkk', 2026));
    if (!note) throw new Error('no cell');
    await pane.workbook.setCellInput(first.budget.sheet, { row: note.row, column: note.column + 1 }, 'Avtal med Region Stockholm');
    const member = await pane.api('/members', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: 'sos-test', name: 'SOS test', kind: 'actor', feeClass: 'single', joinedOn: '2024-01-01' }),
    });
    expect(member.status, await member.text()).toBe(201);
    const { budget, result, notice } = await build({ year: 2024, planYears: 4 });
    expect(result).toEqual({ outcome: 'updated', kept: 5 });
    expect(notice.body).toMatch(/^Bladet "SSR budget 2024" är uppdaterat för 2024–2028\. 5 inskrivna uppgifter finns kvar där de hör hemma\./);
    expect(await value(budget.sheet, budget.cell('cost:office', 2024))).toBe(5_000_000);
    expect(await value(budget.sheet, budget.cell('cost:rsib', 2024))).toBe(1_500_000.5);
    expect(await value(budget.sheet, budget.cell('cost:office', 2025))).toBe(5_200_000);
    expect(await value(budget.sheet, budget.cell('cost:rkk', 2026))).toBe(700_000);
    expect(await value(budget.sheet, budget.cell('cost:rkk', 2028))).toBeNull();
    const noteRead = (await pane.workbook.readRange(budget.sheet, budget.cell('cost:rkk', 2028).replace(/[A-Z]+/, 'H'))).values[0]?.[0];
    expect(noteRead).toBe('Avtal med Region Stockholm');
    // The new member's fee is in the income of its group.
    const fees = (await (await pane.api('/fees?year=2026&mode=estimate')).json()) as { totals: Record<string, number> };
    expect(Math.round(Number(await value(budget.sheet, budget.cell('income:others', 2026))) * 100)).toBe(fees.totals.others);
  });

  it('rebuilt with a shorter plan that would drop a typed figure: the old sheet is kept under a free name', async () => {
    const { budget, result, notice } = await build({ year: 2024, planYears: 1 });
    expect(result).toEqual({ outcome: 'replaced', keptAs: 'SSR budget 2024 (äldre)' });
    expect(notice.intent).toBe('warning');
    expect(notice.body).toContain('Det gamla bladet finns kvar som "SSR budget 2024 (äldre)"');
    const kept = await pane.workbook.readSheet('SSR budget 2024 (äldre)');
    expect(kept?.values.flat()).toContain(700_000);
    // What has a place is in the new sheet too.
    expect(await value(budget.sheet, budget.cell('cost:office', 2025))).toBe(5_200_000);
  });

  it('worked example: with avgifter-2027 from 2027, the 2027 column totals what the API gives under the draft, and the rule in force beside it', async () => {
    const { budget } = await build({ year: 2026, planYears: 1, proposal: { id: 'avgifter-2027', from: 2027 } });
    // The engine's schedule under the draft, from the register the cells read.
    const computed = feeSchedule((await pane.services.snapshots.get()).snapshot, 2027, 'estimate', 'avgifter-2027');
    if (!computed.ok) throw new Error(computed.error.message);
    const draft = computed.value;
    expect(draft.adopted).toBe(false);
    const inForce = (await (await pane.api('/fees?year=2027&mode=estimate')).json()) as { totals: Record<string, number> };
    expect(Math.round(Number(await value(budget.sheet, budget.cell('income:total', 2027))) * 100)).toBe(draft.totals.all);
    expect(Math.round(Number(await value(budget.sheet, budget.cell('income:Mitt', 2027))) * 100)).toBe(draft.totals.Mitt);
    await type(budget, 'cost:office', 2027, '1000000');
    await pane.workbook.whenCalculated();
    expect(Math.round(Number(await value(budget.sheet, budget.cell('result', 2027))) * 100)).toBe(draft.totals.all - 100_000_000);
    expect(Math.round(Number(await value(budget.sheet, budget.cell('inforce', 2027))) * 100)).toBe((inForce.totals.all ?? 0) - 100_000_000);
    expect((await pane.workbook.readRange(budget.sheet, budget.cell('income:total', 2027))).formulas[0]?.[0]).toMatch(/^=SUM\(/);
    expect([await value(budget.sheet, budget.cell('rule:status', 2026)), await value(budget.sheet, budget.cell('rule:status', 2027))]).toEqual(['gällande regel', 'förslag']);
    await type(budget, 'rule', 2026, 'avgifter-2027');
    await pane.workbook.whenCalculated();
    expect(await value(budget.sheet, budget.cell('rule:status', 2026))).toBe('förslag');
  });
});

describe('the outcome counts what it kept right', () => {
  it('with nothing carried it says only that the sheet is updated, never that nothing was typed', () => {
    expect(sv.budget.updated('SSR budget 2025', '2025–2028', 0)).toBe('Bladet "SSR budget 2025" är uppdaterat för 2025–2028.');
    expect(en.budget.updated('SSR budget 2025', '2025–2028', 0)).toBe('The sheet "SSR budget 2025" has been updated for 2025–2028.');
  });

  it.each([
    [sv, 1, 'Bladet "SSR budget 2025" är uppdaterat för 2025–2028. 1 inskriven uppgift finns kvar där den hör hemma.'],
    [sv, 2, 'Bladet "SSR budget 2025" är uppdaterat för 2025–2028. 2 inskrivna uppgifter finns kvar där de hör hemma.'],
    [en, 1, 'The sheet "SSR budget 2025" has been updated for 2025–2028. 1 typed entry stays where it belongs.'],
    [en, 2, 'The sheet "SSR budget 2025" has been updated for 2025–2028. 2 typed entries stay where they belong.'],
  ])('%#: %s kept', (catalogue, n, expected) => {
    expect(catalogue.budget.updated('SSR budget 2025', '2025–2028', n)).toBe(expected);
  });
});
