import type { Config } from './config';
import type { RegisterView } from './register-cache';
import { registerReader } from './register-cache';
import type { StoredRegister } from './stored-register';
import type { Deadline } from './storage/deadline';
import { setUpStorage } from './storage/seed';
import { Tables } from './storage/tables';

/** What lives as long as the app instance: configuration, table clients, the clock. */
export interface Services {
  config: Config;
  tables: Tables;
  now: () => Date;
  /**
   * The whole register as of a moment after the call (reads shared between concurrent
   * requests), within the caller's storage deadline. The result is shared: do not mutate it.
   */
  readRegister: (signal: AbortSignal) => Promise<StoredRegister>;
  /** The same, with the answers already computed from it (see `register-cache.ts`). */
  register: (limit: AbortSignal | Deadline) => Promise<RegisterView>;
}

export function createServices(config: Config): Services {
  const tables = new Tables(config, setUpStorage);
  const now = () => new Date();
  const register = registerReader(tables, config.storage.timeoutMs, now);
  return { config, tables, now, register, readRegister: async (signal) => (await register(signal)).stored };
}
