// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Member } from '@ssr/shared';
import { CATALOGUES } from '../../../addin/src/i18n';
import { App } from '../../../addin/src/pane/App';
import { MEMBERS_SHEET, MEMBERS_TABLE } from '../../../addin/src/pane/members/columns';
import { MembersView } from '../../../addin/src/pane/members/MembersView';
import { problemNotice } from '../../../addin/src/pane/shell/notice';
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

/** Load the register afresh, over whatever earlier cases left in the sheet. */
async function freshLoad(user: ReturnType<typeof renderPane>['user']): Promise<void> {
  await user.click(screen.getByRole('button', { name: 'Läs in medlemmar till bladet' }));
  const anyway = await screen.findByRole('button', { name: 'Läs in ändå' }).catch(() => undefined);
  if (anyway) await user.click(anyway);
  await screen.findByText(/medlemmar är inlästa till bladet/, {}, { timeout: 20_000 });
}

describe('a row edited while its conflict card is shown', () => {
  it('keeping the sheet’s values leaves the later edit in the row, says so, and the next review shows it', async () => {
    const { user } = renderPane(<MembersView />, pane.services);
    await freshLoad(user);
    const row = await rowOf('jarfalla');
    await type(row.row, INVOICE_REFERENCE, 'Bladets ref');
    await theirEdit('jarfalla', { name: 'Järfälla kommun' });
    await user.click(screen.getByRole('button', { name: 'Granska ändringar' }));
    await user.click(await screen.findByRole('button', { name: 'Spara 1 ändring' }));
    const card = await screen.findByRole('region', { name: 'Järfälla kommun har ändrats av någon annan' }, { timeout: 20_000 });
    // While the card is shown the user changes the reference again.
    await type(row.row, INVOICE_REFERENCE, 'Senare ref');

    await user.click(within(card).getByRole('button', { name: 'Behåll bladets värden' }));
    expect(
      await screen.findByText(
        'Bladets värden för Järfälla kommun är sparade. Den andras ändring står kvar och finns nu i bladet: Namn = Järfälla kommun. Raden har ändrats i bladet sedan jämförelsen; de ändringarna står kvar osparade och syns när du granskar igen: Fakturareferens = Senare ref.',
        {},
        { timeout: 20_000 },
      ),
    ).toBeTruthy();
    expect(await apiMember('jarfalla')).toMatchObject({ name: 'Järfälla kommun', invoiceReference: 'Bladets ref' });
    expect((await cells('jarfalla')).slice(1, 2)).toEqual(['Järfälla kommun']);
    expect((await cells('jarfalla'))[INVOICE_REFERENCE]).toBe('Senare ref');
    await user.click(screen.getByRole('button', { name: 'Granska ändringar' }));
    const review = await screen.findByRole('table', { name: 'Ändringar i bladet' });
    expect(within(review).getByText('Fakturareferens: Bladets ref → Senare ref')).toBeTruthy();
  });

  it('taking the server’s values leaves the later edit in the row too', async () => {
    const { user } = renderPane(<MembersView />, pane.services);
    await freshLoad(user);
    const row = await rowOf('botkyrka');
    await type(row.row, 1, 'Botkyrka stad');
    await theirEdit('botkyrka', { name: 'Botkyrka kommun', invoiceReference: 'Deras ref' });
    await user.click(screen.getByRole('button', { name: 'Granska ändringar' }));
    await user.click(await screen.findByRole('button', { name: 'Spara 1 ändring' }));
    const card = await screen.findByRole('region', { name: 'Botkyrka kommun har ändrats av någon annan' }, { timeout: 20_000 });
    await type(row.row, 1, 'Botkyrka, senare');

    await user.click(within(card).getByRole('button', { name: 'Använd serverns värden' }));
    expect(
      await screen.findByText(
        `Serverns värden har lagts in i bladet på rad ${row.number} (Botkyrka kommun). Inget sparades. Raden har ändrats i bladet sedan jämförelsen; de ändringarna står kvar osparade och syns när du granskar igen: Namn = Botkyrka, senare.`,
        {},
        { timeout: 20_000 },
      ),
    ).toBeTruthy();
    expect((await cells('botkyrka'))[1]).toBe('Botkyrka, senare');
    expect((await cells('botkyrka'))[INVOICE_REFERENCE]).toBe('Deras ref');
    expect((await apiMember('botkyrka')).name).toBe('Botkyrka kommun');
    await user.click(screen.getByRole('button', { name: 'Granska ändringar' }));
    const review = await screen.findByRole('table', { name: 'Ändringar i bladet' });
    expect(within(review).getByText('Namn: Botkyrka kommun → Botkyrka, senare')).toBeTruthy();
  });
});

describe('a conflict where the sheet’s changes are already on the server', () => {
  it('says so and offers only the server’s values, which go into the row and the loaded copy', async () => {
    const { user } = renderPane(<MembersView />, pane.services);
    await freshLoad(user);
    const row = await rowOf('sollentuna');
    await type(row.row, INVOICE_REFERENCE, 'Samma ref');
    await theirEdit('sollentuna', { invoiceReference: 'Samma ref', name: 'Sollentuna kommun' });
    await user.click(screen.getByRole('button', { name: 'Granska ändringar' }));
    await user.click(await screen.findByRole('button', { name: 'Spara 1 ändring' }));
    const card = await screen.findByRole('region', { name: 'Sollentuna kommun har ändrats av någon annan' }, { timeout: 20_000 });
    expect(within(card).getByText('Bladets ändringar finns redan på servern: det finns inget av bladets att spara.')).toBeTruthy();
    expect(within(card).getByText('Använd serverns värden: inget sparas, bladet får Namn = Sollentuna kommun.')).toBeTruthy();
    expect(within(card).queryByRole('button', { name: 'Behåll bladets värden' })).toBeNull();
    expect(card.textContent).not.toMatch(/sparar \./);

    await user.click(within(card).getByRole('button', { name: 'Använd serverns värden' }));
    await screen.findByText(`Serverns värden har lagts in i bladet på rad ${row.number} (Sollentuna kommun). Inget sparades.`, {}, { timeout: 20_000 });
    expect((await cells('sollentuna'))[1]).toBe('Sollentuna kommun');
    await user.click(screen.getByRole('button', { name: 'Granska ändringar' }));
    expect(await screen.findByText('Bladet stämmer med registret: inga ändringar att spara.')).toBeTruthy();
  });
});

describe('the API’s field errors in the pane’s words', () => {
  it('names the field as the pane labels it, never by the API’s path', async () => {
    const { etag, ...lidingo } = await apiMember('lidingo');
    const result = await pane.services.api.updateMember({ ...lidingo, organisationNumber: '12' } as Member, etag, 1800);
    if (result.ok) throw new Error('the API accepted a bad organisation number');
    const sv = problemNotice(result.problem, CATALOGUES.sv);
    expect(sv.details?.some((line) => line.startsWith('Organisationsnummer: '))).toBe(true);
    expect(sv.details?.join('\n')).not.toMatch(/organisationNumber|changesFrom/);
    expect(problemNotice(result.problem, CATALOGUES.en).details?.some((line) => line.startsWith('Organisation number: '))).toBe(true);
    // A path the pane has no name for is left out; the message stays.
    const unknown = problemNotice({ ...result.problem, errors: [{ path: 'header.Idempotency-Key', message: 'Ogiltig nyckel.' }] }, CATALOGUES.sv);
    expect(unknown.details).toEqual(['Ogiltig nyckel.']);
    expect(problemNotice({ ...result.problem, errors: [{ path: 'approvals.0.memberId', message: 'Finns inte.' }] }, CATALOGUES.sv).details).toEqual(['Part: Finns inte.']);
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

  it.each([
    ['403', btoa(JSON.stringify({ claims: [{ typ: 'name', val: 'Utan roll' }] })), 'Du har inte behörighet att läsa uppgifterna.'],
    ['401', 'inte-en-inloggning', 'API:t vill att du loggar in innan det lämnar ut uppgifterna.'],
  ])('an API that answers %s after an outage is no lost contact: its own reason shows, not the offline banner', async (_status, principal, reason) => {
    const storage = memoryStorage();
    await createSnapshotClient({ baseUrl: pane.apiUrl, storage }).get();
    const closed = `http://127.0.0.1:${await closedPort()}/api`;
    let answering = false;
    const viaFetch = (input: RequestInfo | URL, init?: RequestInit) => {
      if (input instanceof Request) throw new Error('the pane sends URLs');
      const url = String(input);
      if (!answering) return fetch(url.replace(pane.apiUrl, closed), init);
      // Signed in as someone the API refuses (no role) or cannot read.
      const headers = new Headers(init?.headers);
      headers.set('x-ms-client-principal', principal);
      return fetch(url, { ...init, headers });
    };
    const snapshots = createSnapshotClient({ baseUrl: pane.apiUrl, storage, fetch: viaFetch });
    const services = previewServices(createAddinRoot({ snapshots, apiBaseUrl: pane.apiUrl, fetch: viaFetch, tokenSource: null })).services;
    const { user } = renderPane(<App />, services);
    const banner = await screen.findByRole('group', { name: 'Ingen kontakt med API:t' }, { timeout: 20_000 });

    answering = true;
    await user.click(within(banner).getByRole('button', { name: 'Försök igen' }));
    expect((await screen.findAllByText(reason, {}, { timeout: 20_000 })).length).toBeGreaterThan(0);
    await waitFor(() => expect(screen.queryByRole('group', { name: 'Ingen kontakt med API:t' })).toBeNull());
    expect(screen.queryByText(/Formlerna räknar med de sparade uppgifterna/)).toBeNull();
  });
});

describe('an API whose storage is down', () => {
  // Last in the file: it stops the stack's storage.
  it('answers 503: the saved copy stands in and its own reason says so, once, without claiming no contact', async () => {
    await pane.services.snapshots.refresh();
    await pane.stopStorage();
    renderPane(<App />, pane.services);
    await waitFor(() => expect(screen.getAllByRole('group', { name: 'Formlerna räknar med sparade uppgifter ur registret' })).toHaveLength(1), { timeout: 20_000 });
    expect(screen.getByRole('group', { name: 'Formlerna räknar med sparade uppgifter ur registret' }).textContent).toContain(
      'API:t svarade med ett serverfel: API:t eller dess lagring är nere.',
    );
    expect(screen.queryByRole('group', { name: 'Ingen kontakt med API:t' })).toBeNull();
    expect(screen.getByRole('tabpanel', { name: 'Status' }).textContent).not.toContain('API:t nås inte');
  });
});
