import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../functions/src/config';
import { routes } from '../../functions/src/routes';
import { TABLES } from '../../functions/src/storage/tables';
import { arrayItems, modules, objectKeys, parameters, parseBicepFile, properties, stringValue, variable } from './bicep-syntax';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const infra = join(repo, 'infra');
const bicepFiles = readdirSync(infra, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.bicep'))
  .map((file) => join(infra, file))
  .sort();

const parse = (file: string) => parseBicepFile(join(infra, file));

describe('infra: Bicep syntax (tree-sitter Bicep grammar)', () => {
  it('finds the main template and its modules', () => {
    expect(bicepFiles.map((file) => relative(infra, file))).toEqual([
      'main.bicep',
      'modules/app-service-auth.bicep',
      'modules/function-app.bicep',
      'modules/monitoring.bicep',
      'modules/static-site.bicep',
      'modules/storage.bicep',
    ]);
  });

  it.each(bicepFiles.map((file) => [relative(infra, file), file]))('%s parses without a syntax error', async (_name, file) => {
    const { problems } = await parseBicepFile(file);
    expect(problems).toEqual([]);
  });

  it('the check itself catches a broken file (a parse error is not silently accepted)', async () => {
    const { problems } = await parseBicepFile(join(repo, 'test', 'infra', 'fixtures', 'broken.bicep'));
    expect(problems.length).toBeGreaterThan(0);
  });
});

describe('infra: parameters', () => {
  it('main.parameters.json is a deployment parameters file naming exactly the parameters main.bicep declares', async () => {
    const file: unknown = JSON.parse(readFileSync(join(infra, 'main.parameters.json'), 'utf8'));
    expect(file).toMatchObject({
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#',
      contentVersion: '1.0.0.0',
    });
    const given = (file as { parameters: Record<string, { value: unknown }> }).parameters;
    const declared = parameters((await parse('main.bicep')).root);

    expect(Object.keys(given).sort()).toEqual(declared.map((parameter) => parameter.name).sort());
    for (const [name, entry] of Object.entries(given)) expect(entry, name).toHaveProperty('value');
  });

  it('parameters without a default get a value from the azd environment, never a literal secret', async () => {
    const given = (JSON.parse(readFileSync(join(infra, 'main.parameters.json'), 'utf8')) as {
      parameters: Record<string, { value: unknown }>;
    }).parameters;
    const required = parameters((await parse('main.bicep')).root).filter((parameter) => !parameter.optional);

    expect(required.map((parameter) => parameter.name).sort()).toEqual(['aadClientId', 'environmentName']);
    for (const { name } of required) expect(given[name]?.value, name).toMatch(/^\$\{[A-Z_]+\}$/);
    expect(JSON.stringify(given)).not.toMatch(/AccountKey|secret|password|SharedAccessSignature/i);
  });

  it('every module exists, is given only parameters it declares, and every one it requires', async () => {
    const files = ['main.bicep'];
    for (const file of files) {
      for (const module of modules((await parse(file)).root)) {
        const path = join(dirname(join(infra, file)), module.path);
        expect(existsSync(path), `${file}: module ${module.symbol} → ${module.path}`).toBe(true);
        const declared = parameters((await parseBicepFile(path)).root);
        const declaredNames = declared.map((parameter) => parameter.name);
        expect(module.params.filter((name) => !declaredNames.includes(name)), `${module.symbol}: unknown`).toEqual([]);
        const required = declared.filter((parameter) => !parameter.optional).map((parameter) => parameter.name);
        expect(required.filter((name) => !module.params.includes(name)), `${module.symbol}: missing`).toEqual([]);
      }
    }
  });
});

describe('infra: what the API needs', () => {
  it('creates the tables the API uses (functions/src/storage/tables.ts)', async () => {
    const tableNames = arrayItems(variable((await parse('modules/storage.bicep')).root, 'tableNames')).map(stringValue);
    expect(tableNames.sort()).toEqual(Object.values(TABLES).map((table) => table.name).sort());
  });

  it('gives the Function App settings the API accepts, in App Service auth mode', async () => {
    const functionApp = (await parse('modules/function-app.bicep')).root;
    const main = (await parse('main.bicep')).root;
    const tablePrefixDefault = main.namedChildren
      .find((node) => node?.type === 'parameter_declaration' && node.namedChildren[0]?.text === 'tablePrefix')
      ?.namedChildren[2];
    const stand_ins: Record<string, string> = { tablePrefix: tablePrefixDefault ? stringValue(tablePrefixDefault) : '' };

    const settings = arrayItems(properties(functionApp, 'appSettings')[0] ?? functionApp).map((item) => {
      const [name, value] = [properties(item, 'name')[0], properties(item, 'value')[0]];
      if (!name || !value) throw new Error(`unreadable app setting at line ${item.startPosition.row + 1}`);
      const text =
        value.type === 'string' ? stringValue(value).replace(/\$\{[^}]*\}/g, 'deployed-value') : (stand_ins[value.text] ?? 'deployed-value');
      return [stringValue(name), text] as const;
    });
    const env = Object.fromEntries(settings);

    expect(Object.keys(env)).not.toContain('FUNCTIONS_WORKER_RUNTIME'); // deprecated on Flex Consumption
    expect(Object.keys(env)).not.toContain('FUNCTIONS_EXTENSION_VERSION');
    expect(loadConfig(env)).toEqual({
      storage: {
        connectionString:
          'DefaultEndpointsProtocol=https;AccountName=deployed-value;AccountKey=deployed-value;EndpointSuffix=deployed-value',
        tablePrefix: 'ssr',
        timeoutMs: 3_500,
      },
      auth: { mode: 'appservice' },
    });
  });

  it('runs Node.js 20 or 22 on Flex Consumption', async () => {
    const functionApp = (await parse('modules/function-app.bicep')).root;
    const runtime = properties(functionApp, 'runtime')[0];
    expect(runtime && objectKeys(runtime)).toEqual(['name', 'version']);
    expect(runtime && stringValue(properties(runtime, 'name')[0] ?? runtime)).toBe('node');
    const sku = properties(functionApp, 'sku')[0];
    expect(sku?.text).toBe("{ name: 'FC1', tier: 'FlexConsumption' }");
    expect(readFileSync(join(infra, 'main.bicep'), 'utf8')).toContain("@allowed(['20', '22'])\nparam nodeVersion string = '22'");
  });
});

describe('infra: App Service Authentication and CORS', () => {
  it('requires Entra ID sign-in on every route but those the API contract leaves open, with 401', async () => {
    const auth = (await parse('modules/app-service-auth.bicep')).root;
    const validation = properties(auth, 'globalValidation')[0];
    if (!validation) throw new Error('no globalValidation');

    expect(properties(validation, 'requireAuthentication')[0]?.text).toBe('true');
    expect(stringValue(properties(validation, 'unauthenticatedClientAction')[0] ?? validation)).toBe('Return401');
    const excluded = arrayItems(properties(validation, 'excludedPaths')[0] ?? validation).map(stringValue);
    const openRoutes = routes.filter((route) => route.role === 'none').map((route) => `/api/${route.path}`);
    expect(excluded.sort()).toEqual(openRoutes.sort());
  });

  it('accepts tokens for the app registration only: its client id and App ID URI as audiences', async () => {
    const auth = (await parse('modules/app-service-auth.bicep')).root;
    const audiences = properties(auth, 'allowedAudiences')[0];
    expect(audiences?.text).toBe("[clientId, 'api://${clientId}']");
    expect(stringValue(properties(auth, 'openIdIssuer')[0] ?? auth)).toBe('https://login.microsoftonline.com/${tenantId}/v2.0');
  });

  it('allows browser calls from the add-in’s origin only', async () => {
    const main = (await parse('main.bicep')).root;
    const api = modules(main).find((module) => module.symbol === 'api');
    expect(api?.params).toContain('allowedOrigins');
    expect(properties(main, 'allowedOrigins')[0]?.text).toBe('[resolvedAddinOrigin]');

    const functionApp = (await parse('modules/function-app.bicep')).root;
    const cors = properties(functionApp, 'cors')[0];
    expect(cors?.text.replace(/\s+/g, ' ')).toBe('{ allowedOrigins: allowedOrigins supportCredentials: false }');
    for (const file of bicepFiles) expect(readFileSync(file, 'utf8'), file).not.toMatch(/'\*'|portal\.azure\.com/);
  });
});

describe('infra: outputs the add-in build reads', () => {
  it('names the build settings of the add-in (addin/scripts/env.ts) and of sign-in (addin/src/auth/config.ts)', () => {
    const outputs = [...readFileSync(join(infra, 'main.bicep'), 'utf8').matchAll(/^output (\w+) /gm)].map(([, name]) => name);
    expect(outputs).toEqual(
      expect.arrayContaining(['ADDIN_PUBLIC_URL', 'ADDIN_API_URL', 'VITE_AAD_CLIENT_ID', 'VITE_AAD_TENANT_ID', 'VITE_API_SCOPE']),
    );
    const buildEnv = readFileSync(join(repo, 'addin', 'scripts', 'env.ts'), 'utf8');
    expect(buildEnv).toContain('ADDIN_PUBLIC_URL');
    expect(buildEnv).toContain('ADDIN_API_URL');
  });
});

describe('azure.yaml', () => {
  const azureYaml = readFileSync(join(repo, 'azure.yaml'), 'utf8');

  it('points azd at infra/main.bicep', () => {
    expect(azureYaml).toMatch(/^infra:\n {2}provider: bicep\n {2}path: infra\n {2}module: main$/m);
  });

  it('deploys the staged API to the Function App and the add-in to the Static Web App, tagged alike in Bicep', () => {
    const services = [...azureYaml.matchAll(/^ {2}(\w+):\n {4}project: \.\/([\w/-]+)\n(?: {4}.*\n)*? {4}host: (\w+)$/gm)].map(
      ([, service, project, host]) => ({ service, project, host }),
    );
    expect(services).toEqual([
      { service: 'api', project: 'infra/api-package', host: 'function' },
      { service: 'addin', project: 'addin', host: 'staticwebapp' },
    ]);
    expect(existsSync(join(repo, 'infra', 'api-package', '.gitignore'))).toBe(true);
    expect(existsSync(join(repo, 'addin', 'package.json'))).toBe(true);
    expect(azureYaml).toContain('run: npm run build -w functions && node infra/scripts/stage-api.mjs');
    const main = readFileSync(join(infra, 'main.bicep'), 'utf8');
    expect(main).toContain("'azd-service-name': 'api'");
    expect(main).toContain("'azd-service-name': 'addin'");
  });
});
