import type { TableEntityResult, TableTransactionResponse, TransactionAction } from '@azure/data-tables';
import type { AuditEntry } from '@ssr/shared';
import { auditEntrySchema } from '@ssr/shared';
import { fromDocumentEntity, toDocumentEntity } from './documents';
import { EntityNotFoundError, OutcomeUnknownError } from './errors';
import { idempotencyRow, requestOf } from './idempotency';
import { clearWrite, markWrite } from './register-version';
import type { TableKind, Tables } from './tables';
import { TABLES, TABLE_KINDS } from './tables';

/**
 * A write and its audit entry commit together or not at all: the entry goes into the same
 * partition as the data, in the same transaction, as an outbox row. Moving it to the audit
 * table afterwards is idempotent (same row key), so a move cut short is finished later by
 * `sweepOutbox` and no entry is lost or doubled. A request's Idempotency-Key is recorded in
 * the same transaction (see `idempotency.ts`). Every write changes the register's version row
 * before it is sent and again once its outcome is known (see `register-version.ts`).
 */

const OUTBOX = '~outbox~';
const OUTBOX_ROWS = `RowKey ge '${OUTBOX}' and RowKey lt '${OUTBOX}~'`;

export interface Write {
  table: TableKind;
  partitionKey: string;
  actions: TransactionAction[];
  /** Setup (seeding) runs before the tables count as ready, so it must not wait for readiness. */
  duringSetup?: boolean;
}

/** Commit the actions and the audit entry in one transaction; return the etag of each action's row. */
export async function commit(tables: Tables, write: Write, entry: AuditEntry, signal: AbortSignal): Promise<(string | undefined)[]> {
  const outboxRow = toDocumentEntity(write.partitionKey, `${OUTBOX}${entry.id}`, entry);
  const request = requestOf(entry);
  const claim = request?.claim?.recorded === true ? undefined : request?.claim;
  const keyRow: TransactionAction[] = claim ? [['create', idempotencyRow(write.table, write.partitionKey, write.actions, entry, claim)]] : [];
  if (!write.duringSetup) await tables.ready();
  // Readers stop trusting what they hold before the write can land (see register-version.ts).
  const mark = await markWrite(tables, signal);
  const sentBefore = request?.sent ?? false;
  let response: TableTransactionResponse;
  try {
    response = await tables.runTransaction(write.table, signal, (client) => {
      if (request) request.sent = true;
      return client.submitTransaction([...write.actions, ['create', outboxRow], ...keyRow], { abortSignal: signal });
    });
  } catch (error) {
    // A transaction storage refused outright changed nothing; only an unknown outcome counts as sent.
    if (request && !(error instanceof OutcomeUnknownError)) request.sent = sentBefore;
    // An unknown outcome may still land: its mark stays until it lapses.
    if (!(error instanceof OutcomeUnknownError)) await clearMark(tables, mark);
    throw error;
  }
  await clearMark(tables, mark);
  if (claim) claim.recorded = true;
  try {
    await moveToAuditLog(tables, write.table, outboxRow, signal);
  } catch (error) {
    // The write stands; its entry stays in the outbox until the next sweep moves it.
    console.warn(`Audit entry ${entry.id} stays in the outbox of ${write.table} for now:`, error);
  }
  return write.actions.map((_, index) => response.subResponses[index]?.etag);
}

/** Storage time for clearing a mark: its own, as the request's deadline may be spent by then. */
const CLEAR_TIMEOUT_MS = 2_000;

/**
 * A mark left behind only keeps readers on storage until it lapses: worth a second try and a
 * warning, not a failed write. The clear has its own deadline, so that a write that used most
 * of the request's time still clears its mark.
 */
async function clearMark(tables: Tables, mark: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await clearWrite(tables, mark, AbortSignal.timeout(CLEAR_TIMEOUT_MS));
      return;
    } catch (error) {
      if (attempt >= 2) {
        console.warn(`The register version keeps the mark ${mark} until it lapses:`, error);
        return;
      }
    }
  }
}

async function moveToAuditLog(tables: Tables, table: TableKind, outboxRow: Readonly<Record<string, unknown>>, signal: AbortSignal): Promise<void> {
  const partitionKey = String(outboxRow.partitionKey);
  const rowKey = String(outboxRow.rowKey);
  const entry = auditEntrySchema.parse(fromDocumentEntity(outboxRow));
  const auditRow = toDocumentEntity(TABLES.audit.partition, entry.id, entry);
  await tables.run('audit', (client) => client.upsertEntity(auditRow, 'Replace', { abortSignal: signal }));
  try {
    await tables.run(table, (client) => client.deleteEntity(partitionKey, rowKey, { abortSignal: signal }));
  } catch (error) {
    if (!(error instanceof EntityNotFoundError)) throw error; // another sweep moved it first
  }
}

/** Move every entry left in an outbox to the audit table. */
export async function sweepOutbox(tables: Tables, signal: AbortSignal): Promise<void> {
  for (const table of TABLE_KINDS) {
    if (table === 'audit') continue;
    const leftovers: TableEntityResult<Record<string, unknown>>[] = await tables.run(table, async (client) => {
      const rows: TableEntityResult<Record<string, unknown>>[] = [];
      for await (const row of client.listEntities<Record<string, unknown>>({ queryOptions: { filter: OUTBOX_ROWS }, abortSignal: signal })) {
        rows.push(row);
      }
      return rows;
    });
    for (const row of leftovers) await moveToAuditLog(tables, table, row, signal);
  }
}
