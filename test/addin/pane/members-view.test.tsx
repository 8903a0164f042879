// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MEMBERS_SHEET, MEMBERS_TABLE } from '../../../addin/src/pane/members/columns';
import { MembersView } from '../../../addin/src/pane/members/MembersView';
import { renderPane } from './render';
import type { PaneStack } from './stack';
import { startPaneStack } from './stack';

let pane: PaneStack;
beforeAll(async () => {
  pane = await startPaneStack();
});
afterAll(async () => {
  await pane.stop();
});
afterEach(cleanup);

interface ApiMember {
  id: string;
  name: string;
  invoiceReference?: string;
  etag: string;
}

async function apiMember(id: string): Promise<ApiMember> {
  return (await (await pane.api(`/members/${id}`)).json()) as ApiMember;
}

/** The table row (0-based) and sheet row of a member, found by its id in column A. */
async function rowOf(id: string): Promise<{ index: number; row: number }> {
  const table = await pane.workbook.readTable(MEMBERS_TABLE);
  const index = table?.rows.findIndex((cells) => cells[0] === id) ?? -1;
  if (index < 0) throw new Error(`${id} is not in the members table`);
  return { index, row: index + 1 };
}

async function type(address: { row: number; column: number }, text: string): Promise<void> {
  await pane.workbook.setCellInput(MEMBERS_SHEET, address, text);
}

describe('Members view', () => {
  it('loads the register into a table, reviews exactly the edits, saves them row by row', async () => {
    const { user } = renderPane(<MembersView />, pane.services);
    await user.click(screen.getByRole('button', { name: 'Läs in medlemmar till bladet' }));
    expect(await screen.findByText('37 medlemmar är inlästa till bladet "SSR Medlemmar".', {}, { timeout: 20_000 })).toBeTruthy();
    expect((await pane.workbook.readTable(MEMBERS_TABLE))?.rows).toHaveLength(37);

    // Two cells edited and a row typed below the table, as in the grid.
    const nacka = await rowOf('nacka');
    const solna = await rowOf('solna');
    await type({ row: nacka.row, column: 1 }, 'Nacka kommun');
    await type({ row: solna.row, column: 9 }, 'Solna ref 7');
    const newRow = 38;
    for (const [column, text] of ['ny-aktor', 'Ny aktör', 'actor', 'single', '', '', '2025-01-01'].entries()) {
      if (text) await type({ row: newRow, column }, text);
    }

    await user.click(screen.getByRole('button', { name: 'Granska ändringar' }));
    const review = await screen.findByRole('table', { name: 'Ändringar i bladet' });
    const rows = within(review).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      `Ändrad${solna.row + 1}Solna (solna)Fakturareferens: (tomt) → Solna ref 7`,
      `Ändrad${nacka.row + 1}Nacka kommun (nacka)Namn: Nacka → Nacka kommun`,
      'Tillagd39Ny aktör (ny-aktor)',
    ].sort((a, b) => Number(/\d+/.exec(a)?.[0]) - Number(/\d+/.exec(b)?.[0])));
    expect(screen.getByText('Tillagda: 1 · Ändrade: 2 · Borttagna: 0 · Ogiltiga: 0 · Oförändrade: 35')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Spara 3 ändringar' }));
    expect(await screen.findByText('Alla 3 ändringar är sparade och formlerna omräknade.', {}, { timeout: 20_000 })).toBeTruthy();
    expect((await apiMember('nacka')).name).toBe('Nacka kommun');
    expect((await apiMember('solna')).invoiceReference).toBe('Solna ref 7');
    expect((await apiMember('ny-aktor')).name).toBe('Ny aktör');

    // Saved rows are the new loaded copy: a second review finds nothing.
    await user.click(screen.getByRole('button', { name: 'Granska ändringar' }));
    expect(await screen.findByText('Bladet stämmer med registret: inga ändringar att spara.')).toBeTruthy();
  });

  it('shows an invalid row with its reason and never sends it', async () => {
    const { user } = renderPane(<MembersView />, pane.services);
    const taby = await rowOf('taby');
    await type({ row: taby.row, column: 4 }, '160');
    await type({ row: taby.row, column: 6 }, '2024-02-30');
    await user.click(screen.getByRole('button', { name: 'Granska ändringar' }));
    const review = await screen.findByRole('table', { name: 'Ändringar i bladet' });
    expect(within(review).getByText('Ogiltig')).toBeTruthy();
    expect(within(review).getByText('Inträde: Ogiltigt datum: skriv det som ÅÅÅÅ-MM-DD, till exempel 2024-01-01.')).toBeTruthy();
    expect(screen.getByText('Ogiltiga rader skickas inte. Rätta dem i bladet och granska igen.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Spara/ })).toBeNull();
    await type({ row: taby.row, column: 4 }, '0160');
    await type({ row: taby.row, column: 6 }, '2024-01-01');
  });

  it('a concurrent change to the same member is a conflict: both versions shown, nothing overwritten until chosen', async () => {
    const { user } = renderPane(<MembersView />, pane.services);
    const nacka = await rowOf('nacka');
    await type({ row: nacka.row, column: 9 }, 'Från bladet');

    // Someone else changes Nacka through the API meanwhile.
    const current = await apiMember('nacka');
    const theirs = await pane.api('/members/nacka', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'If-Match': current.etag },
      body: JSON.stringify({ ...current, invoiceReference: 'Från någon annan' }),
    });
    expect(theirs.status).toBe(200);

    await user.click(screen.getByRole('button', { name: 'Granska ändringar' }));
    await user.click(await screen.findByRole('button', { name: 'Spara 1 ändring' }));
    const card = await screen.findByRole('region', { name: `${current.name} har ändrats av någon annan` }, { timeout: 20_000 });
    const field = within(within(card).getByRole('list', { name: 'Fält som skiljer' })).getByRole('listitem');
    expect(field.textContent).toBe('Fakturareferens (ändrat på båda håll)Inläst(tomt)I bladetFrån bladetPå servernFrån någon annan');
    expect((await apiMember('nacka')).invoiceReference).toBe('Från någon annan');

    await user.click(within(card).getByRole('button', { name: 'Använd serverns värden' }));
    expect(await screen.findByText(`Serverns värden har lagts in i bladet på rad ${nacka.row + 1} (${current.name}). Inget sparades.`, {}, { timeout: 20_000 })).toBeTruthy();
    expect((await pane.workbook.readTable(MEMBERS_TABLE))?.rows[nacka.index]?.[9]).toBe('Från någon annan');
    await user.click(screen.getByRole('button', { name: 'Granska ändringar' }));
    expect(await screen.findByText('Bladet stämmer med registret: inga ändringar att spara.')).toBeTruthy();
  });

  it('keeping the sheet’s version of a conflict saves it on the server’s etag', async () => {
    const { user } = renderPane(<MembersView />, pane.services);
    const nacka = await rowOf('nacka');
    await type({ row: nacka.row, column: 9 }, 'Bladet vinner');
    const current = await apiMember('nacka');
    await pane.api('/members/nacka', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'If-Match': current.etag },
      body: JSON.stringify({ ...current, invoiceReference: 'Servern förlorar' }),
    });
    await user.click(screen.getByRole('button', { name: 'Granska ändringar' }));
    await user.click(await screen.findByRole('button', { name: 'Spara 1 ändring' }));
    const card = await screen.findByRole('region', { name: `${current.name} har ändrats av någon annan` }, { timeout: 20_000 });
    await user.click(within(card).getByRole('button', { name: 'Behåll bladets värden' }));
    expect(await screen.findByText(`Bladets värden för ${current.name} är sparade.`, {}, { timeout: 20_000 })).toBeTruthy();
    await waitFor(async () => expect((await apiMember('nacka')).invoiceReference).toBe('Bladet vinner'));
  });

  it('asks before loading over unsaved changes', async () => {
    const { user } = renderPane(<MembersView />, pane.services);
    const solna = await rowOf('solna');
    await type({ row: solna.row, column: 1 }, 'Solna stad');
    await user.click(screen.getByRole('button', { name: 'Läs in medlemmar till bladet' }));
    const warning = await screen.findByRole('group', { name: 'Osparade ändringar i bladet' });
    expect(within(warning).getByText('Bladet har 1 ändring som inte är sparad. Läser du in på nytt försvinner den.')).toBeTruthy();
    expect((await pane.workbook.readTable(MEMBERS_TABLE))?.rows[solna.index]?.[1]).toBe('Solna stad');
    await user.click(within(warning).getByRole('button', { name: 'Läs in ändå' }));
    expect(await screen.findByText('38 medlemmar är inlästa till bladet "SSR Medlemmar".', {}, { timeout: 20_000 })).toBeTruthy();
    const reloaded = await rowOf('solna');
    expect((await pane.workbook.readTable(MEMBERS_TABLE))?.rows[reloaded.index]?.[1]).toBe('Solna');
  });
});
