import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { validateManifest } from './manifest';
import { devManifestPath } from './paths';

// npm run validate [-- path/to/manifest.xml]: the manifest against Microsoft's XSDs, offline.
const path = resolve(process.argv[2] ?? devManifestPath);
const result = await validateManifest(await readFile(path, 'utf8'));
process.stdout.write(result.valid ? `${path} validates.\n` : `${path} does not validate:\n  ${result.errors.join('\n  ')}\n`);
process.exit(result.valid ? 0 : 3);
