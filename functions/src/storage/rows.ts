import type { z } from 'zod';
import { fromDocumentEntity } from './documents';
import { EntityNotFoundError } from './errors';
import type { TableKind, Tables } from './tables';
import { isBookkeepingRow } from './tables';

/** A stored value and the etag that conditions a write on it. */
export interface Versioned<T> {
  value: T;
  /** As HTTP writes it: `"datetime'…'"`. */
  etag: string;
}

/**
 * Table storage etags are weak (`W/"…"`), but they identify one exact version: the API shows
 * them as strong entity tags, which is what If-Match compares.
 */
export function toHttpEtag(storageEtag: string): string {
  return storageEtag.replace(/^W\//, '');
}

export function toStorageEtag(httpEtag: string): string {
  return httpEtag.startsWith('W/') ? httpEtag : `W/${httpEtag}`;
}

function decode<S extends z.ZodType>(schema: S, row: Readonly<Record<string, unknown>>, etag: string | undefined, where: string): Versioned<z.output<S>> {
  const parsed = schema.safeParse(fromDocumentEntity(row));
  // Only the API writes these rows, through the same schemas: a row that fails is damage, not input.
  if (!parsed.success) throw new Error(`Stored row ${where} does not match its schema: ${parsed.error.message}`);
  return { value: parsed.data, etag: toHttpEtag(etag ?? '') };
}

/** The rows the filter matches, in key order; with a limit, reading stops once that many are found. */
export async function listDocuments<S extends z.ZodType>(
  tables: Tables,
  kind: TableKind,
  schema: S,
  filter: string,
  signal: AbortSignal,
  limit = Number.POSITIVE_INFINITY,
): Promise<Versioned<z.output<S>>[]> {
  return tables.call(kind, async (client) => {
    const rows: Versioned<z.output<S>>[] = [];
    if (limit <= 0) return rows;
    for await (const row of client.listEntities<Record<string, unknown>>({ queryOptions: { filter }, abortSignal: signal })) {
      if (isTombstone(row) || isBookkeepingRow(row.rowKey)) continue;
      rows.push(decode(schema, row, row.etag, `${kind}/${row.partitionKey ?? ''}/${row.rowKey ?? ''}`));
      if (rows.length >= limit) break;
    }
    return rows;
  });
}

export async function getDocument<S extends z.ZodType>(
  tables: Tables,
  kind: TableKind,
  schema: S,
  partitionKey: string,
  rowKey: string,
  signal: AbortSignal,
): Promise<Versioned<z.output<S>> | undefined> {
  const row = await getRow(tables, kind, partitionKey, rowKey, signal);
  return row === undefined || isTombstone(row) ? undefined : decode(schema, row, row.etag, `${kind}/${partitionKey}/${rowKey}`);
}

/** A row as stored, tombstone or not; undefined when there is none. */
export async function getRow(
  tables: Tables,
  kind: TableKind,
  partitionKey: string,
  rowKey: string,
  signal: AbortSignal,
): Promise<(Record<string, unknown> & { etag: string }) | undefined> {
  try {
    return await tables.call(kind, (client) => client.getEntity<Record<string, unknown>>(partitionKey, rowKey, { abortSignal: signal }));
  } catch (error) {
    if (error instanceof EntityNotFoundError) return undefined;
    throw error;
  }
}

/**
 * Transactions delete unconditionally, so a delete that must honour If-Match replaces the
 * row with a tombstone instead (a conditional update); readers skip tombstones.
 */
export const TOMBSTONE = 'tombstone';

export function isTombstone(row: Readonly<Record<string, unknown>>): boolean {
  return row[TOMBSTONE] === true;
}

/** OData string literal: quotes doubled. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
