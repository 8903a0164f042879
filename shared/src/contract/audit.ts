import * as z from 'zod';
import { userSchema } from './roles';

/** What a write can be, as the audit log names it. */
export const AUDIT_ACTIONS = [
  'register.seed',
  'member.create',
  'member.replace',
  'member.delete',
  'populations.replace',
  'feeRule.create',
  'feeRule.approve',
  /** An adoption recorded at start-up for a version stored before adoptions were recorded (R7). */
  'feeRule.adopt',
  'feeRule.delete',
  'reimbursement.create',
  'reimbursement.replace',
  'reimbursement.delete',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One write: who, when, what, and the data before and after. */
export const auditEntrySchema = z.object({
  /** `<ISO time>~<uuid>`: sorts by time, unique across instances. */
  id: z.string(),
  at: z.string(),
  actor: userSchema,
  action: z.enum(AUDIT_ACTIONS),
  /** The resource, as its path below /api: `members/nacka`, `populations/2024`. */
  target: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** GET /audit: the entries from `since` on, oldest first. */
export const auditLogSchema = z.object({ since: z.string().describe('ISO 8601: the time the entries start from.'), entries: z.array(auditEntrySchema) });
export type AuditLogBody = z.infer<typeof auditLogSchema>;
