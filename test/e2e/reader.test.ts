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
  it('cannot save changes to the register, and the pane says why', async () => {
    await page.getByRole('tab', { name: 'Medlemmar' }).click();
    await page.getByRole('button', { name: 'Läs in medlemmar till bladet' }).click();
    await page.getByText('37 medlemmar är inlästa till bladet "SSR Medlemmar".').waitFor({ timeout: 30_000 });
    await typeInCell(page, `B${await rowOf(page, 'nacka')}`, 'Nacka kommun');
    await page.getByRole('button', { name: 'Granska ändringar' }).click();
    const save = page.getByRole('button', { name: 'Spara 1 ändring' });
    await save.waitFor();

    const health = (await (await site.api('/health')).json()) as { role?: unknown; user?: { roles?: unknown } };
    if (health.role !== undefined || health.user?.roles !== undefined) {
      // The API says who the user is: the pane knows before anything is sent.
      expect(await save.isDisabled()).toBe(true);
      await page.getByText('Du har rollen läsare och kan inte spara här.', { exact: false }).first().waitFor();
    } else {
      // The API does not say: the attempt is refused, and the pane passes on why.
      await save.click();
      const bar = page.getByRole('group', { name: 'Behörighet saknas' });
      await bar.waitFor({ timeout: 30_000 });
      expect(await bar.innerText()).toMatch(/kräver rollen redigerare/);
      expect(await bar.innerText()).toContain('Be en administratör om en roll som får göra detta.');
    }
    await screenshot(page, 'reader');
    const stored = (await (await site.api('/members/nacka')).json()) as { name: string };
    expect(stored.name).toBe('Nacka');
  });
});
