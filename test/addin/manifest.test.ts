import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { readBuildEnv } from '../../addin/scripts/env';
import { ICON_SIZES, iconFileName, iconPng } from '../../addin/scripts/make-icons';
import { DEV_ORIGIN, MANIFEST_IDENTITY, manifestForPublicUrl, readDevManifest, validateManifest } from '../../addin/scripts/manifest';
import { assetsDir } from '../../addin/scripts/paths';
import { functionNamespace } from '../../addin/src/runtime/namespace';

// manifest.xml against Microsoft's XSDs (../shared/office-manifest-xsd, offline, libxml2 in
// WebAssembly), and what the shared runtime and the custom functions need from it.

let manifest: string;

beforeAll(async () => {
  manifest = await readDevManifest();
});

describe('validation against the XSDs', () => {
  test('the dev manifest validates', async () => {
    expect(await validateManifest(manifest)).toEqual({ valid: true, errors: [] });
  });

  const element = (name: string) => `Element '\\{[^}]+\\}${name}'`;
  test.each([
    ['the custom functions without their <Page>', (xml: string) => xml.replace(/<Page>[\s\S]*?<\/Page>/, ''), `${element('Metadata')}: This element is not expected. Expected is \\( \\{[^}]+\\}Page \\)`],
    [
      '<Runtimes> after <AllFormFactors>',
      (xml: string) => xml.replace(/(<Runtimes>[\s\S]*?<\/Runtimes>)\s*(<AllFormFactors>[\s\S]*?<\/AllFormFactors>)/, '$2$1'),
      `${element('Runtimes')}: This element is not expected`,
    ],
    ['a lifetime that does not exist', (xml: string) => xml.replace('lifetime="long"', 'lifetime="forever"'), `${element('Runtime')}, attribute 'lifetime'`],
    ['an id that is not a GUID', (xml: string) => xml.replace(/<Id>[^<]+<\/Id>/, '<Id>ssr-budget</Id>'), `${element('Id')}: \\[facet 'pattern'\\]`],
    ['no <Permissions>', (xml: string) => xml.replace(/<Permissions>[^<]+<\/Permissions>/, ''), `Expected is \\( \\{[^}]+\\}Permissions \\)`],
  ])('%s fails', async (_, breakIt, error) => {
    const broken = breakIt(manifest);
    expect(broken).not.toBe(manifest);
    const result = await validateManifest(broken);
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(new RegExp(`manifest\\.xml:\\d+: Schemas validity error : .*${error}`));
  });
});

describe('what the add-in needs', () => {
  test('custom functions in the dev namespace (SSRDEV), on the one page of a long-lived shared runtime', () => {
    expect(manifest).toContain('<Runtime resid="Taskpane.Url" lifetime="long"/>');
    expect(manifest).toMatch(/<Page>\s*<SourceLocation resid="Taskpane.Url"\/>\s*<\/Page>/);
    expect(manifest).toContain('<FunctionFile resid="Taskpane.Url"/>');
    expect(manifest).toContain('<bt:String id="Functions.Namespace" DefaultValue="SSRDEV"/>');
    expect(manifest).toContain(`<bt:Url id="Taskpane.Url" DefaultValue="${DEV_ORIGIN}/index.html"/>`);
  });

  test('requirement sets: SharedRuntime 1.1, and CustomFunctionsRuntime 1.2 for CustomFunctions.Error', () => {
    expect(manifest).toContain('<Set Name="SharedRuntime" MinVersion="1.1"/>');
    expect(manifest).toContain('<Set Name="CustomFunctionsRuntime" MinVersion="1.2"/>');
  });

  test('a task pane button on the Home tab', () => {
    expect(manifest).toMatch(/<OfficeTab id="TabHome">[\s\S]*<Control xsi:type="Button"[\s\S]*<Action xsi:type="ShowTaskpane">[\s\S]*<SourceLocation resid="Taskpane.Url"\/>/);
  });

  test('a recalculate button beside the pane button runs recalculateSsrSheets in the shared runtime, labelled in English and Swedish', () => {
    const group = /<Group id="SsrGroup">([\s\S]*?)<\/Group>/.exec(manifest)?.[1] ?? '';
    const controls = [...group.matchAll(/<Control xsi:type="Button" id="([^"]+)">/g)].map(([, id]) => id);
    expect(controls).toEqual(['SsrTaskpaneButton', 'SsrRecalculateButton']);
    expect(group).toMatch(/id="SsrRecalculateButton">[\s\S]*<Action xsi:type="ExecuteFunction">\s*<FunctionName>recalculateSsrSheets<\/FunctionName>\s*<\/Action>/);
    // ExecuteFunction runs in the FunctionFile's page, which is the shared runtime's.
    expect(manifest).toContain('<FunctionFile resid="Taskpane.Url"/>');
    expect(manifest).toMatch(/<bt:String id="RecalculateButton.Label" DefaultValue="Recalculate SSR sheets">\s*<bt:Override Locale="sv-SE" Value="Räkna om SSR-blad"\/>/);
    expect(manifest).toMatch(/<bt:String id="RecalculateButton.Tooltip" DefaultValue="[^"]+">\s*<bt:Override Locale="sv-SE" Value="[^"]+"\/>/);
  });

  test('Swedish (sv-SE) texts and the Swedish function names', () => {
    const overrides = [...manifest.matchAll(/<(?:bt:)?Override Locale="([^"]+)"/g)].map(([, locale]) => locale);
    expect(overrides.length).toBeGreaterThanOrEqual(8);
    expect(new Set(overrides)).toEqual(new Set(['sv-SE']));
    expect(manifest).toContain(`<bt:Override Locale="sv-SE" Value="${DEV_ORIGIN}/functions-sv.json"/>`);
  });

  test.each(ICON_SIZES)('icon %i px is a PNG of that size in addin/assets, as drawn by make-icons', async (size) => {
    const png = await readFile(join(assetsDir, iconFileName(size)));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    expect(png.equals(iconPng(size))).toBe(true);
  });

  test('every icon the manifest names is one of them', () => {
    const icons = [...manifest.matchAll(/\/assets\/(icon-\d+\.png)/g)].map(([, name]) => name);
    expect(new Set(icons)).toEqual(new Set(['icon-16.png', 'icon-32.png', 'icon-64.png', 'icon-80.png']));
  });
});

describe('the production manifest', () => {
  test('has the public URL everywhere and no localhost, and validates', async () => {
    const production = manifestForPublicUrl(manifest, 'https://ssr.example.se/');
    expect(production).not.toMatch(/localhost|127\.0\.0\.1/);
    expect(production).toContain('<SourceLocation DefaultValue="https://ssr.example.se/index.html"/>');
    expect(await validateManifest(production)).toEqual({ valid: true, errors: [] });
  });

  test('differs from the dev manifest in Id, display name, ribbon group and namespace, so both can be installed', () => {
    const production = manifestForPublicUrl(manifest, 'https://ssr.example.se');
    const facts = (xml: string) => ({
      id: /<Id>([^<]+)<\/Id>/.exec(xml)?.[1],
      name: /<DisplayName DefaultValue="([^"]+)">\s*<Override Locale="sv-SE" Value="([^"]+)"\/>/.exec(xml)?.slice(1),
      group: /<bt:String id="Group.Label" DefaultValue="([^"]+)">/.exec(xml)?.[1],
      namespace: /<bt:String id="Functions.Namespace" DefaultValue="([^"]+)"\/>/.exec(xml)?.[1],
    });
    expect(facts(manifest)).toEqual({ id: MANIFEST_IDENTITY.development.id, name: ['SSR budget (dev)', 'SSR budget (dev)'], group: 'SSR (dev)', namespace: 'SSRDEV' });
    expect(facts(production)).toEqual({ id: MANIFEST_IDENTITY.production.id, name: ['SSR budget', 'SSR budget'], group: 'SSR', namespace: 'SSR' });
    expect(MANIFEST_IDENTITY.production.id).not.toBe(MANIFEST_IDENTITY.development.id);
    // The texts name the functions as each add-in registers them.
    expect(manifest).toContain('=SSRDEV.AVGIFT(');
    expect(production).toContain('=SSR.AVGIFT(');
    expect(production).not.toMatch(/SSRDEV|\(dev\)/);
    // The page knows which namespace its cells use from the origin its manifest loaded it from.
    expect(functionNamespace(DEV_ORIGIN)).toBe(MANIFEST_IDENTITY.development.namespace);
    expect(functionNamespace('https://ssr.example.se')).toBe(MANIFEST_IDENTITY.production.namespace);
    // The ribbon button is in both.
    expect(production).toContain('<FunctionName>recalculateSsrSheets</FunctionName>');
  });

  test.each([
    ['http://ssr.example.se', /must use https/],
    ['https://localhost:3000', /not localhost/],
    ['ssr.example.se', /must be a full URL/],
    ['https://ssr.example.se/?v=2', /no query or fragment/],
  ])('ADDIN_PUBLIC_URL=%s is refused', (url, message) => {
    expect(() => readBuildEnv({ ADDIN_PUBLIC_URL: url })).toThrow(message);
  });

  test('ADDIN_PUBLIC_URL left out: no production manifest', () => {
    expect(readBuildEnv({}).publicUrl).toBeUndefined();
    expect(readBuildEnv({ ADDIN_PUBLIC_URL: 'https://ssr.example.se/addin/' }).publicUrl).toBe('https://ssr.example.se/addin');
  });
});
