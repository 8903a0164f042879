import { loadConfig } from '../functions/src/config';
import { localSettings, portSetting, startLocalApi, stopOnSignals } from './api';

/*
 * The API alone on the dev host, against the storage its settings name (an Azurite you run,
 * or a storage account): `npx tsx scripts/serve-api.ts`. Settings as for npm start, dev auth
 * by default; SSR_API_PORT (7071, 0 for any free port). Ctrl-C or SIGTERM finishes the
 * requests under way (at most 10 s), then exits.
 */

async function main(): Promise<void> {
  const config = loadConfig({ SSR_AUTH_MODE: 'dev', ...localSettings(), ...process.env });
  const api = await startLocalApi({ port: portSetting('SSR_API_PORT', 7071), config });
  stopOnSignals(() => api.close());
  console.log(`API ${api.url}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
