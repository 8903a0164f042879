import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import type { FeeMode, FieldError, Lang } from '@ssr/shared';
import { FEE_MODES, MAX_YEAR, MIN_YEAR, memberIdSchema, parseWith, parseYear } from '@ssr/shared';
import type { z } from 'zod';
import { apiTexts } from '../texts';
import { requestLang } from './lang';
import { badRequest, payloadTooLarge, preconditionRequired, unsupportedMediaType } from './responses';

/** Either a value or the response that refuses the request. */
export type ValidationResult<T> = { ok: true; value: T } | { ok: false; response: HttpResponseInit };

export const valid = <T>(value: T): ValidationResult<T> => ({ ok: true, value });
export const invalid = (response: HttpResponseInit): { ok: false; response: HttpResponseInit } => ({ ok: false, response });
const fieldErrors = (lang: Lang, errors: FieldError[]) => invalid(badRequest(lang, errors));

/** Bodies above this are refused with 413 (the register's largest write is far smaller). */
export const MAX_BODY_BYTES = 1024 * 1024;

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/** The request body as JSON: 415 for another content type, 413 when too large, 400 when not JSON. */
export async function readJsonBody(request: HttpRequest): Promise<ValidationResult<unknown>> {
  const lang = requestLang(request.headers);
  const t = apiTexts(lang).http;
  const contentType = request.headers.get('content-type');
  if (contentType === null || !JSON_TYPE.test(contentType.trim())) return invalid(unsupportedMediaType(lang, t.notJson));
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) return invalid(tooLarge(lang));
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > MAX_BODY_BYTES) return invalid(tooLarge(lang));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fieldErrors(lang, [{ path: '', message: t.bodyNotUtf8 }]);
  }
  if (text.trim() === '') return fieldErrors(lang, [{ path: '', message: t.bodyEmpty }]);
  try {
    return valid(JSON.parse(text) as unknown);
  } catch {
    return fieldErrors(lang, [{ path: '', message: t.bodyNotJson }]);
  }
}

/** 413 for a body above MAX_BODY_BYTES. */
export function tooLarge(lang: Lang): HttpResponseInit {
  return payloadTooLarge(lang, apiTexts(lang).http.bodyTooLarge(MAX_BODY_BYTES / 1024 / 1024));
}

/** A year as text (query string or route), four digits within the schema's range. */
export function yearParameter(text: string | null | undefined, path: string, lang: Lang): ValidationResult<number> {
  const t = apiTexts(lang).http;
  if (text === null || text === undefined || text.trim() === '') return fieldErrors(lang, [{ path, message: t.yearMissing }]);
  const year = parseYear(text);
  if (year === undefined) return fieldErrors(lang, [{ path, message: t.yearRange(MIN_YEAR, MAX_YEAR) }]);
  return valid(year);
}

export function queryYear(request: HttpRequest): ValidationResult<number> {
  return yearParameter(request.query.get('year'), 'query.year', requestLang(request.headers));
}

/** `mode=exact` (default) or `mode=estimate` (R3 with the latest earlier figure). */
export function queryMode(request: HttpRequest): ValidationResult<FeeMode> {
  const mode = request.query.get('mode');
  if (mode === null || mode === '') return valid('exact');
  const known = FEE_MODES.find((candidate) => candidate === mode);
  const lang = requestLang(request.headers);
  return known ? valid(known) : fieldErrors(lang, [{ path: 'query.mode', message: apiTexts(lang).http.modeValues }]);
}

/**
 * `rule=<version id>`: the fee-rule version to compute under, adopted or draft (R7). Absent or
 * empty (as `mode`), the version in force for the year. Whether the register holds it is the
 * engine's to say (404, or 422 for a year before it applies); here only its form is checked.
 */
export function queryRule(request: HttpRequest): ValidationResult<string | undefined> {
  const rule = request.query.get('rule');
  if (rule === null || rule === '') return valid(undefined);
  if (memberIdSchema.safeParse(rule).success) return valid(rule);
  const lang = requestLang(request.headers);
  return fieldErrors(lang, [{ path: 'query.rule', message: apiTexts(lang).http.ruleIdPattern }]);
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
    const lang = requestLang(request.headers);
    return invalid(preconditionRequired(lang, apiTexts(lang).http.ifMatchRequired));
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
  const lang = requestLang(request.headers);
  const parsed = parseWith(schema, request.params[name], `path.${name}`, lang);
  return parsed.ok ? valid(parsed.value) : fieldErrors(lang, parsed.errors);
}

/** A JSON body checked with a schema. */
export async function readBody<S extends z.ZodType>(request: HttpRequest, schema: S): Promise<ValidationResult<z.output<S>>> {
  const body = await readJsonBody(request);
  if (!body.ok) return body;
  const lang = requestLang(request.headers);
  const parsed = parseWith(schema, body.value, '', lang);
  return parsed.ok ? valid(parsed.value) : fieldErrors(lang, parsed.errors);
}

/**
 * The body of a PUT to the entity at `id`: the id may be left out of the body (a value read
 * with GET can be sent back as it is); if given, it must be the one in the address.
 */
export async function readBodyFor<S extends z.ZodType<{ id: string }>>(request: HttpRequest, schema: S, id: string): Promise<ValidationResult<z.output<S>>> {
  const body = await readJsonBody(request);
  if (!body.ok) return body;
  const input = typeof body.value === 'object' && body.value !== null && !Array.isArray(body.value) ? { id, ...body.value } : body.value;
  const lang = requestLang(request.headers);
  const parsed = parseWith(schema, input, '', lang);
  if (!parsed.ok) return fieldErrors(lang, parsed.errors);
  if (parsed.value.id !== id) return fieldErrors(lang, [{ path: 'id', message: apiTexts(lang).http.idMismatch(parsed.value.id, id) }]);
  return valid(parsed.value);
}
