import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { DEV_NAMESPACE, PRODUCTION_NAMESPACE } from '../src/excel/namespace';
import { DEV_ORIGIN } from '../src/runtime/namespace';
import { devManifestPath, repoRoot } from './paths';

/** The origin the dev manifest (manifest.xml at the repository root) points at. */
export { DEV_ORIGIN };

/**
 * What tells the two add-ins apart, so a tester can have both installed: Office keys an add-in
 * by its Id, shows its display name and ribbon group, and registers its functions under the
 * namespace (the page finds its namespace from its origin, src/runtime/namespace.ts).
 */
export const MANIFEST_IDENTITY = {
  development: { id: '457da558-5eba-445c-83c5-40d1d25a8c26', displayName: 'SSR budget (dev)', group: 'SSR (dev)', namespace: DEV_NAMESPACE },
  production: { id: '35b2c862-ca85-46ef-b003-b56d18a7ea5b', displayName: 'SSR budget', group: 'SSR', namespace: PRODUCTION_NAMESPACE },
} as const;

function replaceAllOnce(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`The dev manifest has no ${from} to turn into ${to}.`);
  return text.split(from).join(to);
}

/** The dev manifest with the production Id, display name, ribbon group and namespace. */
function withProductionIdentity(devManifest: string): string {
  const dev = MANIFEST_IDENTITY.development;
  const production = MANIFEST_IDENTITY.production;
  let manifest = devManifest.replace(/<!--[\s\S]*?-->/, '<!-- The SSR budget add-in for Excel, written by the build from manifest.xml (development). -->');
  manifest = replaceAllOnce(manifest, `<Id>${dev.id}</Id>`, `<Id>${production.id}</Id>`);
  // The longer words first: "SSR budget (dev)" holds no "SSR (dev)", but order keeps that true.
  manifest = replaceAllOnce(manifest, dev.displayName, production.displayName);
  manifest = replaceAllOnce(manifest, dev.group, production.group);
  manifest = replaceAllOnce(manifest, `id="Functions.Namespace" DefaultValue="${dev.namespace}"`, `id="Functions.Namespace" DefaultValue="${production.namespace}"`);
  // The namespace as the texts show it: =SSRDEV.FEE(…).
  manifest = manifest.split(`=${dev.namespace}.`).join(`=${production.namespace}.`);
  if (manifest.includes(dev.namespace) || manifest.includes('(dev)')) throw new Error('The production manifest still names the dev add-in.');
  return manifest;
}

export function readDevManifest(): Promise<string> {
  return readFile(devManifestPath, 'utf8');
}

/**
 * The production manifest: every dev URL moved to the public base URL (https, see env.ts), and
 * the production Id, display name and namespace in place of the dev add-in's.
 */
export function manifestForPublicUrl(devManifest: string, publicUrl: string): string {
  const base = publicUrl.replace(/\/+$/, '');
  if (!base.startsWith('https://')) throw new Error(`The public add-in URL must use https; got ${publicUrl}.`);
  const manifest = withProductionIdentity(devManifest).split(DEV_ORIGIN).join(base);
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
