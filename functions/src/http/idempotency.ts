import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import type { Lang } from '@ssr/shared';
import { feeRuleVersionSchema } from '@ssr/shared';
import { apiTexts } from '../texts';
import { requestLang } from './lang';
import { feeRuleView } from '../stored-register';
import { fromDocumentEntity } from '../storage/documents';
import type { IdempotencyClaim, IdempotencyRecord } from '../storage/idempotency';
import { idempotencyClaim, rowDigest } from '../storage/idempotency';
import { getRow, toHttpEtag } from '../storage/rows';
import type { Store } from '../storage/store';
import type { Tables } from '../storage/tables';
import type { ValidationResult } from './request';
import { invalid, valid } from './request';
import { badRequest, json, noContent, problem } from './responses';
import type { Route } from './route';

/** Writes that take an Idempotency-Key. */
export const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);

const KEY = /^[\x21-\x7e](?:[\x20-\x7e]{0,198}[\x21-\x7e])?$/;

/** The request's Idempotency-Key as a claim (scoped to the user, bound to this request), if it sent one. */
export async function readIdempotencyClaim(request: HttpRequest, user: string): Promise<ValidationResult<IdempotencyClaim | undefined>> {
  const key = request.headers.get('idempotency-key');
  if (key === null || !IDEMPOTENT_METHODS.has(request.method.toUpperCase())) return valid(undefined);
  if (!KEY.test(key)) {
    const lang = requestLang(request.headers);
    return invalid(badRequest(lang, [{ path: 'header.Idempotency-Key', message: apiTexts(lang).http.idempotencyKeyFormat }]));
  }
  const url = new URL(request.url);
  const body = new Uint8Array(await request.clone().arrayBuffer());
  return valid(idempotencyClaim(user, key, request.method, `${url.pathname}${url.search}`, body));
}

function successStatus(route: Route): number {
  return Object.keys(route.responses).map(Number).find((status) => status >= 200 && status < 300) ?? 200;
}

/**
 * The answer of the write a key was recorded with, rebuilt from the row it wrote: same
 * status, body and etag, provided that row still holds what the write left there.
 */
export async function replay(
  record: IdempotencyRecord,
  claim: IdempotencyClaim,
  call: { route: Route; tables: Tables; store: Store; signal: AbortSignal; lang: Lang },
): Promise<HttpResponseInit> {
  const { route, tables, store, signal } = call;
  const t = apiTexts(call.lang);
  if (record.fingerprint !== claim.fingerprint) {
    return problem(422, 'idempotency-key-reused', t.title['idempotency-key-reused'], t.http.idempotencyKeyReused);
  }
  const row = await getRow(tables, record.table, record.dataPartition, record.dataRow, signal);
  if (rowDigest(row) !== record.digest) {
    return problem(409, 'idempotency-superseded', t.title['idempotency-superseded'], t.http.idempotencySuperseded);
  }
  const status = successStatus(route);
  if (status === 204 || row === undefined) return { ...noContent(), headers: { 'idempotent-replay': 'true' } };
  const etag = toHttpEtag(row.etag);
  const document = fromDocumentEntity(row);
  let body: unknown;
  if (record.table === 'populations') {
    body = { year: Number(record.dataPartition), figures: document, etag };
  } else if (record.table === 'feeRules') {
    const members = (await store.members.list()).map((member) => member.value);
    body = feeRuleView({ value: feeRuleVersionSchema.parse(document), etag }, members);
  } else {
    body = { ...(document as Record<string, unknown>), etag };
  }
  const headers: Record<string, string> = { etag, 'idempotent-replay': 'true' };
  if (status === 201) headers.location = `/api/${record.target}`;
  return json(status, body, headers);
}
