import * as z from 'zod';
import type { BudgetSummary, MemberNet } from '../budget';
import type { FeeBasis, FeeLine, FeeSchedule, MissingPopulation } from '../fees';
import { FEE_GROUPS } from '../fees';
import type { InvoiceLine } from '../invoices';
import { VAT_CODES } from '../invoices';
import {
  FEE_MODES,
  feeRuleVersionSchema,
  isoDateSchema,
  memberSchema,
  REIMBURSED_FUNCTIONS,
  yearSchema,
} from '../schemas';
import type { Agrees, Assert } from './agrees';

/** What the computed routes send: the engine's results, field for field. */

/** Computed amounts: whole öre, negative where a net can be. */
const wholeOre = z.int().describe('Whole öre.');
const feeMode = z.enum(FEE_MODES);
const { id: memberId, name, kind, feeClass, municipalityCode, cluster } = memberSchema.shape;

/** A municipality without the population figure its fee needs (R3). */
export const missingPopulationSchema = z.object({ memberId, municipalityCode: municipalityCode.unwrap(), name, populationDate: isoDateSchema });

/** How a fee was reached: R2 for a municipality, the rule's fee for an actor (R4). */
export const feeBasisSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('population'),
    perInhabitantOre: wholeOre,
    population: z.int().min(0),
    /** The date the fee year asks for; figureDate is the figure used (earlier when estimated). */
    populationDate: isoDateSchema,
    figureDate: isoDateSchema,
    estimated: z.boolean(),
    source: z.string(),
  }),
  z.object({ kind: z.literal('actor-fee'), feeClass: feeClass.exclude(['municipality']), feeOre: wholeOre }),
]);

export const feeLineSchema = z.object({ memberId, name, kind, feeClass, municipalityCode, cluster, amountOre: wholeOre, basis: feeBasisSchema });

export const feeTotalsSchema = z.record(z.enum(FEE_GROUPS), wholeOre).describe('Öre per group: all, municipalities, others and each cluster.');

/** GET /fees: a line per member whose fee can be computed, totals per group, what is missing. */
export const feeScheduleSchema = z.object({
  year: yearSchema,
  mode: feeMode,
  rule: feeRuleVersionSchema,
  adopted: z.boolean().describe('False when the rule is a draft: the fees are a proposal.'),
  lines: z.array(feeLineSchema),
  totals: feeTotalsSchema,
  totalsText: z.record(z.enum(FEE_GROUPS), z.string()).describe('The totals as a person reads them: 7 602 231,50 kr.'),
  missing: z.array(missingPopulationSchema),
});

/** GET /fees/{memberId}: one member's line, with the year and mode it answers. */
export const memberFeeSchema = feeLineSchema.extend({
  year: yearSchema,
  mode: feeMode,
  ruleId: z.string().describe('The fee-rule version the fee is computed under.'),
  adopted: z.boolean().describe('False when that version is a draft: the fee is a proposal.'),
});
export type MemberFee = z.infer<typeof memberFeeSchema>;

export const memberNetSchema = z.object({ memberId, name, feeOre: wholeOre, reimbursedOre: wholeOre, netOre: wholeOre });

/** GET /budget: income by group, R6 reimbursements, net per member. */
export const budgetSchema = z.object({
  year: yearSchema,
  mode: feeMode,
  ruleId: z.string(),
  adopted: z.boolean(),
  income: feeTotalsSchema,
  reimbursements: z.record(z.enum([...REIMBURSED_FUNCTIONS, 'all']), wholeOre),
  resultOre: wholeOre,
  members: z.array(memberNetSchema),
  missing: z.array(missingPopulationSchema),
});

export const invoiceLineSchema = z.object({
  memberId,
  name,
  organisationNumber: z.string(),
  invoiceReference: z.string(),
  description: z.string(),
  basis: z.string(),
  amountOre: wholeOre,
  vatCode: z.enum(VAT_CODES),
  vatRatePercent: z.number().min(0),
  vatOre: wholeOre,
  totalOre: wholeOre,
});

/** GET /invoices (JSON): R5 invoice lines of a year. */
export const invoiceListSchema = z.object({ year: yearSchema, lines: z.array(invoiceLineSchema) });
export type InvoiceList = z.infer<typeof invoiceListSchema>;

/** The schemas above describe the engine's own types: a change to either side without the other does not compile. */
type _WireMatchesEngine = [
  Assert<Agrees<z.output<typeof missingPopulationSchema>, MissingPopulation>>,
  Assert<Agrees<z.output<typeof feeBasisSchema>, FeeBasis>>,
  Assert<Agrees<z.output<typeof feeLineSchema>, FeeLine>>,
  Assert<Agrees<z.output<typeof feeScheduleSchema>, FeeSchedule>>,
  Assert<Agrees<z.output<typeof memberNetSchema>, MemberNet>>,
  Assert<Agrees<z.output<typeof budgetSchema>, BudgetSummary>>,
  Assert<Agrees<z.output<typeof invoiceLineSchema>, InvoiceLine>>,
];
