import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startStack } from '../../support/stack';
import type { Stack } from '../../support/stack';
import { excel, installCustomFunctionsStandIn, useFunctions, withinDeadline } from './support';

// "10 000 cells cost at most one request": the custom functions share one snapshot, fetched
// once, reused for a window, then revalidated with If-None-Match. Real API, real HTTP; the
// requests are counted by a wrapper around the real fetch.

const FRESH_FOR_MS = 60_000;
const CALLS = 10_000;
const YEARS = [2024, 2025, 2026, 2027];
const MODES = ['exact', 'estimate'] as const;

let stack: Stack;
let memberIds: string[];
/** What GET /fees says, per member, year and mode: öre, or undefined when it has no line. */
const expected = new Map<string, number | undefined>();
const key = (id: string, year: number, mode: string) => `${id}|${year}|${mode}`;

beforeAll(async () => {
  installCustomFunctionsStandIn();
  stack = await startStack();
  const members = (await (await fetch(`${stack.apiUrl}/members`)).json()) as { members: { id: string }[] };
  memberIds = members.members.map((member) => member.id);
  for (const year of YEARS) {
    for (const mode of MODES) {
      const schedule = (await (await fetch(`${stack.apiUrl}/fees?year=${year}&mode=${mode}`)).json()) as {
        lines: { memberId: string; amountOre: number }[];
      };
      for (const id of memberIds) expected.set(key(id, year, mode), schedule.lines.find((line) => line.memberId === id)?.amountOre);
    }
  }
});

afterAll(async () => {
  await stack.stop();
});

/** 10 000 SSR.FEE cells over mixed members, years and modes, all at once, as a recalculation. */
async function recalculate(): Promise<void> {
  const cells = Array.from({ length: CALLS }, (_, i) => {
    const [id, year, mode] = [memberIds[i % memberIds.length] ?? '', YEARS[i % YEARS.length] ?? 2024, MODES[i % MODES.length] ?? 'exact'];
    return { id, year, mode, result: excel('FEE', id, year, mode === 'exact' ? null : mode) };
  });
  const settled = await withinDeadline(Promise.allSettled(cells.map((cell) => cell.result)), 60_000, `${CALLS} SSR.FEE cells`);
  settled.forEach((outcome, i) => {
    const cell = cells[i];
    if (!cell) return;
    const ore = expected.get(key(cell.id, cell.year, cell.mode));
    if (ore === undefined) {
      expect(outcome, `${cell.id} ${cell.year} ${cell.mode}`).toMatchObject({ status: 'rejected', reason: { code: '#N/A' } });
    } else {
      expect(outcome, `${cell.id} ${cell.year} ${cell.mode}`).toEqual({ status: 'fulfilled', value: ore / 100 });
    }
  });
}

describe('one snapshot for every cell', () => {
  test('cold cache: 10 000 concurrent cells, exactly 1 request; warm: 0; after the window: 1 answered 304', async () => {
    const { counter, clock, snapshots } = useFunctions(stack.apiUrl, { freshForMs: FRESH_FOR_MS });

    await recalculate();
    expect(counter.requests).toHaveLength(1);
    expect(counter.requests[0]).toMatchObject({ url: `${stack.apiUrl}/snapshot`, ifNoneMatch: null, status: 200 });
    const etag = snapshots.peek()?.etag;
    expect(etag).toMatch(/^".+"$/);

    clock.advance(FRESH_FOR_MS - 1);
    await recalculate();
    expect(counter.requests).toHaveLength(1);

    clock.advance(1);
    await recalculate();
    expect(counter.requests).toHaveLength(2);
    expect(counter.requests[1]).toMatchObject({ ifNoneMatch: etag, status: 304 });
    expect(snapshots.peek()).toMatchObject({ etag, ageMs: 0, offline: false });

    await recalculate();
    expect(counter.requests).toHaveLength(2);
  });

  test('fresh(): the snapshot get() would give at once, only within the window', async () => {
    const { counter, clock, snapshots } = useFunctions(stack.apiUrl, { freshForMs: FRESH_FOR_MS });
    expect(snapshots.fresh()).toBeUndefined();
    const read = await snapshots.get();
    expect(snapshots.fresh()).toBe(read.snapshot);
    clock.advance(FRESH_FOR_MS - 1);
    expect(snapshots.fresh()).toBe(read.snapshot);
    clock.advance(1);
    // Past the window the cells go through get(), which revalidates (304) and renews the window.
    expect(snapshots.fresh()).toBeUndefined();
    await expect(excel('FEE', 'Nacka', 2025)).resolves.toBe(168_168);
    expect(counter.requests.map((request) => request.status)).toEqual([200, 304]);
    expect(snapshots.fresh()).toBe(read.snapshot);
  });

  test('a register changed through the API is seen after revalidation', async () => {
    const { counter, clock, snapshots } = useFunctions(stack.apiUrl, { freshForMs: FRESH_FOR_MS });
    await expect(excel('FEE', 'Vallentuna', 2025)).rejects.toMatchObject({ code: '#N/A' });
    const firstEtag = snapshots.peek()?.etag;

    // Finance staff import Vallentuna's figure for 31 Dec 2024 (PUT /populations/2024, If-Match).
    const populations = await fetch(`${stack.apiUrl}/populations?year=2024`);
    const put = await fetch(`${stack.apiUrl}/populations/2024`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'If-Match': populations.headers.get('ETag') ?? '' },
      body: JSON.stringify({ figures: [{ municipalityCode: '0115', year: 2024, population: 35_500, source: 'SCB BE0101N1, import' }] }),
    });
    expect(put.status).toBe(200);

    // Within the window the cells keep the snapshot they have: no request.
    await expect(excel('FEE', 'Vallentuna', 2025)).rejects.toMatchObject({ code: '#N/A' });
    expect(counter.requests).toHaveLength(1);

    clock.advance(FRESH_FOR_MS);
    await expect(excel('FEE', 'Vallentuna', 2025)).resolves.toBe(53_250);
    expect(counter.requests).toHaveLength(2);
    expect(counter.requests[1]).toMatchObject({ ifNoneMatch: firstEtag, status: 200 });
    expect(snapshots.peek()?.etag).not.toBe(firstEtag);
  });

  test('refresh() asks at once (the task pane after saving); refreshes during a request share one follow-up', async () => {
    const { counter, snapshots } = useFunctions(stack.apiUrl, { freshForMs: FRESH_FOR_MS });
    await expect(excel('POPULATION', 'Salem', 2024)).rejects.toMatchObject({ code: '#N/A' });

    const populations = await fetch(`${stack.apiUrl}/populations?year=2024`);
    const put = await fetch(`${stack.apiUrl}/populations/2024`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'If-Match': populations.headers.get('ETag') ?? '' },
      body: JSON.stringify({ figures: [{ municipalityCode: '0128', year: 2024, population: 17_600, source: 'SCB BE0101N1, import' }] }),
    });
    expect(put.status).toBe(200);

    // The first asks now; the others may have been called after a change the first request
    // left too early to see, so they share one request made after it.
    const reads = await Promise.all([snapshots.refresh(), snapshots.refresh(), snapshots.refresh()]);
    expect(new Set(reads.map((read) => read.etag)).size).toBe(1);
    expect((await snapshots.get()).etag).toBe(reads[0]?.etag);
    expect(counter.requests.map((request) => request.status)).toEqual([200, 200, 304]);
    await expect(excel('POPULATION', 'Salem', 2024)).resolves.toBe(17_600);
    await expect(excel('FEE', 'Salem', 2025)).resolves.toBe(26_400);
  });
});
