import type { AuditEntry } from '@ssr/shared';
import type { AuditChange } from '../audit';
import type { Tables } from './tables';

/** What a repository needs for one request: the tables, its deadline, and how to stamp an audit entry. */
export interface StoreContext {
  tables: Tables;
  signal: AbortSignal;
  audit(change: AuditChange): AuditEntry;
}
