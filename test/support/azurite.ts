/** Azurite for tests: the same starter `npm start` uses (in memory unless a data folder is given). */
export { AZURITE_ACCOUNT, AZURITE_KEY, AZURITE_TABLE_MAIN, azuriteConnectionString, freePort, startAzurite } from '../../scripts/azurite';
export type { Azurite, AzuriteOptions } from '../../scripts/azurite';
