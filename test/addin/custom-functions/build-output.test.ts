import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FORMATTED_NUMBER_FUNCTIONS, SSR_FUNCTIONS } from '../../../addin/src/custom-functions';
import { createAddinRoot, registerCustomFunctions } from '../../../addin/src/runtime/root';
import { createSnapshotClient } from '../../../addin/src/snapshot/client';
import { validateManifest } from '../../../addin/scripts/manifest';
import { FUNCTIONS_JSON, FUNCTIONS_SV_JSON, functionsMetadataSchema, generateMetadata, swedishMetadata } from '../../../addin/scripts/metadata/generate';
import type { FunctionsMetadata } from '../../../addin/scripts/metadata/generate';
import { repoRoot } from '../../../addin/scripts/paths';
import { addinViteConfig } from '../../../addin/scripts/vite-config';
import { associated, installCustomFunctionsStandIn } from './support';

// The production build, run here into a temporary folder: its functions.json must be what
// custom-functions-metadata generates from the JSDoc now, it must name every function of
// docs/functions.md with its parameters, and its manifest must point at the public URL only.

const PUBLIC_URL = 'https://ssr.example.se/tillagg';
let outDir: string;
let generated: Awaited<ReturnType<typeof generateMetadata>>;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'ssr-addin-build-'));
  const config = addinViteConfig({ publicUrl: PUBLIC_URL, apiUrl: undefined });
  await build({ ...config, configFile: false, logLevel: 'silent', mode: 'production', build: { ...config.build, outDir, emptyOutDir: true } });
  generated = await generateMetadata();
}, 120_000);

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

async function built(name: string): Promise<string> {
  const path = join(outDir, name);
  if (!existsSync(path)) throw new Error(`The build did not write ${name}.`);
  return readFile(path, 'utf8');
}

/** docs/functions.md's function table: `SSR.FEE(member, [year], [mode])` → name, parameters, optional. */
async function documentedFunctions(): Promise<{ id: string; parameters: { name: string; optional: boolean }[] }[]> {
  const docPath = resolve(repoRoot, 'docs/functions.md');
  if (!existsSync(docPath)) throw new Error(`docs/functions.md is missing: expected ${docPath}.`);
  const text = await readFile(docPath, 'utf8');
  return [...text.matchAll(/`SSR\.([A-Z]+)\(([^)]*)\)`/g)].map(([, id = '', list = '']) => ({
    id,
    parameters: list
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '')
      .map((part) => ({ name: part.replace(/^\[|\]$/g, ''), optional: part.startsWith('[') })),
  }));
}

/** `class` and `function` are reserved words in TypeScript, so those parameters have longer names. */
const RENAMED: Readonly<Record<string, string>> = { class: 'feeClass', function: 'onCallFunction' };

describe('functions.json', () => {
  test('the build wrote what custom-functions-metadata generates from the JSDoc now', async () => {
    expect(await built(FUNCTIONS_JSON)).toBe(generated.files[FUNCTIONS_JSON]);
    expect(await built(FUNCTIONS_SV_JSON)).toBe(generated.files[FUNCTIONS_SV_JSON]);
  });

  test('names every function of docs/functions.md with its parameters, in order, optional where bracketed', async () => {
    const metadata = functionsMetadataSchema.parse(JSON.parse(await built(FUNCTIONS_JSON)));
    const documented = await documentedFunctions();
    expect(documented.map((fn) => fn.id).sort()).toEqual(Object.keys(SSR_FUNCTIONS).sort());
    for (const fn of documented) {
      const entry = metadata.functions.find((candidate) => candidate.id === fn.id);
      expect(entry, `SSR.${fn.id}`).toBeDefined();
      expect(entry?.name).toBe(fn.id);
      expect(entry?.description, `SSR.${fn.id} has a description`).toMatch(/\w{3}/);
      const parameters = entry?.parameters.map((p) => ({ name: p.name, optional: p.optional ?? false }));
      expect(parameters, `SSR.${fn.id}`).toEqual(fn.parameters.map((p) => ({ name: RENAMED[p.name] ?? p.name, optional: p.optional })));
      for (const parameter of entry?.parameters ?? []) expect(parameter.description, `${fn.id}(${parameter.name})`).toMatch(/\w{3}/);
    }
  });

  test('the tables spill: SSR.FEES and SSR.MEMBERS return a matrix, the others one value', async () => {
    const metadata = functionsMetadataSchema.parse(JSON.parse(await built(FUNCTIONS_JSON)));
    const matrices = metadata.functions.filter((fn) => fn.result.dimensionality === 'matrix').map((fn) => fn.id);
    expect(matrices.sort()).toEqual(['FEES', 'MEMBERS']);
  });

  test('kronor and the register time may come back as formatted numbers: custom data allowed, result type any', async () => {
    for (const file of [FUNCTIONS_JSON, FUNCTIONS_SV_JSON]) {
      const metadata = functionsMetadataSchema.parse(JSON.parse(await built(file)));
      expect(metadata.allowCustomDataForDataTypeAny, file).toBe(true);
      const results = Object.fromEntries(metadata.functions.map((fn) => [fn.id, fn.result.type ?? 'any']));
      expect(results, file).toEqual({
        FEE: 'any',
        TOTAL: 'any',
        RATE: 'any',
        ACTORFEE: 'any',
        REIMBURSED: 'any',
        NET: 'any',
        ASOF: 'any',
        FEES: 'any',
        MEMBERS: 'any',
        POPULATION: 'number',
        LASTYEAR: 'number',
        FEEBASIS: 'string',
        CLUSTER: 'string',
      });
    }
    expect([...FORMATTED_NUMBER_FUNCTIONS].sort()).toEqual(['ACTORFEE', 'ASOF', 'FEE', 'NET', 'RATE', 'REIMBURSED', 'TOTAL']);
  });

  test('SSR.ASOF takes no argument', async () => {
    const metadata = functionsMetadataSchema.parse(JSON.parse(await built(FUNCTIONS_JSON)));
    expect(metadata.functions.find((fn) => fn.id === 'ASOF')?.parameters).toEqual([]);
  });

  test('no description a user reads in Excel names a rule number', async () => {
    for (const file of [FUNCTIONS_JSON, FUNCTIONS_SV_JSON]) {
      const metadata = functionsMetadataSchema.parse(JSON.parse(await built(file)));
      const texts = metadata.functions.flatMap((fn) => [fn.description ?? '', ...fn.parameters.map((p) => p.description ?? '')]);
      expect(texts.filter((text) => /\bR\d+\b/.test(text)), file).toEqual([]);
    }
  });

  test('Excel gets every function associated under its id', () => {
    installCustomFunctionsStandIn();
    associated.clear();
    const snapshots = createSnapshotClient({ baseUrl: 'http://127.0.0.1:9/api' });
    // What Excel's runtime offers beside CustomFunctions: the display language and the requirement sets.
    Object.assign(globalThis, { Office: { context: { displayLanguage: 'sv-SE', requirements: { isSetSupported: () => true } } } });
    try {
      registerCustomFunctions(createAddinRoot({ snapshots, tokenSource: null }));
    } finally {
      Reflect.deleteProperty(globalThis, 'Office');
    }
    expect([...associated.keys()].sort()).toEqual(generated.english.functions.map((fn) => fn.id).sort());
    for (const [id, implementation] of associated) expect(implementation).toBe(SSR_FUNCTIONS[id as keyof typeof SSR_FUNCTIONS]);
  });
});

describe('functions-sv.json: Swedish names and descriptions', () => {
  test.each([
    ['FEE', 'AVGIFT'],
    ['FEES', 'AVGIFTER'],
    ['TOTAL', 'TOTALAVGIFT'],
    ['POPULATION', 'FOLKMÄNGD'],
    ['FEEBASIS', 'AVGIFTSGRUND'],
    ['RATE', 'INVÅNARAVGIFT'],
    ['ACTORFEE', 'AKTÖRSAVGIFT'],
    ['MEMBERS', 'MEDLEMMAR'],
    ['LASTYEAR', 'SISTAAVGIFTSÅR'],
    ['REIMBURSED', 'ERSÄTTNING'],
    ['NET', 'NETTO'],
    ['CLUSTER', 'KLUSTER'],
    ['ASOF', 'UPPGIFTERPER'],
  ])('%s is SSR.%s, same id, every parameter in Swedish', async (id, name) => {
    const swedish = functionsMetadataSchema.parse(JSON.parse(await built(FUNCTIONS_SV_JSON)));
    const english = generated.english.functions.find((fn) => fn.id === id);
    const fn = swedish.functions.find((candidate) => candidate.id === id);
    expect(fn?.name).toBe(name);
    // Excel's rules for a name: a letter first, then letters, digits, periods or underscores; three or more.
    expect(fn?.name).toMatch(/^\p{L}[\p{L}\p{N}._]{2,}$/u);
    expect(fn?.description).not.toBe(english?.description);
    expect(fn?.parameters.map((p) => [p.type, p.optional])).toEqual(english?.parameters.map((p) => [p.type, p.optional]));
    for (const [i, parameter] of (fn?.parameters ?? []).entries()) expect(parameter.description).not.toBe(english?.parameters[i]?.description);
  });

  test('a function without Swedish text fails the build', () => {
    const english: FunctionsMetadata = {
      ...generated.english,
      functions: [...generated.english.functions, { id: 'VAT', name: 'VAT', parameters: [], result: { type: 'number' } }],
    };
    expect(() => swedishMetadata(english)).toThrow(/VAT has no Swedish text/);
  });
});

describe('the production manifest in the build', () => {
  test('points at the public URL only, and validates', async () => {
    const manifest = await built('manifest.xml');
    expect(manifest).not.toMatch(/localhost|127\.0\.0\.1/);
    expect(manifest).toContain(`<bt:Url id="Functions.Metadata.Url" DefaultValue="${PUBLIC_URL}/functions.json">`);
    expect(manifest).toContain(`<bt:Override Locale="sv-SE" Value="${PUBLIC_URL}/functions-sv.json"/>`);
    expect(await validateManifest(manifest)).toEqual({ valid: true, errors: [] });
  });

  test('every URL it names is a file of the build', async () => {
    const manifest = await built('manifest.xml');
    const urls = [...manifest.matchAll(/"(https:\/\/[^"]+)"/g)].map(([, url = '']) => url).filter((url) => url.startsWith(PUBLIC_URL));
    expect(urls.length).toBeGreaterThan(8);
    for (const url of new Set(urls)) expect(existsSync(join(outDir, url.slice(PUBLIC_URL.length))), url).toBe(true);
  });

  test('the page loads its code under the public path', async () => {
    expect(await built('index.html')).toMatch(/<script type="module" crossorigin src="\/tillagg\/assets\/index-[\w-]+\.js"><\/script>/);
  });
});
