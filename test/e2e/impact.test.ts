import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeeImpact } from '@ssr/shared';
import { feeImpact, impactMode, snapshotViewSchema } from '@ssr/shared';
import { en } from '../../addin/src/i18n/en';
import type { Messages } from '../../addin/src/i18n/messages';
import { sv } from '../../addin/src/i18n/sv';
import type { Site } from './browser';
import { SCREENSHOTS, ensureBuilt, launchChromium, screenshot, startSite } from './browser';

/*
 * A draft fee-rule version's impact in Chromium, in preview mode: the worked proposal (2027,
 * 1,75 kr per inhabitant, 300 000 / 600 000 kr) opened for 2027, Nacka's fee in force, the
 * proposal and the difference, and the overall total, against the engine's figures from the
 * same register; in Swedish and English, at 320 and 1 400 px, nothing wider than the window.
 * The Swedish view is saved at both widths (screenshots/screens/impact-<width>.png).
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
  },
} as const;

const squash = (value: string) => value.replace(/\s+/g, ' ').trim();

async function read(locator: Locator): Promise<string> {
  return squash(await locator.innerText());
}

/** What sticks out of the window sideways: the page's own overflow, and the view's elements past its right edge. */
async function expectNoOverflow(page: Page): Promise<void> {
  const found = await page.evaluate(() => {
    const root = document.documentElement;
    const view = Array.from(document.querySelectorAll('[role="tabpanel"]')).find((element) => !(element as HTMLElement).hidden);
    const right = view?.getBoundingClientRect().right ?? 0;
    const past = Array.from(view?.querySelectorAll('*') ?? [])
      .filter((element) => element.getBoundingClientRect().right > right + 0.5 && element.getClientRects().length > 0)
      .map((element) => `${element.tagName.toLowerCase()} "${(element.textContent ?? '').slice(0, 40)}"`);
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, past: past.slice(0, 5) };
  });
  expect(found.past).toEqual([]);
  expect(found.scrollWidth, JSON.stringify(found)).toBeLessThanOrEqual(found.clientWidth);
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
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: words.locale });
    page = await context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error));
    await page.goto(`${site.server.url}${words.query}`);
    await page.getByRole('tab', { name: words.tab }).waitFor({ timeout: 30_000 });
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

    await expectNoOverflow(page);
    if (language === 'sv') {
      // The docs show the view as it opens: its heading, the mode, the total and the first group.
      await impact.evaluate((element) => element.scrollIntoView({ block: 'start' }));
      mkdirSync(SCREENS, { recursive: true });
      await page.screenshot({ path: join(SCREENS, `impact-${width}.png`) });
    } else {
      await screenshot(page, `impact-${language}-${width}`);
    }
  });
});

