import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Site } from './browser';
import { cell, closeSite, openSite, rowOf, screenshot } from './browser';

/*
 * The members view in Chromium against the built add-in, the dev host and Azurite, in Swedish
 * and English, at Excel's task-pane width (320 px) and on a wide screen: the sheet's words, a
 * conflict with another person's change to a field the sheet left alone, and nothing wider
 * than the pane.
 */

let site: Site;
let browser: Browser;

beforeAll(async () => ({ site, browser } = await openSite()));
afterAll(() => closeSite(site, browser));

const TEXT = {
  sv: {
    tab: 'Medlemmar',
    load: 'Läs in medlemmar till bladet',
    loaded: /medlemmar är inlästa till bladet/,
    municipality: 'kommun',
    review: 'Granska ändringar',
    reviewTable: 'Ändringar i bladet',
    save: 'Spara 1 ändring',
    card: (name: string) => `${name} har ändrats av någon annan`,
    fields: 'Fält som skiljer',
    cluster: 'Kluster (ändrat av någon annan)',
    keepMine: 'Behåll bladets värden',
    kept: (name: string) => `Bladets värden för ${name} är sparade. Den andras ändring står kvar och finns nu i bladet: Kluster = Norr.`,
  },
  en: {
    tab: 'Members',
    load: 'Load members into the sheet',
    loaded: /members loaded into the sheet/,
    municipality: 'municipality',
    review: 'Review changes',
    reviewTable: 'Changes in the sheet',
    save: 'Save 1 change',
    card: (name: string) => `${name} was changed by someone else`,
    fields: 'Fields that differ',
    cluster: 'Cluster (changed by someone else)',
    keepMine: "Keep the sheet's values",
    kept: (name: string) => `The sheet's values for ${name} are saved. The other person's change stays and is now in the sheet: Cluster = Norr.`,
  },
} as const;

interface ApiMember {
  name: string;
  cluster?: string;
  invoiceReference?: string;
  etag: string;
}

async function apiMember(id: string): Promise<ApiMember> {
  return (await (await site.api(`/members/${id}`)).json()) as ApiMember;
}

/**
 * What sticks out sideways: the pane's own horizontal scroll (the whole page's when the pane is
 * all there is), and every visible element of the pane whose right edge lies beyond the pane's.
 * In preview mode the pane is the `aside` beside the workbook; the workbook's layout is not the
 * members view's.
 */
async function overflow(page: Page): Promise<{ page: number; elements: string[] }> {
  return page.evaluate(() => {
    const aside = document.querySelector('aside');
    const root = aside ?? document.documentElement;
    const pane = aside ?? document.body;
    const edge = pane.getBoundingClientRect().right;
    const elements = [...pane.querySelectorAll('*')]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && box.right > edge + 1;
      })
      .map((element) => `${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 40)}" right ${Math.round(element.getBoundingClientRect().right)} > ${Math.round(edge)}`);
    return { page: root.scrollWidth - root.clientWidth, elements };
  });
}

/** Type into a cell through the preview's cell bar, whose label is in the pane's language. */
async function typeInCell(page: Page, address: string, text: string): Promise<void> {
  await cell(page, address).click();
  const input = page.getByRole('textbox', { name: new RegExp(` ${address}$`) });
  await input.fill(text);
  await input.press('Enter');
}

async function expectFits(page: Page): Promise<void> {
  const found = await overflow(page);
  expect(found.elements).toEqual([]);
  expect(found.page).toBeLessThanOrEqual(0);
}

const RUNS = [
  { lang: 'sv', width: 320, id: 'nacka', name: 'Nacka', cluster: 'Mitt' },
  { lang: 'sv', width: 1400, id: 'solna', name: 'Solna', cluster: 'Mitt' },
  { lang: 'en', width: 320, id: 'huddinge', name: 'Huddinge', cluster: 'Syd' },
  { lang: 'en', width: 1400, id: 'sodertalje', name: 'Södertälje', cluster: 'Syd' },
] as const;

describe('the members view in a browser', () => {
  for (const run of RUNS) {
    it(`${run.lang} at ${run.width} px: the sheet's words, a conflict that shows another person's change, nothing wider than the pane`, async () => {
      const text = TEXT[run.lang];
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: run.lang === 'sv' ? 'sv-SE' : 'en-GB' });
      const page = await context.newPage();
      page.on('pageerror', (error) => console.error('page error:', error));
      try {
        await page.goto(run.lang === 'en' ? `${site.server.url}?lang=en` : site.server.url);
        await page.getByRole('tab', { name: text.tab }).click();
        await page.getByRole('button', { name: text.load }).click();
        await page.getByText(text.loaded).waitFor({ timeout: 30_000 });
        const row = await rowOf(page, run.id);
        // Kind and fee class in the pane's language.
        expect(await cell(page, `C${row}`).getAttribute('data-value')).toBe(text.municipality);
        expect(await cell(page, `D${row}`).getAttribute('data-value')).toBe(text.municipality);

        // The sheet changes the invoice reference; another person moves the member to another cluster meanwhile.
        const reference = `Ref ${run.lang} ${run.width}`;
        await typeInCell(page, `J${row}`, reference);
        const current = await apiMember(run.id);
        const theirs = await site.api(`/members/${run.id}`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json', 'If-Match': current.etag },
          body: JSON.stringify({ ...current, etag: undefined, cluster: 'Norr', changesFrom: 2027 }),
        });
        expect(theirs.status).toBe(200);

        await page.setViewportSize({ width: run.width, height: 900 });
        await page.getByRole('button', { name: text.review }).click();
        await page.getByRole('table', { name: text.reviewTable }).waitFor({ timeout: 30_000 });
        await expectFits(page);
        await page.getByRole('button', { name: text.save }).click();
        const card = page.getByRole('region', { name: text.card(run.name) });
        await card.waitFor({ timeout: 30_000 });
        const cluster = card.getByRole('list', { name: text.fields }).getByRole('listitem').filter({ hasText: text.cluster });
        expect((await cluster.innerText()).replace(/\s+/g, ' ')).toContain(`${run.cluster}`);
        expect((await cluster.innerText()).replace(/\s+/g, ' ')).toContain('Norr');
        await expectFits(page);
        await screenshot(page, `members-conflict-${run.lang}-${run.width}`);

        await card.getByRole('button', { name: text.keepMine }).click();
        await page.getByText(text.kept(run.name)).waitFor({ timeout: 30_000 });
        expect(await apiMember(run.id)).toMatchObject({ cluster: 'Norr', invoiceReference: reference });
        await expectFits(page);
        await screenshot(page, `members-outcome-${run.lang}-${run.width}`);
      } finally {
        await context.close();
      }
    });
  }
});
