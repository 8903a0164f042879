// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SignedInAccount, TokenSource } from '../../../addin/src/auth';
import { previewServices } from '../../../addin/src/runtime/preview';
import { createAddinRoot } from '../../../addin/src/runtime/root';
import { formatAsOf } from '../../../addin/src/pane/status/StatusTable';
import { StatusView } from '../../../addin/src/pane/status/StatusView';
import { CATALOGUES } from '../../../addin/src/i18n';
import { createSnapshotClient } from '../../../addin/src/snapshot/client';
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

const text = (element: Element) => element.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').map((row) => Array.from(row.querySelectorAll('td')).map(text).join(' '));

const ANNA: SignedInAccount = { username: 'anna.svensson@ssr.se', name: 'Anna Svensson', appRoles: ['SSR.Admin'] };

/**
 * A sign-in as the pane sees it (our TokenSource interface), without Entra ID: one account,
 * a token per sign-in, and a record of what the pane asked of it.
 */
function signInStandIn(account: SignedInAccount) {
  let current: SignedInAccount | null = account;
  const listeners = new Set<() => void>();
  const calls = { getToken: 0, signOut: 0 };
  const changed = () => listeners.forEach((listener) => listener());
  const source: TokenSource = {
    getToken: () => {
      calls.getToken += 1;
      if (current === null) {
        current = account;
        changed();
      }
      return Promise.resolve(`token-for-${account.username}`);
    },
    currentAccount: () => current,
    signOut: () => {
      calls.signOut += 1;
      current = null;
      changed();
      return Promise.resolve();
    },
    onAccountChanged: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { source, calls };
}

describe('Status view, local dev mode (no sign-in configured)', () => {
  it('says there is no sign-in, and shows the dev user and role from /health', async () => {
    renderPane(<StatusView />, pane.services);
    const table = screen.getByRole('table', { name: 'Status' });
    expect(await within(table).findByText('Testaren', {}, { timeout: 20_000 })).toBeTruthy();
    const rows = rowsOf(table);
    expect(rows).toContain('Inloggning Lokalt utvecklingsläge: ingen inloggning');
    expect(rows).toContain('Användare Testaren');
    expect(rows).toContain('Roll Administratör');
    expect(screen.queryByRole('button', { name: 'Logga ut' })).toBeNull();
  });

  it('says in words when the register the cells use was read, not a version code', async () => {
    renderPane(<StatusView />, pane.services);
    const table = screen.getByRole('table', { name: 'Status' });
    await within(table).findByText(/^\d{1,2} [a-z]{3} \d{4} \d{2}:\d{2}$/, {}, { timeout: 20_000 });
    const rows = rowsOf(table);
    expect(rows.some((row) => /^Uppgifter per \d{1,2} (jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec) \d{4} \d{2}:\d{2}$/.test(row))).toBe(true);
    expect(rows.join('\n')).not.toMatch(/Ögonblicksbild|snapshot/i);
  });

  it.each([
    ['sv', '1 dec 2026 14:32'],
    ['en', '1 Dec 2026 14:32'],
  ] as const)('the time reads as a budget prints it (%s): %s', (language, expected) => {
    expect(formatAsOf(new Date(2026, 11, 1, 14, 32).getTime(), CATALOGUES[language])).toBe(expected);
  });
});

describe('Status view, signed in', () => {
  it('shows the account and its role, sends its token, and signs out and in again', async () => {
    const { source, calls } = signInStandIn(ANNA);
    const authorizations: string[] = [];
    const transport = (input: RequestInfo | URL, init?: RequestInit) => {
      authorizations.push(new Headers(init?.headers).get('Authorization') ?? '(none)');
      return fetch(input, init);
    };
    const snapshots = createSnapshotClient({ baseUrl: pane.apiUrl, fetch: (input, init) => fetch(input, init) });
    const services = previewServices(createAddinRoot({ snapshots, apiBaseUrl: pane.apiUrl, fetch: transport, tokenSource: source })).services;
    const { user } = renderPane(<StatusView />, services);

    const table = screen.getByRole('table', { name: 'Status' });
    expect(await within(table).findByText('Administratör', {}, { timeout: 20_000 })).toBeTruthy();
    expect(rowsOf(table)).toContain('Användare Anna Svensson (anna.svensson@ssr.se)');
    expect(within(table).queryByText('Lokalt utvecklingsläge: ingen inloggning')).toBeNull();
    expect(authorizations[0]).toBe('Bearer token-for-anna.svensson@ssr.se');

    await user.click(screen.getByRole('button', { name: 'Logga ut' }));
    expect(await screen.findByText('Du är utloggad. Logga in igen för att hämta eller spara uppgifter.')).toBeTruthy();
    expect(calls.signOut).toBe(1);
    expect(rowsOf(table)).toContain('Användare Inte inloggad');
    // The roles were the signed-out user's: forgotten until someone signs in.
    expect(rowsOf(table)).toContain('Roll Okänt');
    expect(screen.queryByRole('button', { name: 'Logga ut' })).toBeNull();

    const tokensBefore = calls.getToken;
    await user.click(screen.getByRole('button', { name: 'Logga in' }));
    expect(await screen.findByText('Du är inloggad som Anna Svensson (anna.svensson@ssr.se).', {}, { timeout: 20_000 })).toBeTruthy();
    expect(calls.getToken).toBeGreaterThan(tokensBefore);
    expect(rowsOf(table)).toContain('Användare Anna Svensson (anna.svensson@ssr.se)');
    expect(await within(table).findByText('Administratör')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Logga ut' })).toBeTruthy();
  });
});

describe('Status view, snapshot refused', () => {
  it('says in Swedish why the API refused the snapshot, with the API’s own words', async () => {
    // A signed-in user without any role in the app, as App Service Authentication passes them on.
    const principal = Buffer.from(JSON.stringify({ auth_typ: 'aad', name_typ: 'name', claims: [{ typ: 'name', val: 'Utan Roll' }] })).toString('base64');
    const withoutRole = (input: RequestInfo | URL, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      headers.set('x-ms-client-principal', principal);
      return fetch(input, { ...init, headers });
    };
    const snapshots = createSnapshotClient({ baseUrl: pane.apiUrl, fetch: withoutRole });
    const services = previewServices(createAddinRoot({ snapshots, apiBaseUrl: pane.apiUrl, fetch: withoutRole, tokenSource: null })).services;
    renderPane(<StatusView />, services);

    const bar = await screen.findByRole('group', { name: 'Uppgifterna ur registret gick inte att hämta' }, { timeout: 20_000 });
    expect(within(bar).getByText('Du har inte behörighet att läsa uppgifterna.', { exact: false })).toBeTruthy();
    expect(within(bar).getByText('Det här kräver rollen läsare (SSR.Reader); du har ingen roll i appen.')).toBeTruthy();
    expect(within(bar).getByText('Be en administratör om en roll som får göra detta.')).toBeTruthy();
    expect(bar.textContent).not.toMatch(/No register data|answered 403/);
    // /health names the user and their (no) roles.
    const table = screen.getByRole('table', { name: 'Status' });
    expect(await within(table).findByText('Ingen roll i appen')).toBeTruthy();
  });
});

// Last: it stops the stack's storage.
describe('Status view, storage down', () => {
  it('says the API answers but storage does not (503), with the API’s words', async () => {
    await pane.stopStorage();
    const health = await pane.api('/health');
    expect(health.status).toBe(503);

    renderPane(<StatusView />, pane.services);
    const table = screen.getByRole('table', { name: 'Status' });
    expect(await within(table).findByText('Svarar inte', {}, { timeout: 20_000 })).toBeTruthy();
    const rows = rowsOf(table);
    expect(rows).toContain('API Nås');
    expect(rows).toContain('Lagring Svarar inte');
    const bar = screen.getByRole('group', { name: 'Lagringen svarar inte' });
    expect(within(bar).getByText('API:t är uppe men lagringen svarar inte.', { exact: false })).toBeTruthy();
    // The snapshot read earlier stands in; why a current one cannot be had, in Swedish.
    const offline = await screen.findByRole('group', { name: 'Formlerna räknar med sparade uppgifter ur registret' }, { timeout: 20_000 });
    expect(offline.textContent).toContain('API:t svarade med ett serverfel: API:t eller dess lagring är nere.');
    expect(offline.textContent).not.toMatch(/answered 503/);
  });
});
