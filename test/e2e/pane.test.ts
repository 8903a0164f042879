import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Site } from './browser';
import { calculated, cell, ensureBuilt, launchChromium, openPane, rowOf, screenshot, startSite, typeInCell } from './browser';

/*
 * The task pane in preview mode, in Chromium, against the built add-in, the API's dev host
 * and Azurite: what finance staff do, end to end, checked through the API.
 */

let site: Site;
let browser: Browser;
let context: BrowserContext;
let page: Page;

interface ApiMember {
  id: string;
  name: string;
  invoiceReference?: string;
  etag: string;
}

async function apiMember(id: string): Promise<ApiMember> {
  return (await (await site.api(`/members/${id}`)).json()) as ApiMember;
}

beforeAll(async () => {
  ensureBuilt();
  browser = await launchChromium();
  site = await startSite();
  context = await browser.newContext({ viewport: { width: 1440, height: 960 }, acceptDownloads: true, locale: 'sv-SE' });
  page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error));
  const timing = await openPane(page, site.server.url);
  process.stdout.write(
    `Task pane: ${timing.interactiveMs.toFixed(0)} ms from navigation to interactive ` +
      `(DOMContentLoaded at ${timing.domContentLoadedMs.toFixed(0)} ms; built add-in, Chromium, preview mode)\n`,
  );
});

afterAll(async () => {
  await context.close();
  await browser.close();
  await site.close();
});

describe('the task pane in a browser (preview mode)', () => {
  it('shows the API, storage, the dev user and snapshot on the status view', async () => {
    const status = page.getByRole('table', { name: 'Status' });
    await status.getByText('Nås', { exact: true }).waitFor();
    await status.getByText('Fungerar', { exact: true }).waitFor();
    // The add-in is built without sign-in settings: local dev mode, the dev host's user.
    await status.getByText('Lokalt utvecklingsläge: ingen inloggning', { exact: true }).waitFor();
    await status.getByText('Testaren', { exact: true }).waitFor();
    await screenshot(page, 'status');
  });

  it('loads the members; two edited cells and a new row are exactly what the review shows; saving persists them', async () => {
    await page.getByRole('tab', { name: 'Medlemmar' }).click();
    await page.getByRole('button', { name: 'Läs in medlemmar till bladet' }).click();
    await page.getByText('37 medlemmar är inlästa till bladet "SSR Medlemmar".').waitFor({ timeout: 30_000 });

    const nacka = await rowOf(page, 'nacka');
    const solna = await rowOf(page, 'solna');
    await typeInCell(page, `B${nacka}`, 'Nacka kommun');
    await typeInCell(page, `J${solna}`, 'Solna ref 7');
    // A row typed just below the table joins it, as in Excel.
    for (const [column, text] of [['A', 'ny-aktor'], ['B', 'Ny aktör'], ['C', 'actor'], ['D', 'single'], ['G', '2025-01-01']] as const) {
      await typeInCell(page, `${column}39`, text);
    }
    expect(await cell(page, 'B39').getAttribute('data-value')).toBe('Ny aktör');

    await page.getByRole('button', { name: 'Granska ändringar' }).click();
    const review = page.getByRole('table', { name: 'Ändringar i bladet' });
    await review.waitFor();
    const rows = (await review.getByRole('row').allInnerTexts()).slice(1).map((row) => row.replace(/\s+/g, ' ').trim());
    const expected = [
      { row: solna, text: `Ändrad ${solna} Solna (solna) Fakturareferens: (tomt) → Solna ref 7` },
      { row: nacka, text: `Ändrad ${nacka} Nacka kommun (nacka) Namn: Nacka → Nacka kommun` },
      { row: 39, text: 'Tillagd 39 Ny aktör (ny-aktor)' },
    ].sort((a, b) => a.row - b.row);
    expect(rows).toEqual(expected.map((entry) => entry.text));
    await screenshot(page, 'members-review');

    await page.getByRole('button', { name: 'Spara 3 ändringar' }).click();
    await page.getByText('Alla 3 ändringar är sparade och formlerna omräknade.').waitFor({ timeout: 30_000 });
    expect((await apiMember('nacka')).name).toBe('Nacka kommun');
    expect((await apiMember('solna')).invoiceReference).toBe('Solna ref 7');
    expect((await apiMember('ny-aktor')).name).toBe('Ny aktör');
  });

  it('a concurrent change through the API to the same member gives the conflict view and no overwrite', async () => {
    const nacka = await rowOf(page, 'nacka');
    await typeInCell(page, `J${nacka}`, 'Från bladet');
    const current = await apiMember('nacka');
    const theirs = await site.api('/members/nacka', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'If-Match': current.etag },
      body: JSON.stringify({ ...current, invoiceReference: 'Från någon annan' }),
    });
    expect(theirs.status).toBe(200);

    await page.getByRole('button', { name: 'Granska ändringar' }).click();
    await page.getByRole('button', { name: 'Spara 1 ändring' }).click();
    const card = page.getByRole('region', { name: 'Nacka kommun har ändrats av någon annan' });
    await card.waitFor({ timeout: 30_000 });
    const field = card.getByRole('list', { name: 'Fält som skiljer' }).getByRole('listitem');
    expect((await field.innerText()).replace(/\s+/g, ' ').trim()).toBe('Fakturareferens (ändrat på båda håll) Inläst (tomt) I bladet Från bladet På servern Från någon annan');
    expect((await apiMember('nacka')).invoiceReference).toBe('Från någon annan');
    await screenshot(page, 'members-conflict');

    await card.getByRole('button', { name: 'Använd serverns värden' }).click();
    await page.getByText(`Serverns värden har lagts in i bladet på rad ${nacka} (Nacka kommun). Inget sparades.`).waitFor({ timeout: 30_000 });
    expect(await cell(page, `J${nacka}`).getAttribute('data-value')).toBe('Från någon annan');
    expect((await apiMember('nacka')).invoiceReference).toBe('Från någon annan');
  });

  it('imports the SCB file: the 2024 figures are stored and the six municipalities leave fee year 2025’s missing list', async () => {
    await page.getByRole('tab', { name: 'Befolkning' }).click();
    const missing = page.getByRole('region', { name: 'Saknade befolkningstal' });
    await missing.getByRole('textbox', { name: 'Avgiftsår' }).fill('2025');
    await missing.getByRole('button', { name: 'Visa vad som saknas' }).click();
    const list = missing.getByRole('list', { name: '6 kommuner saknar befolkningstal för avgiftsår 2025:' });
    await list.waitFor({ timeout: 30_000 });
    expect((await list.getByRole('listitem').allInnerTexts()).sort()).toEqual(
      ['Nykvarn (0140)', 'Salem (0128)', 'Tyresö (0138)', 'Upplands-Bro (0139)', 'Vallentuna (0115)', 'Värmdö (0120)'],
    );

    await page.getByLabel('SCB-fil').setInputFiles(join(process.cwd(), 'test', 'fixtures', 'scb', 'stockholm-2023-2024-comma-bom.csv'));
    const preview = page.getByRole('region', { name: 'stockholm-2023-2024-comma-bom.csv' });
    await preview.getByText('2024: länet 2 473 307 = kommunernas summa').waitFor({ timeout: 30_000 });
    expect(await preview.getByRole('table', { name: 'Förändringar mot lagrade tal' }).getByRole('row').count()).toBe(7);
    await screenshot(page, 'populations-import');
    await preview.getByRole('button', { name: 'Spara befolkningstal för 2023, 2024' }).click();
    await page.getByText('Befolkningstalen för 2023, 2024 är sparade och formlerna omräknade.').waitFor({ timeout: 30_000 });

    const stored = (await (await site.api('/populations?year=2024')).json()) as { figures: { municipalityCode: string; population: number }[] };
    expect(stored.figures).toHaveLength(26);
    expect(stored.figures.find((figure) => figure.municipalityCode === '0115')?.population).toBe(35_331);
    await missing.getByRole('button', { name: 'Visa vad som saknas' }).click();
    await missing.getByText('Inga befolkningstal saknas för avgiftsår 2025.').waitFor({ timeout: 30_000 });
  });

  it('creates the budget sheet with live formulas whose total equals the API’s', async () => {
    await page.getByRole('tab', { name: 'Budget' }).click();
    const view = page.getByRole('tabpanel', { name: 'Budget' });
    await view.getByRole('textbox', { name: 'Budgetår', exact: true }).fill('2025');
    await view.getByRole('button', { name: 'Skapa budgetblad' }).click();
    await page.getByText('Bladet "SSR budget 2025" är skapat för 2025–2028.').waitFor({ timeout: 30_000 });
    await calculated(page);

    // A column per year: 2025's figures are all imported, so exact; the plan years are estimates.
    expect(await cell(page, 'C6').getAttribute('data-value')).toBe('exakt');
    expect(await cell(page, 'D6').getAttribute('data-value')).toBe('uppskattning');
    expect(await cell(page, 'C11').getAttribute('data-formula')).toBe('=SSR.TOTAL(C$5,"Norr",C$6,C$7)');
    const total = Number(await cell(page, 'C16').getAttribute('data-value'));
    const fees = (await (await site.api('/fees?year=2025')).json()) as { totals: { all: number }; missing: unknown[] };
    expect(fees.missing).toEqual([]);
    expect(Math.round(total * 100)).toBe(fees.totals.all);
    expect(await cell(page, 'C16').getAttribute('data-formula')).toBe('=SUM(C11:C15)');

    await page.getByRole('img', { name: 'Intäkter och kostnader 2025–2028' }).waitFor();
    await screenshot(page, 'budget');
    // Clicking a cell shows its formula in the bar, as Swedish Excel writes it.
    await cell(page, 'C11').click();
    expect(await page.getByRole('textbox', { name: 'Innehåll i C11' }).inputValue()).toMatch(/^=SSR\.[A-ZÅÄÖ]+\(C\$5;"Norr";C\$6;C\$7\)$/);
  });

  it('downloads the invoice CSV with the right lines and a formula-like name made harmless', async () => {
    const created = await site.api('/members', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      // Joining in 2025 leaves the 2024 rule adopted (R7 counts the parties of its first year).
      body: JSON.stringify({ id: 'formelbolaget', name: '=cmd()', kind: 'actor', feeClass: 'single', joinedOn: '2025-01-01' }),
    });
    expect(created.status).toBe(201);

    await page.getByRole('tab', { name: 'Fakturor' }).click();
    const view = page.getByRole('tabpanel', { name: 'Fakturor' });
    await view.getByRole('textbox', { name: 'År' }).fill('2025');
    const [download] = await Promise.all([page.waitForEvent('download'), view.getByRole('button', { name: 'Ladda ned CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('ssr-fakturor-2025.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n').filter((line) => line !== '');
    const json = (await (await site.api('/invoices?year=2025')).json()) as { lines: { memberId: string }[] };
    expect(lines[0]).toBe('Id;Namn;Organisationsnummer;Fakturareferens;Beskrivning;Underlag;Belopp;Momsbehandling;Moms %;Moms;Totalt');
    // The lines and a total row.
    expect(lines).toHaveLength(json.lines.length + 2);
    expect(lines.find((line) => line.startsWith('formelbolaget;'))).toBe(
      "formelbolaget;'=cmd();;;Medlemsavgift Samverkan Stockholmsregionen 2025;\"Avgift 280\u00a0000,00\u00a0kr\";280000,00;Utanför momsens tillämpningsområde;0;0,00;280000,00",
    );
    expect(lines.find((line) => line.startsWith('nacka;'))).toContain(';168168,00;Utanför momsens tillämpningsområde;0;0,00;168168,00');
    await page.getByText('Filen ssr-fakturor-2025.csv är nedladdad.').waitFor();

    await view.getByRole('button', { name: 'Skapa fakturablad' }).click();
    await page.getByText(`Bladet "SSR fakturor 2025" är skapat med ${json.lines.length} fakturarader.`).waitFor({ timeout: 30_000 });
    const row = await rowOf(page, 'formelbolaget');
    expect(await cell(page, `B${row}`).getAttribute('data-value')).toBe('=cmd()');
    expect(await cell(page, `B${row}`).getAttribute('data-formula')).toBeNull();
    await screenshot(page, 'invoices');
  });
});
