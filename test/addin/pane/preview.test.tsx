// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../../addin/src/pane/App';
import { PreviewWorkbook } from '../../../addin/src/preview/ui/PreviewWorkbook';
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

function cell(address: string): HTMLElement {
  const found = screen.getByRole('grid').querySelector<HTMLElement>(`[data-address="${address}"]`);
  if (!found) throw new Error(`no cell ${address} in the grid`);
  return found;
}

describe('preview workbook', () => {
  it('edits cells by typing in Swedish syntax: values, formulas that read cells, SSR functions; the bar shows the formula', async () => {
    const { user } = renderPane(<PreviewWorkbook workbook={pane.workbook} />, pane.services);
    await user.click(cell('A1'));
    await user.type(screen.getByRole('textbox', { name: 'Innehåll i A1' }), '=SSR.AVGIFT("Nacka"; 2024){Enter}');
    // Enter moves down, as in Excel: A2 is selected now.
    await user.type(screen.getByRole('textbox', { name: 'Innehåll i A2' }), '2{Enter}');
    await user.click(cell('A3'));
    await user.keyboard('=A1*A2+SUMMA(A1:A2)*1,5');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(cell('A1').dataset.value).toBe('165949.5'));
    await waitFor(() => expect(cell('A3').dataset.value).toBe(String(165_949.5 * 2 + 165_951.5 * 1.5)));
    // The cell keeps the invariant formula; the bar shows it as Swedish Excel does.
    expect(cell('A1').dataset.formula).toBe('=SSR.FEE("Nacka", 2024)');
    expect(cell('A3').dataset.formula).toBe('=A1*A2+SUM(A1:A2)*1.5');
    await user.click(cell('A3'));
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Innehåll i A3' }).value).toBe('=A1*A2+SUMMA(A1:A2)*1,5');
  });

  it('in English the bar takes and shows English syntax', async () => {
    const { user } = renderPane(<PreviewWorkbook workbook={pane.workbook} />, pane.services, 'en');
    await user.click(cell('D1'));
    await user.type(screen.getByRole('textbox', { name: 'Contents of D1' }), '=SSR.FEE("Nacka",2024)*1.5{Enter}');
    await waitFor(() => expect(cell('D1').dataset.value).toBe(String(165_949.5 * 1.5)));
    await user.click(cell('D1'));
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Contents of D1' }).value).toBe('=SSR.FEE("Nacka",2024)*1.5');
  });

  it('shows a function’s error in the cell, with its message on hover', async () => {
    const { user } = renderPane(<PreviewWorkbook workbook={pane.workbook} />, pane.services);
    await user.click(cell('B1'));
    await user.type(screen.getByRole('textbox', { name: 'Innehåll i B1' }), '=SSR.AVGIFT("Nakka";2024){Enter}');
    await waitFor(() => expect(cell('B1').textContent).toBe('#VALUE!'));
    expect(cell('B1').title).toBe("Okänd medlem 'Nakka'. Menade du 'Nacka'?");
  });

  it('the formula box evaluates SSR calls, spills tables, and says what is wrong with a formula', async () => {
    const { user } = renderPane(<PreviewWorkbook workbook={pane.workbook} />, pane.services);
    const box = screen.getByRole('form', { name: 'Prova en formel' });
    const formula = within(box).getByRole('textbox', { name: 'Formel' });
    const result = within(box).getByRole('status', { name: 'Resultat' });
    await user.type(formula, '=SSR.TOTALAVGIFT(2024;"all";"exact")');
    await user.click(within(box).getByRole('button', { name: 'Beräkna' }));
    await waitFor(() => expect(result.textContent).toBe('7\u00a0602\u00a0231,50 kr'));
    await user.clear(formula);
    await user.type(formula, '=SSR.AVGIFTER(2024)');
    await user.click(within(box).getByRole('button', { name: 'Beräkna' }));
    const table = await within(result).findByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(38);
    await user.clear(formula);
    await user.type(formula, '=1+');
    await user.click(within(box).getByRole('button', { name: 'Beräkna' }));
    expect(await within(result).findByText('Formeln tar slut för tidigt.')).toBeTruthy();
  });

  it('draws the sheets as tabs and a table row can be deleted', async () => {
    const { user } = renderPane(<PreviewWorkbook workbook={pane.workbook} />, pane.services);
    await pane.workbook.resetSheet('Lista');
    await pane.workbook.writeTable({ sheet: 'Lista', name: 'Lista', headers: ['Namn'], rows: [['a'], ['b']] });
    await user.click(await screen.findByRole('tab', { name: 'Lista' }));
    await user.click(cell('A2'));
    await user.click(screen.getByRole('button', { name: 'Ta bort tabellraden' }));
    await waitFor(async () => expect((await pane.workbook.readTable('Lista'))?.rows).toEqual([['b']]));
    expect(cell('A2').textContent).toBe('b');
  });
});

describe('the pane in English', () => {
  it('uses the English catalogue when Office’s display language is English', async () => {
    const { user } = renderPane(<App />, pane.services, 'en');
    await user.click(screen.getByRole('tab', { name: 'Members' }));
    expect(screen.getByRole('tabpanel', { name: 'Members' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Load members into the sheet' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Preview' })).toBeTruthy();
  });
});
