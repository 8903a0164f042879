import { fileURLToPath } from 'node:url';
import { DEV_PORT, sideloadInstructions, startAddinServer } from '../addin/scripts/serve';
import { localConfig, portSetting, startLocalApi, stopOnSignals } from './api';
import { startAzurite } from './azurite';

/*
 * npm start: Azurite's table service (data kept in .azurite/), the API on the dev host and
 * the add-in's dev server (https, /api proxied), each started once the one before answers.
 * Ctrl-C or SIGTERM stops them: the API first, once the requests under way are answered
 * (at most 10 s; their answers still pass through the add-in's proxy), then the add-in, then Azurite.
 * Ports: SSR_AZURITE_PORT (10002, as UseDevelopmentStorage=true expects), SSR_API_PORT (7071).
 */

interface Running {
  name: string;
  url: string;
  close(): Promise<void>;
}

const running: Running[] = [];

async function start<T extends { url: string; close(): Promise<void> }>(name: string, starting: Promise<T>): Promise<T> {
  const server = await starting;
  running.push({ name, url: server.url, close: () => server.close() });
  return server;
}

async function stopAll(): Promise<void> {
  const order = [...running.filter((server) => server.name === 'API'), ...running.filter((server) => server.name !== 'API').reverse()];
  for (const server of order) {
    try {
      await server.close();
    } catch (error) {
      console.error(`Could not stop ${server.name}:`, error);
    }
  }
  running.length = 0;
}

async function main(): Promise<void> {
  const location = fileURLToPath(new URL('../.azurite', import.meta.url));
  const azurite = await startAzurite({ location, port: portSetting('SSR_AZURITE_PORT', 10_002) });
  running.push({ name: 'Azurite', url: `http://127.0.0.1:${azurite.port}/devstoreaccount1`, close: () => azurite.stop() });

  const config = localConfig(azurite.connectionString);
  const api = await start('API', startLocalApi({ port: portSetting('SSR_API_PORT', 7071), config }));
  const addin = await start('Add-in', startAddinServer({ apiUrl: api.url, port: DEV_PORT }));

  const user = config.auth.mode === 'dev' ? `dev mode, acting as ${config.auth.devUser} (${config.auth.devRole})` : 'App Service principals only';
  console.log(`\nAzurite tables  ${running[0]?.url ?? ''}   (data in ${location})`);
  console.log(`API             ${api.url}   (${user})`);
  console.log(`OpenAPI         ${api.url}/openapi.json`);
  for (const server of running.slice(2)) console.log(`${server.name.padEnd(15)} ${server.url}`);
  console.log(`\nOpen ${addin.url} in a browser for the task pane in preview mode.\n`);
  console.log(sideloadInstructions({ addinUrl: addin.url }));
  console.log('\nCtrl-C stops everything.');
}

stopOnSignals(stopAll);

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await stopAll();
  process.exit(1);
});
