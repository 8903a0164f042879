// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountPane } from '../../../addin/src/pane/PaneRoot';
import type { PaneServices } from '../../../addin/src/pane/shell/services';

/*
 * A pane that fails while drawing says so in the user's language, with the error, instead of
 * leaving Excel's task pane blank.
 */

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

/** Services whose workbook cannot be read: the pane fails on its first render. */
function brokenServices(): PaneServices {
  return new Proxy({} as PaneServices, {
    get: () => {
      throw new Error('The workbook is gone.');
    },
  });
}

describe('mountPane', () => {
  it.each([
    ['sv', 'Tillägget kunde inte starta.'],
    ['en', 'The add-in could not start.'],
  ] as const)('shows the start failure in %s with the error when the pane cannot be drawn', async (language, title) => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const element = document.createElement('div');
    document.body.append(element);
    mountPane(element, { language, services: brokenServices() });
    expect(await screen.findByText(title, { exact: false })).toBeTruthy();
    expect(screen.getByText('The workbook is gone.')).toBeTruthy();
    expect(logged).toHaveBeenCalledWith('SSR pane: the pane failed.', expect.objectContaining({ message: 'The workbook is gone.' }));
  });
});
