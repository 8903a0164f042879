import type { HttpResponseInit } from '@azure/functions';
import type { Health } from '@ssr/shared';
import type { ApiCall } from '../http/route';
import { ok, serviceUnavailable } from '../http/responses';
import { StorageUnavailableError } from '../storage/errors';
import { apiTexts } from '../texts';

/**
 * GET /health: the API answers, whether storage does (checked on every call, not remembered),
 * and who the caller is with which roles, so the pane can say what the user may do.
 */
export async function health({ services, store, user, lang }: ApiCall): Promise<HttpResponseInit> {
  try {
    await store.members.get('~health');
    return ok({ status: 'ok', storage: 'ok', authMode: services.config.auth.mode, user: { name: user.name, roles: user.roles } } satisfies Health);
  } catch (error) {
    if (!(error instanceof StorageUnavailableError)) throw error;
    return serviceUnavailable(lang, apiTexts(lang).http.healthStorageDown, { checks: { api: 'ok', storage: 'unreachable' } });
  }
}
