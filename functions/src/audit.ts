import { randomUUID } from 'node:crypto';
import type { AuditAction, AuditEntry, User } from '@ssr/shared';

/** Every write appends one entry, shaped as `auditEntrySchema` of the contract: who, when, what, before and after. */

/** What a write changes; the store adds who and when. */
export interface AuditChange {
  action: AuditAction;
  target: string;
  before: unknown;
  after: unknown;
}

export const SYSTEM_USER: User = { name: 'system', roles: [] };

export function auditEntry(change: AuditChange, actor: User, now: Date): AuditEntry {
  const at = now.toISOString();
  return {
    id: `${at}~${randomUUID()}`,
    at,
    actor: { name: actor.name, roles: actor.roles },
    action: change.action,
    target: change.target,
    // JSON null, not undefined, so that "nothing before" is stored and shown as such.
    before: change.before ?? null,
    after: change.after ?? null,
  };
}

/** The lowest entry id at or after a time: ids begin with the ISO time. */
export function auditIdFloor(since: Date): string {
  return since.toISOString();
}
