import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Site } from './browser';
import { closeSite, openSite, screenshot } from './browser';

/*
 * Preview mode's workbook as finance staff meet it, in Chromium against the built add-in and
 * the API on Azurite: formulas typed in the syntax of the pane's language, a spilled fee table,
 * the language switch, and a window that fits from Excel's pane width to a desktop.
 */

let site: Site;
let browser: Browser;

beforeAll(async () => ({ site, browser } = await openSite()));
afterAll(() => closeSite(site, browser));

/** What each language calls things, and how it writes the formulas. */
const LANGUAGES = {
  sv: {
    locale: 'sv-SE',
    membersTab: 'Medlemmar',
    content: (address: string) => `Innehåll i ${address}`,
    grid: 'Bladet Blad1',
    fee: '=SSR.AVGIFT("Nacka"; 2025)',
    fees: '=SSR.AVGIFTER(2025)',
    other: { name: 'English', membersTab: 'Members', fee: '=SSR.FEE("Nacka", 2025)' },
  },
  en: {
    locale: 'en-US',
    membersTab: 'Members',
    content: (address: string) => `Contents of ${address}`,
    grid: 'Sheet Blad1',
    fee: '=SSR.FEE("Nacka", 2025)',
    fees: '=SSR.FEES(2025)',
    other: { name: 'Svenska', membersTab: 'Medlemmar', fee: '=SSR.AVGIFT("Nacka"; 2025)' },
  },
} as const;
type Lang = keyof typeof LANGUAGES;

/** Nacka's fee for 2025 under the seeded rules and figures, in kronor. */
const NACKA_2025 = '168168';

function cell(page: Page, address: string) {
  return page.locator(`td[role="gridcell"][data-address="${address}"]`);
}

/** Select a cell, type into the formula bar as a person does, press Enter. */
async function typeInCell(page: Page, lang: Lang, address: string, text: string): Promise<void> {
  await cell(page, address).click();
  const input = page.getByRole('textbox', { name: LANGUAGES[lang].content(address), exact: true });
  await input.fill(text);
  await input.press('Enter');
}

async function barText(page: Page, lang: Lang, address: string): Promise<string> {
  await cell(page, address).click();
  return page.getByRole('textbox', { name: LANGUAGES[lang].content(address), exact: true }).inputValue();
}

/** The page scrolls sideways when the document is wider than the window. */
function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe.each([
  [320, 'sv'],
  [320, 'en'],
  [1400, 'sv'],
  [1400, 'en'],
] as const)('the preview workbook at %i px in %s', (width, lang) => {
  const words = LANGUAGES[lang];

  it('computes a fee typed in the language’s syntax, spills the fee table, fits the window and switches language', async () => {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: words.locale });
    try {
      const page = await context.newPage();
      page.on('pageerror', (error) => console.error('page error:', error));
      await page.goto(`${site.server.url}/?lang=${lang}`);
      await page.getByRole('tab', { name: words.membersTab }).waitFor({ timeout: 30_000 });

      // The fee, typed as Excel in this language writes it; the cell keeps the invariant formula.
      await typeInCell(page, lang, 'A1', words.fee);
      await cell(page, 'A1').and(page.locator(`[data-value="${NACKA_2025}"]`)).waitFor({ timeout: 30_000 });
      // A money cell shows as money, in the pane's language (Swedish groups with a no-break space).
      expect((await cell(page, 'A1').innerText()).replace(/\s/g, ' ')).toBe(lang === 'sv' ? '168 168,00 kr' : '168,168.00 kr');
      expect(await cell(page, 'A1').getAttribute('data-formula')).toBe('=SSR.FEE("Nacka", 2025)');
      expect(await barText(page, lang, 'A1')).toBe(words.fee);

      // The fee table spills below and right of its formula; a value in the way stops it.
      await typeInCell(page, lang, 'A3', words.fees);
      await cell(page, 'A4').and(page.locator('[data-spilled="true"]')).waitFor({ timeout: 30_000 });
      expect(await page.locator('td[data-spilled="true"][data-address^="A"]').count()).toBeGreaterThanOrEqual(37);
      expect(await cell(page, 'B4').getAttribute('data-spilled')).toBe('true');
      if (width === 320 && lang === 'sv') {
        await typeInCell(page, lang, 'B5', 'i vägen');
        await cell(page, 'A3').and(page.locator('[data-value="#SPILL!"]')).waitFor({ timeout: 30_000 });
        await typeInCell(page, lang, 'B5', '');
        await cell(page, 'A4').and(page.locator('[data-spilled="true"]')).waitFor({ timeout: 30_000 });
      }

      // The page never scrolls sideways; the grid is usable, not a sliver, and scrolls inside itself.
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      const grid = page.getByRole('grid', { name: words.grid });
      const gridBox = await grid.locator('xpath=..').boundingBox();
      expect(gridBox?.width ?? 0).toBeGreaterThanOrEqual(Math.min(width - 48, 600));
      const pane = await page.locator('aside').boundingBox();
      const workbook = await page.locator('main').boundingBox();
      if (!pane || !workbook) throw new Error('the pane or the workbook is not drawn');
      if (width === 320) expect(workbook.y).toBeGreaterThanOrEqual(pane.y + pane.height - 1);
      else expect(workbook.x).toBeGreaterThanOrEqual(pane.x + pane.width - 1);
      await screenshot(page, `preview-${width}-${lang}`);

      // The switch: the pane and the formula bar in the other language, and it holds over a reload.
      await page.getByRole('button', { name: words.other.name }).click();
      await page.getByRole('tab', { name: words.other.membersTab }).waitFor();
      const other: Lang = lang === 'sv' ? 'en' : 'sv';
      expect(await barText(page, other, 'A1')).toBe(words.other.fee);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await page.reload();
      await page.getByRole('tab', { name: words.other.membersTab }).waitFor({ timeout: 30_000 });
      expect(new URL(page.url()).searchParams.get('lang')).toBe(other);
    } finally {
      await context.close();
    }
  });
});
