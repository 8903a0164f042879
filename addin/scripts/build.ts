import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'vite';
import { readBuildEnv } from './env';
import { validateManifest } from './manifest';
import { FUNCTIONS_JSON, FUNCTIONS_SV_JSON, generateMetadata } from './metadata/generate';
import { distDir } from './paths';
import { addinViteConfig } from './vite-config';

/*
 * npm run build: Vite builds the page, the plugin writes functions.json, functions-sv.json,
 * functions.js, the icons and (with ADDIN_PUBLIC_URL) the production manifest; then this
 * checks that each file is there and right, because the metadata generator exits 0 on errors.
 */

const env = readBuildEnv();
// Vite takes NODE_ENV over `mode`: run from Vitest (NODE_ENV=test) or a shell with NODE_ENV=development,
// it would bundle React's development build. What this script builds is what ships, so it is production.
process.env.NODE_ENV = 'production';
await build({ ...addinViteConfig(env), configFile: false, mode: 'production' });

const problems: string[] = [];
const expected = await generateMetadata();
for (const name of [FUNCTIONS_JSON, FUNCTIONS_SV_JSON] as const) {
  const path = join(distDir, name);
  if (!existsSync(path)) problems.push(`${path} was not written`);
  else if ((await readFile(path, 'utf8')) !== expected.files[name]) problems.push(`${path} differs from the metadata generated from the JSDoc`);
}
for (const name of ['index.html', 'functions.js', 'assets/icon-16.png', 'assets/icon-32.png', 'assets/icon-64.png', 'assets/icon-80.png']) {
  if (!existsSync(join(distDir, name))) problems.push(`${join(distDir, name)} was not written`);
}
const manifestPath = join(distDir, 'manifest.xml');
if (env.publicUrl === undefined) {
  process.stdout.write('ADDIN_PUBLIC_URL is not set: no production manifest (manifest.xml at the repository root is the dev one).\n');
} else if (!existsSync(manifestPath)) {
  problems.push(`${manifestPath} was not written`);
} else {
  const validation = await validateManifest(await readFile(manifestPath, 'utf8'));
  if (!validation.valid) problems.push(`${manifestPath} does not validate: ${validation.errors.join('; ')}`);
  else process.stdout.write(`Production manifest for ${env.publicUrl}: ${manifestPath}\n`);
}
if (problems.length > 0) {
  process.stderr.write(`The add-in build is incomplete:\n  ${problems.join('\n  ')}\n`);
  process.exit(1);
}
