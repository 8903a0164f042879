import { snapshotSchema } from '@ssr/shared';
import type { Snapshot } from '@ssr/shared';
import * as z from 'zod';

/**
 * Where the last good snapshot is kept between reloads. The shape of OfficeRuntime.storage,
 * which localStorage and an in-memory map can also take.
 */
export interface SnapshotStorage {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
}

/** The snapshot as it was last confirmed by the API. */
export interface StoredSnapshot {
  snapshot: Snapshot;
  etag: string;
  /** When the API last confirmed this snapshot (200 or 304), ms since the epoch. */
  fetchedAt: number;
}

/** Versioned so that a later shape never reads an older one by mistake. */
export const SNAPSHOT_STORAGE_KEY = 'ssr.snapshot.v1';

const storedSnapshotSchema = z.object({
  snapshot: snapshotSchema,
  etag: z.string(),
  fetchedAt: z.number().finite(),
});

export function encodeStoredSnapshot(stored: StoredSnapshot): string {
  return JSON.stringify(stored);
}

/** The stored snapshot, or why it cannot be used. */
export function decodeStoredSnapshot(text: string): { ok: true; value: StoredSnapshot } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const parsed = storedSnapshotSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `unexpected shape at ${issue ? issue.path.join('.') : '?'}: ${issue?.message ?? ''}` };
  }
  return { ok: true, value: parsed.data };
}

/** An in-memory storage: for tests, and where a host offers none. */
export function memoryStorage(initial: Record<string, string> = {}): SnapshotStorage & { readonly items: Map<string, string> } {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key) => Promise.resolve(items.get(key) ?? null),
    setItem: (key, value) => {
      items.set(key, value);
      return Promise.resolve();
    },
  };
}

/** The Web Storage API (localStorage) behind the same promise-based interface. */
export function webStorage(storage: Pick<Storage, 'getItem' | 'setItem'>): SnapshotStorage {
  return {
    getItem: (key) => {
      try {
        return Promise.resolve(storage.getItem(key));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
    setItem: (key, value) => {
      try {
        storage.setItem(key, value);
        return Promise.resolve();
      } catch (error) {
        // Quota exceeded or storage disabled: the caller logs it and carries on.
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
  };
}
