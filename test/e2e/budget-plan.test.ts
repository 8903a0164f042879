import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../addin/src/i18n/en';
import type { Language, Messages } from '../../addin/src/i18n/messages';
import { sv } from '../../addin/src/i18n/sv';
import type { Site } from './browser';
import { SCREENSHOTS, calculated, cell, closeSite, expectFitsWindow, openSite, screenshot } from './browser';

/*
 * The multi-year budget in preview mode, in Chromium, at 320 and 1 400 px, in Swedish and English:
 * a three-year plan built, costs and a note typed into the sheet, the result row's formulas and
 * values; rebuilt with more plan years and a member added, every typed figure where it belongs;
 * rebuilt shorter past a typed figure, the old sheet kept and the pane saying so. The Swedish
 * sheet and pane are saved for docs/screens (`npm run screenshots`).
 */

const CATALOGUES: Record<Language, Messages> = { sv, en };
const SHEET = 'SSR budget 2025';
/** The actor fee of the seed rule (R4), in kronor. */
const SINGLE_FEE = 280_000;
const SCREENS = join(SCREENSHOTS, 'screens');

let site: Site | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  ({ site, browser } = await openSite());
});

afterAll(async () => {
  await closeSite(site, browser);
});

function opened(): { site: Site; browser: Browser } {
  if (!site || !browser) throw new Error('the site did not start');
  return { site, browser };
}

describe.each([
  ['sv', 320],
  ['sv', 1400],
  ['en', 320],
  ['en', 1400],
] as const)('the multi-year budget (%s, %i px)', (language, width) => {
  const t = CATALOGUES[language];
  const words = t.budget.sheet;
  let page: Page;
  let view: Locator;

  beforeAll(async () => {
    const context = await opened().browser.newContext({ viewport: { width, height: 900 }, locale: language === 'sv' ? 'sv-SE' : 'en-GB' });
    page = await context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error));
    await page.goto(`${opened().site.server.url}/${language === 'en' ? '?lang=en' : ''}`);
    await page.locator('#tab-budget').waitFor({ timeout: 30_000 });
    await page.locator('#tab-budget').click();
    view = page.locator('#panel-budget');
  });

  afterAll(async () => {
    await page.context().close();
  });

  /**
   * The sheet row of a label in column B (the key column A is hidden, as in Excel); the summary's
   * "Kostnader" is the second of that name, after the costs' heading.
   */
  async function rowOfLabel(label: string): Promise<number> {
    const labelled = page.locator(`td[role="gridcell"][data-address^="B"][data-value="${label}"]`);
    const address = await (label === words.summaryCosts ? labelled.last() : labelled.first()).getAttribute('data-address');
    const row = Number(address?.slice(1));
    if (!Number.isInteger(row) || row < 2) throw new Error(`No row labelled ${label}`);
    return row;
  }

  /** The column letters of a year, or of the note column, read off the year row (row 5). */
  async function columnOf(value: string): Promise<string> {
    const addresses = await page.locator(`td[role="gridcell"][data-value="${value}"]`).evaluateAll((cells) => cells.map((each) => each.getAttribute('data-address') ?? ''));
    const found = addresses.find((address) => /^[A-Z]+5$/.test(address));
    if (!found) throw new Error(`No column headed ${value}`);
    return found.slice(0, -1);
  }

  const at = async (label: string, column: string) => `${await columnOf(column)}${await rowOfLabel(label)}`;
  const valueAt = async (label: string, column: string) => cell(page, await at(label, column)).getAttribute('data-value');
  const numberAt = async (label: string, column: string) => Number(await valueAt(label, column));

  async function typeAt(label: string, column: string, text: string) {
    const address = await at(label, column);
    await cell(page, address).click();
    const input = page.getByRole('textbox', { name: t.preview.content(address) });
    await input.fill(text);
    await input.press('Enter');
  }

  async function build(planYears: string, outcome: string | RegExp) {
    const years = view.getByRole('textbox', { name: new RegExp(`^${t.budget.planYears}`) });
    await years.fill(planYears);
    await view.getByRole('button', { name: t.budget.create }).click();
    await view.getByText(outcome).first().waitFor({ timeout: 30_000 });
    await calculated(page);
  }

  it('builds the budget year and three plan years, and the result row is income − costs, accumulated', async () => {
    await view.getByRole('textbox', { name: t.budget.budgetYear, exact: true }).fill('2025');
    await build('3', t.budget.created(SHEET, '2025–2028'));
    expect(await valueAt(words.mode, '2025')).toBe(words.modeWords.estimate);

    await typeAt(words.costCategories.office, '2025', '4800000');
    await typeAt(words.costCategories.rsib, '2026', '1200000');
    await typeAt(words.costCategories.rkk, '2027', '900000');
    await typeAt(words.costCategories.training, '2028', '150000');
    await typeAt(words.costCategories.rsib, words.note, 'Avtal med Norrtälje');
    await calculated(page);

    let accumulated = 0;
    for (const year of ['2025', '2026', '2027', '2028']) {
      const income = await numberAt(words.incomeTotal, year);
      const costs = await numberAt(words.costTotal, year);
      expect(income).toBeGreaterThan(7_000_000);
      const result = await at(words.result, year);
      const column = result.replace(/\d+$/, '');
      expect(await cell(page, result).getAttribute('data-formula')).toBe(`=${column}${await rowOfLabel(words.summaryIncome)}-${column}${await rowOfLabel(words.summaryCosts)}`);
      expect(await numberAt(words.result, year)).toBeCloseTo(income - costs, 2);
      accumulated += income - costs;
      expect(await numberAt(words.accumulated, year)).toBeCloseTo(accumulated, 2);
    }
    expect(await numberAt(words.costTotal, '2026')).toBe(1_200_000);

    await expectFitsWindow(page);
    // The sheet from its top-left corner, with the labels, years and their modes, as it opens.
    await page.locator('table[role="grid"]').evaluate((grid) => {
      if (grid.parentElement) grid.parentElement.scrollTo({ top: 0, left: 0 });
    });
    const shot = await screenshot(page, `budget-plan-${language}-${width}`);
    if (language === 'sv') {
      mkdirSync(SCREENS, { recursive: true });
      copyFileSync(shot, join(SCREENS, `budget-plan-${width}.png`));
    }
  });

  it('rebuilt with more plan years and a member added: every typed figure where it belongs', async () => {
    const othersBefore = await numberAt(words.groups.others, '2026');
    const member = await opened().site.api('/members', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: `aktor-${language}-${width}`, name: `Aktör ${language} ${width}`, kind: 'actor', feeClass: 'single', joinedOn: '2025-01-01' }),
    });
    expect(member.status, await member.text()).toBe(201);

    await build('5', t.budget.updated(SHEET, '2025–2030', 5));
    expect(await numberAt(words.costCategories.office, '2025')).toBe(4_800_000);
    expect(await numberAt(words.costCategories.rsib, '2026')).toBe(1_200_000);
    expect(await numberAt(words.costCategories.rkk, '2027')).toBe(900_000);
    expect(await numberAt(words.costCategories.training, '2028')).toBe(150_000);
    expect(await valueAt(words.costCategories.rsib, words.note)).toBe('Avtal med Norrtälje');
    expect(await valueAt(words.costCategories.office, '2030')).toBe('');
    // The new member's fee is in its group's income, in every year.
    expect(await numberAt(words.groups.others, '2026')).toBe(othersBefore + SINGLE_FEE);
    expect(await numberAt(words.result, '2030')).toBeCloseTo(await numberAt(words.incomeTotal, '2030'), 2);
    await expectFitsWindow(page);
  });

  it('rebuilt shorter than a typed figure: the old sheet is kept under another name, and the pane says so', async () => {
    const keptAs = t.budget.keptName(SHEET, 1);
    await build('1', t.budget.replaced(SHEET, keptAs));
    await page.getByRole('tab', { name: keptAs }).waitFor();
    // The new sheet has what has a place in it.
    expect(await numberAt(words.costCategories.office, '2025')).toBe(4_800_000);
    expect(await numberAt(words.costCategories.rsib, '2026')).toBe(1_200_000);
    await expectFitsWindow(page);
  });
});
