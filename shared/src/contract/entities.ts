import * as z from 'zod';
import {
  feeRuleVersionSchema,
  memberIdSchema,
  memberSchema,
  populationFigureSchema,
  storedReimbursementSchema,
  snapshotSchema,
  schemaTexts,
  yearSchema,
} from '../schemas';

/** The stored entities as the API sends them: each with the etag that a write of it must name. */

export const etagSchema = z.string().min(1).describe('Entity tag: send it back in If-Match to change this entity.');

/** An entity as read: its fields and its etag. */
export function withEtag<S extends z.ZodType<object>>(schema: S) {
  return schema.and(z.object({ etag: etagSchema }));
}

export const memberViewSchema = withEtag(memberSchema);
export type MemberView = z.infer<typeof memberViewSchema>;
/**
 * PUT /members/{id}: the member as it is to be, and (R7) the year from which a changed fee
 * class or cluster applies; earlier years keep the terms they had.
 */
export const memberChangeSchema = memberSchema.safeExtend({
  changesFrom: yearSchema.optional().describe('Första året som en ändrad avgiftsklass eller ett ändrat kluster gäller; krävs när någon av dem ändras.'),
});
export type MemberChange = z.infer<typeof memberChangeSchema>;
export const memberListSchema = z.object({ members: z.array(memberViewSchema) });
export type MemberList = z.infer<typeof memberListSchema>;

/** A year's population figures (31 December); the etag conditions a PUT of the year. */
export const populationYearSchema = withEtag(z.object({ year: yearSchema, figures: z.array(populationFigureSchema) }));
export type PopulationYear = z.infer<typeof populationYearSchema>;

/** At most this many figures per PUT: a year of every municipality in Sweden (290) fits. */
export const MAX_FIGURES_PER_PUT = 400;

/** PUT /populations/{year}: the figures to replace, all or nothing. */
export const populationsBodySchema = z.object({
  figures: z
    .array(populationFigureSchema, { error: () => schemaTexts().figuresList })
    .min(1, { error: () => schemaTexts().figuresMin })
    .max(MAX_FIGURES_PER_PUT, { error: () => schemaTexts().figuresMax(MAX_FIGURES_PER_PUT) }),
});
export type PopulationsBody = z.infer<typeof populationsBodySchema>;

/** R7: a version is a draft until the approval that completes it is recorded; then adopted for good. */
export const FEE_RULE_STATUSES = ['draft', 'adopted'] as const;
export const feeRuleStatusSchema = z.enum(FEE_RULE_STATUSES);
export type FeeRuleStatus = z.infer<typeof feeRuleStatusSchema>;

/** R7: the parties whose approval counts, how many have given it, and who has not. */
export const approvalStateSchema = z.object({
  required: z.int().min(0),
  approved: z.int().min(0),
  pending: z.array(memberIdSchema),
});
export type ApprovalState = z.infer<typeof approvalStateSchema>;

/** A fee rule version as the API shows it: its R7 status (a draft's approvals read live), its adoption date once adopted, and the etag for the next write. */
export const feeRuleViewSchema = withEtag(feeRuleVersionSchema.safeExtend({ status: feeRuleStatusSchema, approvalState: approvalStateSchema }));
export type FeeRuleView = z.infer<typeof feeRuleViewSchema>;
export const feeRuleListSchema = z.object({ feeRules: z.array(feeRuleViewSchema) });
export type FeeRuleList = z.infer<typeof feeRuleListSchema>;

export const reimbursementViewSchema = withEtag(storedReimbursementSchema);
export type ReimbursementView = z.infer<typeof reimbursementViewSchema>;
/** A year's R6 claims, each with the etag that a correction or removal of it names. */
export const reimbursementListSchema = z.object({ year: yearSchema, reimbursements: z.array(reimbursementViewSchema) });
export type ReimbursementList = z.infer<typeof reimbursementListSchema>;

/** GET /snapshot: everything the add-in computes from, each fee rule with its R7 status. */
export const snapshotViewSchema = snapshotSchema.safeExtend({
  feeRules: z.array(feeRuleVersionSchema.safeExtend({ status: feeRuleStatusSchema })),
});
export type SnapshotView = z.infer<typeof snapshotViewSchema>;
