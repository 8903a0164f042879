// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { StatusView } from '../../../addin/src/pane/status/StatusView';
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
  });
});
