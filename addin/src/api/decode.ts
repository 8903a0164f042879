import { parseWith } from '@ssr/shared';
import type { z } from 'zod';

/**
 * Decoding API bodies with the contract's schemas: the pane trusts the API's shapes only
 * after checking them, so a change on either side shows as a clear problem, not a blank view.
 */

export type Decoded<T> = T | { unreadable: string };

export function isUnreadable(value: unknown): value is { unreadable: string } {
  return typeof value === 'object' && value !== null && typeof (value as { unreadable?: unknown }).unreadable === 'string';
}

function describe(errors: { path: string; message: string }[]): string {
  const first = errors[0];
  return first ? `${first.path || '(svar)'}: ${first.message}` : 'okänt fel';
}

export function decodeWith<S extends z.ZodType>(schema: S, body: unknown): Decoded<z.output<S>> {
  const parsed = parseWith(schema, body);
  return parsed.ok ? parsed.value : { unreadable: describe(parsed.errors) };
}

export function etagOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const etag = (value as { etag?: unknown }).etag;
  return typeof etag === 'string' ? etag : undefined;
}
