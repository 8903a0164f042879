import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/src/routes';

/**
 * The package `azd deploy` (or `az functionapp deployment source config-zip`) sends to the
 * Function App, staged by infra/scripts/stage-api.mjs. Staged here without `npm install`;
 * @azure/functions is linked from the repository instead, exactly as the install would place it.
 */
const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bundle = join(repo, 'functions', 'dist', 'index.js');
let staged: string;

beforeAll(() => {
  if (!existsSync(bundle)) {
    throw new Error(`${bundle} is missing: build the API first (npm run build -w functions; npm test does it).`);
  }
  staged = mkdtempSync(join(tmpdir(), 'ssr-api-package-'));
  execFileSync(process.execPath, [join(repo, 'infra', 'scripts', 'stage-api.mjs'), staged, '--no-install'], {
    stdio: 'pipe',
  });
  mkdirSync(join(staged, 'node_modules', '@azure'), { recursive: true });
  symlinkSync(join(repo, 'node_modules', '@azure', 'functions'), join(staged, 'node_modules', '@azure', 'functions'));
});

afterAll(() => {
  rmSync(staged, { recursive: true, force: true });
});

describe('the staged API package', () => {
  it('holds host.json, the bundle, and a package.json that needs only @azure/functions at the repository’s version', () => {
    const manifest = JSON.parse(readFileSync(join(staged, 'package.json'), 'utf8')) as Record<string, unknown>;
    const library = JSON.parse(readFileSync(join(repo, 'node_modules', '@azure', 'functions', 'package.json'), 'utf8')) as {
      version: string;
    };

    expect(manifest).toMatchObject({ type: 'module', main: 'dist/index.js', dependencies: { '@azure/functions': library.version } });
    expect(readFileSync(join(staged, 'host.json'), 'utf8')).toBe(readFileSync(join(repo, 'functions', 'host.json'), 'utf8'));
    expect(existsSync(join(staged, 'dist', 'index.js'))).toBe(true);
  });

  it('loads on its own and registers every route of the route table with the Functions host', () => {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', "await import('./dist/index.js');"], {
      cwd: staged,
      env: { PATH: process.env.PATH ?? '', SSR_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' },
      encoding: 'utf8',
    });

    expect(run.status, run.stderr).toBe(0);
    // Outside the Functions worker the library reports each registration it would make.
    const registered = [...run.stderr.matchAll(/register function "(\w+)"/g)].map(([, name]) => name);
    expect(registered).toEqual(routes.map((route) => route.name));
  });

  it('refuses to start without its storage setting, naming it', () => {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', "await import('./dist/index.js');"], {
      cwd: staged,
      env: { PATH: process.env.PATH ?? '' },
      encoding: 'utf8',
    });

    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('Setting SSR_STORAGE_CONNECTION_STRING: is missing');
  });
});
