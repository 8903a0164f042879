import { feeRuleInForce } from './fee-rules';
import type { FeeLine, FeeResult, FeeSchedule, MissingPopulation, Register } from './fees';
import { feeSchedule, ruleForYear } from './fees';
import { termsInYear } from './member-terms';
import { membersInYear } from './membership';
import type { Ore } from './money';
import { populationDate, populationYearFor } from './population';
import type { FeeMode, FeeRuleVersion, MemberKind } from './schemas';
import { CLUSTERS } from './schemas';

/**
 * What a proposed fee-rule version would cost each member, against the version in force:
 * the figures the parties see before they are asked to approve it (R7).
 */

/** The groups an impact is totalled by: the R10 clusters, then the other actors. */
export const IMPACT_GROUPS = [...CLUSTERS, 'others'] as const;
export type ImpactGroup = (typeof IMPACT_GROUPS)[number];

export interface ImpactLine {
  memberId: string;
  name: string;
  kind: MemberKind;
  /** The member's R10 cluster in the year (municipalities), or `others`. */
  group: ImpactGroup;
  /** The fee under the version in force; absent when no version is in force or the member lacks a figure. */
  inForceOre?: Ore;
  /** The fee under the proposal; absent when the member lacks a figure. */
  proposalOre?: Ore;
  /** Proposal − in force, when both are there. */
  differenceOre?: Ore;
  /** The difference as a percentage of the fee in force; absent when that fee is 0 or absent. */
  differencePercent?: number;
  /** The proposal's line, with how the fee was reached. */
  proposal?: FeeLine;
  /** Whether a population figure of an earlier date stands in for the one the year asks for. */
  estimated: boolean;
  /** Whether either fee could not be computed for want of a population figure. */
  missing: boolean;
}

export interface ImpactTotal {
  inForceOre: Ore;
  proposalOre: Ore;
  differenceOre: Ore;
  differencePercent?: number;
}

export interface FeeImpact {
  year: number;
  mode: FeeMode;
  proposal: FeeRuleVersion;
  /** The version in force for the year; absent when none is, and the impact shows the proposal only. */
  inForce?: FeeRuleVersion;
  /** A line per member in the year, in register order. */
  lines: ImpactLine[];
  /** Per group and overall, the sums of the schedules under each version. */
  totals: Record<ImpactGroup | 'all', ImpactTotal>;
  /** The members whose figure is estimated (an earlier figure stands in). */
  estimated: string[];
  /** The municipalities without a usable figure, under either version. */
  missing: MissingPopulation[];
}

/** The percentage a difference is of a base; undefined when the base is 0 or absent. */
export function percentOf(differenceOre: Ore, baseOre: Ore | undefined): number | undefined {
  return baseOre === undefined || baseOre === 0 ? undefined : (differenceOre / baseOre) * 100;
}

function total(inForceOre: Ore, proposalOre: Ore): ImpactTotal {
  const differenceOre = proposalOre - inForceOre;
  const percent = percentOf(differenceOre, inForceOre);
  return percent === undefined ? { inForceOre, proposalOre, differenceOre } : { inForceOre, proposalOre, differenceOre, differencePercent: percent };
}

function groupTotal(schedule: FeeSchedule | undefined, group: ImpactGroup | 'all'): Ore {
  return schedule?.totals[group] ?? 0;
}

/**
 * The impact of `proposalId` for a fee year in a mode: each member's fee under the version in
 * force and under the proposal, the difference in öre and percent, and the totals per group and
 * overall. Errors when the proposal is unknown or takes effect after the year; without a version
 * in force, the lines carry the proposal only.
 */
export function feeImpact(register: Register, year: number, mode: FeeMode, proposalId: string): FeeResult<FeeImpact> {
  const proposed = feeSchedule(register, year, mode, proposalId);
  if (!proposed.ok) return proposed;
  const inForceRule = feeRuleInForce(year, register.feeRules);
  const current = inForceRule ? feeSchedule(register, year, mode, inForceRule.id) : undefined;
  // The in-force version was found by year, so its schedule cannot refuse the year.
  const inForce = current?.ok ? current.value : undefined;
  const proposal = proposed.value;

  const proposalLines = new Map(proposal.lines.map((line) => [line.memberId, line]));
  const inForceLines = new Map((inForce?.lines ?? []).map((line) => [line.memberId, line]));
  const missing = new Map<string, MissingPopulation>();
  for (const gap of [...proposal.missing, ...(inForce?.missing ?? [])]) if (!missing.has(gap.memberId)) missing.set(gap.memberId, gap);

  const lines = membersInYear(register.members, year).map((member): ImpactLine => {
    const mine = proposalLines.get(member.id);
    const theirs = inForceLines.get(member.id);
    const estimated = [mine, theirs].some((line) => line?.basis.kind === 'population' && line.basis.estimated);
    const line: ImpactLine = {
      memberId: member.id,
      name: member.name,
      kind: member.kind,
      group: termsInYear(member, year).cluster ?? 'others',
      estimated,
      missing: missing.has(member.id),
    };
    if (theirs) line.inForceOre = theirs.amountOre;
    if (mine) {
      line.proposalOre = mine.amountOre;
      line.proposal = mine;
    }
    if (mine && theirs) {
      line.differenceOre = mine.amountOre - theirs.amountOre;
      const percent = percentOf(line.differenceOre, theirs.amountOre);
      if (percent !== undefined) line.differencePercent = percent;
    }
    return line;
  });

  const totals = Object.fromEntries(
    (['all', ...IMPACT_GROUPS] as const).map((group) => [group, total(groupTotal(inForce, group), groupTotal(proposal, group))]),
  ) as Record<ImpactGroup | 'all', ImpactTotal>;

  const impact: FeeImpact = {
    year,
    mode,
    proposal: proposal.rule,
    lines,
    totals,
    estimated: lines.filter((line) => line.estimated).map((line) => line.memberId),
    missing: [...missing.values()],
  };
  if (inForce) impact.inForce = inForce.rule;
  return { ok: true, value: impact };
}

export interface ImpactModeChoice {
  mode: FeeMode;
  /** The municipalities whose figure for the date the year asks for is missing (why the mode is estimate). */
  missing: MissingPopulation[];
  /** The dates those figures are missing for, oldest first. */
  dates: string[];
  /** The dates the year's figures are read on (R3), under the proposal and the version in force, oldest first. */
  asked: string[];
}

/**
 * The mode an impact is shown in: exact when every municipality's figure for the year is there
 * (under the proposal and the version in force, whose population dates may differ), estimate
 * otherwise, with what is missing so that the view can say why.
 */
export function impactMode(register: Register, year: number, proposalId: string): FeeResult<ImpactModeChoice> {
  const proposal = ruleForYear(year, register.feeRules, proposalId);
  if (!proposal.ok) return proposal;
  const inForce = feeRuleInForce(year, register.feeRules);
  const gaps = new Map<string, MissingPopulation>();
  const rules = inForce ? [proposal.value, inForce] : [proposal.value];
  const asked = [...new Set(rules.map((rule) => populationDate(populationYearFor(year, rule.populationYearOffset))))].sort();
  for (const rule of rules) {
    const schedule = feeSchedule(register, year, 'exact', rule.id);
    if (!schedule.ok) return schedule;
    for (const gap of schedule.value.missing) gaps.set(`${gap.memberId}/${gap.populationDate}`, gap);
  }
  const missing = [...gaps.values()];
  const dates = [...new Set(missing.map((gap) => gap.populationDate))].sort();
  return { ok: true, value: { mode: missing.length === 0 ? 'exact' : 'estimate', missing, dates, asked } };
}

