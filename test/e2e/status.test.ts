import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Site } from './browser';
import { closeSite, openSite, screenshot } from './browser';

/*
 * The status view in Chromium (built add-in, preview mode, dev host, Azurite): it says in words
 * when the register the cells use was read, in Swedish and in English, and fits Excel's task
 * pane (320 px) as well as a wide window.
 */

let site: Site;
let browser: Browser;

beforeAll(async () => ({ site, browser } = await openSite()));
afterAll(() => closeSite(site, browser));

const LANGUAGES = {
  sv: {
    locale: 'sv-SE',
    query: '',
    label: 'Uppgifter per',
    asOf: /^Uppgifter per \d{1,2} (jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec) \d{4} \d{2}:\d{2}$/,
    refresh: 'Hämta senaste uppgifterna och räkna om SSR-bladen',
    refreshed: 'De senaste uppgifterna är hämtade och SSR-bladen omräknade.',
    internal: /Ögonblicksbild|ögonblicksbild|snapshot/i,
  },
  en: {
    locale: 'en-GB',
    query: '?lang=en',
    label: 'Data as of',
    asOf: /^Data as of \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}$/,
    refresh: 'Fetch the latest data and recalculate the SSR sheets',
    refreshed: 'The latest data has been fetched and the SSR sheets recalculated.',
    internal: /snapshot|Uppgifter|ögonblicksbild/i,
  },
} as const;

describe.each([
  ['sv', 320],
  ['en', 320],
  ['sv', 1400],
  ['en', 1400],
] as const)('status view (%s, %i px)', (language, width) => {
  it('says when the register was read, in words, fits the width, and recalculates the SSR sheets on demand', async () => {
    const words = LANGUAGES[language];
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: words.locale });
    try {
      const page = await context.newPage();
      await page.goto(`${site.server.url}${words.query}`);
      const status = page.getByRole('table', { name: 'Status' });
      await status.waitFor({ timeout: 30_000 });
      const asOfRow = status.getByRole('row').filter({ hasText: words.label });
      // Until the first read the value is "unknown"; then the time, in words.
      await asOfRow.getByRole('cell').nth(1).getByText(/\d{2}:\d{2}$/).waitFor({ timeout: 30_000 });
      const rowText = (await asOfRow.getByRole('cell').allInnerTexts()).map((text) => text.trim()).join(' ');
      expect(rowText).toMatch(words.asOf);
      expect(await status.innerText()).not.toMatch(words.internal);

      // The status table and its buttons stay within the pane: nothing runs past its right edge.
      const section = page.locator('section', { has: status });
      const overflow = await section.evaluate((element) => {
        const right = element.getBoundingClientRect().right;
        const beyond = [...element.querySelectorAll('*')].filter((child) => child.getBoundingClientRect().right > right + 1);
        return { scroll: element.scrollWidth - element.clientWidth, beyond: beyond.map((child) => child.tagName) };
      });
      expect(overflow).toEqual({ scroll: 0, beyond: [] });
      expect((await section.boundingBox())?.width ?? Infinity).toBeLessThanOrEqual(width);

      await page.getByRole('button', { name: words.refresh }).click();
      await page.getByText(words.refreshed, { exact: true }).waitFor({ timeout: 30_000 });
      await screenshot(page, `status-${language}-${width}`);
    } finally {
      await context.close();
    }
  });
});
