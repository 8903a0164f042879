import {
  approvalSchema,
  CLUSTERS,
  FEE_CLASSES,
  FEE_MODES,
  feeRuleVersionSchema,
  MEMBER_KINDS,
  memberSchema,
  populationFigureSchema,
  REIMBURSED_FUNCTIONS,
  reimbursementSchema,
  snapshotSchema,
} from '@ssr/shared';
import { z } from 'zod';
import { auditEntrySchema } from './audit';
import { populationsBodySchema } from './bodies';
import { ROLES } from './config';

/**
 * The schemas OpenAPI names in `components.schemas`. Request bodies and stored entities are
 * the zod schemas the API validates with; the computed responses are described here, for
 * readers of the document only (the engine's types are the truth for those).
 */

const etag = z.string().describe('Entity tag: send it back in If-Match to change this entity.');
const ore = z.int().describe('Whole öre.');
const rule = feeRuleVersionSchema.and(
  z.object({
    status: z.enum(['draft', 'adopted']),
    approvalState: z.object({ required: z.int(), approved: z.int(), pending: z.array(z.string()) }),
    etag,
  }),
);
const missing = z.object({ memberId: z.string(), municipalityCode: z.string(), name: z.string(), populationDate: z.string() });
const feeLine = z.object({
  memberId: z.string(),
  name: z.string(),
  kind: z.enum(MEMBER_KINDS),
  feeClass: z.enum(FEE_CLASSES),
  municipalityCode: z.string().optional(),
  cluster: z.enum(CLUSTERS).optional(),
  amountOre: ore,
  basis: z.union([
    z.object({
      kind: z.literal('population'),
      perInhabitantOre: ore,
      population: z.int(),
      populationDate: z.string(),
      figureDate: z.string(),
      estimated: z.boolean(),
      source: z.string(),
    }),
    z.object({ kind: z.literal('actor-fee'), feeClass: z.enum(['single', 'double']), feeOre: ore }),
  ]),
});
const totals = z.record(z.string(), ore).describe('Öre per group: all, municipalities, others and each cluster.');

export const OPENAPI_SCHEMAS = {
  Member: { schema: memberSchema.and(z.object({ etag })), io: 'output' },
  MemberInput: { schema: memberSchema, io: 'input' },
  MemberList: { schema: z.object({ members: z.array(memberSchema.and(z.object({ etag }))) }), io: 'output' },
  PopulationYear: { schema: z.object({ year: z.int(), figures: z.array(populationFigureSchema), etag }), io: 'output' },
  PopulationsInput: { schema: populationsBodySchema, io: 'input' },
  FeeRule: { schema: rule, io: 'output' },
  FeeRuleInput: { schema: feeRuleVersionSchema, io: 'input' },
  FeeRuleList: { schema: z.object({ feeRules: z.array(rule) }), io: 'output' },
  ApprovalInput: { schema: approvalSchema, io: 'input' },
  Reimbursement: { schema: reimbursementSchema.and(z.object({ etag })), io: 'output' },
  ReimbursementInput: { schema: reimbursementSchema, io: 'input' },
  ReimbursementList: { schema: z.object({ year: z.int(), reimbursements: z.array(reimbursementSchema) }), io: 'output' },
  Snapshot: { schema: snapshotSchema, io: 'output' },
  FeeSchedule: {
    schema: z.object({ year: z.int(), mode: z.enum(FEE_MODES), rule: feeRuleVersionSchema, lines: z.array(feeLine), totals, totalsText: z.record(z.string(), z.string()), missing: z.array(missing) }),
    io: 'output',
  },
  MemberFee: { schema: feeLine.and(z.object({ year: z.int(), mode: z.enum(FEE_MODES) })), io: 'output' },
  Budget: {
    schema: z.object({
      year: z.int(),
      mode: z.enum(FEE_MODES),
      income: totals,
      reimbursements: z.record(z.enum([...REIMBURSED_FUNCTIONS, 'all']), ore),
      resultOre: ore,
      members: z.array(z.object({ memberId: z.string(), name: z.string(), feeOre: ore, reimbursedOre: ore, netOre: ore })),
      missing: z.array(missing),
    }),
    io: 'output',
  },
  Invoices: {
    schema: z.object({
      year: z.int(),
      lines: z.array(
        z.object({
          memberId: z.string(),
          name: z.string(),
          organisationNumber: z.string(),
          invoiceReference: z.string(),
          description: z.string(),
          basis: z.string(),
          amountOre: ore,
          vatCode: z.string(),
          vatRatePercent: z.number(),
          vatOre: ore,
          totalOre: ore,
        }),
      ),
    }),
    io: 'output',
  },
  AuditLog: { schema: z.object({ entries: z.array(auditEntrySchema) }), io: 'output' },
  Health: {
    schema: z.object({
      status: z.literal('ok'),
      storage: z.literal('ok'),
      authMode: z.string(),
      user: z.object({ name: z.string(), roles: z.array(z.enum(ROLES)) }),
    }),
    io: 'output',
  },
  Problem: {
    schema: z.looseObject({
      type: z.string(),
      title: z.string(),
      status: z.int(),
      detail: z.string(),
      errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
    io: 'output',
  },
  OpenApiDocument: { schema: z.looseObject({ openapi: z.string() }), io: 'output' },
} as const;

export type SchemaName = keyof typeof OPENAPI_SCHEMAS;
