import type { FieldError } from '@ssr/shared';

/**
 * A failed API call, as RFC 9457 problem details, or as a network failure (status 0). The
 * API writes `title`, `detail` and `errors` in Swedish for the people who read them; the
 * pane shows them as they come and adds what to do.
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
}

export const NETWORK_PROBLEM = 'urn:ssr:problem:network';
export const UNREADABLE_PROBLEM = 'urn:ssr:problem:unreadable-response';
/** A write the API sent to storage without learning whether it was kept (504). */
export const OUTCOME_UNKNOWN_PROBLEM = 'urn:ssr:problem:outcome-unknown';

export function networkProblem(cause: unknown): ApiProblem {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return { status: 0, type: NETWORK_PROBLEM, title: '', detail, errors: [] };
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
