import { expect } from 'vitest';
import type { Lang } from '@ssr/shared';
import { configureFunctions, formattedNumber, SEK_FORMAT, SSR_FUNCTIONS } from '../../../addin/src/custom-functions';
import type { FormattedNumber } from '../../../addin/src/custom-functions';
import type { SsrFunctionId } from '../../../addin/src/custom-functions';
import { createSnapshotClient } from '../../../addin/src/snapshot/client';
import type { SnapshotClient, SnapshotClientOptions } from '../../../addin/src/snapshot/client';
import { memoryStorage } from '../../../addin/src/snapshot/storage';
import { officeCellError } from '../../../addin/src/runtime/office';

/*
 * The stand-in for Excel that these tests need: the CustomFunctions global (its Error class,
 * ErrorCode and associate), and calls made the way Excel makes them (null for a left-out
 * optional argument, an invocation object last). Everything else is the real add-in code.
 */

export class ExcelErrorStandIn {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export const associated = new Map<string, unknown>();

export function installCustomFunctionsStandIn(): void {
  Object.assign(globalThis, {
    CustomFunctions: {
      Error: ExcelErrorStandIn,
      ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!', invalidNumber: '#NUM!', nullReference: '#NULL!' },
      associate: (id: string, implementation: unknown) => associated.set(id, implementation),
    },
  });
}

/** A cell error as Excel would show it: code and the message under the error flag. */
export function cellError(code: '#VALUE!' | '#N/A', message: string | RegExp): object {
  const matcher: unknown = typeof message === 'string' ? message : expect.stringMatching(message);
  return { code, message: matcher };
}

/**
 * Call SSR.<id> as Excel does: every declared parameter (null for one left out), then the
 * invocation object.
 */
export function excel(id: SsrFunctionId, ...args: unknown[]): Promise<unknown> {
  const implementation = SSR_FUNCTIONS[id] as (...given: unknown[]) => Promise<unknown>;
  if (args.length > implementation.length) throw new Error(`SSR.${id} takes ${implementation.length} arguments, not ${args.length}.`);
  const padded = [...args, ...Array.from({ length: implementation.length - args.length }, () => null)];
  return implementation(...padded, { address: 'Sheet1!A1', functionName: `SSR.${id}` });
}

export interface RecordedRequest {
  url: string;
  ifNoneMatch: string | null;
  status: number | 'failed';
}

/** The real fetch, counting what goes over the wire. */
export function countingFetch(): { fetch: typeof fetch; requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  const counted: typeof fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const ifNoneMatch = new Headers(init?.headers).get('If-None-Match');
    const record: RecordedRequest = { url, ifNoneMatch, status: 'failed' };
    requests.push(record);
    const response = await fetch(input, init);
    record.status = response.status;
    return response;
  };
  return { fetch: counted, requests };
}

/** A clock the test moves by hand; starts mid-2025, so "the current year" is 2025. */
export function testClock(start = Date.UTC(2025, 5, 1, 12)): { now: () => number; advance: (ms: number) => void } {
  let time = start;
  return { now: () => time, advance: (ms) => (time += ms) };
}

/** Settles within the deadline, or fails the test saying what was left pending. */
export async function withinDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} was still pending after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** A money cell as Excel gets it where it has data types: the exact kronor with the SEK format. */
export function sek(kronor: number): FormattedNumber {
  return formattedNumber(kronor, SEK_FORMAT);
}

/** How the stand-in Excel is set up: its display language (settable), and whether it takes data types. */
export interface CellHost {
  /** Office's display language; English unless a test says otherwise. */
  lang?: Lang | (() => Lang);
  /** Whether this Excel takes formatted numbers (CustomFunctionsRuntime 1.4); plain numbers unless a test says so. */
  dataTypes?: boolean;
}

/** A snapshot client on the API and the functions configured to use it. */
export function useFunctions(
  apiUrl: string,
  options: Partial<SnapshotClientOptions> & { clock?: ReturnType<typeof testClock>; host?: CellHost } = {},
): { snapshots: SnapshotClient; clock: ReturnType<typeof testClock>; counter: ReturnType<typeof countingFetch> } {
  const { clock = testClock(), host = {}, ...clientOptions } = options;
  const counter = countingFetch();
  const snapshots = createSnapshotClient({ baseUrl: apiUrl, fetch: counter.fetch, storage: memoryStorage(), now: clock.now, ...clientOptions });
  const lang = host.lang ?? 'en';
  configureFunctions({
    snapshots,
    now: clock.now,
    cellError: officeCellError,
    language: typeof lang === 'function' ? lang : () => lang,
    dataTypes: host.dataTypes ?? false,
  });
  return { snapshots, clock, counter };
}
