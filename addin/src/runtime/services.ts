import { createApiClient } from '../api/client';
import type { WorkbookPort } from '../excel/port';
import type { PaneServices } from '../pane/shell/services';
import type { AddinRoot } from './root';

/** The pane's services over a workbook: the root's snapshot cache, sign-in and clock, an API client on its fetch. */
export function paneServices(root: AddinRoot, workbook: WorkbookPort): PaneServices {
  return {
    workbook,
    api: createApiClient({ baseUrl: root.apiBaseUrl, fetch: root.fetch }),
    snapshots: root.snapshots,
    tokenSource: root.tokenSource,
    now: root.now,
  };
}
