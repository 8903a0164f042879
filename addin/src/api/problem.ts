import type { FieldError, Lang } from '@ssr/shared';
import { CLIENT_WORDS } from './words';

/**
 * A failed API call, as RFC 9457 problem details, or as a network failure (status 0). The
 * API writes `title`, `detail` and `errors` in the language the client asks for
 * (Accept-Language); the pane shows them as they come and adds what to do.
 */
export interface ApiProblem {
  /** HTTP status; 0 when no answer came (network, timeout). */
  status: number;
  type: string;
  title: string;
  detail: string;
  errors: FieldError[];
  /** 412: the entity as stored now. */
  current?: unknown;
  /** 412: the etag of `current`. */
  etag?: string;
  /** What the browser or the decoder said, in its own (English) words: for the log, never shown. */
  cause?: string;
}

export const NETWORK_PROBLEM = 'urn:ssr:problem:network';
export const UNREADABLE_PROBLEM = 'urn:ssr:problem:unreadable-response';
/** A write the API sent to storage without learning whether it was kept (504). */
export const OUTCOME_UNKNOWN_PROBLEM = 'urn:ssr:problem:outcome-unknown';

export function networkProblem(cause: unknown, lang: Lang = 'sv'): ApiProblem {
  const words = CLIENT_WORDS[lang];
  return { status: 0, type: NETWORK_PROBLEM, title: words.networkTitle, detail: words.networkDetail, errors: [], cause: causeText(cause) };
}

/** An answer that is not what this add-in expects (the API changed under it). */
export function unreadableProblem(status: number, cause: string, lang: Lang = 'sv'): ApiProblem {
  const words = CLIENT_WORDS[lang];
  return { status, type: UNREADABLE_PROBLEM, title: words.unreadableTitle, detail: words.unreadableDetail, errors: [], cause };
}

function causeText(cause: unknown): string {
  return cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
}

/**
 * Whether an error is the browser's way of saying no answer came: `fetch` rejects with a
 * TypeError whose message each browser words differently ("Failed to fetch", "NetworkError
 * when attempting to fetch resource.", "Load failed"), and a timeout or abort with a DOMException.
 */
export function isNetworkError(error: unknown): boolean {
  if (error instanceof DOMException) return error.name === 'TimeoutError' || error.name === 'AbortError' || error.name === 'NetworkError';
  return error instanceof TypeError && /fetch|network|load failed/i.test(error.message);
}

/** A write whose answers were lost, the retry's too: it may have been stored. */
export function lostWriteProblem(cause: ApiProblem): ApiProblem {
  return { ...cause, type: OUTCOME_UNKNOWN_PROBLEM };
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function fieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { path, message } = item as { path?: unknown; message?: unknown };
    return typeof message === 'string' ? [{ path: typeof path === 'string' ? path : '', message }] : [];
  });
}

/** Read a problem from a response that failed; anything that is not problem+json still gives one. */
export async function problemFrom(response: Response): Promise<ApiProblem> {
  const etag = response.headers.get('ETag') ?? undefined;
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    // A proxy's HTML error page or an empty body: the status is all there is.
    body = undefined;
  }
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const currentEtag = etag ?? (typeof record.current === 'object' && record.current !== null ? text((record.current as { etag?: unknown }).etag) : '');
  return {
    status: response.status,
    type: text(record.type) || `urn:ssr:problem:http-${response.status}`,
    title: text(record.title) || response.statusText,
    detail: text(record.detail),
    errors: fieldErrors(record.errors),
    ...(record.current === undefined ? {} : { current: record.current }),
    ...(currentEtag ? { etag: currentEtag } : {}),
  };
}
