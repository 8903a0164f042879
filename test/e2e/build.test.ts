import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * npm run build -w addin ships what it builds, whatever NODE_ENV the shell (or Vitest, with
 * NODE_ENV=test) has: React's production build, not its development build.
 */

const ROOT = process.cwd();
const ASSETS = join(ROOT, 'addin', 'dist', 'assets');

function bundledJs(): string {
  return readdirSync(ASSETS)
    .filter((name) => name.endsWith('.js'))
    .map((name) => readFileSync(join(ASSETS, name), 'utf8'))
    .join('\n');
}

describe('the add-in build', () => {
  it('bundles React’s production build even when NODE_ENV says development', () => {
    execFileSync('npm', ['run', 'build', '-w', 'addin'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'development' } });
    const js = bundledJs();
    // The production build refers to its error decoder; the development build spells out its
    // warnings and compiles JSX to jsxDEV calls. (Booleans: a failure should not print the bundle.)
    expect(js.includes('https://react.dev/errors/'), 'React’s production error decoder is bundled').toBe(true);
    expect(js.includes('Each child in a list should have a unique "key" prop'), 'React’s development warnings are bundled').toBe(false);
    expect(js.includes('jsxDEV'), 'JSX is compiled for development').toBe(false);
  });
});
