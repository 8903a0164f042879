import { createHash } from 'node:crypto';
import type { TableEntity, TransactionAction } from '@azure/data-tables';
import type { AuditEntry } from '@ssr/shared';
import type { TableKind, Tables } from './tables';
import { TABLES, TABLE_KINDS } from './tables';
import { isEntityMissing } from './errors';
import { getRow, odataString } from './rows';

/**
 * An Idempotency-Key is recorded by a bookkeeping row (`~idem~…`, which readers skip) in the
 * same transaction as the write it belongs to: if the write is stored, so is its key, even
 * when nobody heard the answer. The row says which row the write produced and what it held,
 * so a retry can answer as the first attempt did.
 */

const PREFIX = '~idem~';
/** A key answers retries for this long; older records are pruned when an instance sets up its storage. */
const KEEP_MS = 7 * 24 * 60 * 60 * 1000;

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

/** What one request has written so far, and the key it carries to record with its first write. */
export interface RequestWrites {
  claim?: IdempotencyClaim;
  /** A transaction of this request was sent: a failure after this point may not be "nothing changed". */
  sent: boolean;
}

/** The entries a store stamps carry their request's writes to `commit()`, whose signature stays as it is. */
const requests = new WeakMap<AuditEntry, RequestWrites>();

export function attachRequest(entry: AuditEntry, writes: RequestWrites): AuditEntry {
  requests.set(entry, writes);
  return entry;
}

export function requestOf(entry: AuditEntry): RequestWrites | undefined {
  return requests.get(entry);
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

/**
 * The write a key was recorded with, in whichever table and partition it was: a point read
 * in each table of one partition, a row-key query in the populations' (a partition per year).
 */
export async function findIdempotencyRecord(tables: Tables, claim: IdempotencyClaim, signal: AbortSignal): Promise<IdempotencyRecord | undefined> {
  const rowKey = `${PREFIX}${claim.id}`;
  const inTable = async (kind: TableKind): Promise<IdempotencyRecord | undefined> => {
    const partition = TABLES[kind].partition;
    if (partition !== undefined) {
      const row = await getRow(tables, kind, partition, rowKey, signal);
      return row && recordOf(row);
    }
    return tables.call(kind, async (client) => {
      for await (const row of client.listEntities<Record<string, unknown>>({ queryOptions: { filter: `RowKey eq ${odataString(rowKey)}` }, abortSignal: signal })) return recordOf(row);
      return undefined;
    });
  };
  const found = await Promise.all(TABLE_KINDS.filter((kind) => kind !== 'audit').map(inTable));
  return found.find((record) => record !== undefined);
}

/** Delete key records older than {@link KEEP_MS}, so the partitions readers list stay small. */
export async function pruneIdempotencyRecords(tables: Tables, now: Date, signal: AbortSignal): Promise<void> {
  const before = new Date(now.getTime() - KEEP_MS).toISOString();
  const filter = `RowKey ge ${odataString(PREFIX)} and RowKey lt ${odataString(`${PREFIX}~`)} and Timestamp lt datetime'${before}'`;
  for (const table of TABLE_KINDS) {
    if (table === 'audit') continue;
    await tables.run(table, async (client) => {
      for await (const row of client.listEntities<Record<string, unknown>>({ queryOptions: { filter, select: ['PartitionKey', 'RowKey'] }, abortSignal: signal })) {
        if (row.partitionKey === undefined || row.rowKey === undefined) continue;
        try {
          await client.deleteEntity(row.partitionKey, row.rowKey, { abortSignal: signal });
        } catch (error) {
          // Another instance setting up at the same time removed it first.
          if (!isEntityMissing(error)) throw error;
        }
      }
    });
  }
}
