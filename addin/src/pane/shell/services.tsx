import { createContext, useContext } from 'react';
import type { ApiClient } from '../../api/client';
import type { TokenSource } from '../../auth';
import type { WorkbookPort } from '../../excel/port';
import type { SnapshotClient } from '../../snapshot/client';

/** What the views work with: the Excel layer, the API, the shared snapshot. The composition root (runtime/) builds them. */
export interface PaneServices {
  workbook: WorkbookPort;
  api: ApiClient;
  snapshots: SnapshotClient;
  /** The runtime's sign-in (shared with the custom functions); null in local dev mode, where nobody signs in. */
  tokenSource: TokenSource | null;
  /** The clock, for default years and ages; passed in so tests can fix it. */
  now: () => number;
}

const ServicesContext = createContext<PaneServices | undefined>(undefined);

export const ServicesProvider = ServicesContext.Provider;

export function useServices(): PaneServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices() outside <ServicesProvider>');
  return services;
}
