import * as z from 'zod';
import type { Lang } from './lang';
import { repeatedFigures } from './population';
import type { TextField } from './schema-texts';
import { SCHEMA_TEXTS } from './schema-texts';

/** The shapes of the register, shared by the API, the custom functions and the task pane. */

/** R1: the parties are the county's municipalities and other actors. */
export const MEMBER_KINDS = ['municipality', 'actor'] as const;
/** R2, R4: a municipality pays per inhabitant, another actor the single or the double fee. */
export const FEE_CLASSES = ['municipality', 'single', 'double'] as const;
/** R10: the four clusters through which the municipalities are represented in the standing forums. */
export const CLUSTERS = ['Norr', 'Mitt', 'Syd', 'Stockholms stad'] as const;
export const REIMBURSED_FUNCTIONS = ['RSIB', 'RKK'] as const;
export const FEE_MODES = ['exact', 'estimate'] as const;

export type MemberKind = (typeof MEMBER_KINDS)[number];
export type FeeClass = (typeof FEE_CLASSES)[number];
export type Cluster = (typeof CLUSTERS)[number];
export type ReimbursedFunction = (typeof REIMBURSED_FUNCTIONS)[number];
export type FeeMode = (typeof FEE_MODES)[number];

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;
/** Öre amounts stay far below 2^53 so that sums are exact. */
export const MAX_AMOUNT_ORE = 1_000_000_000_000;
export const MAX_POPULATION = 10_000_000;
/**
 * R2's fee per inhabitant is at most 1 000 kr, so that a municipality's fee (at most
 * MAX_POPULATION inhabitants) stays within MAX_AMOUNT_ORE and every fee is exact in öre.
 */
export const MAX_PER_INHABITANT_ORE = MAX_AMOUNT_ORE / MAX_POPULATION;

/**
 * The language of the parse under way. Messages are chosen when an issue is raised, and
 * parseWith sets this around a synchronous safeParse, so no other parse can interleave.
 */
let parsingLang: Lang = 'sv';
/** The catalogue of the parse under way, for messages of schemas built on these. */
export const schemaTexts = () => SCHEMA_TEXTS[parsingLang];
const m = schemaTexts;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const isoDateSchema = z
  .string({ error: () => m().dateText })
  .refine(isIsoDate, { error: () => m().dateInvalid });

export const yearSchema = z
  .number({ error: () => m().yearNumber })
  .int({ error: () => m().yearInt })
  .min(MIN_YEAR, { error: () => m().yearMin(MIN_YEAR) })
  .max(MAX_YEAR, { error: () => m().yearMax(MAX_YEAR) });

export const oreSchema = z
  .number({ error: () => m().oreNumber })
  .int({ error: () => m().oreInt })
  .min(0, { error: () => m().oreNegative })
  .max(MAX_AMOUNT_ORE, { error: () => m().oreTooLarge });

export const memberIdSchema = z
  .string({ error: () => m().idText })
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, { error: () => m().idPattern });

export const municipalityCodeSchema = z
  .string({ error: () => m().codeText })
  .regex(/^\d{4}$/, { error: () => m().codePattern });

/** Swedish organisation number NNNNNN-NNNN with its Luhn check digit. */
export function isOrganisationNumber(text: string): boolean {
  const match = /^(\d{6})-?(\d{4})$/.exec(text);
  if (!match) return false;
  const digits = `${match[1] ?? ''}${match[2] ?? ''}`;
  let sum = 0;
  for (let i = 0; i < 10; i += 1) {
    let d = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Characters the register cannot hold: those outside XML 1.0's character set (C0 controls
 * but tab and line breaks, lone surrogates, U+FFFE, U+FFFF), which Table storage's formats
 * cannot carry, and U+2028/U+2029, on which the storage emulator's transactions fail.
 */
function isUnstorable(code: number): boolean {
  const control = code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d;
  return control || code === 0x2028 || code === 0x2029 || code === 0xfffe || code === 0xffff;
}

/** The first character the register cannot hold, by code point and position (1-based, in UTF-16 units). */
export function unstorableCharacter(value: string): { code: number; position: number } | undefined {
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    const high = code >= 0xd800 && code <= 0xdbff;
    const next = value.charCodeAt(index + 1);
    if (high && next >= 0xdc00 && next <= 0xdfff) {
      index += 1; // a well-formed pair
      continue;
    }
    if (high || (code >= 0xdc00 && code <= 0xdfff) || isUnstorable(code)) return { code, position: index + 1 };
  }
  return undefined;
}

/**
 * The text with what the register cannot hold replaced: line and paragraph separators by a
 * space, anything else by U+FFFD. For values stored before such characters were refused.
 */
export function withoutUnstorableCharacters(value: string): string {
  let result = value;
  for (let found = unstorableCharacter(result); found; found = unstorableCharacter(result)) {
    const index = found.position - 1;
    result = `${result.slice(0, index)}${found.code === 0x2028 || found.code === 0x2029 ? ' ' : '\uFFFD'}${result.slice(index + 1)}`;
  }
  return result;
}

const codePoint = (code: number): string => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

const text = (max: number, field: TextField) =>
  z
    .string({ error: () => m().textType(m().field[field].inSentence) })
    .trim()
    .max(max, { error: () => m().textMax(m().field[field].atStart, max) })
    .superRefine((value, ctx) => {
      const found = unstorableCharacter(value);
      if (found) {
        ctx.addIssue({
          code: 'custom',
          message: m().textUnstorable(m().field[field].atStart, codePoint(found.code), found.position),
        });
      }
    });

/** At most this many earlier terms per member: a change of class or cluster every year for decades fits. */
export const MAX_EARLIER_TERMS = 100;

const feeClassSchema = z.enum(FEE_CLASSES, { error: () => m().feeClass });
const clusterSchema = z.enum(CLUSTERS, { error: () => m().cluster });

/** R4, R7, R10: the fee class and cluster a member had up to and including `untilYear`. */
export const earlierTermsSchema = z.object({
  untilYear: yearSchema,
  feeClass: feeClassSchema,
  cluster: clusterSchema.optional(),
});
export type EarlierTerms = z.infer<typeof earlierTermsSchema>;

/**
 * R7: earlier terms are in year order, end before the last year the register supports (the
 * current terms follow them), and each is one a member of this kind can have (R4, R10).
 */
type Issue = { path: (string | number)[]; message: string };

/**
 * R1, R4, R10: the kind decides the fee class (a municipality is never billed an actor fee or
 * the reverse), and only a municipality belongs to a cluster; for the current terms (`at` is
 * empty) and for each earlier period alike.
 */
function termsIssues(kind: MemberKind, terms: { feeClass: FeeClass; cluster?: Cluster | undefined }, at: (string | number)[]): Issue[] {
  const isMunicipality = kind === 'municipality';
  const issues: Issue[] = [];
  if (isMunicipality !== (terms.feeClass === 'municipality')) {
    issues.push({
      path: [...at, 'feeClass'],
      message: isMunicipality ? m().municipalityFeeClass : m().actorFeeClass,
    });
  }
  if (isMunicipality && terms.cluster === undefined) issues.push({ path: [...at, 'cluster'], message: m().clusterRequired });
  if (!isMunicipality && terms.cluster !== undefined) issues.push({ path: [...at, 'cluster'], message: m().clusterOnlyMunicipality });
  return issues;
}

function earlierTermsIssues(kind: MemberKind, earlierTerms: readonly EarlierTerms[]): Issue[] {
  const issues: Issue[] = [];
  let previous: number | undefined;
  earlierTerms.forEach((terms, index) => {
    const at = (field: string) => ['earlierTerms', index, field];
    if (previous !== undefined && terms.untilYear <= previous) {
      issues.push({ path: at('untilYear'), message: m().earlierOrder(terms.untilYear, previous) });
    }
    if (terms.untilYear >= MAX_YEAR) issues.push({ path: at('untilYear'), message: m().earlierBefore(MAX_YEAR) });
    previous = terms.untilYear;
    issues.push(...termsIssues(kind, terms, ['earlierTerms', index]));
  });
  return issues;
}

export const memberSchema = z
  .object({
    id: memberIdSchema,
    name: text(200, 'name').min(1, { error: () => m().nameEmpty }),
    kind: z.enum(MEMBER_KINDS, { error: () => m().kind }),
    feeClass: feeClassSchema,
    municipalityCode: municipalityCodeSchema.optional(),
    cluster: clusterSchema.optional(),
    joinedOn: isoDateSchema,
    noticeGivenOn: isoDateSchema.optional(),
    organisationNumber: z
      .string({ error: () => m().organisationNumberText })
      .refine(isOrganisationNumber, { error: () => m().organisationNumber })
      .optional(),
    invoiceReference: text(100, 'invoiceReference').optional(),
    /**
     * R7: the fee class and cluster of earlier years, oldest first; `feeClass` and `cluster`
     * above are the terms in force after the last of them.
     */
    earlierTerms: z
      .array(earlierTermsSchema, { error: () => m().earlierTermsList })
      .max(MAX_EARLIER_TERMS, { error: () => m().earlierTermsMax(MAX_EARLIER_TERMS) })
      .optional(),
  })
  .superRefine((member, ctx) => {
    const isMunicipality = member.kind === 'municipality';
    for (const issue of termsIssues(member.kind, member, [])) ctx.addIssue({ code: 'custom', ...issue });
    // R1: a municipality is known by its SCB code, under which its population figures come (one member per
    // code: register-rules.ts); other actors have none.
    if (isMunicipality && member.municipalityCode === undefined) {
      ctx.addIssue({ code: 'custom', path: ['municipalityCode'], message: m().codeRequired });
    }
    if (!isMunicipality && member.municipalityCode !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['municipalityCode'], message: m().codeOnlyMunicipality });
    }
    for (const issue of earlierTermsIssues(member.kind, member.earlierTerms ?? [])) ctx.addIssue({ code: 'custom', ...issue });
    // Compare only real dates: a malformed one already has its own error on its own path.
    const notice = member.noticeGivenOn;
    if (notice !== undefined && isIsoDate(notice) && isIsoDate(member.joinedOn) && notice < member.joinedOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['noticeGivenOn'],
        message: m().noticeBeforeJoining,
      });
    }
  });
export type Member = z.infer<typeof memberSchema>;

export const populationFigureSchema = z.object({
  municipalityCode: municipalityCodeSchema,
  year: yearSchema,
  population: z
    .number({ error: () => m().populationNumber })
    .int({ error: () => m().populationInt })
    .min(0, { error: () => m().populationNegative })
    .max(MAX_POPULATION, { error: () => m().populationMax(MAX_POPULATION) }),
  source: text(200, 'source').min(1, { error: () => m().sourceEmpty }),
});
export type PopulationFigure = z.infer<typeof populationFigureSchema>;

export const approvalSchema = z.object({
  memberId: memberIdSchema,
  approvedOn: isoDateSchema,
  reference: text(200, 'reference').min(1, { error: () => m().referenceEmpty }),
});
export type Approval = z.infer<typeof approvalSchema>;

const feeRuleFields = {
  id: memberIdSchema,
  effectiveFrom: yearSchema,
  perInhabitantOre: oreSchema.max(MAX_PER_INHABITANT_ORE, { error: () => m().perInhabitantMax }),
  singleFeeOre: oreSchema,
  doubleFeeOre: oreSchema,
  populationYearOffset: z
    .number({ error: () => m().offsetNumber })
    .int({ error: () => m().offsetInt })
    .min(0, { error: () => m().offsetNegative })
    .max(5, { error: () => m().offsetMax }),
  approvals: z.array(approvalSchema).max(1000),
};

function oneApprovalPerParty(rule: { approvals: readonly Approval[] }, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  rule.approvals.forEach((approval, index) => {
    if (seen.has(approval.memberId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['approvals', index, 'memberId'],
        message: m().alreadyApproved(approval.memberId),
      });
    }
    seen.add(approval.memberId);
  });
}

/** A version as proposed: its adoption is the register's to record, never the caller's to state. */
export const feeRuleInputSchema = z.object(feeRuleFields).superRefine(oneApprovalPerParty);
export type FeeRuleInput = z.infer<typeof feeRuleInputSchema>;

/**
 * R7: a version as stored. `adoptedOn` is recorded once, when the last approval it needs is
 * recorded (the date of that decision), and never removed; a version without it is a draft.
 */
export const feeRuleVersionSchema = z
  .object({ ...feeRuleFields, adoptedOn: isoDateSchema.optional() })
  .superRefine(oneApprovalPerParty);
export type FeeRuleVersion = z.infer<typeof feeRuleVersionSchema>;

/**
 * R6: one claim is at most 100 000 000 kr, a sanity cap far above any real self-cost and far
 * below MAX_AMOUNT_ORE, and a member's claims for one function in one year sum to at most
 * MAX_REIMBURSEMENT_SUM_ORE, which the snapshot's sums allow (the API enforces the sum).
 */
export const MAX_CLAIM_ORE = 10_000_000_000;
export const MAX_REIMBURSEMENT_SUM_ORE = MAX_AMOUNT_ORE;

const reimbursementFields = z.object({
  id: memberIdSchema,
  memberId: memberIdSchema,
  function: z.enum(REIMBURSED_FUNCTIONS, { error: () => m().reimbursedFunction }),
  periodStart: isoDateSchema,
  periodEnd: isoDateSchema,
  amountOre: oreSchema.min(1, { error: () => m().amountPositive }),
  note: text(500, 'note').default(''),
});

type ClaimPeriod = { periodStart: string; periodEnd: string };

function checkPeriod(claim: ClaimPeriod, ctx: z.RefinementCtx): void {
  // Compare only real dates: a malformed one already has its own error on its own path.
  if (!isIsoDate(claim.periodStart) || !isIsoDate(claim.periodEnd)) return;
  if (claim.periodEnd < claim.periodStart) {
    ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: m().periodOrder });
  } else if (claim.periodEnd.slice(0, 4) !== claim.periodStart.slice(0, 4)) {
    ctx.addIssue({
      code: 'custom',
      path: ['periodEnd'],
      message: m().periodOneYear,
    });
  }
}

/** A claim as stored; claims recorded before the caps were enforced may exceed them, and are still read. */
export const storedReimbursementSchema = reimbursementFields.superRefine(checkPeriod);

/** A claim as the API accepts it: within the per-claim cap, in a year the register covers. */
export const reimbursementSchema = reimbursementFields
  .extend({
    amountOre: z
      .number({ error: () => m().oreNumber })
      .int({ error: () => m().oreInt })
      .min(1, { error: () => m().amountPositive })
      .max(MAX_CLAIM_ORE, { error: () => m().claimMax }),
  })
  .superRefine((claim, ctx) => {
    checkPeriod(claim, ctx);
    if (!isIsoDate(claim.periodStart)) return;
    const year = Number(claim.periodStart.slice(0, 4));
    // A claim counts in its year: one outside the years the register lists could never be listed or summed.
    if (year < MIN_YEAR || year > MAX_YEAR) {
      ctx.addIssue({ code: 'custom', path: ['periodStart'], message: m().periodYears(MIN_YEAR, MAX_YEAR) });
    }
  });
export type Reimbursement = z.infer<typeof reimbursementSchema>;

/** R6 sums per member, year and function: what the snapshot carries instead of every claim. */
export const reimbursementSumSchema = z.object({
  memberId: memberIdSchema,
  year: yearSchema,
  function: z.enum(REIMBURSED_FUNCTIONS),
  amountOre: oreSchema,
});
export type ReimbursementSum = z.infer<typeof reimbursementSumSchema>;

/** Everything the add-in computes from. */
export const snapshotSchema = z
  .object({
    version: z.string().min(1),
    members: z.array(memberSchema),
    populations: z.array(populationFigureSchema),
    feeRules: z.array(feeRuleVersionSchema),
    reimbursementSums: z.array(reimbursementSumSchema),
  })
  .superRefine((snapshot, ctx) => {
    // R3: one figure per municipality and 31 December; with two, a fee would depend on which came first.
    for (const { index, first, figure } of repeatedFigures(snapshot.populations)) {
      ctx.addIssue({
        code: 'custom',
        path: ['populations', index, 'municipalityCode'],
        message: m().repeatedFigure(figure.municipalityCode, figure.year, first),
      });
    }
  });
export type Snapshot = z.infer<typeof snapshotSchema>;

/** A field-level problem: where, and what is wrong, in words a person understands. */
export interface FieldError {
  path: string;
  message: string;
}

export function pathToString(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    const name = String(key);
    return acc === '' ? name : `${acc}.${name}`;
  }, '');
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** zod's issues as path + message pairs. */
function fieldErrorsOf(issues: readonly z.core.$ZodIssue[], basePath: string): FieldError[] {
  return issues.map((issue) => {
    const path = pathToString(issue.path);
    return { path: basePath && path ? `${basePath}.${path}` : basePath || path, message: issue.message };
  });
}

/**
 * Validate with a schema and turn zod's issues into path + message pairs, the messages in
 * `lang` (a parse outside this function says them in Swedish). zod words an issue when its
 * error is first read, so that read happens here too, in the same synchronous stretch.
 */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, basePath = '', lang: Lang = 'sv'): Parsed<z.output<S>> {
  const outer = parsingLang;
  parsingLang = lang;
  try {
    const result = schema.safeParse(input);
    return result.success ? { ok: true, value: result.data } : { ok: false, errors: fieldErrorsOf(result.error.issues, basePath) };
  } finally {
    parsingLang = outer;
  }
}
