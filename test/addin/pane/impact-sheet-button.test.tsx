// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ImpactSheetButton } from '../../../addin/src/pane/fee-rules/ImpactSheetButton';
import { renderPane } from './render';
import type { PaneStack } from './stack';
import { startPaneStack } from './stack';

const DRAFT = { id: 'avgifter-2027', effectiveFrom: 2027, perInhabitantOre: 175, singleFeeOre: 30_000_000, doubleFeeOre: 60_000_000, populationYearOffset: 1, approvals: [] };

let pane: PaneStack;
beforeAll(async () => {
  pane = await startPaneStack();
  const created = await pane.api('/fee-rules', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(DRAFT) });
  expect(created.status).toBe(201);
});
afterAll(async () => {
  await pane.stop();
});
afterEach(cleanup);

describe('“Create impact sheet”', () => {
  it('builds the sheet of the proposal and says so', async () => {
    const { user } = renderPane(<ImpactSheetButton ruleId="avgifter-2027" year={2027} mode="estimate" />, pane.services);
    await user.click(screen.getByRole('button', { name: 'Skapa konsekvensblad' }));
    expect(await screen.findByText('Bladet "Konsekvens avgifter-2027 2027" är skapat med 37 medlemmar och levande formler.', {}, { timeout: 20_000 })).toBeTruthy();
    await pane.workbook.whenCalculated();
    expect(pane.workbook.activeSheet).toBe('Konsekvens avgifter-2027 2027');
    expect((await pane.workbook.readRange('Konsekvens avgifter-2027 2027', 'B2')).values).toEqual([['Konsekvens av förslaget avgifter-2027, avgiftsåret 2027']]);
  });

  it('in English, for a year before the proposal applies, says why and builds nothing', async () => {
    const { user } = renderPane(<ImpactSheetButton ruleId="avgifter-2027" year={2026} mode="estimate" />, pane.services, 'en');
    await user.click(screen.getByRole('button', { name: 'Create impact sheet' }));
    expect(await screen.findByText('The proposal avgifter-2027 applies from 2027, not 2026. Choose 2027 or a later year.', {}, { timeout: 20_000 })).toBeTruthy();
    expect(await pane.workbook.sheetNames()).not.toContain('Impact avgifter-2027 2026');
  });

  it('builds the sheet of a proposal made a moment ago, while the pane still holds the register read before it', async () => {
    // The pane read the register (kept for up to a minute); then the proposal is made.
    await pane.services.snapshots.get();
    const made = await pane.api('/fee-rules', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...DRAFT, id: 'avgifter-2028', effectiveFrom: 2028 }) });
    expect(made.status).toBe(201);
    expect(pane.services.snapshots.peek()?.snapshot.feeRules.map((rule) => rule.id)).not.toContain('avgifter-2028');
    const { user } = renderPane(<ImpactSheetButton ruleId="avgifter-2028" year={2028} mode="estimate" />, pane.services);
    await user.click(screen.getByRole('button', { name: 'Skapa konsekvensblad' }));
    expect(await screen.findByText('Bladet "Konsekvens avgifter-2028 2028" är skapat med 37 medlemmar och levande formler.', {}, { timeout: 20_000 })).toBeTruthy();
    expect(screen.queryByText(/finns inte längre/)).toBeNull();
  });
});
