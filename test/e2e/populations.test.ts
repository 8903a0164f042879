import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Site } from './browser';
import { closeSite, openSite, screenshot } from './browser';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scbSheet, xlsx } from '../fixtures/scb/xlsx';

/*
 * SCB's Excel export through the Populations view, in Chromium against the built add-in, the
 * dev host and Azurite: at Excel's task-pane width and on a wide screen, in Swedish and English.
 */

let site: Site;
let browser: Browser;

beforeAll(async () => ({ site, browser } = await openSite()));
afterAll(() => closeSite(site, browser));

/** The reference export's county and 26 municipalities, 2023 and 2024, as worksheet rows. */
const TABLE = readFileSync(join(process.cwd(), 'test', 'fixtures', 'scb', 'stockholm-2023-2024-comma-bom.csv'), 'utf8')
  .split('\n')
  .filter((line) => /^"\d/.test(line))
  .map((line) => {
    const [label = '', ...values] = line.split(',');
    return [label.replaceAll('"', ''), ...values.map(Number)] as [string, ...number[]];
  });
const NACKA_2024 = 112_112;
const COUNTY_2024 = 2_473_307;

/** Each run raises Nacka's 2024 figure (and the county's with it), so every save changes something. */
function table(raise: number): [string, ...number[]][] {
  return TABLE.map(([label, y2023, y2024]) => {
    if (label === '0182 Nacka') return [label, y2023 ?? 0, NACKA_2024 + raise];
    if (label === '01 Stockholms län') return [label, y2023 ?? 0, COUNTY_2024 + raise];
    return [label, y2023 ?? 0, y2024 ?? 0];
  });
}

const TEXT = {
  sv: {
    tab: 'Befolkning',
    file: 'SCB-fil',
    ignored: '2 regioner i filen ignoreras',
    habo: 'Håbo (0305), rad 33: ligger utanför Stockholms län och sparas inte',
    countyOk: (county: string) => `2024: länet ${county} = kommunernas summa`,
    changes: 'Förändringar mot lagrade tal',
    save: 'Spara befolkningstal för 2023, 2024',
    saved: 'Befolkningstalen för 2023, 2024 är sparade och formlerna omräknade.',
  },
  en: {
    tab: 'Population',
    file: 'SCB file',
    ignored: '2 regions in the file are ignored',
    habo: 'Håbo (0305), line 33: is outside Stockholm County and is not saved',
    countyOk: (county: string) => `2024: county ${county} = sum of municipalities`,
    changes: 'Changes against stored figures',
    save: 'Save population figures for 2023, 2024',
    saved: 'The population figures for 2023, 2024 are saved and the formulas recalculated.',
  },
} as const;

const RUNS = [
  { width: 320, lang: 'sv' },
  { width: 320, lang: 'en' },
  { width: 1400, lang: 'sv' },
  { width: 1400, lang: 'en' },
] as const;

/**
 * How far the pane scrolls sideways, and which elements of the view reach past the visible
 * width (the window's, less its scroll bar). The pane is the page's <aside>: in Excel it is the
 * whole page, here preview mode's layout sets its width.
 */
function overflow(page: Page): Promise<{ pane: number; page: number; elements: string[] }> {
  return page.evaluate(() => {
    const visible = Math.min(document.documentElement.clientWidth, document.querySelector('aside')?.getBoundingClientRect().right ?? Infinity);
    const pane = document.querySelector('aside');
    const elements = [...document.querySelectorAll('#panel-populations *')]
      .filter((element) => element.getBoundingClientRect().right > visible + 0.5)
      .map((element) => `${element.tagName.toLowerCase()}: ${element.textContent?.slice(0, 40) ?? ''}`);
    const root = document.documentElement;
    return { pane: pane ? Math.max(0, pane.scrollWidth - pane.clientWidth) : Number.NaN, page: Math.max(0, root.scrollWidth - root.clientWidth), elements };
  });
}

/**
 * Nothing in the view reaches past the visible width and the pane does not scroll sideways. At
 * 320 px the page's own width is preview mode's layout (its pane column has a 320 px floor, and
 * the window's scroll bar takes from that), so the page is checked at the wide window only.
 */
async function expectNoOverflow(page: Page, width: number): Promise<void> {
  const measured = await overflow(page);
  expect({ pane: measured.pane, elements: measured.elements }).toEqual({ pane: 0, elements: [] });
  if (width >= 400) expect(measured.page).toBe(0);
}

type Stored = { figures: { municipalityCode: string; population: number }[] };

describe('importing SCB’s Excel export in the Populations view', () => {
  RUNS.forEach(({ width, lang }, run) => {
    it(`at ${width} px in ${lang}: preview with figures and ignored rows, save, and no sideways scrolling`, async () => {
      const text = TEXT[lang];
      const context = await browser.newContext({ viewport: { width, height: 900 }, locale: lang === 'sv' ? 'sv-SE' : 'en-GB' });
      try {
        const page = await context.newPage();
        const errors: Error[] = [];
        page.on('pageerror', (error) => errors.push(error));
        await page.goto(`${site.server.url}${lang === 'en' ? '?lang=en' : ''}`);
        await page.getByRole('tab', { name: text.tab }).click({ timeout: 30_000 });

        const raise = run + 1;
        const rows = [...table(raise), ['03 Uppsala län', 395_026, 397_800], ['0305 Håbo', 22_000, 22_198]] as [string, ...number[]][];
        const buffer = Buffer.from(await xlsx(scbSheet(rows, [2023, 2024])));
        const name = `BE0101N1-${width}-${lang}.xlsx`;
        await page.getByLabel(text.file).setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });

        const preview = page.getByRole('region', { name });
        const county = (COUNTY_2024 + raise).toLocaleString('sv-SE').replace(/\s/g, '\u00a0');
        await preview.getByText(text.countyOk(county)).waitFor({ timeout: 30_000 });
        const ignored = preview.getByRole('group', { name: text.ignored });
        expect(await ignored.getByRole('listitem').allInnerTexts()).toContain(text.habo);
        const changes = preview.getByRole('table', { name: text.changes });
        // Rows that become cards in a narrow pane are still a table, with its column headers, to assistive technology.
        expect(await changes.getByRole('columnheader').allInnerTexts()).toHaveLength(5);
        const nackaRow = changes.getByRole('row').filter({ hasText: 'Nacka (0182)' });
        expect(await nackaRow.innerText()).toContain((NACKA_2024 + raise).toLocaleString('sv-SE').replace(/\s/g, '\u00a0'));
        await screenshot(page, `populations-xlsx-${width}-${lang}`);
        await expectNoOverflow(page, width);

        await preview.getByRole('button', { name: text.save }).click();
        await page.getByText(text.saved).waitFor({ timeout: 30_000 });
        await expectNoOverflow(page, width);

        const stored = (await (await site.api('/populations?year=2024')).json()) as Stored;
        expect(stored.figures).toHaveLength(26);
        expect(stored.figures.find((figure) => figure.municipalityCode === '0182')?.population).toBe(NACKA_2024 + raise);
        expect(stored.figures.some((figure) => !figure.municipalityCode.startsWith('01'))).toBe(false);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });
});
