import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { User } from './auth';
import { ROLES } from './config';

/** Every write appends one entry: who, when, what, and the data before and after. */

export const AUDIT_ACTIONS = [
  'register.seed',
  'member.create',
  'member.replace',
  'member.delete',
  'populations.replace',
  'feeRule.create',
  'feeRule.approve',
  'reimbursement.create',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const auditEntrySchema = z.object({
  /** `<ISO time>~<uuid>`: sorts by time, unique across instances. */
  id: z.string(),
  at: z.string(),
  actor: z.object({ name: z.string(), roles: z.array(z.enum(ROLES)) }),
  action: z.enum(AUDIT_ACTIONS),
  /** The resource, as its path below /api: `members/nacka`, `populations/2024`. */
  target: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

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
