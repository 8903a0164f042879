import { parseWith, snapshotSchema } from '@ssr/shared';
import type { Snapshot } from '@ssr/shared';
import { API_TIMEOUT_MS } from '../api/base';
import { decodeStoredSnapshot, encodeStoredSnapshot, memoryStorage, SNAPSHOT_STORAGE_KEY } from './storage';
import type { SnapshotStorage, StoredSnapshot } from './storage';

/**
 * Why the API gave no current snapshot. The messages are English, as the custom functions'
 * cell errors are (docs/functions.md); the task pane says the same in its own language by this code.
 * - `unreachable`: no answer (network, timeout);
 * - `unavailable`: the API answered with a server error (it or its storage is down);
 * - `unauthorized` (401), `forbidden` (403), `refused` (another 4xx): the API said no;
 * - `invalid`: an answer that is not a snapshot this add-in can read.
 */
export type SnapshotProblemCode = 'unreachable' | 'unavailable' | 'unauthorized' | 'forbidden' | 'refused' | 'invalid';

/** One read of the snapshot, with how old it is and whether the API confirmed it just now. */
export interface SnapshotRead {
  snapshot: Snapshot;
  etag: string;
  /** When the API last confirmed this snapshot (200 or 304), ms since the epoch. */
  fetchedAt: number;
  ageMs: number;
  /** True when the API could not be reached and the saved snapshot stands in. */
  offline: boolean;
  /** Why the API could not give a current snapshot (only when offline), in English. */
  problem?: string;
  /** The same reason as a code (only when offline). */
  problemCode?: SnapshotProblemCode;
}

/** The one snapshot cache that the custom functions and the task pane share. */
export interface SnapshotClient {
  /** A fresh snapshot from memory, or one request (shared by all concurrent callers). */
  get(): Promise<SnapshotRead>;
  /** Ask the API now (conditionally), e.g. after the task pane saved a change. */
  refresh(): Promise<SnapshotRead>;
  /** What is in memory, without any I/O. */
  peek(): SnapshotRead | undefined;
  /**
   * The snapshot `get()` would give at once, when it is in memory and fresh; otherwise undefined
   * (then `get()`). Lets thousands of cells in one recalculation skip a promise and a read each.
   */
  fresh(): Snapshot | undefined;
}

export interface SnapshotClientOptions {
  /** The API base, e.g. `/api` in the add-in or `http://127.0.0.1:7071/api`. */
  baseUrl: string;
  fetch?: typeof fetch;
  storage?: SnapshotStorage;
  now?: () => number;
  /** How long a snapshot is used without asking the API again. */
  freshForMs?: number;
  /** After a failed request, how long the saved snapshot is served before trying again. */
  retryAfterMs?: number;
  /** A request that takes longer than this counts as the API being unreachable. */
  timeoutMs?: number;
}

/** No snapshot can be had: the API refused, or it is unreachable and nothing is saved. */
export class SnapshotUnavailableError extends Error {
  override readonly name = 'SnapshotUnavailableError';
  constructor(
    message: string,
    readonly code: SnapshotProblemCode,
    /** The API's own words (its problem's detail or title), when it answered with one. */
    readonly detail?: string,
  ) {
    super(message);
  }
}

export const DEFAULT_FRESH_FOR_MS = 60_000;
export const DEFAULT_RETRY_AFTER_MS = 5_000;
/** Storage that does not answer within this counts as empty (reading) or failed (saving). */
const STORAGE_TIMEOUT_MS = 3_000;

/** The promise, or a rejection once `ms` have passed: nothing here may leave a cell waiting. */
function withinMs<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** A failed request: the English message, its code, and the API's own words if it gave any. */
interface Failure {
  problem: string;
  code: SnapshotProblemCode;
  detail?: string;
}

type Outcome = { kind: 'fresh'; stored: StoredSnapshot } | ({ kind: 'unreachable' } & Failure) | ({ kind: 'refused' } & Failure);

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}

async function problemDetail(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { detail?: unknown; title?: unknown };
    return typeof body.detail === 'string' ? body.detail : typeof body.title === 'string' ? body.title : '';
  } catch {
    // Not problem+json: the status line says enough.
    return '';
  }
}

function refusalCode(status: number): SnapshotProblemCode {
  if (status >= 500) return 'unavailable';
  return status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : 'refused';
}

export function createSnapshotClient(options: SnapshotClientOptions): SnapshotClient {
  const fetchFn = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const storage = options.storage ?? memoryStorage();
  const now = options.now ?? Date.now;
  const freshForMs = options.freshForMs ?? DEFAULT_FRESH_FOR_MS;
  const retryAfterMs = options.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS;
  const timeoutMs = options.timeoutMs ?? API_TIMEOUT_MS;
  const snapshotUrl = `${options.baseUrl.replace(/\/+$/, '')}/snapshot`;

  let current: StoredSnapshot | undefined;
  let storageLoaded = false;
  let lastFailure: ({ at: number } & Failure) | undefined;
  let inFlight: Promise<SnapshotRead> | undefined;
  let queuedRefresh: Promise<SnapshotRead> | undefined;

  const read = (stored: StoredSnapshot, failure?: Failure): SnapshotRead => ({
    snapshot: stored.snapshot,
    etag: stored.etag,
    fetchedAt: stored.fetchedAt,
    ageMs: Math.max(0, now() - stored.fetchedAt),
    offline: failure !== undefined,
    ...(failure === undefined ? {} : { problem: failure.problem, problemCode: failure.code }),
  });

  const isFresh = (stored: StoredSnapshot): boolean => {
    const age = now() - stored.fetchedAt;
    return age >= 0 && age < freshForMs;
  };

  async function loadSaved(): Promise<void> {
    if (storageLoaded) return;
    storageLoaded = true;
    try {
      const text = await withinMs(storage.getItem(SNAPSHOT_STORAGE_KEY), STORAGE_TIMEOUT_MS, 'reading the saved snapshot');
      if (text === null) return;
      const decoded = decodeStoredSnapshot(text);
      if (decoded.ok) current ??= decoded.value;
      else console.warn(`SSR: the saved snapshot is ignored (${decoded.reason}).`);
    } catch (error) {
      console.warn('SSR: the saved snapshot could not be read.', error);
    }
  }

  /** Saved in the background: no cell waits for storage. */
  async function save(stored: StoredSnapshot): Promise<void> {
    try {
      await withinMs(storage.setItem(SNAPSHOT_STORAGE_KEY, encodeStoredSnapshot(stored)), STORAGE_TIMEOUT_MS, 'saving the snapshot');
    } catch (error) {
      // The values are right either way; only the offline copy is older than it could be.
      console.warn('SSR: the snapshot could not be saved for offline use.', error);
    }
  }

  async function ask(known: StoredSnapshot | undefined): Promise<Outcome> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (known && known.etag !== '') headers['If-None-Match'] = known.etag;
    let response: Response;
    try {
      response = await fetchFn(snapshotUrl, { headers, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      return { kind: 'unreachable', code: 'unreachable', problem: `the SSR API at ${snapshotUrl} cannot be reached (${describe(error)})` };
    }
    if (response.status === 304 && known) {
      return { kind: 'fresh', stored: { ...known, fetchedAt: now() } };
    }
    if (response.ok) {
      let body: unknown;
      try {
        body = await response.json();
      } catch (error) {
        return { kind: 'unreachable', code: 'invalid', problem: `the SSR API sent register data that is not JSON (${describe(error)})` };
      }
      const parsed = parseWith(snapshotSchema, body);
      if (!parsed.ok) {
        const first = parsed.errors[0];
        return {
          kind: 'unreachable',
          code: 'invalid',
          problem: `the SSR API sent register data this add-in cannot read (${first ? `${first.path}: ${first.message}` : 'invalid'})`,
        };
      }
      return { kind: 'fresh', stored: { snapshot: parsed.value, etag: response.headers.get('ETag') ?? '', fetchedAt: now() } };
    }
    const detail = await problemDetail(response);
    const problem = `the SSR API answered ${response.status} ${response.statusText}${detail ? `: ${detail}` : ''}`.trim();
    const failure: Failure = { problem, code: refusalCode(response.status), ...(detail ? { detail } : {}) };
    // A server error is an outage like any other; a 4xx is a refusal that a saved copy must not hide.
    return response.status >= 500 ? { kind: 'unreachable', ...failure } : { kind: 'refused', ...failure };
  }

  async function revalidate(force: boolean): Promise<SnapshotRead> {
    await loadSaved();
    const known = current;
    if (!force && known && isFresh(known)) return read(known);
    if (!force && lastFailure && now() - lastFailure.at < retryAfterMs) {
      if (known) return read(known, lastFailure);
      throw unavailable(noSnapshotMessage(lastFailure.problem), lastFailure);
    }
    const outcome = await ask(known);
    if (outcome.kind === 'fresh') {
      current = outcome.stored;
      lastFailure = undefined;
      void save(outcome.stored);
      return read(outcome.stored);
    }
    const { kind, ...failure } = outcome;
    if (kind === 'refused') throw unavailable(`No register data: ${failure.problem}.`, failure);
    lastFailure = { at: now(), ...failure };
    if (current) return read(current, failure);
    throw unavailable(noSnapshotMessage(failure.problem), failure);
  }

  function start(force: boolean): Promise<SnapshotRead> {
    const request = revalidate(force).finally(() => {
      if (inFlight === request) inFlight = undefined;
    });
    inFlight = request;
    return request;
  }

  return {
    get() {
      if (current && isFresh(current)) return Promise.resolve(read(current));
      return inFlight ?? start(false);
    },
    refresh() {
      if (!inFlight) return start(true);
      // A request already under way may have left before the change the caller wants to see.
      queuedRefresh ??= inFlight
        .catch(() => undefined)
        .then(() => {
          queuedRefresh = undefined;
          return inFlight ?? start(true);
        });
      return queuedRefresh;
    },
    peek() {
      if (!current) return undefined;
      return read(current, lastFailure);
    },
    fresh() {
      return current && isFresh(current) ? current.snapshot : undefined;
    },
  };
}

function unavailable(message: string, failure: Failure): SnapshotUnavailableError {
  return new SnapshotUnavailableError(message, failure.code, failure.detail);
}

function noSnapshotMessage(problem: string): string {
  const sentence = problem.charAt(0).toUpperCase() + problem.slice(1);
  return `${sentence}, and no saved copy of the register exists on this computer. Check the connection, then recalculate.`;
}
