import * as z from 'zod';
import { repeatedFigures } from './population';

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

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const isoDateSchema = z
  .string({ error: 'Ange ett datum som text (ÅÅÅÅ-MM-DD).' })
  .refine(isIsoDate, { error: 'Ogiltigt datum: skriv det som ÅÅÅÅ-MM-DD, till exempel 2024-01-01.' });

export const yearSchema = z
  .number({ error: 'Ange ett årtal som heltal.' })
  .int({ error: 'Årtalet måste vara ett heltal.' })
  .min(MIN_YEAR, { error: `Årtalet måste vara ${MIN_YEAR} eller senare.` })
  .max(MAX_YEAR, { error: `Årtalet måste vara ${MAX_YEAR} eller tidigare.` });

export const oreSchema = z
  .number({ error: 'Ange ett belopp i hela öre.' })
  .int({ error: 'Beloppet måste vara ett helt antal öre.' })
  .min(0, { error: 'Beloppet får inte vara negativt.' })
  .max(MAX_AMOUNT_ORE, { error: 'Beloppet är orimligt stort.' });

export const memberIdSchema = z
  .string({ error: 'Ange ett id som text.' })
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, {
    error: 'Id får bara innehålla a–z, 0–9 och bindestreck (högst 64 tecken), till exempel "nacka".',
  });

export const municipalityCodeSchema = z
  .string({ error: 'Ange kommunkoden som text med fyra siffror, till exempel "0182".' })
  .regex(/^\d{4}$/, { error: 'Kommunkoden ska vara fyra siffror, till exempel "0182".' });

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

const text = (max: number, what: string) =>
  z
    .string({ error: `Ange ${what} som text.` })
    .trim()
    .max(max, { error: `${what[0]?.toUpperCase() ?? ''}${what.slice(1)} får vara högst ${max} tecken.` })
    .superRefine((value, ctx) => {
      const found = unstorableCharacter(value);
      if (found) {
        ctx.addIssue({
          code: 'custom',
          message: `${what[0]?.toUpperCase() ?? ''}${what.slice(1)} innehåller tecknet ${codePoint(found.code)} (på plats ${found.position}), som inte kan lagras; ta bort det.`,
        });
      }
    });

/** At most this many earlier terms per member: a change of class or cluster every year for decades fits. */
export const MAX_EARLIER_TERMS = 100;

const feeClassSchema = z.enum(FEE_CLASSES, { error: 'Avgiftsklass ska vara "municipality", "single" eller "double".' });
const clusterSchema = z.enum(CLUSTERS, { error: 'Kluster ska vara Norr, Mitt, Syd eller Stockholms stad.' });

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
      message: isMunicipality ? 'En kommun har avgiftsklassen "municipality".' : 'En övrig aktör har avgiftsklassen "single" eller "double".',
    });
  }
  if (isMunicipality && terms.cluster === undefined) issues.push({ path: [...at, 'cluster'], message: 'En kommun måste tillhöra ett kluster.' });
  if (!isMunicipality && terms.cluster !== undefined) issues.push({ path: [...at, 'cluster'], message: 'Bara kommuner tillhör ett kluster.' });
  return issues;
}

function earlierTermsIssues(kind: MemberKind, earlierTerms: readonly EarlierTerms[]): Issue[] {
  const issues: Issue[] = [];
  let previous: number | undefined;
  earlierTerms.forEach((terms, index) => {
    const at = (field: string) => ['earlierTerms', index, field];
    if (previous !== undefined && terms.untilYear <= previous) {
      issues.push({ path: at('untilYear'), message: `Tidigare villkor ska stå i årsordning: ${terms.untilYear} kommer efter ${previous}.` });
    }
    if (terms.untilYear >= MAX_YEAR) issues.push({ path: at('untilYear'), message: `Tidigare villkor måste sluta före ${MAX_YEAR}.` });
    previous = terms.untilYear;
    issues.push(...termsIssues(kind, terms, ['earlierTerms', index]));
  });
  return issues;
}

export const memberSchema = z
  .object({
    id: memberIdSchema,
    name: text(200, 'namnet').min(1, { error: 'Namnet får inte vara tomt.' }),
    kind: z.enum(MEMBER_KINDS, { error: 'Typ ska vara "municipality" (kommun) eller "actor" (övrig aktör).' }),
    feeClass: feeClassSchema,
    municipalityCode: municipalityCodeSchema.optional(),
    cluster: clusterSchema.optional(),
    joinedOn: isoDateSchema,
    noticeGivenOn: isoDateSchema.optional(),
    organisationNumber: z
      .string({ error: 'Ange organisationsnumret som text.' })
      .refine(isOrganisationNumber, { error: 'Organisationsnumret ska ha formen NNNNNN-NNNN med rätt kontrollsiffra.' })
      .optional(),
    invoiceReference: text(100, 'fakturareferensen').optional(),
    /**
     * R7: the fee class and cluster of earlier years, oldest first; `feeClass` and `cluster`
     * above are the terms in force after the last of them.
     */
    earlierTerms: z
      .array(earlierTermsSchema, { error: 'Ange earlierTerms som en lista av tidigare villkor.' })
      .max(MAX_EARLIER_TERMS, { error: `Högst ${MAX_EARLIER_TERMS} tidigare villkor per medlem.` })
      .optional(),
  })
  .superRefine((member, ctx) => {
    const isMunicipality = member.kind === 'municipality';
    for (const issue of termsIssues(member.kind, member, [])) ctx.addIssue({ code: 'custom', ...issue });
    // R1: a municipality is known by its SCB code, under which its population figures come (one member per
    // code: register-rules.ts); other actors have none.
    if (isMunicipality && member.municipalityCode === undefined) {
      ctx.addIssue({ code: 'custom', path: ['municipalityCode'], message: 'En kommun måste ha en kommunkod.' });
    }
    if (!isMunicipality && member.municipalityCode !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['municipalityCode'], message: 'Bara kommuner har kommunkod.' });
    }
    for (const issue of earlierTermsIssues(member.kind, member.earlierTerms ?? [])) ctx.addIssue({ code: 'custom', ...issue });
    // Compare only real dates: a malformed one already has its own error on its own path.
    const notice = member.noticeGivenOn;
    if (notice !== undefined && isIsoDate(notice) && isIsoDate(member.joinedOn) && notice < member.joinedOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['noticeGivenOn'],
        message: 'Uppsägningen kan inte ligga före inträdet.',
      });
    }
  });
export type Member = z.infer<typeof memberSchema>;

export const populationFigureSchema = z.object({
  municipalityCode: municipalityCodeSchema,
  year: yearSchema,
  population: z
    .number({ error: 'Ange folkmängden som ett heltal.' })
    .int({ error: 'Folkmängden måste vara ett heltal.' })
    .min(0, { error: 'Folkmängden får inte vara negativ.' })
    .max(MAX_POPULATION, { error: `Folkmängden får vara högst ${MAX_POPULATION}.` }),
  source: text(200, 'källan').min(1, { error: 'Ange källan till siffran.' }),
});
export type PopulationFigure = z.infer<typeof populationFigureSchema>;

export const approvalSchema = z.object({
  memberId: memberIdSchema,
  approvedOn: isoDateSchema,
  reference: text(200, 'beslutsreferensen').min(1, { error: 'Ange beslutets referens.' }),
});
export type Approval = z.infer<typeof approvalSchema>;

const feeRuleFields = {
  id: memberIdSchema,
  effectiveFrom: yearSchema,
  perInhabitantOre: oreSchema.max(MAX_PER_INHABITANT_ORE, { error: 'Avgiften per invånare får vara högst 1 000 kr.' }),
  singleFeeOre: oreSchema,
  doubleFeeOre: oreSchema,
  populationYearOffset: z
    .number({ error: 'Ange förskjutningen av befolkningsåret som heltal.' })
    .int({ error: 'Förskjutningen måste vara ett heltal.' })
    .min(0, { error: 'Förskjutningen får inte vara negativ.' })
    .max(5, { error: 'Förskjutningen får vara högst 5 år.' }),
  approvals: z.array(approvalSchema).max(1000),
};

function oneApprovalPerParty(rule: { approvals: readonly Approval[] }, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  rule.approvals.forEach((approval, index) => {
    if (seen.has(approval.memberId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['approvals', index, 'memberId'],
        message: `${approval.memberId} har redan godkänt den här versionen.`,
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
  function: z.enum(REIMBURSED_FUNCTIONS, { error: 'Funktionen ska vara RSIB eller RKK.' }),
  periodStart: isoDateSchema,
  periodEnd: isoDateSchema,
  amountOre: oreSchema.min(1, { error: 'Beloppet måste vara större än noll.' }),
  note: text(500, 'anteckningen').default(''),
});

type ClaimPeriod = { periodStart: string; periodEnd: string };

function checkPeriod(claim: ClaimPeriod, ctx: z.RefinementCtx): void {
  // Compare only real dates: a malformed one already has its own error on its own path.
  if (!isIsoDate(claim.periodStart) || !isIsoDate(claim.periodEnd)) return;
  if (claim.periodEnd < claim.periodStart) {
    ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'Perioden kan inte sluta innan den börjar.' });
  } else if (claim.periodEnd.slice(0, 4) !== claim.periodStart.slice(0, 4)) {
    ctx.addIssue({
      code: 'custom',
      path: ['periodEnd'],
      message: 'En period ska ligga inom ett kalenderår; dela upp anspråket per år.',
    });
  }
}

/** A claim as stored; claims recorded before the caps were enforced may exceed them, and are still read. */
export const storedReimbursementSchema = reimbursementFields.superRefine(checkPeriod);

/** A claim as the API accepts it: within the per-claim cap, in a year the register covers. */
export const reimbursementSchema = reimbursementFields
  .extend({
    amountOre: z
      .number({ error: 'Ange ett belopp i hela öre.' })
      .int({ error: 'Beloppet måste vara ett helt antal öre.' })
      .min(1, { error: 'Beloppet måste vara större än noll.' })
      .max(MAX_CLAIM_ORE, { error: 'En ersättning får vara högst 100 000 000 kr; dela upp större belopp.' }),
  })
  .superRefine((claim, ctx) => {
    checkPeriod(claim, ctx);
    if (!isIsoDate(claim.periodStart)) return;
    const year = Number(claim.periodStart.slice(0, 4));
    // A claim counts in its year: one outside the years the register lists could never be listed or summed.
    if (year < MIN_YEAR || year > MAX_YEAR) {
      ctx.addIssue({ code: 'custom', path: ['periodStart'], message: `Perioden ska ligga mellan år ${MIN_YEAR} och ${MAX_YEAR}.` });
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
        message: `Kommunkoden ${figure.municipalityCode} har redan en folkmängd för 31 december ${figure.year} (populations[${first}]).`,
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

/** Validate with a schema and turn zod's issues into path + message pairs. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, basePath = ''): Parsed<z.output<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((issue) => {
      const path = pathToString(issue.path);
      return { path: basePath && path ? `${basePath}.${path}` : basePath || path, message: issue.message };
    }),
  };
}
