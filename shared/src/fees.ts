import type { Lang } from './lang';
import { formatDate } from './lang';
import { feeRuleInForce } from './fee-rules';
import { termsSourceInYear } from './member-terms';
import { isMemberInYear } from './membership';
import type { Ore } from './money';
import { formatCount, formatSek } from './money';
import { indexPopulations, latestBefore, populationDate, populationYearFor } from './population';
import type { PopulationIndex } from './population';
import type { Cluster, FeeClass, FeeMode, FeeRuleVersion, Member, MemberKind, PopulationFigure } from './schemas';
import { CLUSTERS } from './schemas';

/** What the engine computes fees from: the register part of a snapshot. */
export interface Register {
  members: readonly Member[];
  populations: readonly PopulationFigure[];
  feeRules: readonly FeeRuleVersion[];
}

export type FeeBasis =
  | {
      kind: 'population';
      perInhabitantOre: Ore;
      population: number;
      populationDate: string;
      figureDate: string;
      estimated: boolean;
      source: string;
    }
  | { kind: 'actor-fee'; feeClass: 'single' | 'double'; feeOre: Ore };

export interface FeeLine {
  memberId: string;
  name: string;
  kind: MemberKind;
  feeClass: FeeClass;
  municipalityCode?: string;
  cluster?: Cluster;
  amountOre: Ore;
  basis: FeeBasis;
}

export interface MissingPopulation {
  memberId: string;
  municipalityCode: string;
  name: string;
  populationDate: string;
}

/** The totals of a schedule: all, municipalities, other actors, and each R10 cluster. */
export const FEE_GROUPS = ['all', 'municipalities', 'others', ...CLUSTERS] as const;
export type FeeGroup = (typeof FEE_GROUPS)[number];

export type FeeError =
  | { code: 'no-rule'; year: number; message: string }
  /** A named version the register does not hold. */
  | { code: 'unknown-rule'; ruleId: string; message: string }
  /** A named version asked for a year before its effective year. */
  | { code: 'rule-not-effective'; ruleId: string; year: number; effectiveFrom: number; message: string }
  | { code: 'not-member'; memberId: string; name: string; year: number; message: string }
  | ({ code: 'missing-population'; message: string } & MissingPopulation);

export type FeeResult<T> = { ok: true; value: T } | { ok: false; error: FeeError };

export interface FeeSchedule {
  year: number;
  mode: FeeMode;
  /** The version the fees are computed under: the one in force, or the one asked for by id. */
  rule: FeeRuleVersion;
  /** False when `rule` is a draft: the figures are a proposal, not what members owe. */
  adopted: boolean;
  lines: FeeLine[];
  totals: Record<FeeGroup, Ore>;
  /** The totals as a person reads them: `7 602 231,50 kr`. */
  totalsText: Record<FeeGroup, string>;
  missing: MissingPopulation[];
}

/** `2024-12-31` as Swedish short text: `31 dec 2024`. */
export function formatDateSv(isoDate: string): string {
  return formatDate(isoDate, 'sv');
}

function noRule(year: number): FeeError {
  return { code: 'no-rule', year, message: `No adopted fee rule is in force for ${year}.` };
}

/**
 * The version a year's fees are computed under: by default the one in force (R7); given an id,
 * that version, adopted or draft, for any year from its effective year on, so that a proposal's
 * cost can be shown before the parties are asked to approve it.
 */
export function ruleForYear(year: number, rules: readonly FeeRuleVersion[], ruleId?: string): FeeResult<FeeRuleVersion> {
  if (ruleId === undefined) {
    const rule = feeRuleInForce(year, rules);
    return rule ? { ok: true, value: rule } : { ok: false, error: noRule(year) };
  }
  const rule = rules.find((version) => version.id === ruleId);
  if (!rule) return { ok: false, error: { code: 'unknown-rule', ruleId, message: `No fee-rule version ${ruleId}.` } };
  if (year < rule.effectiveFrom) {
    return {
      ok: false,
      error: {
        code: 'rule-not-effective',
        ruleId,
        year,
        effectiveFrom: rule.effectiveFrom,
        message: `Fee-rule version ${ruleId} takes effect in ${rule.effectiveFrom}, after ${year}.`,
      },
    };
  }
  return { ok: true, value: rule };
}

/** Whether a version has been adopted (R7): figures under any other are a proposal. */
export function isAdopted(rule: FeeRuleVersion): boolean {
  return rule.adoptedOn !== undefined;
}

/** The gap a missing-population error names, without the error's code and message. */
export function missingOf(error: Extract<FeeError, { code: 'missing-population' }>): MissingPopulation {
  return { memberId: error.memberId, municipalityCode: error.municipalityCode, name: error.name, populationDate: error.populationDate };
}

export function missingPopulationMessage(missing: MissingPopulation): string {
  return `No population figure for ${missing.name} (${missing.municipalityCode}) on ${formatDateSv(missing.populationDate)}.`;
}

/**
 * A member's line, built field by field: V8 (Node 20) takes a slow path for every property
 * added after an object spread, which made a line cost microseconds.
 */
function lineOf(member: Member, feeClass: FeeClass, cluster: Cluster | undefined, amountOre: Ore, basis: FeeBasis): FeeLine {
  const line: FeeLine = { memberId: member.id, name: member.name, kind: member.kind, feeClass, amountOre, basis };
  if (member.municipalityCode !== undefined) line.municipalityCode = member.municipalityCode;
  if (cluster !== undefined) line.cluster = cluster;
  return line;
}

/** What every line of one year under one rule shares: worked out once per schedule, not per member. */
interface YearBasis {
  rule: FeeRuleVersion;
  feeYear: number;
  mode: FeeMode;
  index: PopulationIndex;
  populationYear: number;
  /** 31 December of the population year, one string for every line. */
  populationDate: string;
}

function yearBasis(register: Register, rule: FeeRuleVersion, feeYear: number, mode: FeeMode): YearBasis {
  const populationYear = populationYearFor(feeYear, rule.populationYearOffset);
  return { rule, feeYear, mode, index: indexPopulations(register.populations), populationYear, populationDate: populationDate(populationYear) };
}

/**
 * R2 and R4 for one member whose year and rule are known, on the class and cluster of that year (R7);
 * undefined when the municipality's population figure is missing.
 */
function feeLine(member: Member, year: YearBasis): FeeLine | undefined {
  const { feeClass, cluster } = termsSourceInYear(member, year.feeYear);
  const { rule } = year;
  if (feeClass !== 'municipality') {
    const feeOre = feeClass === 'double' ? rule.doubleFeeOre : rule.singleFeeOre;
    return lineOf(member, feeClass, cluster, feeOre, { kind: 'actor-fee', feeClass, feeOre });
  }
  const byYear = year.index.get(member.municipalityCode ?? '');
  let figure = byYear?.get(year.populationYear);
  let figureDate = year.populationDate;
  let estimated = false;
  if (!figure) {
    // R3, estimate mode: the latest earlier figure stands in, and the basis says so.
    if (year.mode === 'exact' || !byYear) return undefined;
    figure = latestBefore(byYear, year.populationYear);
    if (!figure) return undefined;
    figureDate = populationDate(figure.year);
    estimated = true;
  }
  const { perInhabitantOre } = rule;
  const basis: FeeBasis = {
    kind: 'population',
    perInhabitantOre,
    population: figure.population,
    populationDate: year.populationDate,
    figureDate,
    estimated,
    source: figure.source,
  };
  return lineOf(member, feeClass, cluster, perInhabitantOre * figure.population, basis);
}

function missingFor(member: Member, year: YearBasis): MissingPopulation {
  return { memberId: member.id, municipalityCode: member.municipalityCode ?? '', name: member.name, populationDate: year.populationDate };
}

/** The fee a member owes for a year (R2, R4, R8), with how it was reached; under the version in force or the one named. */
export function feeForMember(register: Register, member: Member, feeYear: number, mode: FeeMode, ruleId?: string): FeeResult<FeeLine> {
  if (!isMemberInYear(member, feeYear)) {
    return {
      ok: false,
      error: { code: 'not-member', memberId: member.id, name: member.name, year: feeYear, message: `${member.name} is not a member in ${feeYear}.` },
    };
  }
  const rule = ruleForYear(feeYear, register.feeRules, ruleId);
  if (!rule.ok) return rule;
  const year = yearBasis(register, rule.value, feeYear, mode);
  const line = feeLine(member, year);
  if (line) return { ok: true, value: line };
  const missing = missingFor(member, year);
  return { ok: false, error: { code: 'missing-population', message: missingPopulationMessage(missing), ...missing } };
}

export function emptyTotals(): Record<FeeGroup, Ore> {
  return Object.fromEntries(FEE_GROUPS.map((group) => [group, 0])) as Record<FeeGroup, Ore>;
}

/** The groups a line counts in, besides `all`. */
export function groupsOf(line: Pick<FeeLine, 'kind' | 'cluster'>): FeeGroup[] {
  if (line.kind !== 'municipality') return ['others'];
  // R10: a municipality's fee counts in its cluster too, so the clusters add up to the municipalities.
  return line.cluster === undefined ? ['municipalities'] : ['municipalities', line.cluster];
}

/**
 * The fee schedule for a year: a line per member whose fee can be computed, totals per
 * group, and the municipalities whose population figure is missing (exact mode). Under the
 * version in force, or under the version named by `ruleId` (a proposal when it is a draft).
 */
export function feeSchedule(register: Register, feeYear: number, mode: FeeMode, ruleId?: string): FeeResult<FeeSchedule> {
  const chosen = ruleForYear(feeYear, register.feeRules, ruleId);
  if (!chosen.ok) return chosen;
  const rule = chosen.value;
  const year = yearBasis(register, rule, feeYear, mode);
  const lines: FeeLine[] = [];
  const missing: MissingPopulation[] = [];
  const totals = emptyTotals();
  for (const member of register.members) {
    if (!isMemberInYear(member, feeYear)) continue;
    const line = feeLine(member, year);
    if (!line) {
      missing.push(missingFor(member, year));
      continue;
    }
    const amount = line.amountOre;
    totals.all += amount;
    // The groups of groupsOf, added up in place: a schedule has a line per member.
    if (line.kind !== 'municipality') totals.others += amount;
    else {
      totals.municipalities += amount;
      if (line.cluster !== undefined) totals[line.cluster] += amount;
    }
    lines.push(line);
  }
  const totalsText = Object.fromEntries(FEE_GROUPS.map((group) => [group, formatSek(totals[group])])) as Record<FeeGroup, string>;
  return { ok: true, value: { year: feeYear, mode, rule, adopted: isAdopted(rule), lines, totals, totalsText, missing } };
}

/** The words of a fee's basis, per language; amounts keep the Swedish krona format in both. */
const BASIS_WORDS: Readonly<Record<Lang, { fee: string; doubleFee: string; inhabitants: string; estimated: string; date: (iso: string) => string }>> = {
  sv: { fee: 'Avgift', doubleFee: 'Dubbel avgift', inhabitants: 'inv.', estimated: 'uppskattad med', date: formatDateSv },
  en: { fee: 'Fee', doubleFee: 'Double fee', inhabitants: 'inhabitants', estimated: 'estimated from', date: (iso) => formatDate(iso, 'en') },
};

/** How the fee was reached, as a person reads it: `1,50 kr × 112 112 inv. (31 dec 2024)`. */
export function feeBasisText(basis: FeeBasis, lang: Lang = 'sv'): string {
  const words = BASIS_WORDS[lang];
  if (basis.kind === 'actor-fee') {
    return `${basis.feeClass === 'double' ? words.doubleFee : words.fee} ${formatSek(basis.feeOre)}`;
  }
  const estimate = basis.estimated ? `; ${words.estimated} ${words.date(basis.figureDate)}` : '';
  return `${formatSek(basis.perInhabitantOre)} × ${formatCount(basis.population)} ${words.inhabitants} (${words.date(basis.populationDate)}${estimate})`;
}
