// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
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
  it('shows the offline banner, and the status view says the API cannot be reached and what to do', async () => {
    const apiUrl = `http://127.0.0.1:${await closedPort()}/api`;
    const viaFetch = (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init);
    const services = previewServices(createAddinRoot({ snapshots: createSnapshotClient({ baseUrl: apiUrl, fetch: viaFetch }), apiBaseUrl: apiUrl, fetch: viaFetch, tokenSource: null })).services;
    renderPane(<App />, services);
    const bars = await screen.findAllByRole('group', { name: 'Ingen kontakt med API:t' }, { timeout: 20_000 });
    const banner = bars.find((bar) => within(bar).queryByRole('button', { name: 'Försök igen' }));
    expect(banner?.textContent).toContain('Ändringar kan inte sparas förrän kontakten är tillbaka.');
    const status = screen.getByRole('tabpanel', { name: 'Status' });
    expect(await within(status).findByText('Nås inte', {}, { timeout: 20_000 })).toBeTruthy();
    expect(within(status).getAllByText('Kontrollera nätverket och att API:t körs, och försök sedan igen.').length).toBeGreaterThan(0);
    // The snapshot client's reason, in Swedish by its code, not in the English the custom functions use.
    const snapshotBar = within(status).getByRole('group', { name: 'Ögonblicksbilden gick inte att hämta' });
    expect(snapshotBar.textContent).toContain('API:t gick inte att nå: nätverket eller API:t är nere.');
    expect(status.textContent).not.toMatch(/cannot be reached|snapshot/i);

    // A view whose work needs the snapshot says the same.
    const user = userEvent.setup();
    await user.click(screen.getByRole('tab', { name: 'Budget' }));
    const budget = screen.getByRole('tabpanel', { name: 'Budget' });
    await user.click(within(budget).getByRole('button', { name: 'Skapa budgetblad' }));
    const failed = await within(budget).findByRole('group', { name: 'Ögonblicksbilden gick inte att hämta' }, { timeout: 20_000 });
    expect(failed.textContent).toContain('API:t gick inte att nå: nätverket eller API:t är nere.');
    expect(failed.textContent).toContain('Kontrollera nätverket och att API:t körs, och försök sedan igen.');
    expect(budget.textContent).not.toMatch(/cannot be reached|no saved snapshot/i);
  });
});
