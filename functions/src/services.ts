import { SYSTEM_USER } from './audit';
import type { Config } from './config';
import type { StoredRegister } from './stored-register';
import { loadRegister } from './stored-register';
import { setUpStorage } from './storage/seed';
import { coalesce, withDeadline } from './storage/shared-read';
import { openStore } from './storage/store';
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
}

export function createServices(config: Config): Services {
  const tables = new Tables(config, setUpStorage);
  const now = () => new Date();
  const sharedRead = coalesce(() =>
    loadRegister(openStore(tables, { signal: AbortSignal.timeout(config.storage.timeoutMs), user: SYSTEM_USER, now })),
  );
  return { config, tables, now, readRegister: (signal) => withDeadline(sharedRead(), signal) };
}
