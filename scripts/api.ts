import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Config } from '../functions/src/config';
import { loadConfig } from '../functions/src/config';
import { startDevHost } from '../functions/src/dev/host';

/** The API on the dev host for local use: settings as `func start` would read them, then the environment. */

export const LOCAL_SETTINGS = fileURLToPath(new URL('../functions/local.settings.json', import.meta.url));

/** `Values` of functions/local.settings.json, if there is one (it is gitignored; copy the sample). */
export function localSettings(path = LOCAL_SETTINGS): Record<string, string> {
  if (!existsSync(path)) return {};
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as { Values?: Record<string, unknown> };
  return Object.fromEntries(Object.entries(parsed.Values ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** Defaults for local use (dev auth, Azurite), then local.settings.json, then the environment. */
export function localConfig(storageConnectionString: string): Config {
  return loadConfig({
    SSR_AUTH_MODE: 'dev',
    ...localSettings(),
    ...process.env,
    // Azurite is the one npm start runs, whatever a settings file says.
    SSR_STORAGE_CONNECTION_STRING: storageConnectionString,
  });
}

export async function waitForHealth(apiUrl: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${apiUrl}/health`);
      last = `${response.status} ${await response.text()}`;
      if (response.ok) return;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The API at ${apiUrl} did not answer /health within ${timeoutMs / 1000} s; last answer: ${last}`);
}

export async function startLocalApi(options: { port: number; config: Config }): Promise<{ url: string; close(): Promise<void> }> {
  const host = await startDevHost({ port: options.port, config: options.config });
  try {
    await waitForHealth(host.url);
  } catch (error) {
    await host.close();
    throw error;
  }
  return host;
}

/** A port from the environment: `fallback` when unset, 0 for any free one. */
export function portSetting(name: string, fallback: number): number {
  const value = process.env[name];
  const port = value === undefined || value === '' ? fallback : Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`Setting ${name}: "${value ?? ''}" is not a port number.`);
  return port;
}

/**
 * On SIGINT or SIGTERM, run `stop` (which lets the API finish the requests under way), then
 * exit: 0 when it stopped cleanly. A second signal exits at once.
 */
export function stopOnSignals(stop: () => Promise<void>): void {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) {
        console.log(`\n${signal} again: exiting without waiting.`);
        process.exit(1);
      }
      stopping = true;
      console.log(`\n${signal}: finishing the requests under way, then stopping…`);
      stop().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
    });
  }
}
