import { TableClient } from '@azure/data-tables';
import { loadConfig } from '../../functions/src/config';
import type { Role } from '@ssr/shared';
import { startDevHost } from '../../functions/src/dev/host';
import { waitForHealth } from '../../scripts/api';
import type { Azurite, AzuriteOptions } from './azurite';
import { startAzurite } from './azurite';

export interface StackOptions {
  /** The dev user's role for requests without a principal header (admin by default). */
  devRole?: Role;
  devUser?: string;
  /** An Azurite to use (left running by stop()), or options for one the stack starts and stops. */
  azurite?: Azurite | AzuriteOptions;
  /** Extra settings, as the environment would give them (SSR_STORAGE_TIMEOUT_MS, …). */
  settings?: Record<string, string>;
}

export interface Stack {
  /** e.g. http://127.0.0.1:PORT/api */
  apiUrl: string;
  azurite: Azurite;
  /** Storage calls the dev host has made so far. */
  storageOperations(): number;
  stop(): Promise<void>;
}

function isAzurite(value: Azurite | AzuriteOptions): value is Azurite {
  return 'connectionString' in value;
}

/**
 * Azurite and the API dev host on free ports, in this process, in dev auth mode; resolves
 * once /api/health answers 200, which means the tables exist and the register is seeded.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const given = options.azurite;
  const owned = given === undefined || !isAzurite(given);
  const azurite = given !== undefined && isAzurite(given) ? given : await startAzurite(given ?? {});
  try {
    const config = loadConfig({
      SSR_STORAGE_CONNECTION_STRING: azurite.connectionString,
      SSR_AUTH_MODE: 'dev',
      SSR_DEV_ROLE: options.devRole ?? 'admin',
      SSR_DEV_USER: options.devUser ?? 'Testaren',
      ...options.settings,
    });
    const host = await startDevHost({ port: 0, config });
    await waitForHealth(host.url);
    return {
      apiUrl: host.url,
      azurite,
      storageOperations: () => host.storageOperations(),
      stop: async () => {
        await host.close();
        if (owned) await azurite.stop();
      },
    };
  } catch (error) {
    if (owned) await azurite.stop();
    throw error;
  }
}

/**
 * After writing rows past the API (damage, a register as an older version stored it), change
 * the register's version row as an operator would, so that instances load the register again.
 */
export async function touchRegisterVersion(connectionString: string): Promise<void> {
  const config = loadConfig({ SSR_STORAGE_CONNECTION_STRING: connectionString });
  const table = TableClient.fromConnectionString(connectionString, `${config.storage.tablePrefix}members`, { allowInsecureConnection: true });
  await table.upsertEntity({ partitionKey: 'member', rowKey: '~version', tag: `touched-${Date.now()}-${Math.random()}` }, 'Merge');
}
