import type { AuditEntry } from '@ssr/shared';
import { auditEntrySchema } from '@ssr/shared';
import { auditIdFloor } from '../audit';
import type { StoreContext } from './context';
import { sweepOutbox } from './outbox';
import { listDocuments, odataString } from './rows';
import { TABLES } from './tables';

export interface AuditLog {
  /** Entries at or after a time, oldest first, at most `limit`. */
  since(since: Date, limit: number): Promise<AuditEntry[]>;
}

export function auditLog(context: StoreContext): AuditLog {
  const { tables, signal } = context;
  return {
    async since(since, limit) {
      // Entries whose move from an outbox was cut short are moved first, so none is missing.
      await tables.ready();
      await sweepOutbox(tables, signal);
      const filter = `PartitionKey eq ${odataString(TABLES.audit.partition)} and RowKey ge ${odataString(auditIdFloor(since))}`;
      // The log only grows: read no further than the entries asked for.
      const rows = await listDocuments(tables, 'audit', auditEntrySchema, filter, signal, limit);
      return rows.map((row) => row.value);
    },
  };
}
