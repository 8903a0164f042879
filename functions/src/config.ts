import type { Role } from '@ssr/shared';
import { AUTH_MODES, ROLES } from '@ssr/shared';
import { z } from 'zod';

/**
 * Configuration, read and validated here and nowhere else. Settings come from the
 * environment (app settings in Azure, `local.settings.json` under `func start`, the dev
 * host's caller otherwise). A missing or bad setting stops start-up with its name.
 */

export interface Config {
  storage: {
    connectionString: string;
    /** Tables are named `<prefix>members`, `<prefix>audit`, …: several apps can share an account. */
    tablePrefix: string;
    /** Every request gives storage at most this long in all, then answers 503. */
    timeoutMs: number;
  };
  auth:
    | { mode: 'appservice' }
    /** Local use only: requests without a principal act as this user. */
    | { mode: 'dev'; devUser: string; devRole: Role };
}

export class ConfigError extends Error {
  constructor(
    readonly setting: string,
    problem: string,
  ) {
    super(`Setting ${setting}: ${problem}`);
    this.name = 'ConfigError';
  }
}

const settingsSchema = z.object({
  SSR_STORAGE_CONNECTION_STRING: z
    .string({ error: 'is missing; set it to a storage account connection string ("UseDevelopmentStorage=true" locally)' })
    .trim()
    .refine((value) => value === 'UseDevelopmentStorage=true' || /(^|;)\s*(TableEndpoint|AccountName)=/i.test(value), {
      error: 'is not a storage connection string (expected AccountName=… or TableEndpoint=…, or UseDevelopmentStorage=true)',
    }),
  SSR_TABLE_PREFIX: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9]{0,40}$/, { error: 'must be letters and digits, starting with a letter (at most 41)' })
    .default('ssr'),
  SSR_STORAGE_TIMEOUT_MS: z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int({ error: 'must be a whole number of milliseconds' })
    .min(100, { error: 'must be at least 100 ms' })
    .max(4_500, { error: 'must be at most 4500 ms: an unreachable storage must give 503 within 5 s' })
    .default(3_500),
  SSR_AUTH_MODE: z.enum(AUTH_MODES, { error: 'must be "appservice" (Azure) or "dev" (local use only)' }).default('appservice'),
  SSR_DEV_USER: z.string().trim().min(1, { error: 'must not be empty' }).max(100).default('Utvecklare'),
  SSR_DEV_ROLE: z.enum(ROLES, { error: 'must be reader, editor or admin' }).default('admin'),
});

/**
 * Settings a cloud host sets, by host: App Service and Functions in Azure (WEBSITE_HOSTNAME
 * is left out: Core Tools set it locally), Container Apps, Kubernetes (every pod gets the
 * service's address), a managed identity's endpoint, Cloud Run, AWS Lambda and ECS.
 */
const CLOUD_MARKERS = [
  'WEBSITE_INSTANCE_ID',
  'WEBSITE_SITE_NAME',
  'WEBSITE_OWNER_NAME',
  'WEBSITE_RESOURCE_GROUP',
  'WEBSITE_DEPLOYMENT_ID',
  'CONTAINER_APP_NAME',
  'CONTAINER_APP_ENV_DNS_SUFFIX',
  'CONTAINER_APP_REVISION',
  'CONTAINER_APP_REPLICA_NAME',
  'CONTAINER_APP_HOSTNAME',
  'KUBERNETES_SERVICE_HOST',
  'KUBERNETES_SERVICE_PORT',
  'KUBERNETES_PORT',
  'IDENTITY_ENDPOINT',
  'MSI_ENDPOINT',
  'K_SERVICE',
  'AWS_LAMBDA_FUNCTION_NAME',
  'ECS_CONTAINER_METADATA_URI',
  'ECS_CONTAINER_METADATA_URI_V4',
];

/**
 * The name of the setting that shows we run in a cloud host, if any. A marker counts when it
 * is set at all: a platform may set one blank, and blank must not read as "local".
 */
export function cloudMarker(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const direct = CLOUD_MARKERS.find((name) => env[name] !== undefined);
  if (direct) return direct;
  if (env.FUNCTIONS_WORKER_RUNTIME === undefined) return undefined;
  return Object.keys(env).find((name) => name.startsWith('WEBSITE_') && name !== 'WEBSITE_HOSTNAME' && env[name] !== undefined);
}

/** Dev mode lets anyone act as the dev user: it must never run in Azure or any other cloud host. */
export function assertDevModeAllowed(config: Config, env: Readonly<Record<string, string | undefined>>): void {
  if (config.auth.mode !== 'dev') return;
  const marker = cloudMarker(env);
  if (marker) {
    throw new ConfigError('SSR_AUTH_MODE', `"dev" is refused: ${marker} is set, so this runs in a cloud host. Use "appservice".`);
  }
}

export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  // Empty values count as missing, as app settings left blank do.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''));
  const parsed = settingsSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(String(issue?.path[0] ?? 'unknown'), issue?.message ?? 'is invalid');
  }
  const settings = parsed.data;
  const config: Config = {
    storage: {
      connectionString: settings.SSR_STORAGE_CONNECTION_STRING,
      tablePrefix: settings.SSR_TABLE_PREFIX,
      timeoutMs: settings.SSR_STORAGE_TIMEOUT_MS,
    },
    auth:
      settings.SSR_AUTH_MODE === 'dev'
        ? { mode: 'dev', devUser: settings.SSR_DEV_USER, devRole: settings.SSR_DEV_ROLE }
        : { mode: 'appservice' },
  };
  assertDevModeAllowed(config, env);
  return config;
}
