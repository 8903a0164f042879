import { parseWith } from '@ssr/shared';
import type { z } from 'zod';

/**
 * Decoding API bodies with the shared schemas: the pane trusts the API's shapes only after
 * checking them, so a change on either side shows as a clear problem, not a blank view.
 */

export type Decoded<T> = T | { unreadable: string };

function describe(errors: { path: string; message: string }[]): string {
  const first = errors[0];
  return first ? `${first.path || '(svar)'}: ${first.message}` : 'okänt fel';
}

export function decodeWith<S extends z.ZodType>(schema: S, body: unknown, path = ''): Decoded<z.output<S>> {
  const parsed = parseWith(schema, body, path);
  return parsed.ok ? parsed.value : { unreadable: describe(parsed.errors) };
}

/** A list, whether the API sends it bare or wrapped as `{ <key>: [...] }`. */
export function listIn(body: unknown, key: string): unknown[] | undefined {
  if (Array.isArray(body)) return body as unknown[];
  if (typeof body === 'object' && body !== null) {
    const inner = (body as Record<string, unknown>)[key];
    if (Array.isArray(inner)) return inner as unknown[];
  }
  return undefined;
}

/** Decode every item of a list; the first bad item makes the whole list unreadable. */
export function decodeList<T>(body: unknown, key: string, item: (value: unknown, index: number) => Decoded<T>): Decoded<T[]> {
  const list = listIn(body, key);
  if (!list) return { unreadable: `svaret saknar listan "${key}"` };
  const out: T[] = [];
  for (const [index, value] of list.entries()) {
    const decoded = item(value, index);
    if (typeof decoded === 'object' && decoded !== null && 'unreadable' in decoded) return decoded;
    out.push(decoded);
  }
  return out;
}

export function etagOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const etag = (value as { etag?: unknown }).etag;
  return typeof etag === 'string' ? etag : undefined;
}
