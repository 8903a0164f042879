import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { configureFunctions } from '../../../addin/src/custom-functions';
import { officeCellError } from '../../../addin/src/runtime/office';
import { createSnapshotClient } from '../../../addin/src/snapshot/client';
import { memoryStorage, SNAPSHOT_STORAGE_KEY } from '../../../addin/src/snapshot/storage';
import type { SnapshotStorage } from '../../../addin/src/snapshot/storage';
import { startStack } from '../../support/stack';
import type { Stack } from '../../support/stack';
import { cellError, countingFetch, excel, installCustomFunctionsStandIn, testClock, withinDeadline } from './support';

// The saved snapshot: it survives a reload, stands in when the API cannot be reached (with
// its age known), and without it every cell settles with an #N/A that says what happened.

const HOUR = 3_600_000;
const DEADLINE_MS = 20_000;
let stack: Stack;
let stopped = false;
let apiUrl: string;
const saved = memoryStorage();

beforeAll(async () => {
  installCustomFunctionsStandIn();
  stack = await startStack();
  apiUrl = stack.apiUrl;
});

afterAll(async () => {
  if (!stopped) await stack.stop();
});

function reload(storage: SnapshotStorage = saved, clock = testClock()) {
  const counter = countingFetch();
  const snapshots = createSnapshotClient({ baseUrl: apiUrl, fetch: counter.fetch, storage, now: clock.now, freshForMs: 60_000, retryAfterMs: 5_000 });
  configureFunctions({ snapshots, now: clock.now, cellError: officeCellError });
  return { snapshots, counter, clock };
}

/** Every function once, all at once; each must settle before the deadline. */
function everyFunction(): Promise<PromiseSettledResult<unknown>[]> {
  return withinDeadline(
    Promise.allSettled([
      excel('FEE', 'Nacka', 2025),
      excel('FEES', 2024),
      excel('TOTAL', 2024),
      excel('POPULATION', 'Nacka', 2024),
      excel('FEEBASIS', 'Nacka', 2025),
      excel('RATE', 2025),
      excel('ACTORFEE', 2025, 'double'),
      excel('MEMBERS'),
      excel('REIMBURSED', 'Nacka', 2025),
      excel('NET', 'Nacka', 2025),
      excel('CLUSTER', 'Nacka'),
    ]),
    DEADLINE_MS,
    'a cell',
  );
}

describe('while the API runs', () => {
  test('the first read saves the snapshot; a reload within the window uses it without a request', async () => {
    const first = reload();
    await expect(excel('FEE', 'Nacka', 2025)).resolves.toBe(168_168);
    expect(first.counter.requests).toHaveLength(1);
    expect(saved.items.get(SNAPSHOT_STORAGE_KEY)).toContain('"version"');

    const second = reload(saved, testClock(first.clock.now() + 30_000));
    await expect(excel('FEE', 'Nacka', 2025)).resolves.toBe(168_168);
    expect(second.counter.requests).toHaveLength(0);
    expect(second.snapshots.peek()).toMatchObject({ ageMs: 30_000, offline: false });
  });

  test('a saved snapshot that cannot be read is ignored, and the API asked', async () => {
    const broken = memoryStorage({ [SNAPSHOT_STORAGE_KEY]: '{"snapshot": "half written' });
    const { counter } = reload(broken);
    await expect(excel('FEE', 'Nacka', 2025)).resolves.toBe(168_168);
    expect(counter.requests).toHaveLength(1);
  });

  test('storage that never answers does not hold up the cells', async () => {
    const silent = { getItem: () => new Promise<string | null>(() => undefined), setItem: () => new Promise<void>(() => undefined) };
    const { counter } = reload(silent);
    await expect(withinDeadline(excel('FEE', 'Nacka', 2025), DEADLINE_MS, 'SSR.FEE')).resolves.toBe(168_168);
    await expect(withinDeadline(excel('FEE', 'Solna', 2025), DEADLINE_MS, 'SSR.FEE')).resolves.toBe(128_683.5);
    expect(counter.requests).toHaveLength(1);
  });

  test('a refusal (4xx) is not hidden behind the saved snapshot', async () => {
    const counter = countingFetch();
    const snapshots = createSnapshotClient({ baseUrl: `${apiUrl}/no-such-route`, fetch: counter.fetch, storage: memoryStorage(Object.fromEntries(saved.items)), now: testClock(Date.UTC(2025, 6, 1)).now });
    configureFunctions({ snapshots, now: Date.now, cellError: officeCellError });
    await expect(excel('FEE', 'Nacka', 2025)).rejects.toMatchObject(cellError('#N/A', /^No register data: the SSR API answered 404/));
  });
});

describe('with the API stopped', () => {
  test('a saved snapshot still gives values, and its age is reported', async () => {
    await stack.stop();
    stopped = true;
    const twoHoursLater = testClock(testClock().now() + 2 * HOUR);
    const { snapshots, counter } = reload(saved, twoHoursLater);

    const results = await everyFunction();
    expect(results.map((result) => result.status)).toEqual(Array(11).fill('fulfilled'));
    expect(results[0]).toEqual({ status: 'fulfilled', value: 168_168 });
    expect(results[2]).toEqual({ status: 'fulfilled', value: 7_602_231.5 });
    expect(counter.requests).toHaveLength(1);
    expect(counter.requests[0]?.status).toBe('failed');

    const read = await snapshots.get();
    expect(read).toMatchObject({ offline: true, ageMs: 2 * HOUR });
    expect(read.problem).toMatch(/^the SSR API at http:\/\/127\.0\.0\.1:\d+\/api\/snapshot cannot be reached/);
    expect(snapshots.peek()).toMatchObject({ offline: true, ageMs: 2 * HOUR });
  });

  test('after a failure the saved snapshot is served for a while before the API is tried again', async () => {
    const clock = testClock(testClock().now() + 3 * HOUR);
    const { counter } = reload(saved, clock);
    await withinDeadline(excel('FEE', 'Nacka', 2025), DEADLINE_MS, 'SSR.FEE');
    await withinDeadline(excel('FEE', 'Nacka', 2025), DEADLINE_MS, 'SSR.FEE');
    expect(counter.requests).toHaveLength(1);
    clock.advance(5_000);
    await expect(withinDeadline(excel('FEE', 'Nacka', 2025), DEADLINE_MS, 'SSR.FEE')).resolves.toBe(168_168);
    expect(counter.requests).toHaveLength(2);
  });

  test('no saved snapshot: every cell settles with #N/A saying the API cannot be reached', async () => {
    const { counter } = reload(memoryStorage());
    const message = /^The SSR API at http:\/\/127\.0\.0\.1:\d+\/api\/snapshot cannot be reached \(.+\), and no saved copy of the register exists on this computer\. Check the connection, then recalculate\.$/;

    const results = await everyFunction();
    for (const result of results) expect(result).toMatchObject({ status: 'rejected', reason: cellError('#N/A', message) });

    const many = await withinDeadline(
      Promise.allSettled(Array.from({ length: 10_000 }, (_, i) => excel('FEE', i % 2 === 0 ? 'Nacka' : 'Solna', 2025))),
      DEADLINE_MS,
      '10 000 SSR.FEE cells',
    );
    expect(many.every((result) => result.status === 'rejected')).toBe(true);
    expect(counter.requests).toHaveLength(1);
  });

  test('a bad argument is #VALUE! at once, without waiting for the API', async () => {
    const { counter } = reload(memoryStorage());
    await expect(withinDeadline(excel('FEE', 'Nacka', 'nästa år'), DEADLINE_MS, 'SSR.FEE')).rejects.toMatchObject(
      cellError('#VALUE!', "Year must be a whole year such as 2025; got 'nästa år'."),
    );
    await expect(excel('LASTYEAR', '2026-06-30')).resolves.toBe(2026);
    expect(counter.requests).toHaveLength(0);
  });
});
