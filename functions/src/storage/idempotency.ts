import { createHash } from 'node:crypto';
import type { TableEntity, TransactionAction } from '@azure/data-tables';
import type { AuditEntry } from '@ssr/shared';
import type { TableKind, Tables } from './tables';
import { TABLE_KINDS } from './tables';
import { odataString } from './rows';

/**
 * An Idempotency-Key is recorded by a bookkeeping row (`~idem~…`, which readers skip) in the
 * same transaction as the write it belongs to: if the write is stored, so is its key, even
 * when nobody heard the answer. The row says which row the write produced and what it held,
 * so a retry can answer as the first attempt did.
 */

const PREFIX = '~idem~';

/** One request's key: `id` scopes it to the user, `fingerprint` is the request it was first used for. */
export interface IdempotencyClaim {
  id: string;
  fingerprint: string;
  /** Set once a write of this request carried the key: a request records its key once. */
  recorded?: boolean;
}

/** What a stored key says about the write that carried it. */
export interface IdempotencyRecord {
  fingerprint: string;
  /** The audit entry's target, e.g. `members/nacka`. */
  target: string;
  table: TableKind;
  dataPartition: string;
  dataRow: string;
  /** Digest of the row as the write left it (see {@link rowDigest}). */
  digest: string;
}

const sha256 = (...parts: (string | Uint8Array)[]): string => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\n');
  return hash.digest('hex');
};

export function idempotencyClaim(user: string, key: string, method: string, path: string, body: Uint8Array): IdempotencyClaim {
  return { id: sha256(user, key), fingerprint: sha256(method.toUpperCase(), path, body) };
}

/** The entries a store stamps carry its request's claim to `commit()`, whose signature stays as it is. */
const claims = new WeakMap<AuditEntry, IdempotencyClaim>();

export function attachClaim(entry: AuditEntry, claim: IdempotencyClaim): AuditEntry {
  claims.set(entry, claim);
  return entry;
}

export function claimOf(entry: AuditEntry): IdempotencyClaim | undefined {
  const claim = claims.get(entry);
  return claim?.recorded === true ? undefined : claim;
}

/** What a row holds, tombstone or not: equal digests mean the row is still as a write left it. */
export function rowDigest(row: Readonly<Record<string, unknown>> | undefined): string {
  if (row === undefined) return sha256('absent');
  const chunks = typeof row.chunks === 'number' ? row.chunks : 0;
  const parts = [String(row.tombstone === true)];
  for (let index = 0; index < chunks; index += 1) parts.push(String(row[`d${index}`]));
  return sha256(...parts);
}

function entityOf(action: TransactionAction): TableEntity {
  return action[1];
}

/** The bookkeeping row that records the claim with the write's first action. */
export function idempotencyRow(table: TableKind, partitionKey: string, actions: readonly TransactionAction[], entry: AuditEntry, claim: IdempotencyClaim): TableEntity {
  const first = actions[0];
  if (first === undefined) throw new Error('A write without actions cannot carry an Idempotency-Key.');
  const entity = entityOf(first);
  const digest = first[0] === 'delete' ? rowDigest(undefined) : rowDigest(entity);
  const record: IdempotencyRecord = { fingerprint: claim.fingerprint, target: entry.target, table, dataPartition: entity.partitionKey, dataRow: entity.rowKey, digest };
  return { partitionKey, rowKey: `${PREFIX}${claim.id}`, at: entry.at, ...record };
}

function isTableKind(value: unknown): value is TableKind {
  return typeof value === 'string' && (TABLE_KINDS as readonly string[]).includes(value);
}

function recordOf(row: Readonly<Record<string, unknown>>): IdempotencyRecord {
  const { fingerprint, target, table, dataPartition, dataRow, digest } = row;
  if (typeof fingerprint !== 'string' || typeof target !== 'string' || !isTableKind(table) || typeof dataPartition !== 'string' || typeof dataRow !== 'string' || typeof digest !== 'string') {
    throw new Error(`Idempotency row ${String(row.rowKey)} is damaged.`);
  }
  return { fingerprint, target, table, dataPartition, dataRow, digest };
}

/** The write a key was recorded with, in whichever table and partition it was. */
export async function findIdempotencyRecord(tables: Tables, claim: IdempotencyClaim, signal: AbortSignal): Promise<IdempotencyRecord | undefined> {
  const filter = `RowKey eq ${odataString(`${PREFIX}${claim.id}`)}`;
  const found = await Promise.all(
    TABLE_KINDS.filter((kind) => kind !== 'audit').map((kind) =>
      tables.call(kind, async (client) => {
        for await (const row of client.listEntities<Record<string, unknown>>({ queryOptions: { filter }, abortSignal: signal })) return recordOf(row);
        return undefined;
      }),
    ),
  );
  return found.find((record) => record !== undefined);
}
