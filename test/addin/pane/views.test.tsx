// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formattedNumber, SEK_FORMAT } from '../../../addin/src/custom-functions/cell-value';
import { BudgetView } from '../../../addin/src/pane/budget/BudgetView';
import { InvoicesView } from '../../../addin/src/pane/invoices/InvoicesView';
import { ReimbursementsView } from '../../../addin/src/pane/reimbursements/ReimbursementsView';
import { StatusView } from '../../../addin/src/pane/status/StatusView';
import { renderPane } from './render';
import type { PaneStack } from './stack';
import { startPaneStack } from './stack';

/** 1 October 2025: budgets for 2026 are being made, 2025 is being invoiced. */
const NOW = Date.UTC(2025, 9, 1, 10);

let pane: PaneStack;
beforeAll(async () => {
  pane = await startPaneStack({ now: () => NOW });
});
afterAll(async () => {
  await pane.stop();
});
afterEach(cleanup);

const text = (element: Element) => element.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** A table row as its cells' texts, space-separated, empty cells left out. */
const cells = (row: Element) => Array.from(row.querySelectorAll('td, th')).map(text).filter(Boolean).join(' ');

describe('Status view', () => {
  it('says the API and storage answer, the mode, and when the register the formulas use was read', async () => {
    renderPane(<StatusView />, pane.services);
    const table = screen.getByRole('table', { name: 'Status' });
    expect(await within(table).findByText('Nås', {}, { timeout: 20_000 })).toBeTruthy();
    expect(await within(table).findByText(/^\d{1,2} [a-z]{3} \d{4} \d{2}:\d{2}$/, {}, { timeout: 20_000 })).toBeTruthy();
    const rows = within(table).getAllByRole('row').map(cells);
    expect(rows).toContain('Läge Förhandsvisning i webbläsaren');
    expect(rows).toContain('Lagring Fungerar');
    const health = (await (await pane.api('/health')).json()) as { user: { name: string; roles: string[] } };
    expect(health.user).toEqual({ name: 'Testaren', roles: ['reader', 'editor', 'admin'] });
    expect(rows).toContain('Användare Testaren');
    // The strongest of the effective roles.
    expect(rows).toContain('Roll Administratör');
  });
});

describe('Reimbursements view', () => {
  /** The listed claims, a card each, their texts and buttons in reading order. */
  const claims = () =>
    within(screen.getByRole('list', { name: 'Registrerade ersättningar' }))
      .getAllByRole('listitem')
      .map((card) => Array.from(card.querySelectorAll('span, button')).map(text).filter(Boolean).join(' '));
  const total = () => Array.from(screen.getByText('Summa').parentElement?.children ?? []).map(text).join(' ');

  it('records an RKK claim, lists it for the year, and the formulas see it', async () => {
    const { user } = renderPane(<ReimbursementsView />, pane.services);
    const form = await screen.findByRole('region', { name: 'Registrera ersättning' }, { timeout: 20_000 });
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Part' }), 'Nacka');
    await user.click(within(form).getByRole('radio', { name: 'RKK' }));
    const end = within(form).getByLabelText('Period till');
    await user.clear(end);
    await user.type(end, '2025-06-30');
    await user.type(within(form).getByRole('textbox', { name: 'Belopp (kr)' }), '125 000,50');
    await user.type(within(form).getByRole('textbox', { name: 'Anteckning' }), 'Första halvåret');
    await user.click(within(form).getByRole('button', { name: 'Registrera ersättning' }));
    expect(await screen.findByText('Ersättningen är registrerad och formlerna omräknade.', {}, { timeout: 20_000 })).toBeTruthy();

    expect(claims()).toEqual(['Nacka RKK 2025-01-01 – 2025-06-30 125 000,50 kr Första halvåret Rätta Ta bort']);
    expect(total()).toBe('Summa 125 000,50 kr');
    expect(await pane.workbook.evaluate('=SSR.REIMBURSED("Nacka",2025,"RKK")')).toEqual(formattedNumber(125_000.5, SEK_FORMAT));
  });

  it('corrects a listed claim and removes one, and the formulas follow', async () => {
    const { user } = renderPane(<ReimbursementsView />, pane.services);
    const list = await screen.findByRole('list', { name: 'Registrerade ersättningar' }, { timeout: 20_000 });
    const row = within(list).getAllByRole('listitem')[0];
    if (row === undefined) throw new Error('no claim listed');
    // A new claim half typed stays as it is while a listed one is corrected.
    const newForm = screen.getByRole('region', { name: 'Registrera ersättning' });
    await user.type(within(newForm).getByRole('textbox', { name: 'Anteckning' }), 'Påbörjad');
    await user.click(within(row).getByRole('button', { name: 'Rätta RKK för Nacka, 2025-01-01 – 2025-06-30' }));
    expect(within(screen.getByRole('region', { name: 'Registrera ersättning' })).getByRole<HTMLInputElement>('textbox', { name: 'Anteckning' }).value).toBe('Påbörjad');

    const form = screen.getByRole('region', { name: 'Rätta ersättning' });
    expect(within(form).getByRole<HTMLInputElement>('textbox', { name: 'Belopp (kr)' }).value).toBe('125\u00a0000,50');
    const amount = within(form).getByRole('textbox', { name: 'Belopp (kr)' });
    await user.clear(amount);
    await user.type(amount, '100 000');
    await user.click(within(form).getByRole('button', { name: 'Spara rättelsen' }));
    expect(await screen.findByText('Ersättningen är rättad och formlerna omräknade.', {}, { timeout: 20_000 })).toBeTruthy();
    expect(claims()).toEqual(['Nacka RKK 2025-01-01 – 2025-06-30 100 000,00 kr Första halvåret Rätta Ta bort']);
    expect(total()).toBe('Summa 100 000,00 kr');
    expect(screen.queryByRole('region', { name: 'Rätta ersättning' })).toBeNull();
    expect(within(screen.getByRole('region', { name: 'Registrera ersättning' })).getByRole<HTMLInputElement>('textbox', { name: 'Anteckning' }).value).toBe('Påbörjad');
    await user.clear(within(screen.getByRole('region', { name: 'Registrera ersättning' })).getByRole('textbox', { name: 'Anteckning' }));
    expect(await pane.workbook.evaluate('=SSR.REIMBURSED("Nacka",2025,"RKK")')).toEqual(formattedNumber(100_000, SEK_FORMAT));

    const stored = (await (await pane.api('/reimbursements?year=2025')).json()) as { reimbursements: { id: string }[] };
    const corrected = within(screen.getByRole('list', { name: 'Registrerade ersättningar' })).getAllByRole('listitem')[0];
    if (corrected === undefined) throw new Error('no claim listed');
    // Removing asks first: nothing is removed by one stray press.
    await user.click(within(corrected).getByRole('button', { name: 'Ta bort RKK för Nacka, 2025-01-01 – 2025-06-30' }));
    const asking = await screen.findByRole('alertdialog', { name: 'Ta bort ersättningen?' });
    expect(within(asking).getByText('Ta bort RKK för Nacka, 2025-01-01 – 2025-06-30')).toBeTruthy();
    expect((await pane.api(`/reimbursements/${stored.reimbursements[0]?.id ?? ''}`)).status).toBe(200);
    // By its text: jsdom can leave tabster's aria-hidden on the first Fluent dialog of a file (Chromium does not).
    await user.click(within(asking).getByText('Ja, ta bort'));
    expect(await screen.findByText('Ersättningen är borttagen och formlerna omräknade.', {}, { timeout: 20_000 })).toBeTruthy();
    expect(screen.getByText('Inga ersättningar är registrerade för 2025.')).toBeTruthy();
    expect((await pane.api(`/reimbursements/${stored.reimbursements[0]?.id ?? ''}`)).status).toBe(404);
    expect(await pane.workbook.evaluate('=SSR.REIMBURSED("Nacka",2025,"RKK")')).toEqual(formattedNumber(0, SEK_FORMAT));

    // Recorded again, as the next test and the budget sheet below expect.
    const form2 = screen.getByRole('region', { name: 'Registrera ersättning' });
    await user.selectOptions(within(form2).getByRole('combobox', { name: 'Part' }), 'Nacka');
    await user.click(within(form2).getByRole('radio', { name: 'RKK' }));
    const end = within(form2).getByLabelText('Period till');
    await user.clear(end);
    await user.type(end, '2025-06-30');
    await user.type(within(form2).getByRole('textbox', { name: 'Belopp (kr)' }), '125 000,50');
    await user.type(within(form2).getByRole('textbox', { name: 'Anteckning' }), 'Första halvåret');
    await user.click(within(form2).getByRole('button', { name: 'Registrera ersättning' }));
    expect(await screen.findByText('Ersättningen är registrerad och formlerna omräknade.', {}, { timeout: 20_000 })).toBeTruthy();
  });

  it('says what is wrong with a period that ends before it starts, and sends nothing', async () => {
    const { user } = renderPane(<ReimbursementsView />, pane.services);
    const form = await screen.findByRole('region', { name: 'Registrera ersättning' }, { timeout: 20_000 });
    const end = within(form).getByLabelText('Period till');
    await user.clear(end);
    await user.type(end, '2024-12-31');
    await user.type(within(form).getByRole('textbox', { name: 'Belopp (kr)' }), '100');
    await user.click(within(form).getByRole('button', { name: 'Registrera ersättning' }));
    expect(await within(form).findByText('Perioden kan inte sluta innan den börjar.')).toBeTruthy();
    const stored = (await (await pane.api('/reimbursements?year=2025')).json()) as { reimbursements: unknown[] };
    expect(stored.reimbursements).toHaveLength(1);
  });

  it('says it in English in an English pane: a zero amount and a period that ends before it starts', async () => {
    const { user } = renderPane(<ReimbursementsView />, pane.services, 'en');
    const form = await screen.findByRole('region', { name: 'Record reimbursement' }, { timeout: 20_000 });
    const end = within(form).getByLabelText('Period to');
    await user.clear(end);
    await user.type(end, '2024-12-31');
    await user.type(within(form).getByRole('textbox', { name: 'Amount (SEK)' }), '0');
    await user.click(within(form).getByRole('button', { name: 'Record reimbursement' }));
    expect(await within(form).findByText('The amount must be greater than zero.')).toBeTruthy();
    expect(within(form).getByText('The period cannot end before it begins.')).toBeTruthy();
    const stored = (await (await pane.api('/reimbursements?year=2025')).json()) as { reimbursements: unknown[] };
    expect(stored.reimbursements).toHaveLength(1);
  });
});

describe('Budget view', () => {
  it('creates the budget sheet over the budget year and three plan years, with live formulas', async () => {
    const { user } = renderPane(<BudgetView />, pane.services);
    await user.click(screen.getByRole('button', { name: 'Skapa budgetblad' }));
    expect(await screen.findByText(/^Bladet "SSR budget 2025" är skapat för 2025–2028\./, {}, { timeout: 20_000 })).toBeTruthy();
    await pane.workbook.whenCalculated();
    const top = await pane.workbook.readRange('SSR budget 2025', 'B5:F6');
    expect(top.values).toEqual([
      ['År', 2025, 2026, 2027, 2028],
      ['Beräkning', 'uppskattning', 'uppskattning', 'uppskattning', 'uppskattning'],
    ]);
    expect((await pane.workbook.readRange('SSR budget 2025', 'C11')).formulas).toEqual([['=SSR.TOTAL(C$5,"Norr",C$6,C$7)']]);
    expect(pane.workbook.getSheet('SSR budget 2025')?.charts.map((chart) => chart.title)).toEqual(['Intäkter och kostnader 2025–2028']);
  });
});

describe('after a save', () => {
  it('the workbook is recalculated, so a sheet of SSR formulas shows the new reimbursement', async () => {
    const sheet = 'Egen uppföljning';
    await pane.workbook.resetSheet(sheet);
    await pane.workbook.writeRange(sheet, 'A1', [[{ formula: '=SSR.REIMBURSED("solna",2025)' }]]);
    await pane.workbook.whenCalculated();
    expect((await pane.workbook.readRange(sheet, 'A1')).values).toEqual([[0]]);

    const { user } = renderPane(<ReimbursementsView />, pane.services);
    const form = await screen.findByRole('region', { name: 'Registrera ersättning' }, { timeout: 20_000 });
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Part' }), 'Solna');
    const end = within(form).getByLabelText('Period till');
    await user.clear(end);
    await user.type(end, '2025-03-31');
    await user.type(within(form).getByRole('textbox', { name: 'Belopp (kr)' }), '40 000');
    await user.click(within(form).getByRole('button', { name: 'Registrera ersättning' }));
    expect(await screen.findByText('Ersättningen är registrerad och formlerna omräknade.', {}, { timeout: 20_000 })).toBeTruthy();
    await pane.workbook.whenCalculated();
    expect((await pane.workbook.readRange(sheet, 'A1')).values).toEqual([[40_000]]);
  });
});

describe('Invoices view', () => {
  it('creates the invoice list of a year on final figures as a sheet', async () => {
    const { user } = renderPane(<InvoicesView />, pane.services);
    const year = screen.getByRole('textbox', { name: 'År' });
    await user.clear(year);
    await user.type(year, '2024');
    await user.click(screen.getByRole('button', { name: 'Skapa fakturablad' }));
    expect(await screen.findByText('Bladet "SSR fakturor 2024" är skapat med 37 fakturarader.', {}, { timeout: 20_000 })).toBeTruthy();
    const table = await pane.workbook.readTable('SSR_Invoices_2024');
    expect(table?.rows.find((row) => row[0] === 'nacka')?.slice(0, 7)).toEqual([
      'nacka',
      'Nacka',
      null,
      null,
      'Medlemsavgift Samverkan Stockholmsregionen 2024',
      '1,50\u00a0kr × 110\u00a0633 inv. (31 dec 2023)',
      165_949.5,
    ]);
    await pane.workbook.whenCalculated();
    expect((await pane.workbook.readRange('SSR fakturor 2024', 'K40')).values).toEqual([[7_602_231.5]]);
  });

  it('refuses to invoice a year whose figures are missing, naming the municipalities', async () => {
    const { user } = renderPane(<InvoicesView />, pane.services);
    const year = screen.getByRole('textbox', { name: 'År' });
    await user.clear(year);
    await user.type(year, '2025');
    await user.click(screen.getByRole('button', { name: 'Skapa fakturablad' }));
    const bar = await screen.findByRole('group', { name: 'Befolkningstal saknas' }, { timeout: 20_000 });
    expect(text(bar)).toContain('Befolkningstal saknas för Nykvarn, Salem, Tyresö, Upplands-Bro, Vallentuna, Värmdö. Importera dem från SCB innan du fakturerar 2025.');
  });

  it('names, before the list is built, the members that lack an organisation number or invoice reference', async () => {
    const { user } = renderPane(<InvoicesView />, pane.services);
    const year = screen.getByRole('textbox', { name: 'År' });
    await user.clear(year);
    await user.type(year, '2024');
    const bar = await screen.findByRole('group', { name: 'Uppgifter saknas för fakturan' }, { timeout: 20_000 });
    expect(text(bar)).toMatch(/\d+ medlemmar saknar organisationsnummer eller fakturareferens: Botkyrka, Brandkåren Attunda, /);
    for (const name of ['Trafikverket', 'Södertälje', 'Österåker']) expect(text(bar)).toContain(name);
    expect(screen.getByRole('form', { name: 'Fyll i uppgifterna' })).toBeTruthy();
  });

  it('speaks English in an English pane: the warning, the invoice lines and the sheet', async () => {
    const { user } = renderPane(<InvoicesView />, pane.services, 'en');
    const year = screen.getByRole('textbox', { name: 'Year' });
    await user.clear(year);
    await user.type(year, '2024');
    const bar = await screen.findByRole('group', { name: 'Details missing for the invoice' }, { timeout: 20_000 });
    expect(text(bar)).toMatch(/\d+ members lack an organisation number or invoice reference: /);
    await user.click(screen.getByRole('button', { name: 'Create invoice sheet' }));
    expect(await screen.findByText('The sheet "SSR invoices 2024" has been created with 37 invoice lines.', {}, { timeout: 20_000 })).toBeTruthy();
    const table = await pane.workbook.readTable('SSR_Invoices_2024');
    expect(table?.headers).toEqual(['Id', 'Name', 'Organisation number', 'Invoice reference', 'Description', 'Basis', 'Amount', 'VAT treatment', 'VAT %', 'VAT', 'Total']);
    expect(table?.rows.find((row) => row[0] === 'nacka')?.slice(4, 8)).toEqual([
      'Membership fee Samverkan Stockholmsregionen 2024',
      '1,50\u00a0kr × 110\u00a0633 inhabitants (31 Dec 2023)',
      165_949.5,
      'Outside the scope of VAT',
    ]);
  });
});
