import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../functions/src/config';
import { startDevHost } from '../../functions/src/dev/host';

const CONNECTION = 'UseDevelopmentStorage=true';

function refusal(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('configuration', () => {
  it('has safe defaults: App Service auth, prefix ssr, 3.5 s storage deadline', () => {
    expect(loadConfig({ SSR_STORAGE_CONNECTION_STRING: CONNECTION })).toEqual({
      storage: { connectionString: CONNECTION, tablePrefix: 'ssr', timeoutMs: 3500 },
      auth: { mode: 'appservice' },
    });
    expect(loadConfig({ SSR_STORAGE_CONNECTION_STRING: CONNECTION, SSR_AUTH_MODE: 'dev' }).auth).toEqual({ mode: 'dev', devUser: 'Utvecklare', devRole: 'admin' });
  });

  it.each([
    [{}, 'SSR_STORAGE_CONNECTION_STRING', 'missing'],
    [{ SSR_STORAGE_CONNECTION_STRING: '   ' }, 'SSR_STORAGE_CONNECTION_STRING', 'missing'],
    [{ SSR_STORAGE_CONNECTION_STRING: 'hello' }, 'SSR_STORAGE_CONNECTION_STRING', 'not a storage connection string'],
    [{ SSR_STORAGE_CONNECTION_STRING: CONNECTION, SSR_STORAGE_TIMEOUT_MS: 'soon' }, 'SSR_STORAGE_TIMEOUT_MS', 'number'],
    [{ SSR_STORAGE_CONNECTION_STRING: CONNECTION, SSR_STORAGE_TIMEOUT_MS: '10000' }, 'SSR_STORAGE_TIMEOUT_MS', 'within 5 s'],
    [{ SSR_STORAGE_CONNECTION_STRING: CONNECTION, SSR_AUTH_MODE: 'none' }, 'SSR_AUTH_MODE', 'appservice'],
    [{ SSR_STORAGE_CONNECTION_STRING: CONNECTION, SSR_AUTH_MODE: 'dev', SSR_DEV_ROLE: 'owner' }, 'SSR_DEV_ROLE', 'reader, editor or admin'],
    [{ SSR_STORAGE_CONNECTION_STRING: CONNECTION, SSR_TABLE_PREFIX: '1-bad' }, 'SSR_TABLE_PREFIX', 'letters and digits'],
  ])('refuses %j, naming %s', (env, setting, words) => {
    const error = refusal(env);
    expect(error.setting).toBe(setting);
    expect(error.message).toContain(setting);
    expect(error.message).toContain(words);
  });

  it.each([
    [{ WEBSITE_INSTANCE_ID: 'abc123' }, 'WEBSITE_INSTANCE_ID'],
    [{ WEBSITE_SITE_NAME: 'ssr-api' }, 'WEBSITE_SITE_NAME'],
    [{ FUNCTIONS_WORKER_RUNTIME: 'node', WEBSITE_SKU: 'FlexConsumption' }, 'WEBSITE_SKU'],
    [{ CONTAINER_APP_NAME: 'ssr-api' }, 'CONTAINER_APP_NAME'],
    [{ CONTAINER_APP_ENV_DNS_SUFFIX: 'happyhill-1234.swedencentral.azurecontainerapps.io' }, 'CONTAINER_APP_ENV_DNS_SUFFIX'],
    [{ CONTAINER_APP_REVISION: 'ssr-api--abc123' }, 'CONTAINER_APP_REVISION'],
    [{ KUBERNETES_SERVICE_HOST: '10.0.0.1' }, 'KUBERNETES_SERVICE_HOST'],
    [{ KUBERNETES_PORT: 'tcp://10.0.0.1:443' }, 'KUBERNETES_PORT'],
    [{ IDENTITY_ENDPOINT: 'http://localhost:42356/msi/token' }, 'IDENTITY_ENDPOINT'],
    [{ K_SERVICE: 'ssr-api' }, 'K_SERVICE'],
    [{ AWS_LAMBDA_FUNCTION_NAME: 'ssr-api' }, 'AWS_LAMBDA_FUNCTION_NAME'],
    // A marker left blank is still set: the platform put it there.
    [{ WEBSITE_INSTANCE_ID: '' }, 'WEBSITE_INSTANCE_ID'],
    [{ CONTAINER_APP_NAME: '   ' }, 'CONTAINER_APP_NAME'],
    [{ KUBERNETES_SERVICE_HOST: ' ' }, 'KUBERNETES_SERVICE_HOST'],
    [{ FUNCTIONS_WORKER_RUNTIME: 'node', WEBSITE_SKU: '' }, 'WEBSITE_SKU'],
  ])('refuses dev mode in a cloud host (%j)', (markers, marker) => {
    const error = refusal({ SSR_STORAGE_CONNECTION_STRING: CONNECTION, SSR_AUTH_MODE: 'dev', ...markers });
    expect(error.setting).toBe('SSR_AUTH_MODE');
    expect(error.message).toContain(marker);
    expect(loadConfig({ SSR_STORAGE_CONNECTION_STRING: CONNECTION, SSR_AUTH_MODE: 'appservice', ...markers }).auth.mode).toBe('appservice');
  });

  it('allows dev mode under local Core Tools (FUNCTIONS_WORKER_RUNTIME and WEBSITE_HOSTNAME only)', () => {
    const config = loadConfig({ SSR_STORAGE_CONNECTION_STRING: CONNECTION, SSR_AUTH_MODE: 'dev', FUNCTIONS_WORKER_RUNTIME: 'node', WEBSITE_HOSTNAME: 'localhost:7071' });
    expect(config.auth.mode).toBe('dev');
    expect(loadConfig({ SSR_STORAGE_CONNECTION_STRING: CONNECTION, SSR_AUTH_MODE: 'dev', FUNCTIONS_WORKER_RUNTIME: 'node', WEBSITE_HOSTNAME: '' }).auth.mode).toBe('dev');
  });
});

describe('start-up', () => {
  const saved = { WEBSITE_SITE_NAME: process.env.WEBSITE_SITE_NAME, KUBERNETES_SERVICE_HOST: process.env.KUBERNETES_SERVICE_HOST };
  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('the dev host refuses to start in dev mode when the process runs in Azure', async () => {
    const config = loadConfig({ SSR_STORAGE_CONNECTION_STRING: CONNECTION, SSR_AUTH_MODE: 'dev' });
    process.env.WEBSITE_SITE_NAME = 'ssr-api';
    await expect(startDevHost({ port: 0, config })).rejects.toThrow(/SSR_AUTH_MODE.*WEBSITE_SITE_NAME/);
  });

  it('the dev host refuses to start in dev mode in a Kubernetes pod, even with the marker blank', async () => {
    const config = loadConfig({ SSR_STORAGE_CONNECTION_STRING: CONNECTION, SSR_AUTH_MODE: 'dev' });
    process.env.KUBERNETES_SERVICE_HOST = '';
    await expect(startDevHost({ port: 0, config })).rejects.toThrow(/SSR_AUTH_MODE.*KUBERNETES_SERVICE_HOST/);
  });

  it('the Functions entry stops with the name of a missing setting', () => {
    const entry = fileURLToPath(new URL('../../functions/src/index.ts', import.meta.url));
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('SSR_') && !name.startsWith('WEBSITE_') && !name.startsWith('KUBERNETES_') && !name.startsWith('CONTAINER_APP_')));
    const run = (extra: Record<string, string>) => spawnSync(process.execPath, ['--import', 'tsx', entry], { env: { ...env, ...extra }, encoding: 'utf8', timeout: 60_000 });

    const missing = run({});
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('Setting SSR_STORAGE_CONNECTION_STRING: is missing');

    const bad = run({ SSR_STORAGE_CONNECTION_STRING: CONNECTION, SSR_DEV_ROLE: 'root', SSR_AUTH_MODE: 'dev' });
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('Setting SSR_DEV_ROLE');

    const fine = run({ SSR_STORAGE_CONNECTION_STRING: CONNECTION });
    expect(fine.status).toBe(0);
  });
});
