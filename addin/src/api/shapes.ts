import type { Health, missingPopulationSchema } from '@ssr/shared';
import { feeScheduleSchema, healthSchema } from '@ssr/shared';
import type * as z from 'zod';
import type { Decoded } from './decode';
import { decodeWith } from './decode';

/** The API's answers the pane reads, decoded with the contract's schemas in `shared`. */

export type { Health, Role } from '@ssr/shared';
export { strongestRole } from '@ssr/shared';

export function decodeHealth(body: unknown): Decoded<Health> {
  return decodeWith(healthSchema, body);
}

/** Storage that does not answer: GET /health says so with this status rather than a body. */
export const STORAGE_UNAVAILABLE_STATUS = 503;

/** GET /fees: lines, totals per group, and what is missing. */
export type FeeScheduleView = z.infer<typeof feeScheduleSchema>;
export type MissingFigure = z.infer<typeof missingPopulationSchema>;

export function decodeFeeSchedule(body: unknown): Decoded<FeeScheduleView> {
  return decodeWith(feeScheduleSchema, body);
}
