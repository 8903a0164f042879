import type { HttpResponseInit } from '@azure/functions';
import type { FieldError, Problem } from '@ssr/shared';

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

export function badRequest(errors: FieldError[], detail = 'Begäran innehåller fel; se listan över fält.'): HttpResponseInit {
  return problem(400, 'validation', 'Ogiltig begäran', detail, { errors });
}

export function unauthorized(detail: string): HttpResponseInit {
  return problem(401, 'unauthenticated', 'Inte inloggad', detail);
}

export function forbidden(detail: string): HttpResponseInit {
  return problem(403, 'forbidden', 'Behörighet saknas', detail);
}

export function notFound(detail: string, slug = 'not-found', extensions: Record<string, unknown> = {}): HttpResponseInit {
  return problem(404, slug, 'Hittades inte', detail, extensions);
}

export function conflict(detail: string, extensions: Record<string, unknown> = {}, slug = 'conflict'): HttpResponseInit {
  return problem(409, slug, 'Konflikt', detail, extensions);
}

/** 412: the client's copy is stale; `current` is what is stored now, so it can merge and retry. */
export function preconditionFailed(current: unknown, etag: string | undefined): HttpResponseInit {
  return problem(
    412,
    'stale-etag',
    'Någon annan har ändrat uppgifterna',
    'Uppgifterna har ändrats sedan du läste dem. Här är de nuvarande värdena; gör om ändringen utifrån dem.',
    { current },
    etag === undefined ? {} : { etag },
  );
}

export function preconditionRequired(detail: string): HttpResponseInit {
  return problem(428, 'if-match-required', 'If-Match saknas', detail);
}

export function payloadTooLarge(detail: string, extensions: Record<string, unknown> = {}): HttpResponseInit {
  return problem(413, 'too-large', 'För stor begäran', detail, extensions);
}

export function unsupportedMediaType(detail: string): HttpResponseInit {
  return problem(415, 'unsupported-media-type', 'Fel innehållstyp', detail);
}

export function serviceUnavailable(detail: string, extensions: Record<string, unknown> = {}): HttpResponseInit {
  return problem(503, 'storage-unavailable', 'Lagringen svarar inte', detail, extensions, { 'retry-after': '5' });
}

/**
 * A write was sent to storage and no verdict came back: it may be stored. Saying "nothing
 * changed" here would be untrue; the client checks by reading, or retries with its key.
 */
export function outcomeUnknown(): HttpResponseInit {
  return problem(
    504,
    'outcome-unknown',
    'Okänt om ändringen sparades',
    'Lagringen svarade inte i tid på ändringen. Vi vet inte om ändringen sparades: läs posten igen och se efter, ' +
      'eller försök igen med samma Idempotency-Key, så görs ändringen högst en gång.',
    {},
    { 'retry-after': '5' },
  );
}

/** 500 for a fault on our side, with the id to look it up by in the log. */
export function internalError(correlationId: string): HttpResponseInit {
  return problem(
    500,
    'internal',
    'Internt fel',
    `Något gick fel hos oss, och att försöka igen hjälper inte. Ange id ${correlationId} om du kontaktar förvaltningen.`,
    { correlationId },
  );
}
