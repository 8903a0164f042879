// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../addin/src/pane/App';
import { previewServices } from '../../../addin/src/runtime/preview';
import { createAddinRoot } from '../../../addin/src/runtime/root';
import { createSnapshotClient } from '../../../addin/src/snapshot/client';
import { renderPane } from './render';

afterEach(cleanup);

/** A local port that nothing listens on: connections are refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('the pane without the API', () => {
  it('with no saved copy, the banner says the formulas cannot compute; the status view does not repeat it', async () => {
    const apiUrl = `http://127.0.0.1:${await closedPort()}/api`;
    const viaFetch = (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init);
    const services = previewServices(createAddinRoot({ snapshots: createSnapshotClient({ baseUrl: apiUrl, fetch: viaFetch }), apiBaseUrl: apiUrl, fetch: viaFetch, tokenSource: null })).services;
    renderPane(<App />, services);
    const status = screen.getByRole('tabpanel', { name: 'Status' });
    expect(await within(status).findByText('Nås inte', {}, { timeout: 20_000 })).toBeTruthy();
    // The API's health and the register both failed to come: one notice says so, the banner with its way out.
    await waitFor(() => expect(screen.getAllByRole('group', { name: 'Ingen kontakt med API:t' })).toHaveLength(1), { timeout: 20_000 });
    const banner = screen.getByRole('group', { name: 'Ingen kontakt med API:t' });
    expect(within(banner).getByRole('button', { name: 'Försök igen' })).toBeTruthy();
    expect(banner.textContent).toContain(
      'Det finns inga sparade uppgifter ur registret, så SSR-formlerna kan inte räkna förrän API:t svarar. Ändringar kan inte sparas förrän kontakten är tillbaka.',
    );
    expect(banner.textContent).not.toMatch(/\?|ögonblicksbild/);
    expect(within(status).queryByRole('group', { name: 'Uppgifterna ur registret gick inte att hämta' })).toBeNull();
    expect(status.textContent).not.toMatch(/cannot be reached|snapshot/i);
  });
});
