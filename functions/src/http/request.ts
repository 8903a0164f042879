import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import type { FeeMode, FieldError } from '@ssr/shared';
import { FEE_MODES, MAX_YEAR, MIN_YEAR, parseWith, parseYear } from '@ssr/shared';
import type { z } from 'zod';
import { badRequest, payloadTooLarge, preconditionRequired, unsupportedMediaType } from './responses';

/** Either a value or the response that refuses the request. */
export type ValidationResult<T> = { ok: true; value: T } | { ok: false; response: HttpResponseInit };

export const valid = <T>(value: T): ValidationResult<T> => ({ ok: true, value });
export const invalid = (response: HttpResponseInit): { ok: false; response: HttpResponseInit } => ({ ok: false, response });
const fieldErrors = (errors: FieldError[]) => invalid(badRequest(errors));

/** Bodies above this are refused with 413 (the register's largest write is far smaller). */
export const MAX_BODY_BYTES = 1024 * 1024;

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/** The request body as JSON: 415 for another content type, 413 when too large, 400 when not JSON. */
export async function readJsonBody(request: HttpRequest): Promise<ValidationResult<unknown>> {
  const contentType = request.headers.get('content-type');
  if (contentType === null || !JSON_TYPE.test(contentType.trim())) {
    return invalid(unsupportedMediaType('Skicka kroppen som JSON med Content-Type: application/json (UTF-8).'));
  }
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) return invalid(tooLarge());
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > MAX_BODY_BYTES) return invalid(tooLarge());
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fieldErrors([{ path: '', message: 'Kroppen är inte giltig UTF-8.' }]);
  }
  if (text.trim() === '') return fieldErrors([{ path: '', message: 'Kroppen är tom; skicka ett JSON-objekt.' }]);
  try {
    return valid(JSON.parse(text) as unknown);
  } catch {
    return fieldErrors([{ path: '', message: 'Kroppen är inte giltig JSON.' }]);
  }
}

function tooLarge(): HttpResponseInit {
  return payloadTooLarge(`Kroppen får vara högst ${MAX_BODY_BYTES / 1024 / 1024} MB.`);
}

/** A year as text (query string or route), four digits within the schema's range. */
export function yearParameter(text: string | null | undefined, path: string): ValidationResult<number> {
  if (text === null || text === undefined || text.trim() === '') {
    return fieldErrors([{ path, message: 'Ange året, till exempel 2026.' }]);
  }
  const year = parseYear(text);
  if (year === undefined) {
    return fieldErrors([{ path, message: `Året ska vara ett heltal mellan ${MIN_YEAR} och ${MAX_YEAR}, till exempel 2026.` }]);
  }
  return valid(year);
}

export function queryYear(request: HttpRequest): ValidationResult<number> {
  return yearParameter(request.query.get('year'), 'query.year');
}

/** `mode=exact` (default) or `mode=estimate` (R3 with the latest earlier figure). */
export function queryMode(request: HttpRequest): ValidationResult<FeeMode> {
  const mode = request.query.get('mode');
  if (mode === null || mode === '') return valid('exact');
  const known = FEE_MODES.find((candidate) => candidate === mode);
  return known ? valid(known) : fieldErrors([{ path: 'query.mode', message: 'Läget ska vara "exact" eller "estimate".' }]);
}

/** An entity tag as RFC 9110 writes it: optionally weak, quoted, visible ASCII but the quote. */
const ETAG = /^(?:W\/)?"[\x21\x23-\x7e]*"$/;

/**
 * The etag a write is conditioned on. Missing, or `*` (which would overwrite whatever is
 * there), is refused with 428: every write names the version it changes. A malformed tag is
 * returned as `undefined`, so the caller answers 412 with the current entity.
 */
export function requireIfMatch(request: HttpRequest): ValidationResult<string | undefined> {
  const header = request.headers.get('if-match')?.trim() ?? '';
  if (header === '' || header === '*') {
    return invalid(
      preconditionRequired('Ändringar kräver If-Match med den etag du fick när du läste uppgifterna, så att ingen annans ändring skrivs över.'),
    );
  }
  return valid(ETAG.test(header) ? header : undefined);
}

/** Whether an If-None-Match header names the given etag (or `*`). */
export function ifNoneMatchHits(request: HttpRequest, etag: string): boolean {
  const header = request.headers.get('if-none-match');
  if (header === null) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

/** A route parameter checked with a schema; errors name it `path.<name>`. */
export function pathParam<S extends z.ZodType>(request: HttpRequest, name: string, schema: S): ValidationResult<z.output<S>> {
  const parsed = parseWith(schema, request.params[name], `path.${name}`);
  return parsed.ok ? valid(parsed.value) : fieldErrors(parsed.errors);
}

/** A JSON body checked with a schema. */
export async function readBody<S extends z.ZodType>(request: HttpRequest, schema: S): Promise<ValidationResult<z.output<S>>> {
  const body = await readJsonBody(request);
  if (!body.ok) return body;
  const parsed = parseWith(schema, body.value);
  return parsed.ok ? valid(parsed.value) : fieldErrors(parsed.errors);
}

/**
 * The body of a PUT to the entity at `id`: the id may be left out of the body (a value read
 * with GET can be sent back as it is); if given, it must be the one in the address.
 */
export async function readBodyFor<S extends z.ZodType<{ id: string }>>(request: HttpRequest, schema: S, id: string): Promise<ValidationResult<z.output<S>>> {
  const body = await readJsonBody(request);
  if (!body.ok) return body;
  const input = typeof body.value === 'object' && body.value !== null && !Array.isArray(body.value) ? { id, ...body.value } : body.value;
  const parsed = parseWith(schema, input);
  if (!parsed.ok) return fieldErrors(parsed.errors);
  if (parsed.value.id !== id) {
    return fieldErrors([{ path: 'id', message: `Id i kroppen (${parsed.value.id}) är inte id i adressen (${id}); ett id kan inte ändras.` }]);
  }
  return valid(parsed.value);
}
