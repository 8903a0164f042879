import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * npm run screenshots: the pane's views at 320 px, in Swedish, for docs/screens/. The fit test
 * (test/e2e/fit.test.ts) draws each view in Chromium and saves it to screenshots/screens/; this
 * runs that test and copies what it saved. The images are copied even when the test finds a
 * view that does not fit (they show it); the exit code then says so.
 */

const root = fileURLToPath(new URL('..', import.meta.url));
const saved = join(root, 'screenshots', 'screens');
const docs = join(root, 'docs', 'screens');

const run = spawnSync('npx', ['vitest', 'run', 'test/e2e/fit.test.ts'], { cwd: root, stdio: 'inherit' });
if (run.error) throw run.error;

const images = existsSync(saved) ? readdirSync(saved).filter((name) => name.endsWith('-320.png')) : [];
if (images.length === 0) {
  console.error(`The fit test saved no screenshots in ${saved}.`);
  process.exit(1);
}
mkdirSync(docs, { recursive: true });
for (const name of images.sort()) copyFileSync(join(saved, name), join(docs, name));
console.log(`${images.length} screenshots copied to ${docs}: ${images.join(', ')}`);
if (run.status !== 0) {
  console.error('The fit test failed (see above): some view does not fit 320 px yet; the screenshots show it.');
  process.exit(run.status ?? 1);
}
