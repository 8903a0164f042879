import type { Config } from './config';
import { setUpStorage } from './storage/seed';
import { Tables } from './storage/tables';

/** What lives as long as the app instance: configuration, table clients, the clock. */
export interface Services {
  config: Config;
  tables: Tables;
  now: () => Date;
}

export function createServices(config: Config): Services {
  return { config, tables: new Tables(config, setUpStorage), now: () => new Date() };
}
