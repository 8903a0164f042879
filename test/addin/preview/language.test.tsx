// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { pickLanguage, useMessages } from '../../../addin/src/i18n';
import type { Language } from '../../../addin/src/i18n';
import { PaneRoot } from '../../../addin/src/pane/PaneRoot';
import { PreviewLayout } from '../../../addin/src/preview/ui/PreviewLayout';
import { MemoryWorkbook } from '../../../addin/src/preview/workbook/workbook';

afterEach(cleanup);

describe('the pane’s language', () => {
  it.each([
    [undefined, '', null, 'sv'],
    ['en-US', '', null, 'en'],
    ['sv-SE', '', null, 'sv'],
    [undefined, '', 'en', 'en'],
    [undefined, '?lang=sv', 'en', 'sv'],
    [undefined, '?lang=en-GB', null, 'en'],
  ] as const)('Office %s, address %j, chosen %s: %s', (office, search, stored, expected) => {
    expect(pickLanguage(office, search, stored)).toBe(expected);
  });
});

/** Stands in for the pane: one text of the catalogue. */
function Pane() {
  return <h1>{useMessages().preview.workbook}</h1>;
}

describe('preview mode’s language switch', () => {
  it('re-renders the pane and the formula bar in the other language, and says so to the one who keeps it', async () => {
    const user = userEvent.setup();
    const workbook = new MemoryWorkbook(() => undefined);
    await workbook.writeRange('Blad1', 'A1', [[{ formula: '=SUM(1.5,2)' }]]);
    const chosen: Language[] = [];
    render(
      <PaneRoot language="sv">
        <PreviewLayout pane={<Pane />} workbook={workbook} language="sv" onLanguage={(language) => chosen.push(language)} />
      </PaneRoot>,
    );
    expect(screen.getByRole('heading', { name: 'Arbetsbok' })).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Innehåll i A1' }).value).toBe('=SUMMA(1,5;2)');

    await user.click(screen.getByRole('button', { name: 'English' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Workbook' })).toBeTruthy());
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Contents of A1' }).value).toBe('=SUM(1.5,2)');
    expect(screen.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    expect(chosen).toEqual(['en']);
  });
});
