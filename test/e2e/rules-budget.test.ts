import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Site } from './browser';
import { ensureBuilt, expectFitsWindow, launchChromium, openPage, screenshot, startSite } from './browser';

/*
 * The fee-rule and budget views in Chromium, at Excel's task-pane width (320 px) and on a wide
 * screen, in Swedish and in English: who approved a version and who is pending, a budget with
 * the draft standing in from its year, and nothing wider than the window.
 */

let site: Site;
let browser: Browser;

beforeAll(async () => {
  ensureBuilt();
  browser = await launchChromium();
  site = await startSite();
  // A draft out for approval: Nacka has approved it, 36 parties are pending.
  const created = await site.api('/fee-rules', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      id: 'avgifter-2026',
      effectiveFrom: 2026,
      perInhabitantOre: 175,
      singleFeeOre: 28_000_000,
      doubleFeeOre: 56_000_000,
      populationYearOffset: 1,
      approvals: [{ memberId: 'nacka', approvedOn: '2025-09-22', reference: 'KF 2025-09-22 § 12' }],
    }),
  });
  expect(created.status).toBe(201);
});

afterAll(async () => {
  await browser.close();
  await site.close();
});

const WORDS = {
  sv: {
    locale: 'sv-SE',
    query: '',
    feeRulesTab: 'Avgiftsregler',
    budgetTab: 'Budget',
    populationsTab: 'Befolkning',
    approvedBy: 'Har godkänt (37)',
    adoptedNacka: 'Nacka 5 jul 2024, Överenskommelse om en gemensam plattform för regional samverkan (2024)',
    draftNacka: 'Nacka 22 sep 2025, KF 2025-09-22 § 12',
    pending: 'Väntar på 36 parter',
    year: 'Budgetår',
    proposal: 'Räkna med ett förslag till avgiftsregel',
    from: 'Förslaget från år',
    create: 'Skapa budgetblad',
    created: 'Bladet "SSR budget 2025" är skapat för 2025–2028.',
    proposalRow: 'Resultat med förslaget avgifter-2026',
    inForceRow: 'Resultat med gällande avgiftsregel',
  },
  en: {
    locale: 'en-GB',
    query: '?lang=en',
    feeRulesTab: 'Fee rules',
    budgetTab: 'Budget',
    populationsTab: 'Population',
    approvedBy: 'Approved by (37)',
    adoptedNacka: 'Nacka 5 Jul 2024, Överenskommelse om en gemensam plattform för regional samverkan (2024)',
    draftNacka: 'Nacka 22 Sep 2025, KF 2025-09-22 § 12',
    pending: 'Waiting for 36 parties',
    year: 'Budget year',
    proposal: 'Compute with a fee rule proposal',
    from: 'The proposal from year',
    create: 'Create budget sheet',
    created: 'The sheet "SSR budget 2025" has been created for 2025–2028.',
    proposalRow: 'Result with the proposal avgifter-2026',
    inForceRow: 'Result under the rule in force',
  },
} as const;

describe.each([
  ['sv', 320],
  ['sv', 1400],
  ['en', 320],
  ['en', 1400],
] as const)('fee rules and budget (%s, %i px)', (language, width) => {
  const words = WORDS[language];
  let page: Page;

  beforeAll(async () => {
    page = await openPage(browser, `${site.server.url}${words.query}`, { width, locale: words.locale, tab: words.feeRulesTab });
  });

  afterAll(async () => {
    await page.context().close();
  });

  it('the fee-rule view names who approved each version, with date and reference, and who is pending', async () => {
    await page.getByRole('tab', { name: words.feeRulesTab }).click();
    const view = page.getByRole('tabpanel', { name: words.feeRulesTab });
    const adopted = view.getByRole('article', { name: 'avgifter-2024' });
    await adopted.waitFor({ timeout: 30_000 });
    await adopted.getByText(words.approvedBy, { exact: true }).click();
    const approvers = adopted.getByRole('list', { name: words.approvedBy });
    await approvers.getByRole('listitem').filter({ hasText: 'Trafikverket' }).waitFor();
    expect(await approvers.getByRole('listitem').count()).toBe(37);
    expect((await approvers.getByRole('listitem').filter({ hasText: 'Nacka' }).innerText()).replace(/\s+/g, ' ')).toBe(words.adoptedNacka);

    const draft = view.getByRole('article', { name: 'avgifter-2026' });
    expect((await draft.getByRole('listitem').filter({ hasText: 'Nacka' }).innerText()).replace(/\s+/g, ' ')).toBe(words.draftNacka);
    await draft.getByText(words.pending, { exact: true }).click();
    const pending = draft.getByRole('list', { name: words.pending });
    await pending.getByRole('listitem').filter({ hasText: 'Botkyrka' }).waitFor();
    expect(await pending.getByRole('listitem').count()).toBe(36);
    await expectFitsWindow(page, words.feeRulesTab);
    await screenshot(page, `fee-rules-${language}-${width}`);
  });

  it('the budget view builds the plan with the draft standing in from its year, the rule in force beside it, and fits', async () => {
    await page.getByRole('tab', { name: words.budgetTab }).click();
    const view = page.getByRole('tabpanel', { name: words.budgetTab });
    await view.getByRole('textbox', { name: words.year, exact: true }).fill('2025');
    await view.getByRole('combobox', { name: words.proposal }).selectOption('avgifter-2026');
    expect(await view.getByRole('combobox', { name: words.from }).inputValue()).toBe('2026');
    await view.getByRole('button', { name: words.create }).click();
    await view.getByText(words.created).waitFor({ timeout: 30_000 });
    await page.locator(`td[role="gridcell"][data-value="${words.proposalRow}"]`).waitFor();
    await page.locator(`td[role="gridcell"][data-value="${words.inForceRow}"]`).waitFor();
    expect(await page.locator('td[role="gridcell"][data-value="avgifter-2026"]').count()).toBe(3);
    await expectFitsWindow(page, words.budgetTab);
    await screenshot(page, `budget-proposal-${language}-${width}`);
  });
});
