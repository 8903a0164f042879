import {
  feeBasisText,
  feeForMember,
  feeRuleInForce,
  feeSchedule,
  findMember,
  formatDateSv,
  groupsOf,
  indexPopulations,
  memberNet,
  missingPopulationMessage,
  oreToKronor,
  populationDate,
  reimbursedOre,
  termsInYear,
  unknownMemberMessage,
} from '@ssr/shared';
import type {
  FeeGroup,
  FeeLine,
  FeeMode,
  FeeResult,
  FeeRuleVersion,
  FeeSchedule,
  Member,
  MemberKind,
  MemberLookup,
  MissingPopulation,
  PopulationIndex,
  ReimbursedFunction,
  Snapshot,
} from '@ssr/shared';
import { badArgument, notAvailable } from './problems';
import type { FunctionProblem } from './problems';

/*
 * What each SSR.* function computes, from one snapshot, with the shared engine. Pure: no
 * Office, no I/O, no clock. A problem is thrown (or put in a table cell) as a FunctionProblem.
 */

export type TableCell = string | number | FunctionProblem;
export type Table = TableCell[][];

/*
 * A recalculation asks the same questions thousands of times of one snapshot (the client hands
 * out the same object until the API has a new one), so answers are kept per snapshot.
 */
interface Answers {
  lookups: Map<string, MemberLookup>;
  schedules: Map<string, { result: FeeResult<FeeSchedule>; lines: ReadonlyMap<string, FeeLine> }>;
  populations?: PopulationIndex;
}
const answers = new WeakMap<Snapshot, Answers>();

function answersFor(snapshot: Snapshot): Answers {
  let kept = answers.get(snapshot);
  if (!kept) {
    kept = { lookups: new Map(), schedules: new Map() };
    answers.set(snapshot, kept);
  }
  return kept;
}

export function memberFor(snapshot: Snapshot, query: string): Member {
  const { lookups } = answersFor(snapshot);
  let lookup = lookups.get(query);
  if (!lookup) {
    lookup = findMember(snapshot.members, query);
    lookups.set(query, lookup);
  }
  if (!lookup.ok) throw badArgument(unknownMemberMessage(lookup));
  return lookup.member;
}

function scheduleFor(snapshot: Snapshot, year: number, mode: FeeMode) {
  const { schedules } = answersFor(snapshot);
  const key = `${year}|${mode}`;
  let kept = schedules.get(key);
  if (!kept) {
    const result = feeSchedule(snapshot, year, mode);
    kept = { result, lines: new Map(result.ok ? result.value.lines.map((line) => [line.memberId, line]) : []) };
    schedules.set(key, kept);
  }
  return kept;
}

function feeLine(snapshot: Snapshot, member: Member, year: number, mode: FeeMode): FeeLine {
  const line = scheduleFor(snapshot, year, mode).lines.get(member.id);
  if (line) return line;
  // No line: the engine says why for this member (not a member that year, no rule, no figure).
  const result = feeForMember(snapshot, member, year, mode);
  if (!result.ok) throw notAvailable(result.error.message);
  return result.value;
}

function ruleFor(snapshot: Snapshot, year: number): FeeRuleVersion {
  const rule = feeRuleInForce(year, snapshot.feeRules);
  if (!rule) throw notAvailable(`No adopted fee rule is in force for ${year}.`);
  return rule;
}

/** R2, R4: the member's fee for the year, in kronor. */
export function fee(snapshot: Snapshot, memberQuery: string, year: number, mode: FeeMode): number {
  return oreToKronor(feeLine(snapshot, memberFor(snapshot, memberQuery), year, mode).amountOre);
}

/** How the fee was reached: `1,50 kr × 112 112 inv. (31 dec 2024)`. */
export function feeBasis(snapshot: Snapshot, memberQuery: string, year: number, mode: FeeMode): string {
  return feeBasisText(feeLine(snapshot, memberFor(snapshot, memberQuery), year, mode).basis);
}

export const FEE_TABLE_HEADER = ['id', 'name', 'kind', 'cluster', 'fee class', 'basis', 'fee'];

/**
 * The fee schedule as a table, register order. A municipality whose figure is missing
 * (exact mode) keeps its row, with #N/A for the fee saying which figure is missing.
 */
export function feeTable(snapshot: Snapshot, year: number, mode: FeeMode): Table {
  const { result, lines } = scheduleFor(snapshot, year, mode);
  if (!result.ok) throw notAvailable(result.error.message);
  const missing = new Map(result.value.missing.map((gap) => [gap.memberId, gap]));
  const rows: Table = [FEE_TABLE_HEADER];
  for (const member of snapshot.members) {
    const line = lines.get(member.id);
    const gap = missing.get(member.id);
    const fee: [string, TableCell] | undefined = line
      ? [feeBasisText(line.basis), oreToKronor(line.amountOre)]
      : gap && [`Folkmängd saknas (${formatDateSv(gap.populationDate)})`, notAvailable(missingPopulationMessage(gap))];
    // Members outside the year (R8, R9) have neither and no row. The class and cluster are the year's (R7).
    const terms = termsInYear(member, year);
    if (fee) rows.push([member.id, member.name, member.kind, terms.cluster ?? '', terms.feeClass, ...fee]);
  }
  return rows;
}

function missingMessage(gaps: readonly MissingPopulation[], mode: FeeMode): string {
  // By municipality code, as SCB lists them, whatever order the register comes in.
  const missing = [...gaps].sort((a, b) => a.municipalityCode.localeCompare(b.municipalityCode));
  const first = missing[0];
  if (missing.length === 1 && first) return missingPopulationMessage(first);
  const names = missing.map((gap) => `${gap.name} (${gap.municipalityCode})`).join(', ');
  const hint = mode === 'exact' ? ' Use mode "estimate" to budget with the latest figures.' : '';
  return `No population figures on ${formatDateSv(first?.populationDate ?? '')} for ${missing.length} municipalities: ${names}.${hint}`;
}

/** Total fees of a group; a total with a figure missing would be wrong, so it is #N/A instead. */
export function total(snapshot: Snapshot, year: number, group: FeeGroup, mode: FeeMode): number {
  const { result } = scheduleFor(snapshot, year, mode);
  if (!result.ok) throw notAvailable(result.error.message);
  const inGroup = (gap: MissingPopulation): boolean => {
    if (group === 'all') return true;
    const member = snapshot.members.find((m) => m.id === gap.memberId);
    return member !== undefined && groupsOf({ kind: member.kind, ...termsInYear(member, year) }).includes(group);
  };
  const missing = result.value.missing.filter(inGroup);
  if (missing.length > 0) throw notAvailable(missingMessage(missing, mode));
  return oreToKronor(result.value.totals[group]);
}

/** The population of a municipality on 31 December of the year (no R3 offset: the figure itself). */
export function population(snapshot: Snapshot, municipalityQuery: string, year: number): number {
  const member = memberFor(snapshot, municipalityQuery);
  if (member.municipalityCode === undefined) throw badArgument(`${member.name} is not a municipality, so it has no population figure.`);
  const kept = answersFor(snapshot);
  kept.populations ??= indexPopulations(snapshot.populations);
  const figure = kept.populations.get(member.municipalityCode)?.get(year);
  if (!figure) {
    throw notAvailable(
      missingPopulationMessage({ memberId: member.id, municipalityCode: member.municipalityCode, name: member.name, populationDate: populationDate(year) }),
    );
  }
  return figure.population;
}

/** R2: kronor per inhabitant under the rule in force. */
export function rate(snapshot: Snapshot, year: number): number {
  return oreToKronor(ruleFor(snapshot, year).perInhabitantOre);
}

/** R4: the single or double actor fee under the rule in force. */
export function actorFee(snapshot: Snapshot, year: number, feeClass: 'single' | 'double'): number {
  const rule = ruleFor(snapshot, year);
  return oreToKronor(feeClass === 'double' ? rule.doubleFeeOre : rule.singleFeeOre);
}

export const MEMBER_TABLE_HEADER = ['id', 'name', 'kind', 'fee class', 'municipality code', 'cluster', 'joined on', 'notice given on'];

/** The register as a table, register order. */
export function memberTable(snapshot: Snapshot, kind: MemberKind | 'all'): Table {
  const rows: Table = [MEMBER_TABLE_HEADER];
  for (const m of snapshot.members) {
    if (kind !== 'all' && m.kind !== kind) continue;
    rows.push([m.id, m.name, m.kind, m.feeClass, m.municipalityCode ?? '', m.cluster ?? '', m.joinedOn, m.noticeGivenOn ?? '']);
  }
  return rows;
}

/** R6: what the member was reimbursed in the year, for one function or both. */
export function reimbursed(snapshot: Snapshot, memberQuery: string, year: number, fn: ReimbursedFunction | undefined): number {
  const member = memberFor(snapshot, memberQuery);
  return oreToKronor(reimbursedOre(snapshot.reimbursementSums, member.id, year, fn));
}

/** R6: fee − reimbursement for the year (exact figures, as invoiced under R5). */
export function net(snapshot: Snapshot, memberQuery: string, year: number): number {
  const member = memberFor(snapshot, memberQuery);
  const line = feeLine(snapshot, member, year, 'exact');
  return oreToKronor(memberNet(line.amountOre, reimbursedOre(snapshot.reimbursementSums, member.id, year)));
}

/** R10: the municipality's cluster in the year (R7); other actors have none (empty text, as in the tables). */
export function cluster(snapshot: Snapshot, memberQuery: string, year: number): string {
  return termsInYear(memberFor(snapshot, memberQuery), year).cluster ?? '';
}
