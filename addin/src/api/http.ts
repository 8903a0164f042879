import type { Lang } from '@ssr/shared';
import { API_TIMEOUT_MS } from './base';
import { isUnreadable } from './decode';
import type { ApiProblem } from './problem';
import { lostWriteProblem, networkProblem, problemFrom, unreadableProblem } from './problem';

/** One API call's outcome: the decoded value (and the entity's etag), or the problem. */
export type ApiResult<T> = { ok: true; value: T; etag?: string } | { ok: false; problem: ApiProblem };

export interface HttpOptions {
  /** `/api` in the add-in (same origin through the proxy), an absolute URL in tests. */
  baseUrl: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** The pane's language: asked of the API (Accept-Language) and used for the client's own words. Swedish by default. */
  language?: Lang;
}

export interface RequestOptions<T> {
  body?: unknown;
  ifMatch?: string;
  ifNoneMatch?: string;
  accept?: string;
  /** Turns the body into the value, or says why it cannot (the API changed under us). */
  decode: (response: Response) => Promise<T | { unreadable: string }>;
}


const WRITES: ReadonlySet<string> = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);

/** The API stored the write or not, and cannot say which (`urn:ssr:problem:outcome-unknown`). */
const OUTCOME_UNKNOWN_STATUS = 504;

/**
 * Each write is one user action and carries its own Idempotency-Key. When its answer is lost
 * (no response, or the API cannot tell whether storage kept it) the write is sent once more
 * with the same key: the API then answers as it did the first time, or does it now, but never
 * twice, and never answers the user's own write with a conflict.
 */
export function createHttp(options: HttpOptions) {
  let language: Lang = options.language ?? 'sv';
  const base = options.baseUrl.replace(/\/+$/, '');
  const fetchFn = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? API_TIMEOUT_MS;

  const request = async <T>(method: string, path: string, request: RequestOptions<T>): Promise<ApiResult<T>> => {
    const lang = language;
    const headers: Record<string, string> = { Accept: request.accept ?? 'application/json', 'Accept-Language': lang };
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    if (request.ifMatch !== undefined) headers['If-Match'] = request.ifMatch;
    if (request.ifNoneMatch !== undefined) headers['If-None-Match'] = request.ifNoneMatch;
    const write = WRITES.has(method.toUpperCase());
    if (write) headers['Idempotency-Key'] = crypto.randomUUID();
    const send = async (): Promise<{ response: Response } | { problem: ApiProblem }> => {
      try {
        const response = await fetchFn(`${base}${path}`, {
          method,
          headers,
          ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        return { response };
      } catch (error) {
        return { problem: networkProblem(error, lang) };
      }
    };
    let answer = await send();
    const lost = 'response' in answer ? answer.response.status === OUTCOME_UNKNOWN_STATUS : answer.problem.status === 0;
    if (write && lost) answer = await send();
    // A write whose answers never came may have been stored: never say it can simply be done again.
    if (!('response' in answer)) return { ok: false, problem: write ? lostWriteProblem(answer.problem) : answer.problem };
    const { response } = answer;
    if (!response.ok) return { ok: false, problem: await problemFrom(response) };
    let value: T | { unreadable: string };
    try {
      value = await request.decode(response);
    } catch (error) {
      value = { unreadable: error instanceof Error ? error.message : String(error) };
    }
    if (isUnreadable(value)) {
      return { ok: false, problem: unreadableProblem(response.status, value.unreadable, lang) };
    }
    const etag = response.headers.get('ETag') ?? undefined;
    return etag === undefined ? { ok: true, value } : { ok: true, value, etag };
  };
  return Object.assign(request, {
    /** Switch the language of the calls that follow (the pane's language switch). */
    setLanguage: (next: Lang): void => {
      language = next;
    },
  });
}

export type Http = ReturnType<typeof createHttp>;
