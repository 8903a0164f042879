// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../../addin/src/pane/App';
import { BudgetView } from '../../../addin/src/pane/budget/BudgetView';
import { renderPane } from './render';
import type { PaneStack } from './stack';
import { startPaneStack } from './stack';

/** 1 October 2025: SCB has not yet published every 31 December 2024 figure the seed register needs. */
const NOW = Date.UTC(2025, 9, 1, 10);

let pane: PaneStack;
beforeAll(async () => {
  pane = await startPaneStack({ now: () => NOW });
});
afterAll(async () => {
  await pane.stop();
});
afterEach(cleanup);

const text = (element: Element) => element.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const SIX = 'Nykvarn, Salem, Tyresö, Upplands-Bro, Vallentuna, Värmdö';

describe('Budget view: the modes name the figures they need', () => {
  it('says which 31 December each mode reads, for the year typed', async () => {
    const { user } = renderPane(<BudgetView />, pane.services);
    expect(screen.getByRole('radio', { name: 'Exakt: kräver befolkningen 31 december 2024' })).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Uppskattning: befolkningen 31 december 2024, eller den senaste före när den saknas' }).checked).toBe(true);
    const year = screen.getByRole('textbox', { name: 'År' });
    await user.clear(year);
    await user.type(year, '2026');
    expect(screen.getByRole('radio', { name: 'Exakt: kräver befolkningen 31 december 2025' })).toBeTruthy();
  });

  it('in English too', () => {
    renderPane(<BudgetView />, pane.services, 'en');
    expect(screen.getByRole('radio', { name: 'Exact: needs the population on 31 December 2024' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Estimate: the population on 31 December 2024, or the latest before it where that is missing' })).toBeTruthy();
  });
});

describe('Budget view: exact mode without the figures', () => {
  it('names the members that lack the figure and builds nothing; “create as an estimate” then builds a sheet that computes', async () => {
    const { user } = renderPane(<BudgetView />, pane.services);
    await user.click(screen.getByRole('radio', { name: 'Exakt: kräver befolkningen 31 december 2024' }));
    await user.click(screen.getByRole('button', { name: 'Skapa budgetblad' }));
    const warning = await screen.findByRole('group', { name: 'Befolkningen 31 december 2024 saknas' }, { timeout: 20_000 });
    expect(text(warning)).toContain(`6 medlemmar saknar befolkningen 31 december 2024: ${SIX}.`);
    // No sheet of #N/A, and nothing reported as done.
    expect(pane.workbook.getSheet('SSR budget 2025')).toBeUndefined();
    expect(screen.queryByText(/är skapat/)).toBeNull();
    // Shown alone, the view has no tabs to switch: the import way forward is offered in the pane (below).
    expect(within(warning).queryByRole('button', { name: 'Importera befolkningstal' })).toBeNull();

    await user.click(within(warning).getByRole('button', { name: 'Skapa med uppskattning' }));
    expect(await screen.findByText('Bladet "SSR budget 2025" är skapat med 37 medlemmar och levande formler.', {}, { timeout: 20_000 })).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'Befolkningen 31 december 2024 saknas' })).toBeNull();
    expect(screen.getByRole<HTMLInputElement>('radio', { name: /^Uppskattning/ }).checked).toBe(true);
    await pane.workbook.whenCalculated();
    expect((await pane.workbook.readRange('SSR budget 2025', 'B3')).values).toEqual([['uppskattning']]);
    const salem = (await pane.workbook.readRange('SSR budget 2025', 'A1:A50')).values.findIndex((row) => row[0] === 'salem') + 1;
    expect((await pane.workbook.readRange('SSR budget 2025', `D${salem}:F${salem}`)).values).toEqual([[26_176.5, 0, 26_176.5]]);
  });

  it('in the pane, “import population figures” opens the Population view', async () => {
    const { user } = renderPane(<App />, pane.services);
    await user.click(screen.getByRole('tab', { name: 'Budget' }));
    const budget = screen.getByRole('tabpanel', { name: 'Budget' });
    const year = within(budget).getByRole('textbox', { name: 'År' });
    await user.clear(year);
    await user.type(year, '2026');
    await user.click(within(budget).getByRole('radio', { name: 'Exakt: kräver befolkningen 31 december 2025' }));
    await user.click(within(budget).getByRole('button', { name: 'Skapa budgetblad' }));
    const warning = await within(budget).findByRole('group', { name: 'Befolkningen 31 december 2025 saknas' }, { timeout: 20_000 });
    // 2026 needs 31 Dec 2025, which the register holds for no municipality.
    expect(text(warning)).toContain('26 medlemmar saknar befolkningen 31 december 2025: Botkyrka, Danderyd,');
    await user.click(within(warning).getByRole('button', { name: 'Importera befolkningstal' }));
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Befolkning' }).getAttribute('aria-selected')).toBe('true'));
    expect(screen.getByRole('tabpanel', { name: 'Befolkning' }).hidden).toBe(false);
    expect(budget.hidden).toBe(true);
  });

  it('warns in English, with the same two ways forward', async () => {
    const { user } = renderPane(<App />, pane.services, 'en');
    await user.click(screen.getByRole('tab', { name: 'Budget' }));
    const budget = screen.getByRole('tabpanel', { name: 'Budget' });
    const year = within(budget).getByRole('textbox', { name: 'Year' });
    await user.clear(year);
    await user.type(year, '2025');
    await user.click(within(budget).getByRole('radio', { name: 'Exact: needs the population on 31 December 2024' }));
    await user.click(within(budget).getByRole('button', { name: 'Create budget sheet' }));
    const warning = await within(budget).findByRole('group', { name: 'The population on 31 December 2024 is missing' }, { timeout: 20_000 });
    expect(text(warning)).toContain(`6 members lack the population on 31 December 2024: ${SIX}.`);
    expect(within(warning).getByRole('button', { name: 'Import population figures' })).toBeTruthy();
    expect(within(warning).getByRole('button', { name: 'Create as an estimate' })).toBeTruthy();
  });
});

describe('Budget view: estimate mode with a member that has no figure at all', () => {
  // Last in the file: a member with no population figure in any year joins the register.
  beforeAll(async () => {
    const created = await pane.api('/members', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: 'ny-kommun', name: 'Ny kommun', kind: 'municipality', feeClass: 'municipality', municipalityCode: '0399', cluster: 'Norr', joinedOn: '2024-01-01' }),
    });
    expect(created.status, await created.text()).toBe(201);
  });

  it('names the member, builds nothing and offers only the import', async () => {
    const { user } = renderPane(<App />, pane.services);
    await user.click(screen.getByRole('tab', { name: 'Budget' }));
    const budget = screen.getByRole('tabpanel', { name: 'Budget' });
    const year = within(budget).getByRole('textbox', { name: 'År' });
    await user.clear(year);
    await user.type(year, '2026');
    expect(within(budget).getByRole<HTMLInputElement>('radio', { name: /^Uppskattning/ }).checked).toBe(true);
    await user.click(within(budget).getByRole('button', { name: 'Skapa budgetblad' }));
    const warning = await within(budget).findByRole('group', { name: 'Befolkningstal saknas helt' }, { timeout: 20_000 });
    expect(text(warning)).toContain('1 medlem har inget befolkningstal alls 31 december 2025 eller tidigare: Ny kommun.');
    expect(pane.workbook.getSheet('SSR budget 2026')).toBeUndefined();
    expect(within(budget).queryByText(/är skapat/)).toBeNull();
    expect(within(warning).getByRole('button', { name: 'Importera befolkningstal' })).toBeTruthy();
    expect(within(warning).queryByRole('button', { name: 'Skapa med uppskattning' })).toBeNull();
  });

  it('in English too', async () => {
    const { user } = renderPane(<BudgetView />, pane.services, 'en');
    await user.click(screen.getByRole('button', { name: 'Create budget sheet' }));
    const warning = await screen.findByRole('group', { name: 'No population figure at all' }, { timeout: 20_000 });
    expect(text(warning)).toContain('1 member has no population figure at all on 31 December 2024 or before: Ny kommun.');
    expect(within(warning).queryByRole('button', { name: 'Create as an estimate' })).toBeNull();
  });
});
