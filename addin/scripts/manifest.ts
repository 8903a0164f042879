import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { devManifestPath, repoRoot } from './paths';

/** The origin the dev manifest (manifest.xml at the repository root) points at. */
export const DEV_ORIGIN = 'https://localhost:3000';

export function readDevManifest(): Promise<string> {
  return readFile(devManifestPath, 'utf8');
}

/** The production manifest: every dev URL moved to the public base URL (https, see env.ts). */
export function manifestForPublicUrl(devManifest: string, publicUrl: string): string {
  const base = publicUrl.replace(/\/+$/, '');
  if (!base.startsWith('https://')) throw new Error(`The public add-in URL must use https; got ${publicUrl}.`);
  const manifest = devManifest.split(DEV_ORIGIN).join(base);
  if (/localhost|127\.0\.0\.1/.test(manifest)) throw new Error('The production manifest still names localhost.');
  return manifest;
}

/** Microsoft's XSDs, beside the clone (CI checks out /work/shared as ../shared). */
export function manifestSchemaDir(): string {
  const dir = resolve(repoRoot, '../shared/office-manifest-xsd');
  if (!existsSync(join(dir, 'office-addin-manifest.xsd'))) {
    throw new Error(
      `The Office manifest schemas are missing: expected ${dir}/office-addin-manifest.xsd ` +
        '(the shared folder with office-manifest-xsd must sit beside the repository).',
    );
  }
  return dir;
}

export interface ManifestValidation {
  valid: boolean;
  errors: string[];
}

const WRAPPER = 'office-addin-manifest.xsd';

/** Validate against the XSDs with libxml2 (xmllint-wasm), as validate-manifest.mjs does. */
export async function validateManifest(manifest: string): Promise<ManifestValidation> {
  const dir = manifestSchemaDir();
  // libxml2 rejects the Version pattern "{0,3}?" in Microsoft's OfficeApp*.xsd: drop the "?" in memory.
  const xsd = async (fileName: string) => ({
    fileName,
    contents: (await readFile(join(dir, fileName), 'utf8')).replace(/\{0,3\}\?"/g, '{0,3}"'),
  });
  const others = (await readdir(dir)).filter((name) => name.endsWith('.xsd') && name !== WRAPPER);
  const result = await validateXML({
    xml: [{ fileName: 'manifest.xml', contents: manifest }],
    schema: [await xsd(WRAPPER)],
    preload: await Promise.all(others.map(xsd)),
  });
  // The wrapper's imports make libxml2 warn "Skipping import"; that is expected.
  const errors = result.rawOutput.split('\n').filter((line) => line.trim() !== '' && !line.includes('Skipping import of schema'));
  return { valid: result.valid, errors: result.valid ? [] : errors };
}
