import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_MEMBERS } from '@ssr/shared';
import type { Site } from './browser';
import { closeSite, openSite, screenshot } from './browser';

/*
 * Invoices as finance staff make them, in the built pane (preview mode) against the API and
 * Azurite: the warning about members an invoice cannot be addressed to, filling one in, the
 * CSV as Swedish or English Excel opens it, at the task pane's width and on a wide screen.
 */

let site: Site;
let browser: Browser;

beforeAll(async () => ({ site, browser } = await openSite()));
afterAll(() => closeSite(site, browser));

const WORDS = {
  sv: {
    tab: 'Fakturor',
    year: 'År',
    download: 'Ladda ned CSV',
    create: 'Skapa fakturablad',
    file: 'ssr-fakturor-2024.csv',
    separator: ';',
    header: 'Id;Namn;Organisationsnummer;Fakturareferens;Beskrivning;Underlag;Belopp;Momsbehandling;Moms %;Moms;Totalt',
    nacka: 'nacka;Nacka;;;Medlemsavgift Samverkan Stockholmsregionen 2024;"1,50\u00a0kr × 110\u00a0633 inv. (31 dec 2023)";165949,50;Utanför momsens tillämpningsområde;0;0,00;165949,50',
    total: 'Summa',
    warning: 'Uppgifter saknas för fakturan',
    created: 'är skapat med 37 fakturarader',
  },
  en: {
    tab: 'Invoices',
    year: 'Year',
    download: 'Download CSV',
    create: 'Create invoice sheet',
    file: 'ssr-invoices-2024.csv',
    separator: ',',
    header: 'Id,Name,Organisation number,Invoice reference,Description,Basis,Amount,VAT treatment,VAT %,VAT,Total',
    nacka: 'nacka,Nacka,,,Membership fee Samverkan Stockholmsregionen 2024,"1,50\u00a0kr × 110\u00a0633 inhabitants (31 Dec 2023)",165949.50,Outside the scope of VAT,0,0.00,165949.50',
    total: 'Total',
    warning: 'Details missing for the invoice',
    created: 'has been created with 37 invoice lines',
  },
} as const;

/** The amount column of a row, as öre; the file's own decimal sign. */
function ore(cell: string | undefined): number {
  return Math.round(Number((cell ?? '').replace(',', '.')) * 100);
}

/**
 * Nothing in the invoices view runs past the pane's width, and the pane itself does not scroll
 * sideways. (The page as a whole is the preview layout's: it puts the workbook beside the pane.)
 */
async function noHorizontalOverflow(page: Page, panelName: string): Promise<void> {
  const panel = page.getByRole('tabpanel', { name: panelName });
  const overflow = await panel.evaluate((element) => {
    const viewport = document.documentElement.clientWidth;
    const edge = Math.min(element.getBoundingClientRect().right, viewport) + 0.5;
    const past = Array.from(element.querySelectorAll('*'))
      .filter((child) => child.getBoundingClientRect().width > 0 && child.getBoundingClientRect().right > edge)
      .map((child) => `${child.tagName} ${Math.round(child.getBoundingClientRect().right)} > ${Math.round(edge)}: ${(child.textContent ?? '').slice(0, 40)}`);
    const pane = element.closest('aside') ?? element;
    return { past, paneScrolls: pane.scrollWidth > pane.clientWidth, panelScrolls: element.scrollWidth > element.clientWidth };
  });
  expect(overflow.past, 'elements run past the pane').toEqual([]);
  expect(overflow.panelScrolls, 'the view scrolls sideways').toBe(false);
  expect(overflow.paneScrolls, 'the pane scrolls sideways').toBe(false);
}

const NAMES = SEED_MEMBERS.map((member) => member.name).sort((a, b) => b.length - a.length);

describe.each([
  { lang: 'sv', width: 320 },
  { lang: 'sv', width: 1400 },
  { lang: 'en', width: 320 },
  { lang: 'en', width: 1400 },
] as const)('invoices in $lang at $width px', ({ lang, width }) => {
  const words = WORDS[lang];

  it('names the members lacking details, fits the width, and downloads the CSV that Excel of the language opens', async () => {
    const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true, locale: lang === 'sv' ? 'sv-SE' : 'en-GB' });
    try {
      const page = await context.newPage();
      page.on('pageerror', (error) => console.error('page error:', error));
      await page.goto(lang === 'sv' ? site.server.url : `${site.server.url}?lang=en`);
      await page.getByRole('tab', { name: words.tab }).click();
      const view = page.getByRole('tabpanel', { name: words.tab });
      await view.getByRole('textbox', { name: words.year }).fill('2024');

      // Before the list is built: who cannot be invoiced as the register stands, by name.
      const warning = view.getByText(words.warning);
      await warning.waitFor({ timeout: 30_000 });
      const warningText = await view.getByText(lang === 'sv' ? /medlemmar saknar organisationsnummer/ : /members lack an organisation number/).innerText();
      for (const name of ['Trafikverket', 'Region Stockholm', 'Upplands Väsby']) expect(warningText).toContain(name);
      await view.getByRole('combobox', { name: lang === 'sv' ? 'Medlem' : 'Member' }).waitFor();
      await noHorizontalOverflow(page, words.tab);

      const [download] = await Promise.all([page.waitForEvent('download'), view.getByRole('button', { name: words.download }).click()]);
      expect(download.suggestedFilename()).toBe(words.file);
      const bytes = readFileSync(await download.path());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.subarray(3).toString('utf8');
      expect(text.endsWith('\r\n')).toBe(true);
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      const rows = text.split('\r\n').slice(0, -1);
      expect(rows[0]).toBe(words.header);
      expect(rows).toContain(words.nacka);
      expect(rows).toHaveLength(1 + 37 + 1);
      // The total row sums the lines' amounts (column 7): no cell of the lines holds the separator unquoted but the basis.
      const amountOf = (row: string) => ore(row.split(words.separator).at(-5));
      const total = rows.at(-1) ?? '';
      expect(total.startsWith(`${words.total}${words.separator}`)).toBe(true);
      expect(amountOf(total)).toBe(rows.slice(1, -1).reduce((sum, row) => sum + amountOf(row), 0));
      expect(amountOf(total)).toBe(760_223_150);
      if (lang === 'en') expect(NAMES.reduce((rest, name) => rest.split(name).join(''), text)).not.toMatch(/[åäöÅÄÖ]|inv\.|Medlemsavgift|Utanför/);

      await view.getByRole('button', { name: words.create }).click();
      await view.getByText(words.created).waitFor({ timeout: 30_000 });
      await noHorizontalOverflow(page, words.tab);
      if (lang === 'en') {
        const shown = NAMES.reduce((rest, name) => rest.split(name).join(''), await view.innerText());
        expect(shown).not.toMatch(/[åäöÅÄÖ]/);
      }
      await screenshot(page, `invoices-${lang}-${width}`);
    } finally {
      await context.close();
    }
  });
});

describe('filling in what an invoice lacks, in the invoices view', () => {
  it('saves the organisation number and reference of a member through the API, and the warning no longer names it', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 900 }, locale: 'sv-SE' });
    try {
      const page = await context.newPage();
      await page.goto(site.server.url);
      await page.getByRole('tab', { name: 'Fakturor' }).click();
      const view = page.getByRole('tabpanel', { name: 'Fakturor' });
      await view.getByRole('textbox', { name: 'År' }).fill('2024');
      await view.getByText('Uppgifter saknas för fakturan').waitFor({ timeout: 30_000 });
      await view.getByRole('combobox', { name: 'Medlem' }).selectOption({ label: 'Trafikverket' });
      await view.getByRole('textbox', { name: 'Organisationsnummer' }).fill('202100-6297');
      await view.getByRole('textbox', { name: 'Fakturareferens' }).fill('Ref 4711');
      await view.getByRole('button', { name: 'Spara' }).click();
      await view.getByText('Uppgifterna för Trafikverket är sparade.').waitFor({ timeout: 30_000 });

      const stored = (await (await site.api('/members/trafikverket')).json()) as { organisationNumber?: string; invoiceReference?: string };
      expect(stored).toMatchObject({ organisationNumber: '202100-6297', invoiceReference: 'Ref 4711' });
      await expect.poll(async () => view.getByRole('option', { name: 'Trafikverket' }).count()).toBe(0);
      await noHorizontalOverflow(page, 'Fakturor');
    } finally {
      await context.close();
    }
  });
});
