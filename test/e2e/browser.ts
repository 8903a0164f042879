import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startAddinServer } from '../../addin/scripts/serve';
import type { AddinServer } from '../../addin/scripts/serve';
import { startStack } from '../support/stack';
import type { Stack, StackOptions } from '../support/stack';

/** Debian's Chromium, driven through playwright-core (no browser download here). */
export const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const ROOT = process.cwd();
const ADDIN = join(ROOT, 'addin');
export const SCREENSHOTS = join(ROOT, 'screenshots');

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: the browser tests need Debian's chromium package (apt-get install chromium).`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

function newestIn(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * The tests run against the built add-in. `npm test` builds first; run on their own, the
 * tests build it when addin/dist is missing or older than the sources it is built from.
 */
export function ensureBuilt(): void {
  const built = join(ADDIN, 'dist', 'index.html');
  const sources = Math.max(newestIn(join(ADDIN, 'src')), newestIn(join(ROOT, 'shared', 'src')), statSync(join(ADDIN, 'index.html')).mtimeMs);
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  process.stdout.write('addin/dist is missing or older than the sources: npm run build -w addin\n');
  execFileSync('npm', ['run', 'build', '-w', 'addin'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
}

export interface Site {
  stack: Stack;
  server: AddinServer;
  /** A request straight to the API, as another user or tool would make it. */
  api(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/** The API on Azurite and the built add-in served in front of it, /api proxied. */
export async function startSite(options: StackOptions = {}): Promise<Site> {
  const stack = await startStack(options);
  try {
    const server = await startAddinServer({ apiUrl: stack.apiUrl, https: false, port: 0, dist: true });
    return {
      stack,
      server,
      api: (path, init) => fetch(`${stack.apiUrl}${path}`, init),
      close: async () => {
        await server.close();
        await stack.stop();
      },
    };
  } catch (error) {
    await stack.stop();
    throw error;
  }
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Open the pane and wait until it answers input. Returns when that was, in ms from the start
 * of navigation (the pane's own performance mark), and when the document was parsed.
 */
export async function openPane(page: Page, url: string): Promise<{ interactiveMs: number; domContentLoadedMs: number }> {
  await page.goto(url);
  await page.getByRole('tab', { name: 'Medlemmar' }).waitFor({ timeout: 30_000 });
  return page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return {
      interactiveMs: performance.getEntriesByName('ssr-pane-interactive')[0]?.startTime ?? Number.NaN,
      domContentLoadedMs: navigation?.domContentLoadedEventEnd ?? Number.NaN,
    };
  });
}

/** The grid cell at an address of the preview workbook's active sheet. */
export function cell(page: Page, address: string) {
  return page.locator(`td[role="gridcell"][data-address="${address}"]`);
}

/** Type into a cell as a person does: select it, type in the formula bar, press Enter. */
export async function typeInCell(page: Page, address: string, text: string): Promise<void> {
  await cell(page, address).click();
  const input = page.getByRole('textbox', { name: `Innehåll i ${address}` });
  await input.fill(text);
  await input.press('Enter');
}

/** Wait until the preview workbook has computed every formula. */
export async function calculated(page: Page): Promise<void> {
  await page.locator('section[data-calculating="false"]').waitFor({ timeout: 30_000 });
}

/** The row number of the cell in column A whose value is `value`. */
export async function rowOf(page: Page, value: string): Promise<number> {
  const address = await page.locator(`td[role="gridcell"][data-value="${value}"][data-address^="A"]`).first().getAttribute('data-address');
  const row = Number(address?.slice(1));
  if (!Number.isInteger(row) || row < 1) throw new Error(`No row with ${value} in column A`);
  return row;
}

/** The built add-in, the dev host and Azurite, and Chromium: what a browser test file runs on. */
export async function openSite(options: StackOptions = {}): Promise<{ site: Site; browser: Browser }> {
  ensureBuilt();
  const browser = await launchChromium();
  try {
    return { site: await startSite(options), browser };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

export async function closeSite(site: Site | undefined, browser: Browser | undefined): Promise<void> {
  await browser?.close();
  await site?.close();
}

/**
 * Nothing of the visible view sticks out of the window sideways: the page does not scroll
 * sideways, and no element of the view reaches past the view's right edge. `what` names the
 * view in a failure.
 */
export async function expectFitsWindow(page: Page, what = ''): Promise<void> {
  const found = await page.evaluate(() => {
    const root = document.documentElement;
    const view = Array.from(document.querySelectorAll('[role="tabpanel"]')).find((element) => !(element as HTMLElement).hidden);
    const right = view?.getBoundingClientRect().right ?? 0;
    const past = Array.from(view?.querySelectorAll('*') ?? [])
      .filter((element) => element.getBoundingClientRect().right > right + 0.5 && element.getClientRects().length > 0)
      .map((element) => `${element.tagName.toLowerCase()} "${(element.textContent ?? '').slice(0, 40)}"`);
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, past: past.slice(0, 5) };
  });
  expect(found.past, what).toEqual([]);
  expect(found.scrollWidth, `${what} ${JSON.stringify(found)}`).toBeLessThanOrEqual(found.clientWidth);
}

/** A page of the site at a width and locale, once the pane shows the tab `tab`; errors on the page are logged. */
export async function openPage(browser: Browser, url: string, options: { width: number; locale: string; tab: string }): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: options.width, height: 900 }, locale: options.locale });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error));
  await page.goto(url);
  await page.getByRole('tab', { name: options.tab }).waitFor({ timeout: 30_000 });
  return page;
}
