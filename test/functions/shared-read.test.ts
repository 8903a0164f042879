import { describe, expect, it } from 'vitest';
import { StorageUnavailableError } from '../../functions/src/storage/errors';
import { coalesce, withDeadline } from '../../functions/src/storage/shared-read';

/** A read whose completion the test controls, numbered in the order reads start. */
function controlledReads() {
  const pending: ((value: number) => void)[] = [];
  let started = 0;
  const read = () => {
    started += 1;
    const number = started;
    return new Promise<number>((resolve) => pending.push(() => resolve(number)));
  };
  return { read, started: () => started, finish: (index: number) => pending[index]?.(0) };
}

describe('shared register reads', () => {
  it('callers during a running read share the next one, never the running one (it may predate their writes)', async () => {
    const reads = controlledReads();
    const shared = coalesce(reads.read);
    const first = shared();
    const second = shared();
    const third = shared();
    expect(reads.started()).toBe(1);
    reads.finish(0);
    expect(await first).toBe(1);
    // The queued read starts once the first has ended, for both waiting callers.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(reads.started()).toBe(2);
    reads.finish(1);
    expect([await second, await third]).toEqual([2, 2]);
    const later = shared();
    expect(reads.started()).toBe(3);
    reads.finish(2);
    expect(await later).toBe(3);
  });

  it('a failed read fails its callers only; the next caller reads again', async () => {
    let calls = 0;
    const shared = coalesce(() => {
      calls += 1;
      return calls === 1 ? Promise.reject(new Error('storage down')) : Promise.resolve(calls);
    });
    await expect(shared()).rejects.toThrow('storage down');
    expect(await shared()).toBe(2);
  });

  it('a caller waits no longer than its own deadline', async () => {
    const never = new Promise<number>(() => undefined);
    await expect(withDeadline(never, AbortSignal.timeout(20))).rejects.toBeInstanceOf(StorageUnavailableError);
    expect(await withDeadline(Promise.resolve(7), AbortSignal.timeout(1000))).toBe(7);
  });
});
