// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseCellAddress } from '../../../addin/src/excel/address';
import { App } from '../../../addin/src/pane/App';
import { BudgetView, checkBudget, outcomeNotice } from '../../../addin/src/pane/budget/BudgetView';
import type { BudgetPlan } from '../../../addin/src/pane/budget/layout';
import { CATALOGUES } from '../../../addin/src/i18n';
import { renderPane } from './render';
import type { PaneStack } from './stack';
import { startPaneStack } from './stack';

/** 1 October 2025: SCB has not yet published every 31 December 2024 figure the seed register needs. */
const NOW = Date.UTC(2025, 9, 1, 10);
const SHEET = 'SSR budget 2025';

let pane: PaneStack;
beforeAll(async () => {
  pane = await startPaneStack({ now: () => NOW });
  const draft = await pane.api('/fee-rules', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ id: 'avgifter-2027', effectiveFrom: 2027, perInhabitantOre: 175, singleFeeOre: 30_000_000, doubleFeeOre: 60_000_000, populationYearOffset: 1, approvals: [] }),
  });
  expect(draft.status, await draft.text()).toBe(201);
  await pane.services.snapshots.refresh();
});
afterAll(async () => {
  await pane.stop();
});
afterEach(cleanup);

const text = (element: Element) => element.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The sheet cell of a row key and column key. */
async function keyed(row: string, column: string): Promise<string> {
  const read = await pane.workbook.readSheet(SHEET);
  const r = read?.values.findIndex((cells, index) => index > 0 && cells[0] === row) ?? -1;
  const c = read?.values[0]?.indexOf(column) ?? -1;
  if (r < 0 || c < 0) throw new Error(`${row} × ${column} not on the sheet`);
  return `${String.fromCharCode(65 + c)}${r + 1}`;
}
async function typeAt(row: string, column: string, typed: string) {
  const position = parseCellAddress(await keyed(row, column));
  if (!position) throw new Error('no cell');
  await pane.workbook.setCellInput(SHEET, position, typed);
}
async function valueAt(row: string, column: string) {
  return (await pane.workbook.readRange(SHEET, await keyed(row, column))).values[0]?.[0];
}

describe('Budget view: the budget year and the plan years', () => {
  it('three plan years by default; a number outside 0–10 is refused at the field', async () => {
    const { user } = renderPane(<BudgetView />, pane.services);
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Budgetår' }).value).toBe('2025');
    const planYears = screen.getByRole<HTMLInputElement>('textbox', { name: /^Planår efter budgetåret/ });
    expect(planYears.value).toBe('3');
    await user.clear(planYears);
    await user.type(planYears, '11');
    expect(screen.getByText('Ange ett helt antal planår, 0–10.')).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Skapa budgetblad' }).disabled).toBe(true);
  });

  it('creates the sheet, says which years are estimates; rebuilt, says what it kept; shortened past a typed figure, keeps the old sheet', async () => {
    const { user } = renderPane(<BudgetView />, pane.services);
    await user.click(screen.getByRole('button', { name: 'Skapa budgetblad' }));
    expect(
      await screen.findByText('Bladet "SSR budget 2025" är skapat för 2025–2028. Uppskattning för 2025–2028: befolkningstalen för dem är inte kompletta.', {}, { timeout: 20_000 }),
    ).toBeTruthy();
    await pane.workbook.whenCalculated();
    expect(await valueAt('mode', 'year:2025')).toBe('uppskattning');
    expect(await valueAt('rule', 'year:2028')).toBeNull();

    await typeAt('cost:office', 'year:2025', '4800000');
    await typeAt('cost:training', 'year:2028', '250000');
    await user.click(screen.getByRole('button', { name: 'Skapa budgetblad' }));
    expect(await screen.findByText(/^Bladet "SSR budget 2025" är uppdaterat för 2025–2028\. 2 inskrivna uppgifter finns kvar där de hör hemma\./, {}, { timeout: 20_000 })).toBeTruthy();
    expect(await valueAt('cost:training', 'year:2028')).toBe(250_000);

    const planYears = screen.getByRole('textbox', { name: /^Planår efter budgetåret/ });
    await user.clear(planYears);
    await user.type(planYears, '1');
    await user.click(screen.getByRole('button', { name: 'Skapa budgetblad' }));
    expect(
      await screen.findByText(/Något som var inskrivet i "SSR budget 2025" får inte plats i den nya uppställningen\. Det gamla bladet finns kvar som "SSR budget 2025 \(äldre\)"/, {}, { timeout: 20_000 }),
    ).toBeTruthy();
    expect(await valueAt('cost:office', 'year:2025')).toBe(4_800_000);
    expect((await pane.workbook.readSheet('SSR budget 2025 (äldre)'))?.values.flat()).toContain(250_000);
  });

  it('with a proposal from a chosen year: its id in those columns, the result under the rule in force beside', async () => {
    const { user } = renderPane(<BudgetView />, pane.services);
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Räkna med ett förslag till avgiftsregel' }), 'avgifter-2027');
    const from = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Förslaget från år' });
    expect([...from.options].map((option) => option.value)).toEqual(['2027', '2028']);
    await user.selectOptions(from, '2028');
    const planYears = screen.getByRole('textbox', { name: /^Planår efter budgetåret/ });
    await user.clear(planYears);
    await user.type(planYears, '3');
    await user.click(screen.getByRole('button', { name: 'Skapa budgetblad' }));
    expect(await screen.findByText(/^Bladet "SSR budget 2025" är uppdaterat för 2025–2028\./, {}, { timeout: 20_000 })).toBeTruthy();
    await pane.workbook.whenCalculated();
    expect(await valueAt('rule', 'year:2027')).toBeNull();
    expect(await valueAt('rule', 'year:2028')).toBe('avgifter-2027');
    expect(await valueAt('rule:status', 'year:2028')).toBe('förslag');
    expect(await valueAt('result', 'label')).toBe('Resultat med förslaget avgifter-2027');
    expect(await valueAt('inforce', 'label')).toBe('Resultat med gällande avgiftsregel');
    expect(typeof (await valueAt('inforce', 'year:2028'))).toBe('number');
  });

  it('says whether the estimate years are one or several, in either language', () => {
    const plan = { sheet: SHEET } as BudgetPlan;
    const one = outcomeNotice({ outcome: 'created' }, plan, [{ year: 2025, mode: 'estimate' }, { year: 2026, mode: 'exact' }], CATALOGUES.sv);
    expect(one.body).toBe('Bladet "SSR budget 2025" är skapat för 2025–2026. Uppskattning för 2025: befolkningstalen för det året är inte kompletta.');
    const several = outcomeNotice({ outcome: 'updated', kept: 0 }, plan, [{ year: 2025, mode: 'estimate' }, { year: 2027, mode: 'estimate' }], CATALOGUES.en);
    expect(several.body).toMatch(/ Estimate for 2025, 2027: the population figures for them are not complete\.$/);
    const single = outcomeNotice({ outcome: 'created' }, plan, [{ year: 2025, mode: 'estimate' }], CATALOGUES.en);
    expect(single.body).toMatch(/ Estimate for 2025: the population figures for that year are not complete\.$/);
  });

  it('says that a proposal withdrawn since it was chosen is no longer there, not that no rule applies', async () => {
    const read = await pane.services.snapshots.refresh();
    const withdrawn = { ...read.snapshot, feeRules: read.snapshot.feeRules.filter((rule) => rule.id !== 'avgifter-2027') };
    const settings = { year: 2025, planYears: 3, proposal: { id: 'avgifter-2027', from: 2027 } };
    expect(checkBudget(withdrawn, read.fetchedAt, settings, CATALOGUES.sv)).toEqual({
      ok: false,
      notice: { intent: 'warning', body: 'Förslaget avgifter-2027 finns inte längre; det kan ha dragits tillbaka. Bladet skapades inte; välj ett annat förslag eller inget.' },
    });
    expect(checkBudget(withdrawn, read.fetchedAt, settings, CATALOGUES.en)).toMatchObject({ notice: { body: expect.stringMatching(/^The proposal avgifter-2027 no longer exists; it may have been withdrawn\./) as string } });
  });

  it('in English too', async () => {
    renderPane(<BudgetView />, pane.services, 'en');
    expect(screen.getByRole('textbox', { name: 'Budget year' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: /^Plan years after the budget year/ })).toBeTruthy();
    expect(await screen.findByRole('combobox', { name: 'Compute with a fee rule proposal' })).toBeTruthy();
    expect(screen.getByRole('option', { name: 'No proposal: the rule in force every year' })).toBeTruthy();
  });
});

describe('Budget view: a member that has no figure at all', () => {
  // Last in the file: a member with no population figure in any year joins the register.
  beforeAll(async () => {
    const created = await pane.api('/members', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: 'ny-kommun', name: 'Ny kommun', kind: 'municipality', feeClass: 'municipality', municipalityCode: '0399', cluster: 'Norr', joinedOn: '2024-01-01' }),
    });
    expect(created.status, await created.text()).toBe(201);
  });

  it('names the member and the first date it lacks, builds nothing and offers the import, which opens the Population view', async () => {
    const { user } = renderPane(<App />, pane.services);
    await user.click(screen.getByRole('tab', { name: 'Budget' }));
    const budget = screen.getByRole('tabpanel', { name: 'Budget' });
    const year = within(budget).getByRole('textbox', { name: 'Budgetår' });
    await user.clear(year);
    await user.type(year, '2026');
    await user.click(within(budget).getByRole('button', { name: 'Skapa budgetblad' }));
    const warning = await within(budget).findByRole('group', { name: 'Befolkningstal saknas helt' }, { timeout: 20_000 });
    expect(text(warning)).toContain('1 medlem har inget befolkningstal alls 31 december 2025 eller tidigare: Ny kommun.');
    expect(pane.workbook.getSheet('SSR budget 2026')).toBeUndefined();
    expect(within(budget).queryByText(/är skapat/)).toBeNull();
    await user.click(within(warning).getByRole('button', { name: 'Importera befolkningstal' }));
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Befolkning' }).getAttribute('aria-selected')).toBe('true'));
    expect(budget.hidden).toBe(true);
  });

  it('dates the missing figure by the rule each year is computed under: the proposal’s offset for its years', async () => {
    const read = await pane.services.snapshots.refresh();
    // The proposal reads the population two years back; the rule in force one year back.
    const feeRules = read.snapshot.feeRules.map((rule) => (rule.id === 'avgifter-2027' ? { ...rule, populationYearOffset: 2 } : rule));
    const check = (proposal?: { id: string; from: number }) => checkBudget({ ...read.snapshot, feeRules }, read.fetchedAt, { year: 2027, planYears: 0, ...(proposal ? { proposal } : {}) }, CATALOGUES.sv);
    expect(check({ id: 'avgifter-2027', from: 2027 })).toMatchObject({ ok: false, missing: { names: ['Ny kommun'], date: '31 december 2025' } });
    expect(check()).toMatchObject({ ok: false, missing: { names: ['Ny kommun'], date: '31 december 2026' } });
  });

  it('in English too', async () => {
    const { user } = renderPane(<BudgetView />, pane.services, 'en');
    await user.click(screen.getByRole('button', { name: 'Create budget sheet' }));
    const warning = await screen.findByRole('group', { name: 'No population figure at all' }, { timeout: 20_000 });
    expect(text(warning)).toContain('1 member has no population figure at all on 31 December 2024 or before: Ny kommun.');
  });
});
