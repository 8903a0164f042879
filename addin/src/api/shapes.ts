import { CLUSTERS, FEE_MODES, MEMBER_KINDS } from '@ssr/shared';
import * as z from 'zod';
import type { Decoded } from './decode';
import { decodeWith } from './decode';

export const ROLES = ['reader', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const healthSchema = z.object({
  status: z.literal('ok'),
  storage: z.literal('ok'),
  /** `dev` (the dev host acts as one configured user) or `appservice` (Entra ID sign-in). */
  authMode: z.string(),
  /** Effective roles: admin implies editor, editor implies reader; empty for a user without a role in the app. */
  user: z.object({ name: z.string(), roles: z.array(z.enum(ROLES)) }),
});

/**
 * `GET /health` when the API and storage answer, and who the caller is. Storage that does not
 * answer is a 503 problem (`storage-unavailable`), not a body of this shape.
 */
export type Health = z.infer<typeof healthSchema>;

export function decodeHealth(body: unknown): Decoded<Health> {
  return decodeWith(healthSchema, body);
}

export const STORAGE_UNAVAILABLE_STATUS = 503;

/** The strongest of a user's roles: it decides what the pane lets the user try. */
export function strongestRole(roles: readonly Role[]): Role | undefined {
  return [...ROLES].reverse().find((role) => roles.includes(role));
}

const missingSchema = z.object({
  memberId: z.string(),
  municipalityCode: z.string(),
  name: z.string(),
  populationDate: z.string(),
});

const feeScheduleSchema = z.object({
  year: z.number().int(),
  mode: z.enum(FEE_MODES),
  lines: z.array(
    z.object({
      memberId: z.string(),
      name: z.string(),
      kind: z.enum(MEMBER_KINDS),
      cluster: z.enum(CLUSTERS).optional(),
      amountOre: z.number().int(),
    }),
  ),
  totals: z.record(z.string(), z.number().int()),
  missing: z.array(missingSchema),
});

/** The parts of a fee schedule the pane shows: lines, totals per group, what is missing. */
export type FeeScheduleView = z.infer<typeof feeScheduleSchema>;
export type MissingFigure = z.infer<typeof missingSchema>;

export function decodeFeeSchedule(body: unknown): Decoded<FeeScheduleView> {
  return decodeWith(feeScheduleSchema, body);
}
