import type { HttpResponseInit } from '@azure/functions';
import type { ApiCall } from '../http/route';
import { ok, problem } from '../http/responses';
import { StorageUnavailableError } from '../storage/errors';

/** GET /health: the API answers, and whether storage does (checked on every call, not remembered). */
export async function health({ services, store }: ApiCall): Promise<HttpResponseInit> {
  try {
    await store.members.get('~health');
    return ok({ status: 'ok', storage: 'ok', authMode: services.config.auth.mode });
  } catch (error) {
    if (!(error instanceof StorageUnavailableError)) throw error;
    return problem(503, 'storage-unavailable', 'Lagringen svarar inte', 'API:t är uppe men lagringen svarar inte.', {
      checks: { api: 'ok', storage: 'unreachable' },
    });
  }
}
