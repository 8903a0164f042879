import { createHash } from 'node:crypto';
import type { HttpResponseInit } from '@azure/functions';
import { SYSTEM_USER } from './audit';
import { ifNoneMatchHits } from './http/request';
import type { ApiCall } from './http/route';
import type { StoredRegister } from './stored-register';
import { loadRegister } from './stored-register';
import { readRegisterVersion } from './storage/register-version';
import { coalesce, withDeadline } from './storage/shared-read';
import { openStore } from './storage/store';
import type { Deadline } from './storage/deadline';
import type { Tables } from './storage/tables';

/**
 * The register as this instance last loaded it, kept under the version it was loaded at (see
 * `storage/register-version.ts`), with the answers computed from it. A read costs one point
 * read of the version while nothing has changed; after a change, the register is loaded again.
 */

/** An answer as sent: its bytes are computed once per version, query and language. */
export interface CachedResponse {
  status: number;
  headers: Readonly<Record<string, string>>;
  body: Buffer | undefined;
  etag: string | undefined;
}

export interface RegisterView {
  stored: StoredRegister;
  /** Answers computed from `stored`; undefined when a write is under way, so nothing may be kept. */
  responses: Map<string, CachedResponse> | undefined;
}

/**
 * What is kept is loaded again after this long even when the version row says nothing
 * changed: a write that did not mark the row (an instance of an older build during a deploy,
 * rows edited by hand) is then seen within a minute instead of at the next marked write.
 */
const MAX_KEPT_MS = 60_000;

/** Distinct queries kept per version; past this the answers start over (the queries are the client's to choose). */
const MAX_RESPONSES = 256;

/**
 * `read(limit)`: the register as of a moment after the call, within the caller's deadline.
 * The version read and the load are each shared by requests that arrive while none is
 * running (`coalesce`), and a load always starts after the version read it is kept under.
 */
export function registerReader(tables: Tables, timeoutMs: number, now: () => Date): (limit: AbortSignal | Deadline) => Promise<RegisterView> {
  let current: (RegisterView & { id: string; loadedAt: number; responses: Map<string, CachedResponse> }) | undefined;
  const readVersion = coalesce(() => readRegisterVersion(tables, AbortSignal.timeout(timeoutMs), now().getTime()));
  const load = coalesce(() => loadRegister(openStore(tables, { signal: AbortSignal.timeout(timeoutMs), user: SYSTEM_USER, now })));
  return async (limit) => {
    const version = await withDeadline(readVersion(), limit);
    if (version.settled && current?.id === version.id && now().getTime() - current.loadedAt < MAX_KEPT_MS) return current;
    const loadedAt = now().getTime();
    const stored = await withDeadline(load(), limit);
    if (!version.settled) return { stored, responses: undefined };
    // Loaded after the version was read: it holds every write that version stands for.
    if (current?.id !== version.id || current.loadedAt < loadedAt) current = { id: version.id, loadedAt, stored, responses: new Map() };
    return current;
  };
}

/** The key of an answer: path, every query parameter (sorted) and the language. */
function normalisedKey({ request, lang }: ApiCall): string {
  const url = request.url;
  const queryAt = url.indexOf('?');
  const path = new URL(queryAt === -1 ? url : url.slice(0, queryAt)).pathname;
  const query = new URLSearchParams(request.query);
  query.sort();
  return `${path}?${query.toString()}|${lang}`;
}

/** Keys by the URL as sent: clients repeat the same few, so each is normalised once. */
const keys = new Map<string, string>();

function responseKey(call: ApiCall): string {
  const sent = `${call.request.url}|${call.lang}`;
  let key = keys.get(sent);
  if (key === undefined) {
    key = normalisedKey(call);
    if (keys.size >= MAX_RESPONSES * 4) keys.clear();
    keys.set(sent, key);
  }
  return key;
}

function toCached(init: HttpResponseInit): CachedResponse {
  const status = init.status ?? 200;
  const headers: Record<string, string> = {};
  if (init.headers !== undefined) new Headers(init.headers).forEach((value, name) => (headers[name] = value));
  if ((init.body !== undefined && init.body !== null && typeof init.body !== 'string') || init.jsonBody !== undefined || init.cookies !== undefined) {
    throw new Error('An answer kept in memory must have a text body and no cookies.');
  }
  const body = typeof init.body === 'string' ? Buffer.from(init.body, 'utf8') : undefined;
  let etag = headers.etag;
  if (etag === undefined && status === 200 && body !== undefined) {
    etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
    headers.etag = etag;
  }
  return { status, headers, body, etag };
}

function answer(call: ApiCall, cached: CachedResponse): HttpResponseInit {
  if (cached.status === 200 && cached.etag !== undefined && ifNoneMatchHits(call.request, cached.etag)) {
    const headers: Record<string, string> = { etag: cached.etag };
    const cacheControl = cached.headers['cache-control'];
    if (cacheControl !== undefined) headers['cache-control'] = cacheControl;
    return { status: 304, headers };
  }
  return { status: cached.status, headers: cached.headers, ...(cached.body === undefined ? {} : { body: cached.body }) };
}

/**
 * A GET answered from the register: `build` runs once per register version and query, its
 * answer kept as bytes with an etag (a hash of the body unless `build` sets one); a request
 * naming that etag in If-None-Match gets 304. `build` must depend on nothing but the register,
 * the path, the query and the language.
 */
export async function fromRegister(call: ApiCall, build: (stored: StoredRegister) => HttpResponseInit): Promise<HttpResponseInit> {
  const view = await call.services.register(call.deadline);
  const key = responseKey(call);
  let cached = view.responses?.get(key);
  if (cached === undefined) {
    cached = toCached(build(view.stored));
    if (view.responses !== undefined) {
      if (view.responses.size >= MAX_RESPONSES) view.responses.clear();
      view.responses.set(key, cached);
    }
  }
  return answer(call, cached);
}
