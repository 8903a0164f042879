import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Site } from './browser';
import { ensureBuilt, launchChromium, openPane, rowOf, screenshot, startSite, typeInCell } from './browser';

/* A user with the reader role, in Chromium against the built add-in and the API. */

let site: Site;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ensureBuilt();
  browser = await launchChromium();
  site = await startSite({ devRole: 'reader', devUser: 'Läsaren' });
  page = await browser.newPage({ viewport: { width: 1440, height: 960 }, locale: 'sv-SE' });
  page.on('pageerror', (error) => console.error('page error:', error));
  await openPane(page, site.server.url);
});

afterAll(async () => {
  await browser.close();
  await site.close();
});

describe('a reader in the task pane', () => {
  it('is told why Save is disabled before any save is attempted, and nothing is written', async () => {
    // Every request that could change something, as the browser sends it.
    const writes: string[] = [];
    page.on('request', (request) => {
      if (request.method() !== 'GET' && new URL(request.url()).pathname.startsWith('/api/')) writes.push(`${request.method()} ${request.url()}`);
    });
    const before = (await (await site.api('/members/nacka')).json()) as { name: string; etag: string };

    const status = page.getByRole('table', { name: 'Status' });
    await status.getByText('Läsaren', { exact: true }).waitFor({ timeout: 30_000 });
    await status.getByText('Läsare', { exact: true }).waitFor();

    await page.getByRole('tab', { name: 'Medlemmar' }).click();
    await page.getByRole('button', { name: 'Läs in medlemmar till bladet' }).click();
    await page.getByText('37 medlemmar är inlästa till bladet "SSR Medlemmar".').waitFor({ timeout: 30_000 });
    await typeInCell(page, `B${await rowOf(page, 'nacka')}`, 'Nacka kommun');
    await page.getByRole('button', { name: 'Granska ändringar' }).click();
    const save = page.getByRole('button', { name: 'Spara 1 ändring' });
    await save.waitFor();

    // Before any attempt: the button is disabled and the reason stands beside it, as its description.
    expect(await save.isDisabled()).toBe(true);
    const reasonId = await save.getAttribute('aria-describedby');
    expect(reasonId).toBeTruthy();
    const reason = page.locator(`[id="${reasonId ?? ''}"]`);
    expect(await reason.innerText()).toBe('Du har rollen läsare och kan inte spara här. Be en administratör om rollen redigerare om du behöver ändra uppgifterna.');
    expect(await reason.isVisible()).toBe(true);
    expect(await page.getByRole('group', { name: 'Behörighet saknas' }).count()).toBe(0);
    await screenshot(page, 'reader');

    expect(writes).toEqual([]);
    expect(await (await site.api('/members/nacka')).json()).toEqual(before);
  });
});
