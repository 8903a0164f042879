import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readBuildEnv } from '../../addin/scripts/env';
import { devViteCacheDir } from '../../addin/scripts/paths';
import { startAddinServer } from '../../addin/scripts/serve';
import type { AddinServer } from '../../addin/scripts/serve';
import { addinViteConfig } from '../../addin/scripts/vite-config';

/*
 * `npm test` beside `npm start`: a running dev server serves the pane, its pre-bundled React
 * and Fluent included, after the tests have built the add-in and started a Vite dev server of
 * their own. (A dev server whose cache key differs, as under Vitest's NODE_ENV=test, empties the
 * cache folder it starts on: a shared folder left npm start's pane a white page of 504s.) The
 * running server stands in for npm start's: started as start.ts starts it, but on a free port
 * and with a cache folder of its own, so that this test never disturbs a real npm start either.
 */

// No request reaches the API here; the proxy only needs a target.
const NO_API = 'http://127.0.0.1:9/api';

let running: AddinServer;
let runningCache: string;
let scratch: string;

/** Run `work` with NODE_ENV as `npm start` has it (unset); Vitest sets it to "test", which Vite's cache key includes. */
async function asNpmStart<T>(work: () => Promise<T>): Promise<T> {
  const nodeEnv = process.env.NODE_ENV;
  delete process.env.NODE_ENV;
  try {
    return await work();
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

/** The pre-bundled dependencies a module imports, as the dev server rewrote its imports. */
async function optimisedImports(server: AddinServer, modulePath: string): Promise<string[]> {
  const response = await fetch(`${server.url}${modulePath}`);
  expect(response.status, `${modulePath} from the dev server`).toBe(200);
  const code = await response.text();
  return [...new Set([...code.matchAll(/from\s+"([^"]*\/deps\/[^"]+)"/g)].map((match) => match[1] ?? ''))];
}

async function statuses(server: AddinServer, paths: readonly string[]): Promise<Record<string, number>> {
  const answers = await Promise.all(paths.map(async (path) => [path, (await fetch(`${server.url}${path}`)).status] as const));
  return Object.fromEntries(answers);
}

/** Until the dev server has written its bundles to its cache, as npm start's has long before a test run. */
async function cacheWritten(cacheDir: string): Promise<void> {
  const metadata = join(cacheDir, 'deps', '_metadata.json');
  for (const deadline = Date.now() + 60_000; !existsSync(metadata); ) {
    if (Date.now() > deadline) throw new Error(`The dev server wrote no ${metadata} within a minute.`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'ssr-vite-cache-'));
  runningCache = join(scratch, 'dev-cache');
  running = await asNpmStart(async () => {
    const server = await startAddinServer({ apiUrl: NO_API, port: 0, https: false, viteCacheDir: runningCache });
    await cacheWritten(runningCache);
    return server;
  });
});

afterAll(async () => {
  await running.close();
  await rm(scratch, { recursive: true, force: true });
});

test("the tests' Vite cache is not the one npm start's dev server uses", () => {
  const testCache = readBuildEnv().viteCacheDir;
  expect(testCache).toBeDefined();
  const apart = (a: string, b: string) => relative(a, b).startsWith('..');
  expect(apart(devViteCacheDir, testCache ?? devViteCacheDir) && apart(testCache ?? devViteCacheDir, devViteCacheDir)).toBe(true);
  // Without the setting (npm start), the dev server uses its own cache.
  expect(addinViteConfig(readBuildEnv({})).cacheDir).toBe(devViteCacheDir);
});

test('a running dev server still serves the pane, React and Fluent included, after a test build and a test dev server', async () => {
  // What the tests do meanwhile: build the add-in, and start (and soon stop) Vite dev servers of their own.
  const config = addinViteConfig(readBuildEnv());
  await build({ ...config, configFile: false, logLevel: 'silent', mode: 'production', build: { ...config.build, outDir: join(scratch, 'dist'), emptyOutDir: true } });
  const other = await startAddinServer({ apiUrl: NO_API, port: 0, https: false });
  await other.close();

  // Then the pane is opened from the running server: the page, and React, Fluent and the rest as it is told to load them.
  const index = await fetch(`${running.url}/`);
  expect(index.status).toBe(200);
  expect(await index.text()).toContain('<div id="root"></div>');
  const deps = await optimisedImports(running, '/src/pane/PaneRoot.tsx');
  expect(deps.some((path) => /\/deps\/@fluentui_react-components\.js/.test(path)), deps.join(', ')).toBe(true);
  expect(deps.some((path) => /\/deps\/react\.js/.test(path)), deps.join(', ')).toBe(true);
  // None missing, none outdated (504).
  expect(await statuses(running, deps)).toEqual(Object.fromEntries(deps.map((path) => [path, 200])));
});
