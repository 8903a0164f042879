import type { HttpResponseInit } from '@azure/functions';
import type { AuditLogBody } from '@ssr/shared';
import { badRequest, ok } from '../http/responses';
import type { ApiCall } from '../http/route';
import { apiTexts } from '../texts';

const MAX_ENTRIES = 1000;

/** GET /audit?since=ISO[&limit=N] (admin): who changed what and when, with the data before and after, oldest first. */
export async function getAudit({ request, store, lang }: ApiCall): Promise<HttpResponseInit> {
  const sinceText = request.query.get('since');
  const since = sinceText === null || sinceText === '' ? new Date(0) : new Date(sinceText);
  // Dates and date-times as ISO 8601 writes them; Date would also take "March 7".
  if (sinceText !== null && sinceText !== '' && (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(sinceText) || Number.isNaN(since.getTime()))) {
    return badRequest(lang, [{ path: 'query.since', message: apiTexts(lang).audit.since }]);
  }
  const limitText = request.query.get('limit');
  const limit = limitText === null || limitText === '' ? MAX_ENTRIES : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_ENTRIES) {
    return badRequest(lang, [{ path: 'query.limit', message: apiTexts(lang).audit.limit(MAX_ENTRIES) }]);
  }
  const entries = await store.audit.since(since, limit);
  return ok({ since: since.toISOString(), entries } satisfies AuditLogBody);
}
