import { CLUSTERS, FEE_MODES, MEMBER_KINDS } from '@ssr/shared';
import { z } from 'zod';
import type { Decoded } from './decode';
import { decodeWith } from './decode';

export const ROLES = ['reader', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** What `GET /health` tells the status view: is the API up, is storage up, who am I. */
export interface Health {
  ok: boolean;
  status: string;
  /** undefined when the API does not say. */
  storageOk?: boolean;
  user?: string;
  role?: Role;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function isOkWord(value: unknown): boolean {
  return value === true || value === 'ok' || value === 'up' || value === 'healthy' || value === 'reachable';
}

function roleIn(value: unknown): Role | undefined {
  if (typeof value === 'string' && (ROLES as readonly string[]).includes(value)) return value as Role;
  if (Array.isArray(value)) {
    // With several roles, the strongest decides what the pane lets the user try.
    for (const role of ['admin', 'editor', 'reader'] as const) if (value.includes(role)) return role;
  }
  return undefined;
}

/** Read the health answer leniently: the shape of its details is the API's to evolve. */
export function decodeHealth(body: unknown): Decoded<Health> {
  const record = asRecord(body);
  if (typeof record.status !== 'string') return { unreadable: 'status saknas i hälsosvaret' };
  const storage = record.storage;
  const storageRecord = asRecord(storage);
  const storageOk =
    storage === undefined ? undefined : isOkWord(storage) || isOkWord(storageRecord.status) || storageRecord.ok === true || storageRecord.reachable === true;
  const userRecord = asRecord(record.user);
  const user = typeof record.user === 'string' ? record.user : typeof userRecord.name === 'string' ? userRecord.name : undefined;
  const role = roleIn(record.role) ?? roleIn(userRecord.role) ?? roleIn(record.roles) ?? roleIn(userRecord.roles);
  return {
    ok: isOkWord(record.status),
    status: record.status,
    ...(storageOk === undefined ? {} : { storageOk }),
    ...(user === undefined ? {} : { user }),
    ...(role === undefined ? {} : { role }),
  };
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
