import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { readPageWeight } from '../addin/scripts/page-weight';
import type { ChunkSet } from '../addin/scripts/page-weight';
import { startAddinServer } from '../addin/scripts/serve';
import { ensureBuilt, launchChromium } from '../test/e2e/browser';

/**
 * The page Excel loads (the built add-in): the gzipped JavaScript Excel downloads before the
 * SSR.* functions are registered, and when the task pane opens; then the time from
 * navigation to the functions registered, in headless Chromium with a stand-in for Office and
 * CustomFunctions that records the association (fresh browser context each time, median of
 * 10). SSR_BENCH_BASELINE_DIST=<a dist folder> measures another build beside it.
 */

const RUNS = 10;
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/**
 * Office as the page sees it inside Excel; associate() marks the moment the twelfth function
 * is registered. Plain script text: the page runs it before its own scripts.
 */
const OFFICE_STAND_IN = `
  const registered = new Set();
  window.Office = {
    onReady: () => Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' }),
    context: { host: 'Excel', displayLanguage: 'sv-SE', requirements: { isSetSupported: () => false } },
  };
  window.CustomFunctions = {
    Error: class extends Error {},
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' },
    associate: (id) => {
      registered.add(id);
      if (registered.size === 12) performance.mark('ssr-functions-registered');
    },
  };
`;

async function registrationMs(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext();
  try {
    // No network here: the CDN's office.js is answered empty, and the stand-in plays Office.
    await context.route(OFFICE_JS, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: '' }));
    // The pane that opens after registration asks the API; it is not part of this figure.
    await context.route('**/api/**', (route) => route.fulfill({ status: 503, contentType: 'application/problem+json', body: '{}' }));
    await context.addInitScript({ content: OFFICE_STAND_IN });
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('ssr-functions-registered').length > 0, undefined, { timeout: 30_000 });
    return await page.evaluate(() => performance.getEntriesByName('ssr-functions-registered')[0]?.startTime ?? Number.NaN);
  } finally {
    await context.close();
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

const kB = (set: ChunkSet) => `${(set.gzipBytes / 1000).toFixed(1)} kB gzipped in ${set.files.length} files`;

async function timeRegistration(browser: Browser, label: string, distDir: string): Promise<void> {
  // The API is not needed to register the functions; /api points at a closed port.
  const server = await startAddinServer({ apiUrl: 'http://127.0.0.1:9/api', https: false, port: 0, dist: true, distDir });
  try {
    const times: number[] = [];
    for (let run = 0; run < RUNS; run += 1) times.push(await registrationMs(browser, `${server.url}/index.html`));
    console.log(
      `${label}: navigation → functions registered, median ${median(times).toFixed(0)} ms (fastest ${Math.min(...times).toFixed(0)} ms, slowest ${Math.max(...times).toFixed(0)} ms, ${RUNS} runs)`,
    );
  } finally {
    await server.close();
  }
}

export async function runPageBench(): Promise<void> {
  ensureBuilt();
  const distDir = join(process.cwd(), 'addin', 'dist');
  const weight = readPageWeight(distDir);
  console.log(`Before SSR.* is registered (entry and its static imports): ${kB(weight.registration)}`);
  console.log(`When the task pane opens in Excel: ${kB(weight.excelPane)}`);
  console.log(`Preview mode, on top of the entry: ${kB(weight.preview)}`);
  console.log(`First sign-in (MSAL), on top of entry and pane: ${kB(weight.signIn)}`);
  const browser = await launchChromium();
  try {
    await timeRegistration(browser, 'this build', distDir);
    const baseline = process.env.SSR_BENCH_BASELINE_DIST;
    if (baseline) await timeRegistration(browser, `baseline ${baseline}`, baseline);
  } finally {
    await browser.close();
  }
}
