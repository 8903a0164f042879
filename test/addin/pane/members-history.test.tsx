// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MEMBERS_SHEET, MEMBERS_TABLE } from '../../../addin/src/pane/members/columns';
import { MembersView } from '../../../addin/src/pane/members/MembersView';
import { renderPane } from './render';
import type { PaneStack } from './stack';
import { startPaneStack } from './stack';

// R7 in the pane: a change of fee class or cluster made in the sheet is saved with the year it
// applies from (next year unless the user says otherwise), and the earlier terms are shown.
// The clock stands in mid-2025, so next year is 2026.

let pane: PaneStack;
beforeAll(async () => {
  pane = await startPaneStack({ now: () => Date.UTC(2025, 5, 1, 12) });
});
afterAll(async () => {
  await pane.stop();
});
afterEach(cleanup);

const FEE_CLASS_COLUMN = 3;
const CLUSTER_COLUMN = 5;

async function rowOf(id: string): Promise<number> {
  const table = await pane.workbook.readTable(MEMBERS_TABLE);
  const index = table?.rows.findIndex((cells) => cells[0] === id) ?? -1;
  if (index < 0) throw new Error(`${id} is not in the members table`);
  return index + 1;
}

async function apiJson(path: string): Promise<Record<string, unknown>> {
  return (await (await pane.api(path)).json()) as Record<string, unknown>;
}

describe('Members view: R7 class and cluster history', () => {
  it('asks from which year a changed class or cluster applies (next year by default), sends it, and shows the earlier terms', async () => {
    const { user } = renderPane(<MembersView />, pane.services);
    await user.click(screen.getByRole('button', { name: 'Läs in medlemmar till bladet' }));
    expect(await screen.findByText('37 medlemmar är inlästa till bladet "SSR Medlemmar".', {}, { timeout: 20_000 })).toBeTruthy();
    // Nothing has changed class yet: no history to show.
    expect(screen.queryByText('Avgiftsklass och kluster över tid')).toBeNull();

    await pane.workbook.setCellInput(MEMBERS_SHEET, { row: await rowOf('kustbevakningen'), column: FEE_CLASS_COLUMN }, 'double');
    await pane.workbook.setCellInput(MEMBERS_SHEET, { row: await rowOf('jarfalla'), column: CLUSTER_COLUMN }, 'Norr');
    await user.click(screen.getByRole('button', { name: 'Granska ändringar' }));
    const review = await screen.findByRole('table', { name: 'Ändringar i bladet' });
    expect(within(review).getByText('Avgiftsklass: enkel → dubbel')).toBeTruthy();
    expect(within(review).getByText('Kluster: Mitt → Norr')).toBeTruthy();
    expect(within(review).getAllByText('Gäller från 2026; åren före behåller tidigare avgiftsklass och kluster.')).toHaveLength(2);

    const year = screen.getByRole('textbox', { name: 'Ändrad avgiftsklass eller kluster gäller från år' });
    expect(year).toHaveProperty('value', '2026');
    // No year, no save: the change would have nothing to apply from.
    await user.clear(year);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Spara 2 ändringar' }).disabled).toBe(true);
    await user.type(year, '2026');
    await user.click(screen.getByRole('button', { name: 'Spara 2 ändringar' }));
    expect(await screen.findByText('Alla 2 ändringar är sparade och formlerna omräknade.', {}, { timeout: 20_000 })).toBeTruthy();

    expect(await apiJson('/members/kustbevakningen')).toMatchObject({ feeClass: 'double', earlierTerms: [{ untilYear: 2025, feeClass: 'single' }] });
    expect(await apiJson('/members/jarfalla')).toMatchObject({ cluster: 'Norr', earlierTerms: [{ untilYear: 2025, cluster: 'Mitt' }] });
    expect(await apiJson('/fees/kustbevakningen?year=2025')).toMatchObject({ amountOre: 28_000_000 });
    expect(await apiJson('/fees/kustbevakningen?year=2026')).toMatchObject({ amountOre: 56_000_000 });

    const history = await screen.findByRole('table', { name: 'Avgiftsklass och kluster över tid' });
    await waitFor(() =>
      expect(within(history).getAllByRole('row').map((row) => row.textContent)).toEqual([
        'MedlemÅrAvgiftsklass och kluster',
        'Järfällatill och med 2025kommun, Mitt',
        'Järfällafrån 2026kommun, Norr',
        'Kustbevakningentill och med 2025enkel',
        'Kustbevakningenfrån 2026dubbel',
      ]),
    );
    // The sheet keeps the current values only.
    const table = await pane.workbook.readTable(MEMBERS_TABLE);
    expect(table?.rows.find((cells) => cells[0] === 'kustbevakningen')?.[FEE_CLASS_COLUMN]).toBe('double');
  });

  it('does not ask for a year when no class or cluster changes', async () => {
    const { user } = renderPane(<MembersView />, pane.services);
    await pane.workbook.setCellInput(MEMBERS_SHEET, { row: await rowOf('solna'), column: 9 }, 'Ref 12');
    await user.click(screen.getByRole('button', { name: 'Granska ändringar' }));
    await screen.findByRole('table', { name: 'Ändringar i bladet' });
    expect(screen.queryByRole('textbox', { name: 'Ändrad avgiftsklass eller kluster gäller från år' })).toBeNull();
    // The history of the register reviewed against is shown without a load.
    expect(await screen.findByRole('table', { name: 'Avgiftsklass och kluster över tid' })).toBeTruthy();
  });
});
