import { mkdtemp, rm } from 'node:fs/promises';
import { get } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { devCertificates } from '../../../addin/scripts/certs';
import { generateMetadata } from '../../../addin/scripts/metadata/generate';
import { sideloadInstructions, startAddinServer } from '../../../addin/scripts/serve';
import type { AddinServer } from '../../../addin/scripts/serve';
import { addinViteConfig } from '../../../addin/scripts/vite-config';
import { startStack } from '../../support/stack';
import type { Stack } from '../../support/stack';
import { excel, installCustomFunctionsStandIn, useFunctions } from './support';

// The add-in server: the page, functions.json and functions.js, and /api proxied to the API
// on one origin, as Excel sees it. The functions are called through that proxy here.

let stack: Stack;
let distDir: string;
let metadata: Awaited<ReturnType<typeof generateMetadata>>;

beforeAll(async () => {
  installCustomFunctionsStandIn();
  stack = await startStack();
  distDir = await mkdtemp(join(tmpdir(), 'ssr-addin-dist-'));
  const config = addinViteConfig({ publicUrl: undefined, apiUrl: undefined });
  await build({ ...config, configFile: false, logLevel: 'silent', mode: 'production', build: { ...config.build, outDir: distDir, emptyOutDir: true } });
  metadata = await generateMetadata();
}, 120_000);

afterAll(async () => {
  await stack.stop();
  await rm(distDir, { recursive: true, force: true });
});

describe.each([
  ['the Vite dev server', false],
  ['the built add-in', true],
])('%s over http on a free port', (_, dist) => {
  let server: AddinServer;

  beforeAll(async () => {
    server = await startAddinServer({ apiUrl: stack.apiUrl, https: false, port: 0, dist, distDir });
  });

  afterAll(async () => {
    await server.close();
  });

  test('serves the page with the task pane root and Office.js', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const page = await fetch(`${server.url}/index.html`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<div id="root"></div>');
    expect(html).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
  });

  test('serves the metadata generated from the JSDoc, and functions.js', async () => {
    expect(await (await fetch(`${server.url}/functions.json`)).text()).toBe(metadata.files['functions.json']);
    expect(await (await fetch(`${server.url}/functions-sv.json`)).text()).toBe(metadata.files['functions-sv.json']);
    const script = await fetch(`${server.url}/functions.js`);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(await script.text()).toContain('/snapshot');
  });

  test('proxies /api to the API, ETag and 304 included', async () => {
    const snapshot = await fetch(`${server.url}/api/snapshot`);
    expect(snapshot.status).toBe(200);
    const etag = snapshot.headers.get('ETag') ?? '';
    expect(etag).toMatch(/^".+"$/);
    expect((await fetch(`${server.url}/api/snapshot`, { headers: { 'If-None-Match': etag } })).status).toBe(304);
  });

  test('SSR.FEE through the add-in origin', async () => {
    const { counter } = useFunctions(`${server.url}/api`);
    await expect(excel('FEE', 'Nacka', 2025)).resolves.toBe(168_168);
    await expect(excel('TOTAL', 2024)).resolves.toBe(7_602_231.5);
    expect(counter.requests).toEqual([{ url: `${server.url}/api/snapshot`, ifNoneMatch: null, status: 200 }]);
  });
});

describe('https with the office-addin-dev-certs certificates', () => {
  test('https://localhost answers with a certificate for localhost from the dev CA', async () => {
    const server = await startAddinServer({ apiUrl: stack.apiUrl, port: 0 });
    try {
      expect(server.url).toMatch(/^https:\/\/localhost:\d+$/);
      const { ca } = await devCertificates();
      const { status, body } = await new Promise<{ status: number | undefined; body: string }>((resolve, reject) => {
        get(`${server.url}/functions.json`, { ca }, (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (piece: string) => (text += piece));
          response.on('end', () => resolve({ status: response.statusCode, body: text }));
          response.on('error', reject);
        }).on('error', reject);
      });
      expect(status).toBe(200);
      expect(body).toBe(metadata.files['functions.json']);
    } finally {
      await server.close();
    }
  });
});

test('the sideload instructions cover Excel on the web, Windows and Mac, with the manifest', () => {
  const text = sideloadInstructions({ manifestPath: '/repo/manifest.xml', addinUrl: 'https://localhost:3000' });
  expect(text).toContain('/repo/manifest.xml');
  expect(text).toContain('Upload My Add-in');
  expect(text).toContain('Trusted Add-in Catalogs');
  expect(text).toContain('~/Library/Containers/com.microsoft.Excel/Data/Documents/wef');
  expect(text).toContain('npx office-addin-dev-certs install');
});
