import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeeImpact, ImpactGroup } from '@ssr/shared';
import { IMPACT_GROUPS, feeImpact, impactMode, snapshotViewSchema } from '@ssr/shared';
import { en } from '../../addin/src/i18n/en';
import type { Messages } from '../../addin/src/i18n/messages';
import { sv } from '../../addin/src/i18n/sv';
import type { Site } from './browser';
import { SCREENSHOTS, calculated, cell, ensureBuilt, expectFitsWindow, launchChromium, openPage, screenshot, startSite } from './browser';

/*
 * A draft fee-rule version's impact in Chromium, in preview mode: the worked proposal (2027,
 * 1,75 kr per inhabitant, 300 000 / 600 000 kr) opened for 2027, Nacka's fee in force, the
 * proposal and the difference, and the overall total, against the engine's figures from the
 * same register; in Swedish and English, at 320 and 1 400 px, nothing wider than the window.
 * The Swedish view is saved at both widths (screenshots/screens/impact-<width>.png).
 * Then its sheet: built from the view, in the preview workbook, with live SSR formulas whose
 * figures, totals and check row agree with the engine, and a chart of both versions; the
 * Swedish sheet at 1 400 px is saved for the docs (screenshots/screens/impact-sheet-1400.png).
 */

const PROPOSAL = { id: 'avgifter-2027', effectiveFrom: 2027, perInhabitantOre: 175, singleFeeOre: 30_000_000, doubleFeeOre: 60_000_000, populationYearOffset: 1, approvals: [] };

let site: Site;
let browser: Browser;
/** The engine's impact, computed from the register the test's API serves. */
let expected: FeeImpact;

beforeAll(async () => {
  ensureBuilt();
  browser = await launchChromium();
  site = await startSite();
  const created = await site.api('/fee-rules', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(PROPOSAL) });
  expect(created.status, await created.text()).toBe(201);
  const snapshot = snapshotViewSchema.parse(await (await site.api('/snapshot')).json());
  const mode = impactMode(snapshot, 2027, PROPOSAL.id);
  // No municipality has a figure of 31 Dec 2026 in the seed register: the impact is an estimate.
  expect(mode.ok && mode.value.mode).toBe('estimate');
  const impact = feeImpact(snapshot, 2027, 'estimate', PROPOSAL.id);
  if (!impact.ok) throw new Error(impact.error.message);
  expected = impact.value;
}, 180_000);

afterAll(async () => {
  await browser.close();
  await site.close();
});

const CATALOGUES: Record<'sv' | 'en', Messages> = { sv, en };
/** Where the docs' screenshots are saved, as the fit test saves its own (`npm run screenshots` copies them). */
const SCREENS = join(SCREENSHOTS, 'screens');

const WORDS = {
  sv: {
    locale: 'sv-SE',
    query: '',
    tab: 'Avgiftsregler',
    open: 'Konsekvens',
    region: 'Konsekvens 2027',
    year: 'Avgiftsår',
    mode: 'Uppskattning: folkmängd saknas för 31 dec 2026; senaste kända siffra används.',
    nacka: 'Nacka Gäller nu 168 168,00 kr Förslag 196 196,00 kr Skillnad +28 028,00 kr (+16,7 %) 1,75 kr × 112 112 inv. (31 dec 2026; uppskattad med 31 dec 2024)',
    total: 'Totalt alla parter',
    sheet: 'Skapa konsekvensblad',
    sheetName: 'Konsekvens avgifter-2027 2027',
    created: (n: number) => `Bladet "Konsekvens avgifter-2027 2027" är skapat med ${n} medlemmar och levande formler.`,
    numbers: 'sv-SE',
    // Nacka's row as Swedish Excel shows it: in force, proposal, difference, percent.
    nackaCells: ['Nacka', 'Mitt', '168 168,00 kr', '196 196,00 kr (förslag)', '28 028,00 kr', '16,7 %'],
    proposalUnit: 'kr (förslag)',
    heads: ['Avgiftsår', '2027', 'Beräkning', 'uppskattning', 'Förslag', 'avgifter-2027'],
    // The formula bar writes Swedish Excel's names and separators.
    formula: '=SSR.AVGIFT("nacka";$C$3;$C$4;$C$5)',
    // The check reads every group in the sheet's language.
    check: '=SSR.TOTAL($C$3,"alla",$C$4,$C$5)',
  },
  en: {
    locale: 'en-GB',
    query: '?lang=en',
    tab: 'Fee rules',
    open: 'Impact',
    region: 'Impact 2027',
    year: 'Fee year',
    mode: 'Estimate: the population on 31 Dec 2026 is missing; the latest known figure is used.',
    nacka: 'Nacka In force SEK 168,168.00 Proposal SEK 196,196.00 Difference +SEK 28,028.00 (+16.7%) SEK 1.75 × 112,112 inhabitants (31 Dec 2026; estimated from 31 Dec 2024)',
    total: 'Total, all parties',
    sheet: 'Create impact sheet',
    sheetName: 'Impact avgifter-2027 2027',
    created: (n: number) => `The sheet "Impact avgifter-2027 2027" has been created with ${n} members and live formulas.`,
    numbers: 'en-US',
    nackaCells: ['Nacka', 'Mitt', '168,168.00 kr', '196,196.00 kr (proposal)', '28,028.00 kr', '16.7 %'],
    proposalUnit: 'kr (proposal)',
    heads: ['Fee year', '2027', 'Calculation', 'estimate', 'Proposal', 'avgifter-2027'],
    formula: '=SSR.FEE("nacka",$C$3,$C$4,$C$5)',
    check: '=SSR.TOTAL($C$3,"all",$C$4,$C$5)',
  },
} as const;

const squash = (value: string) => value.replace(/\s+/g, ' ').trim();

async function read(locator: Locator): Promise<string> {
  return squash(await locator.innerText());
}

/** A grid cell's text as shown, its spaces (no-break ones included) as plain spaces. */
async function shown(page: Page, address: string): Promise<string> {
  return (await cell(page, address).innerText()).replace(/\s/g, ' ').trim();
}

/** A grid cell's number as computed (kronor), in öre. */
async function oreAt(page: Page, address: string): Promise<number> {
  return Math.round(Number(await cell(page, address).getAttribute('data-value')) * 100);
}

/** The sheet row numbers whose column B holds `value`, top to bottom. */
async function rowsWith(page: Page, value: string): Promise<number[]> {
  const addresses = await page.locator(`td[role="gridcell"][data-value="${value}"]`).evaluateAll((cells) => cells.map((each) => each.getAttribute('data-address') ?? ''));
  return addresses.filter((address) => /^B\d+$/.test(address)).map((address) => Number(address.slice(1)));
}

async function rowWith(page: Page, value: string): Promise<number> {
  const [row, ...more] = await rowsWith(page, value);
  if (row === undefined || more.length > 0) throw new Error(`Expected one row with ${value} in column B, found ${[row, ...more].join(', ')}`);
  return row;
}

describe.each([
  ['sv', 320],
  ['sv', 1400],
  ['en', 320],
  ['en', 1400],
] as const)('a draft’s impact (%s, %i px)', (language, width) => {
  const words = WORDS[language];
  const t = CATALOGUES[language].feeRules.impact;
  let page: Page;

  beforeAll(async () => {
    page = await openPage(browser, `${site.server.url}${words.query}`, { width, locale: words.locale, tab: words.tab });
  });

  afterAll(async () => {
    await page.context().close();
  });

  it('opens Konsekvens on the draft for 2027 and shows the engine’s figures for Nacka and in total, marked as a proposal, and fits', async () => {
    await page.getByRole('tab', { name: words.tab }).click();
    const view = page.getByRole('tabpanel', { name: words.tab });
    const draft = view.getByRole('article', { name: PROPOSAL.id });
    await draft.waitFor({ timeout: 30_000 });
    await draft.getByRole('button', { name: words.open }).click();
    const year = draft.getByRole('textbox', { name: words.year });
    await year.fill('2027');
    const impact = draft.getByRole('region', { name: words.region });
    await impact.getByText(words.mode, { exact: true }).waitFor({ timeout: 30_000 });

    const nacka = impact.getByRole('listitem').filter({ has: page.getByText('Nacka', { exact: true }) });
    expect(await read(nacka)).toBe(words.nacka);
    const line = expected.lines.find((candidate) => candidate.memberId === 'nacka');
    expect(line?.inForceOre).toBe(150 * 112_112);
    expect(line?.proposalOre).toBe(175 * 112_112);
    expect(line?.differenceOre).toBe(2_802_800);

    const { all } = expected.totals;
    const total = impact.getByRole('group', { name: words.total });
    expect(await read(total)).toBe(
      squash(
        `${words.total} ${t.inForce} ${t.money(all.inForceOre)} ${t.proposal} ${t.money(all.proposalOre)} ${t.difference} ${t.signedMoney(all.differenceOre)} (${t.signedPercent(all.differencePercent ?? 0)})`,
      ),
    );
    // The proposal is marked as one, and the sheet's button waits beside it.
    await impact.getByText(t.proposalBadge, { exact: true }).first().waitFor();
    await impact.getByRole('button', { name: words.sheet }).waitFor();

    await expectFitsWindow(page);
    if (language === 'sv') {
      // The docs show the view as it opens: its heading, the mode, the total and the first group.
      await impact.evaluate((element) => element.scrollIntoView({ block: 'start' }));
      mkdirSync(SCREENS, { recursive: true });
      await page.screenshot({ path: join(SCREENS, `impact-${width}.png`) });
    } else {
      await screenshot(page, `impact-${language}-${width}`);
    }
  });

  it('creates the impact sheet: live formulas in the preview whose figures, totals and check agree with the engine, a chart of both versions, and fits', async () => {
    const s = CATALOGUES[language].impactSheet;
    const view = page.getByRole('tabpanel', { name: words.tab });
    const impact = view.getByRole('article', { name: PROPOSAL.id }).getByRole('region', { name: words.region });
    await impact.getByRole('button', { name: words.sheet }).click();
    // What the pane says is what was built: a new sheet, a row per member of the year.
    await impact.getByText(words.created(expected.lines.length), { exact: true }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole('tab', { name: words.sheetName }).getAttribute('aria-selected')).toBe('true');
    await calculated(page);

    // The head the formulas read: year, mode and proposal, in the sheet's language.
    expect([await shown(page, 'B3'), await shown(page, 'C3'), await shown(page, 'B4'), await shown(page, 'C4'), await shown(page, 'B5'), await shown(page, 'C5')]).toEqual(words.heads);

    // Nacka's row as Excel shows it, and the numbers behind it are the engine's.
    const nacka = await rowWith(page, 'Nacka');
    const columns = ['B', 'C', 'D', 'E', 'F', 'G'] as const;
    expect(await Promise.all(columns.map((column) => shown(page, `${column}${nacka}`)))).toEqual(words.nackaCells);
    const line = expected.lines.find((candidate) => candidate.memberId === 'nacka');
    expect(await oreAt(page, `D${nacka}`)).toBe(line?.inForceOre);
    expect(await oreAt(page, `E${nacka}`)).toBe(line?.proposalOre);
    expect(await oreAt(page, `F${nacka}`)).toBe(line?.differenceOre);
    expect(Number(await cell(page, `G${nacka}`).getAttribute('data-value')) * 100).toBeCloseTo(line?.differencePercent ?? Number.NaN, 9);

    // Its proposal is a live formula under the draft: the invariant one stored, the local one in the bar.
    expect(await cell(page, `E${nacka}`).getAttribute('data-formula')).toBe('=SSR.FEE("nacka",$C$3,$C$4,$C$5)');
    await cell(page, `E${nacka}`).click();
    expect(await page.getByRole('textbox', { name: CATALOGUES[language].preview.content(`E${nacka}`) }).inputValue()).toBe(words.formula);

    // Every group's subtotal, the total and the check under SSR.TOTAL agree with the engine's totals.
    const money = new Intl.NumberFormat(words.numbers, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const kronor = (ore: number, unit: string) => `${money.format(ore / 100)} ${unit}`.replace(/\s/g, ' ');
    const subtotals = await rowsWith(page, s.subtotal);
    const groups = await Promise.all(subtotals.map((row) => cell(page, `C${row}`).getAttribute('data-value')));
    const present = IMPACT_GROUPS.filter((group) => expected.lines.some((each) => each.group === group));
    const label = (group: ImpactGroup) => (group === 'others' ? s.others : group);
    expect(groups).toEqual(present.map(label));
    for (const [index, group] of present.entries()) {
      const row = subtotals[index] ?? 0;
      expect([await oreAt(page, `D${row}`), await oreAt(page, `E${row}`), await oreAt(page, `F${row}`)], group).toEqual([
        expected.totals[group].inForceOre,
        expected.totals[group].proposalOre,
        expected.totals[group].differenceOre,
      ]);
    }
    const { all } = expected.totals;
    for (const row of [await rowWith(page, s.total), await rowWith(page, s.check)]) {
      expect([await oreAt(page, `D${row}`), await oreAt(page, `E${row}`), await oreAt(page, `F${row}`)]).toEqual([all.inForceOre, all.proposalOre, all.differenceOre]);
      expect(await shown(page, `D${row}`)).toBe(kronor(all.inForceOre, 'kr'));
      expect(await shown(page, `E${row}`)).toBe(kronor(all.proposalOre, words.proposalUnit));
    }
    expect(await cell(page, `E${await rowWith(page, s.check)}`).getAttribute('data-formula')).toBe(words.check);
    // Subtotals add by the group column, so sorting the member rows keeps them right.
    expect(await cell(page, `D${subtotals[0] ?? 0}`).getAttribute('data-formula')).toMatch(/^=SUMIF\(\$C\$\d+:\$C\$\d+,"Norr",D\$\d+:D\$\d+\)$/);

    // The chart compares the two versions per group, each series named.
    const chart = page.getByRole('img', { name: s.chartTitle(PROPOSAL.id, 2027) });
    await chart.waitFor();
    await chart.getByText(s.inForce, { exact: true }).waitFor();
    await chart.getByText(s.proposal(PROPOSAL.id), { exact: true }).waitFor();
    await chart.getByText('Mitt', { exact: true }).waitFor();

    await expectFitsWindow(page);
    if (language === 'sv' && width === 1400) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(SCREENS, 'impact-sheet-1400.png') });
    } else {
      await screenshot(page, `impact-sheet-${language}-${width}`);
    }
  });
});
