import type { HttpResponseInit } from '@azure/functions';
import type { FieldError, Lang, Problem } from '@ssr/shared';
import { apiTexts } from '../texts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** Problem types are URNs: stable identifiers that need no web page to exist. */
export const problemType = (slug: string): string => `urn:ssr:problem:${slug}`;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponseInit {
  return { status, body: JSON.stringify(body), headers: { 'content-type': JSON_CONTENT_TYPE, ...headers } };
}

export function ok(body: unknown, headers: Record<string, string> = {}): HttpResponseInit {
  return json(200, body, headers);
}

export function created(body: unknown, location: string, headers: Record<string, string> = {}): HttpResponseInit {
  return json(201, body, { location, ...headers });
}

export function noContent(): HttpResponseInit {
  return { status: 204 };
}

export function problem(
  status: number,
  slug: string,
  title: string,
  detail: string,
  extensions: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): HttpResponseInit {
  const body: Problem = { type: problemType(slug), title, status, detail, ...extensions };
  return { status, body: JSON.stringify(body), headers: { 'content-type': PROBLEM_CONTENT_TYPE, ...headers } };
}

export function badRequest(lang: Lang, errors: FieldError[], detail?: string): HttpResponseInit {
  const t = apiTexts(lang);
  return problem(400, 'validation', t.title.validation, detail ?? t.http.invalidRequest, { errors });
}

export function unauthorized(lang: Lang, detail: string): HttpResponseInit {
  return problem(401, 'unauthenticated', apiTexts(lang).title.unauthenticated, detail);
}

export function forbidden(lang: Lang, detail: string): HttpResponseInit {
  return problem(403, 'forbidden', apiTexts(lang).title.forbidden, detail);
}

export function notFound(lang: Lang, detail: string, slug = 'not-found', extensions: Record<string, unknown> = {}): HttpResponseInit {
  return problem(404, slug, apiTexts(lang).title['not-found'], detail, extensions);
}

export function conflict(lang: Lang, detail: string, extensions: Record<string, unknown> = {}, slug = 'conflict'): HttpResponseInit {
  return problem(409, slug, apiTexts(lang).title.conflict, detail, extensions);
}

/** 412: the client's copy is stale; `current` is what is stored now, so it can merge and retry. */
export function preconditionFailed(lang: Lang, current: unknown, etag: string | undefined): HttpResponseInit {
  const t = apiTexts(lang);
  return problem(412, 'stale-etag', t.title['stale-etag'], t.http.staleDetail, { current }, etag === undefined ? {} : { etag });
}

export function preconditionRequired(lang: Lang, detail: string): HttpResponseInit {
  return problem(428, 'if-match-required', apiTexts(lang).title['if-match-required'], detail);
}

export function payloadTooLarge(lang: Lang, detail: string, extensions: Record<string, unknown> = {}): HttpResponseInit {
  return problem(413, 'too-large', apiTexts(lang).title['too-large'], detail, extensions);
}

export function unsupportedMediaType(lang: Lang, detail: string): HttpResponseInit {
  return problem(415, 'unsupported-media-type', apiTexts(lang).title['unsupported-media-type'], detail);
}

export function serviceUnavailable(lang: Lang, detail: string, extensions: Record<string, unknown> = {}): HttpResponseInit {
  return problem(503, 'storage-unavailable', apiTexts(lang).title['storage-unavailable'], detail, extensions, { 'retry-after': '5' });
}

/**
 * A write was sent to storage and no verdict came back: it may be stored. Saying "nothing
 * changed" here would be untrue; the client checks by reading, or retries with its key.
 */
export function outcomeUnknown(lang: Lang): HttpResponseInit {
  const t = apiTexts(lang);
  return problem(504, 'outcome-unknown', t.title['outcome-unknown'], t.http.outcomeUnknownDetail, {}, { 'retry-after': '5' });
}

/** 500 for a fault on our side, with the id to look it up by in the log. */
export function internalError(lang: Lang, correlationId: string): HttpResponseInit {
  const t = apiTexts(lang);
  return problem(500, 'internal', t.title.internal, t.http.internalDetail(correlationId), { correlationId });
}
