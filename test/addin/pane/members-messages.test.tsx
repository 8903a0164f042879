// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../../addin/src/pane/App';
import { MEMBERS_SHEET, MEMBERS_TABLE } from '../../../addin/src/pane/members/columns';
import { MembersView } from '../../../addin/src/pane/members/MembersView';
import { previewServices } from '../../../addin/src/runtime/preview';
import { createAddinRoot } from '../../../addin/src/runtime/root';
import { createSnapshotClient } from '../../../addin/src/snapshot/client';
import { memoryStorage } from '../../../addin/src/snapshot/storage';
import { renderPane } from './render';
import type { PaneStack } from './stack';
import { startPaneStack } from './stack';

// What the members view says is what happened: the conflict card's every differing field and
// what each choice stores, outcomes by name, invalid rows beside what was saved, right plurals,
// the sheet's kind and fee class in the pane's language.

let pane: PaneStack;
beforeAll(async () => {
  pane = await startPaneStack();
});
afterAll(async () => {
  await pane.stop();
});
afterEach(cleanup);

const KIND = 2;
const FEE_CLASS = 3;
const CLUSTER = 5;
const INVOICE_REFERENCE = 9;

interface ApiMember {
  id: string;
  name: string;
  kind: string;
  feeClass: string;
  cluster?: string;
  invoiceReference?: string;
  etag: string;
}

async function apiMember(id: string): Promise<ApiMember> {
  return (await (await pane.api(`/members/${id}`)).json()) as ApiMember;
}

/** Another user's edit of a member, through the API. */
async function theirEdit(id: string, change: Partial<ApiMember> & { changesFrom?: number }): Promise<void> {
  const { etag, ...current } = await apiMember(id);
  const response = await pane.api(`/members/${id}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', 'If-Match': etag },
    body: JSON.stringify({ ...current, ...change }),
  });
  expect(response.status).toBe(200);
}

/** The table row (0-based), the grid row (0-based, header row 0) and the row number Excel shows. */
async function rowOf(id: string): Promise<{ index: number; row: number; number: number }> {
  const table = await pane.workbook.readTable(MEMBERS_TABLE);
  const index = table?.rows.findIndex((cells) => cells[0] === id) ?? -1;
  if (index < 0) throw new Error(`${id} is not in the members table`);
  return { index, row: index + 1, number: index + 2 };
}

async function type(row: number, column: number, text: string): Promise<void> {
  await pane.workbook.setCellInput(MEMBERS_SHEET, { row, column }, text);
}

async function cells(id: string) {
  const table = await pane.workbook.readTable(MEMBERS_TABLE);
  return table?.rows.find((row) => row[0] === id) ?? [];
}

describe('the members sheet in the pane’s language', () => {
  it('a Swedish pane writes kommun/aktör and enkel/dubbel with drop-down lists, and reads either language back', async () => {
    const { user } = renderPane(<MembersView />, pane.services);
    await user.click(screen.getByRole('button', { name: 'Läs in medlemmar till bladet' }));
    expect(await screen.findByText('37 medlemmar är inlästa till bladet "SSR Medlemmar".', {}, { timeout: 20_000 })).toBeTruthy();
    expect((await cells('nacka')).slice(KIND, FEE_CLASS + 1)).toEqual(['kommun', 'kommun']);
    expect((await cells('kustbevakningen')).slice(KIND, FEE_CLASS + 1)).toEqual(['aktör', 'enkel']);
    expect([...pane.workbook.listValidations(MEMBERS_SHEET)]).toEqual([
      ['C2:C38', ['kommun', 'aktör']],
      ['D2:D38', ['kommun', 'enkel', 'dubbel']],
    ]);

    // A new row in Swedish words, an existing one changed with an English word: both are read.
    for (const [column, text] of ['ny-forening', 'Ny förening', 'aktör', 'dubbel', '', '', '2025-01-01'].entries()) {
      if (text) await type(38, column, text);
    }
    await type((await rowOf('kustbevakningen')).row, FEE_CLASS, 'double');
    await user.click(screen.getByRole('button', { name: 'Granska ändringar' }));
    const review = await screen.findByRole('table', { name: 'Ändringar i bladet' });
    expect(within(review).getByText('Avgiftsklass: enkel → dubbel')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Spara 2 ändringar' }));
    expect(await screen.findByText('Alla 2 ändringar är sparade och formlerna omräknade.', {}, { timeout: 20_000 })).toBeTruthy();
    expect(await apiMember('ny-forening')).toMatchObject({ kind: 'actor', feeClass: 'double' });
    expect(await apiMember('kustbevakningen')).toMatchObject({ kind: 'actor', feeClass: 'double' });
  });

  it('an English pane writes the English words and lists', async () => {
    const { user } = renderPane(<MembersView />, pane.services, 'en');
    await user.click(screen.getByRole('button', { name: 'Load members into the sheet' }));
    expect(await screen.findByText('38 members loaded into the sheet "SSR Medlemmar".', {}, { timeout: 20_000 })).toBeTruthy();
    expect((await cells('nacka')).slice(KIND, FEE_CLASS + 1)).toEqual(['municipality', 'municipality']);
    expect((await cells('ny-forening')).slice(KIND, FEE_CLASS + 1)).toEqual(['actor', 'double']);
    expect([...pane.workbook.listValidations(MEMBERS_SHEET)]).toEqual([
      ['C2:C39', ['municipality', 'actor']],
      ['D2:D39', ['municipality', 'single', 'double']],
    ]);
  });
});

describe('every message true', () => {
  it('the conflict card shows another person’s change to a field the sheet did not touch, and keeping the sheet’s values stores what it said', async () => {
    const { user } = renderPane(<MembersView />, pane.services);
    await user.click(screen.getByRole('button', { name: 'Läs in medlemmar till bladet' }));
    await screen.findByText('38 medlemmar är inlästa till bladet "SSR Medlemmar".', {}, { timeout: 20_000 });
    const nacka = await rowOf('nacka');
    await type(nacka.row, INVOICE_REFERENCE, 'Bladets ref');
    // Meanwhile someone moves Nacka to another cluster, a field the sheet left alone.
    await theirEdit('nacka', { cluster: 'Norr', changesFrom: 2027 });

    await user.click(screen.getByRole('button', { name: 'Granska ändringar' }));
    await user.click(await screen.findByRole('button', { name: 'Spara 1 ändring' }));
    const card = await screen.findByRole('region', { name: 'Nacka har ändrats av någon annan' }, { timeout: 20_000 });
    const fields = within(within(card).getByRole('list', { name: 'Fält som skiljer' })).getAllByRole('listitem');
    expect(fields.map((field) => field.textContent)).toEqual([
      'Kluster (ändrat av någon annan)InlästMittI bladetMittPå servernNorr',
      'Fakturareferens (ändrat i bladet)Inläst(tomt)I bladetBladets refPå servern(tomt)',
    ]);
    expect(within(card).getByText('Behåll bladets värden: sparar Fakturareferens = Bladets ref. Den andras ändring står kvar: Kluster = Norr.')).toBeTruthy();
    expect(within(card).getByText('Använd serverns värden: inget sparas, bladet får Kluster = Norr, Fakturareferens = (tomt).')).toBeTruthy();

    await user.click(within(card).getByRole('button', { name: 'Behåll bladets värden' }));
    expect(
      await screen.findByText('Bladets värden för Nacka är sparade. Den andras ändring står kvar och finns nu i bladet: Kluster = Norr.', {}, { timeout: 20_000 }),
    ).toBeTruthy();
    expect(await apiMember('nacka')).toMatchObject({ invoiceReference: 'Bladets ref', cluster: 'Norr' });
    expect((await cells('nacka'))[CLUSTER]).toBe('Norr');
    const outcomes = screen.getByRole('table', { name: 'Resultat per rad' });
    expect(within(outcomes).getAllByRole('row')[1]?.textContent).toBe(`Sparad${nacka.number}Nacka`);
    await user.click(screen.getByRole('button', { name: 'Granska ändringar' }));
    expect(await screen.findByText('Bladet stämmer med registret: inga ändringar att spara.')).toBeTruthy();
  });

  it('taking the server’s values says they were put into the sheet, on which row, and that nothing was saved', async () => {
    const { user } = renderPane(<MembersView />, pane.services);
    const solna = await rowOf('solna');
    await type(solna.row, 1, 'Solna stad');
    await theirEdit('solna', { name: 'Solna kommun' });
    await user.click(screen.getByRole('button', { name: 'Granska ändringar' }));
    await user.click(await screen.findByRole('button', { name: 'Spara 1 ändring' }));
    const card = await screen.findByRole('region', { name: 'Solna kommun har ändrats av någon annan' }, { timeout: 20_000 });
    await user.click(within(card).getByRole('button', { name: 'Använd serverns värden' }));
    expect(await screen.findByText(`Serverns värden har lagts in i bladet på rad ${solna.number} (Solna kommun). Inget sparades.`, {}, { timeout: 20_000 })).toBeTruthy();
    const outcomes = screen.getByRole('table', { name: 'Resultat per rad' });
    expect(within(outcomes).getAllByRole('row')[1]?.textContent).toBe(`Serverns värden i bladet${solna.number}Solna kommun`);
    expect(screen.queryByText('Sparad')).toBeNull();
    expect((await cells('solna'))[1]).toBe('Solna kommun');
  });

  it('invalid rows are named beside what was saved, never under “all saved”; one change is “1 ändring”', async () => {
    const { user } = renderPane(<MembersView />, pane.services);
    await type((await rowOf('taby')).row, 6, '2024-02-30');
    await type((await rowOf('danderyd')).row, KIND, 'stad');
    await type((await rowOf('huddinge')).row, INVOICE_REFERENCE, 'Huddinge ref');
    await user.click(screen.getByRole('button', { name: 'Granska ändringar' }));
    const review = await screen.findByRole('table', { name: 'Ändringar i bladet' });
    expect(within(review).getByText('Typ: Skriv kommun eller aktör.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Spara 1 ändring' }));
    const notice = await screen.findByText('1 ändring är sparad. 2 rader är ogiltiga och sparades inte: rätta i bladet och granska igen.', {}, { timeout: 20_000 });
    expect(notice).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/Alla \d+ ändring/);
    expect((await apiMember('huddinge')).invoiceReference).toBe('Huddinge ref');
  });
});

/** A local port that nothing listens on: connections are refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('the offline banner with a saved copy', () => {
  it('says the formulas use the saved copy of the register and how old it is', async () => {
    const fetchedAt = Date.UTC(2026, 11, 1, 9);
    const storage = memoryStorage();
    await createSnapshotClient({ baseUrl: pane.apiUrl, storage, now: () => fetchedAt }).get();
    const apiUrl = `http://127.0.0.1:${await closedPort()}/api`;
    const now = () => fetchedAt + 5 * 60_000;
    const snapshots = createSnapshotClient({ baseUrl: apiUrl, storage, now });
    const services = previewServices(createAddinRoot({ snapshots, apiBaseUrl: apiUrl, tokenSource: null, now })).services;
    renderPane(<App />, services);
    await waitFor(() => expect(screen.getAllByRole('group', { name: 'Ingen kontakt med API:t' })).toHaveLength(1), { timeout: 20_000 });
    const banner = screen.getByRole('group', { name: 'Ingen kontakt med API:t' });
    expect(banner.textContent).toContain(
      'Formlerna räknar med de sparade uppgifterna ur registret, hämtade för 5 min sedan. Ändringar kan inte sparas förrän kontakten är tillbaka.',
    );
    expect(banner.textContent).not.toMatch(/ögonblicksbild/);
  });
});
