import { createAuthorizedFetch, getTokenSource } from '../auth';
import { apiBaseUrl } from '../snapshot/api-base';
import { createSnapshotClient } from '../snapshot/client';
import type { SnapshotClient } from '../snapshot/client';
import { hostSnapshotStorage } from './office';

/**
 * The snapshot client of this runtime: the API under /api, the signed-in user's token (none
 * in local dev mode), the host's storage for the offline copy.
 */
export function createRuntimeSnapshotClient(): SnapshotClient {
  return createSnapshotClient({
    baseUrl: apiBaseUrl(),
    fetch: createAuthorizedFetch(getTokenSource(), (input, init) => fetch(input, init)),
    storage: hostSnapshotStorage(),
  });
}
