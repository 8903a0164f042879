import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../addin/src/i18n/en';
import type { Language, Messages } from '../../addin/src/i18n/messages';
import { sv } from '../../addin/src/i18n/sv';
import type { Site } from './browser';
import { SCREENSHOTS, calculated, cell, ensureBuilt, launchChromium, rowOf, startSite } from './browser';

/*
 * Every view of the pane fits Excel's task pane: at 320 px (and at 1 400 px, where preview mode
 * gives the pane 400 px), in Swedish and English, nothing sticks out past the pane's right edge
 * and the page never scrolls sideways. Each view is visited in the states that draw the most:
 * members loaded into the sheet with a change under review and then in conflict, an SCB file read, a claim listed
 * and its correction form open, the budget and invoice sheets built. The Swedish views at
 * 320 px are saved as screenshots (screenshots/screens/; `npm run screenshots` copies them to docs/).
 */

const CATALOGUES: Record<Language, Messages> = { sv, en };
const WIDTHS = [320, 1400] as const;
const HEIGHT = 900;
const SCREENS = join(SCREENSHOTS, 'screens');

let site: Site;
let browser: Browser;

beforeAll(async () => {
  ensureBuilt();
  browser = await launchChromium();
  site = await startSite();
  // A claim with a long note, so that the reimbursement list has something to lay out.
  const claim = {
    id: 'sodertalje-rkk-2026-fit',
    memberId: 'sodertalje',
    function: 'RKK',
    periodStart: '2026-01-01',
    periodEnd: '2026-06-30',
    amountOre: 123_456_789,
    note: 'Självkostnad enligt kommunens redovisning för första halvåret, med bilagor',
  };
  const response = await site.api('/reimbursements', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(claim) });
  expect(response.status, await response.text()).toBe(201);
});

afterAll(async () => {
  await browser.close();
  await site.close();
});

/** What sticks out at one width: the page's sideways scroll, and the pane's elements past its right edge. */
interface Overflow {
  page: string | undefined;
  elements: string[];
}

/**
 * The pane is the element that holds the tab list (App's root): in Excel it fills the task pane,
 * in preview mode the column beside the workbook. Elements clipped inside an element that hides
 * its overflow do not count; an element of the pane that scrolls sideways does.
 */
function measure(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const pageOverflow = root.scrollWidth > root.clientWidth + 1 ? `the page is ${root.scrollWidth} px wide in a ${root.clientWidth} px window` : undefined;
    const pane = document.getElementById('tab-status')?.closest('[role="tablist"]')?.parentElement;
    if (!pane) return { page: pageOverflow, elements: ['no pane (no tab list) on the page'] };
    const edge = pane.getBoundingClientRect().right;
    const name = (element: Element): string => {
      const tag = element.tagName.toLowerCase();
      const id = element.id ? `#${element.id}` : '';
      const fluent = [...element.classList].find((token) => token.startsWith('fui-'));
      const role = element.getAttribute('role');
      const label = element.getAttribute('aria-label');
      const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50);
      const panel = element.closest('[role="tabpanel"]')?.id;
      return `${tag}${id}${fluent ? `.${fluent}` : ''}${role ? `[role=${role}]` : ''}${label ? ` "${label}"` : text ? ` "${text}"` : ''}${panel ? ` in #${panel}` : ' in the shell'}`;
    };
    const clipped = (element: Element): boolean => {
      for (let up = element.parentElement; up && up !== pane; up = up.parentElement) {
        if (getComputedStyle(up).overflowX !== 'visible' && up.getBoundingClientRect().right <= edge + 1) return true;
      }
      return false;
    };
    const out = new Set<Element>();
    const found: string[] = [];
    for (const element of pane.querySelectorAll('*')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden') continue;
      const scrolls = ['auto', 'scroll'].includes(style.overflowX) && element.scrollWidth > element.clientWidth + 1 && !['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName);
      if (scrolls && !clipped(element)) found.push(`${name(element)} scrolls sideways (${element.scrollWidth} px of content in ${element.clientWidth} px)`);
      // Content wider than its own box spills over what is beside it (a table cell's text into the next cell).
      const spills =
        style.overflowX === 'visible' && !style.display.startsWith('inline') && element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1;
      if (spills && !clipped(element) && !(element.parentElement && out.has(element.parentElement))) {
        out.add(element);
        found.push(`${name(element)} has content ${element.scrollWidth - element.clientWidth} px wider than itself, over what is beside it`);
      }
      if (box.right > edge + 1 && !clipped(element)) {
        // The outermost element that sticks out names the problem; its children follow it.
        if (!(element.parentElement && out.has(element.parentElement))) found.push(`${name(element)} sticks out ${Math.round(box.right - edge)} px`);
        out.add(element);
      }
    }
    return { page: pageOverflow, elements: found };
  });
}

describe.each(['sv', 'en'] as const)('the pane fits at 320 and 1 400 px (%s)', (language) => {
  const t = CATALOGUES[language];
  let context: BrowserContext;
  let page: Page;
  const pageOverflows: string[] = [];

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: WIDTHS[0], height: HEIGHT }, locale: language === 'sv' ? 'sv-SE' : 'en-GB' });
    page = await context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error));
    await page.goto(`${site.server.url}/${language === 'en' ? '?lang=en' : ''}`);
    await page.locator('#tab-members').waitFor({ timeout: 30_000 });
  });

  afterAll(async () => {
    await context.close();
  });

  const panel = (view: string): Locator => page.locator(`#panel-${view}`);

  async function show(view: string): Promise<void> {
    await page.locator(`#tab-${view}`).click();
    await panel(view).waitFor();
  }

  /** Until the view's work is done: no progress bar in it, every formula computed. */
  async function settled(view: string): Promise<void> {
    await panel(view).locator('[role="progressbar"]').first().waitFor({ state: 'detached', timeout: 30_000 });
    await calculated(page);
  }

  /** The view (in its current state) at each width; the Swedish one at 320 px saved as a screenshot. */
  async function fits(view: string, state: string): Promise<void> {
    const problems: string[] = [];
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: HEIGHT });
      // Two frames for the layout after the resize; then until the tab indicator's slide to the chosen tab has ended.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      await page.waitForFunction(
        () =>
          document
            .getAnimations()
            .filter((animation) => animation.effect instanceof KeyframeEffect && animation.effect.target?.closest('[role="tablist"]'))
            .every((animation) => animation.playState !== 'running'),
        undefined,
        { timeout: 10_000 },
      );
      const { page: wide, elements } = await measure(page);
      if (wide) pageOverflows.push(`${state} at ${width} px: ${wide}`);
      problems.push(...elements.map((element) => `${width} px: ${element}`));
      if (width === 320 && language === 'sv') {
        mkdirSync(SCREENS, { recursive: true });
        await page.locator('[role="tablist"]:has(#tab-status)').locator('xpath=..').screenshot({ path: join(SCREENS, `${state}-320.png`) });
      }
    }
    await page.setViewportSize({ width: WIDTHS[0], height: HEIGHT });
    expect(problems, `${state} (${language}): elements of the pane past its right edge`).toEqual([]);
  }

  it('Status', async () => {
    await show('status');
    await panel('status').getByRole('table').waitFor();
    await settled('status');
    await fits('status', 'status');
  });

  it('Members, loaded into the sheet', async () => {
    await show('members');
    await panel('members').getByRole('button', { name: t.members.load }).click();
    await page.locator('td[role="gridcell"][data-value="nacka"]').waitFor({ timeout: 30_000 });
    await settled('members');
    await fits('members', 'members');
  });

  it('Members, a change under review', async () => {
    // Typed where the workbook has room (how preview mode stacks it at 320 px is the layout's own test).
    await page.setViewportSize({ width: WIDTHS[1], height: HEIGHT });
    const address = `B${await rowOf(page, 'nacka')}`;
    await cell(page, address).click();
    const input = page.getByRole('textbox', { name: t.preview.content(address) });
    await input.fill(language === 'sv' ? 'Nacka kommun' : 'Nacka municipality');
    await input.press('Enter');
    await panel('members').getByRole('button', { name: t.members.review }).click();
    await panel('members').getByRole('table', { name: t.members.reviewTable }).waitFor({ timeout: 30_000 });
    await fits('members', 'members-review');
  });

  it('Members, a colleague changed the same member: the conflict card', async () => {
    // The colleague changes the very field under review, so that saving it is a conflict.
    const current = (await (await site.api('/members/nacka')).json()) as { etag: string };
    const theirs = await site.api('/members/nacka', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'If-Match': current.etag },
      body: JSON.stringify({ ...current, name: language === 'sv' ? 'Nacka (ändrad av en kollega)' : 'Nacka (changed by a colleague)' }),
    });
    expect(theirs.status).toBe(200);
    await panel('members').getByRole('button', { name: t.members.save(1) }).click();
    // The card is named after the member; whichever name it shows, the rest of its heading is the catalogue's.
    const [before = '', after = ''] = t.members.conflictHeading('\u0000').split('\u0000');
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await panel('members')
      .getByRole('region', { name: new RegExp(`^${escape(before)}.+${escape(after)}$`) })
      .first()
      .waitFor({ timeout: 30_000 });
    await settled('members');
    await fits('members', 'members-conflict');
  });

  it('Populations, an SCB file read', async () => {
    await show('populations');
    await panel('populations').getByLabel(t.populations.file).setInputFiles(join(process.cwd(), 'test', 'fixtures', 'scb', 'stockholm-2023-2024-comma-bom.csv'));
    await panel('populations').getByRole('region', { name: 'stockholm-2023-2024-comma-bom.csv' }).getByRole('table').first().waitFor({ timeout: 30_000 });
    await settled('populations');
    await fits('populations', 'populations');
  });

  it('Fee rules', async () => {
    await show('feeRules');
    await panel('feeRules').getByRole('article').first().waitFor({ timeout: 30_000 });
    // Every folded list of approvers and pending parties open: the longest lines must fit too.
    await panel('feeRules').locator('details').evaluateAll((folds) => folds.forEach((fold) => fold.setAttribute('open', '')));
    await settled('feeRules');
    await fits('feeRules', 'fee-rules');
  });

  it('Reimbursements, a claim listed and its correction open', async () => {
    await show('reimbursements');
    const list = panel('reimbursements').getByRole('list', { name: t.reimbursements.listHeading });
    await list.waitFor({ timeout: 30_000 });
    await list.getByRole('button', { name: new RegExp(`^${t.reimbursements.correct}`) }).first().click();
    await panel('reimbursements').getByRole('region', { name: t.reimbursements.correctHeading }).waitFor();
    await fits('reimbursements', 'reimbursements');
  });

  it('Budget, the sheet built', async () => {
    await show('budget');
    await panel('budget').getByRole('button', { name: t.budget.create }).click();
    await settled('budget');
    await fits('budget', 'budget');
  });

  it('Invoices, the sheet built', async () => {
    await show('invoices');
    await panel('invoices').getByRole('button', { name: t.invoices.createSheet }).click();
    await settled('invoices');
    await fits('invoices', 'invoices');
  });

  it('the page never scrolls sideways, in any view', () => {
    expect(pageOverflows).toEqual([]);
  });
});
