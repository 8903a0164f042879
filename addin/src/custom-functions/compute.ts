import {
  feeForMember,
  feeRuleInForce,
  feeSchedule,
  findMember,
  isAdopted,
  ruleForYear,
  groupsOf,
  indexPopulations,
  memberNet,
  oreToKronor,
  populationDate,
  reimbursedOre,
  termsInYear,
} from '@ssr/shared';
import type {
  FeeError,
  FeeGroup,
  FeeLine,
  FeeMode,
  FeeResult,
  FeeRuleVersion,
  FeeSchedule,
  Lang,
  Member,
  MemberKind,
  MemberLookup,
  MissingPopulation,
  PopulationIndex,
  ReimbursedFunction,
  Snapshot,
} from '@ssr/shared';
import { formattedNumber, PROPOSAL_FORMAT, SEK_FORMAT } from './cell-value';
import type { FormattedNumber } from './cell-value';
import { badArgument, notAvailable } from './problems';
import type { FunctionProblem } from './problems';
import {
  basisText,
  FEE_TABLE_HEADERS,
  feeClassWord,
  feeErrorText,
  kindWord,
  MEMBER_TABLE_HEADERS,
  missingPopulation,
  missingPopulations,
  noRuleInForce,
  notAMunicipality,
  populationMissingBasis,
  proposalFeeHeader,
  unknownMember,
} from './texts';

/*
 * What each SSR.* function computes, from one snapshot, with the shared engine. Pure: no
 * Office, no I/O, no clock. A problem is thrown (or put in a table cell) as a FunctionProblem.
 */

export type TableCell = string | number | FormattedNumber | FunctionProblem;
export type Table = TableCell[][];

/*
 * A recalculation asks the same questions thousands of times of one snapshot (the client hands
 * out the same object until the API has a new one), so answers are kept per snapshot.
 */
interface KeptSchedule {
  result: FeeResult<FeeSchedule>;
  lines: ReadonlyMap<string, FeeLine>;
  /** Each member's fee as a cell, per language (a draft's format names the proposal in it). */
  cells: Record<Lang, Map<string, FormattedNumber>>;
}

interface Answers {
  lookups: Map<string, MemberLookup>;
  /** By year, mode, then rule id ('' for the rule in force): no key text is built per cell. */
  schedules: Map<number, Map<FeeMode, Map<string, KeptSchedule>>>;
  populations?: PopulationIndex;
}
const answers = new WeakMap<Snapshot, Answers>();

/** The last snapshot asked about and its answers: a recalculation asks of one snapshot thousands of times. */
let last: { snapshot: Snapshot; kept: Answers } | undefined;

function answersFor(snapshot: Snapshot): Answers {
  if (last?.snapshot === snapshot) return last.kept;
  let kept = answers.get(snapshot);
  if (!kept) {
    kept = { lookups: new Map(), schedules: new Map() };
    answers.set(snapshot, kept);
  }
  last = { snapshot, kept };
  return kept;
}

export function memberFor(snapshot: Snapshot, query: string): Member {
  const { lookups } = answersFor(snapshot);
  let lookup = lookups.get(query);
  if (!lookup) {
    lookup = findMember(snapshot.members, query);
    lookups.set(query, lookup);
  }
  if (!lookup.ok) throw badArgument(unknownMember(lookup.query, lookup.suggestion?.name));
  return lookup.member;
}

/** The schedule of a year under the rule in force, or under the version named by `rule`. */
function scheduleFor(snapshot: Snapshot, year: number, mode: FeeMode, rule?: string): KeptSchedule {
  const { schedules } = answersFor(snapshot);
  let byMode = schedules.get(year);
  if (!byMode) {
    byMode = new Map<FeeMode, Map<string, KeptSchedule>>();
    schedules.set(year, byMode);
  }
  let byRule = byMode.get(mode);
  if (!byRule) {
    byRule = new Map<string, KeptSchedule>();
    byMode.set(mode, byRule);
  }
  const ruleKey = rule ?? '';
  let kept = byRule.get(ruleKey);
  if (!kept) {
    const result = feeSchedule(snapshot, year, mode, rule);
    kept = { result, lines: new Map(result.ok ? result.value.lines.map((line) => [line.memberId, line]) : []), cells: { sv: new Map(), en: new Map() } };
    byRule.set(ruleKey, kept);
  }
  return kept;
}

/** Why there is no answer: a version that does not exist is a wrong argument; the rest is #N/A. */
function feeProblem(error: FeeError): FunctionProblem {
  return error.code === 'unknown-rule' ? badArgument(feeErrorText(error)) : notAvailable(feeErrorText(error));
}

function feeLine(snapshot: Snapshot, member: Member, year: number, mode: FeeMode, rule?: string): FeeLine {
  const line = scheduleFor(snapshot, year, mode, rule).lines.get(member.id);
  if (line) return line;
  // No line: the engine says why for this member (not a member that year, no rule, no figure).
  const result = feeForMember(snapshot, member, year, mode, rule);
  if (!result.ok) throw feeProblem(result.error);
  return result.value;
}

/** Kronor under the schedule's rule: marked as a proposal when that rule is a draft. */
function feeMoney(ore: number, adopted: boolean, lang: Lang): FormattedNumber {
  return adopted ? money(ore) : formattedNumber(oreToKronor(ore), PROPOSAL_FORMAT[lang]);
}

function ruleFor(snapshot: Snapshot, year: number): FeeRuleVersion {
  const rule = feeRuleInForce(year, snapshot.feeRules);
  if (!rule) throw notAvailable(noRuleInForce(year));
  return rule;
}

/** Whole öre as a cell of kronor: the exact amount, shown as `168 168,00 kr`. */
export function money(ore: number): FormattedNumber {
  return formattedNumber(oreToKronor(ore), SEK_FORMAT);
}

/** R2, R4: the member's fee for the year, in kronor; under a named version when `rule` is given. */
export function fee(snapshot: Snapshot, memberQuery: string, year: number, mode: FeeMode, rule?: string, lang: Lang = 'sv'): FormattedNumber {
  const member = memberFor(snapshot, memberQuery);
  const { result, lines, cells } = scheduleFor(snapshot, year, mode, rule);
  const line = lines.get(member.id);
  if (!line || !result.ok) {
    const alone = feeLine(snapshot, member, year, mode, rule);
    return feeMoney(alone.amountOre, isAdopted(ruleOf(snapshot, year, rule)), lang);
  }
  // The schedule's line and rule: the same cell value for every cell that asks.
  let value = cells[lang].get(member.id);
  if (!value) {
    value = feeMoney(line.amountOre, result.value.adopted, lang);
    cells[lang].set(member.id, value);
  }
  return value;
}

/** The version a fee year is computed under (known to exist once a line was computed under it). */
function ruleOf(snapshot: Snapshot, year: number, rule?: string): FeeRuleVersion {
  const chosen = ruleForYear(year, snapshot.feeRules, rule);
  if (!chosen.ok) throw feeProblem(chosen.error);
  return chosen.value;
}

/** How the fee was reached: `1,50 kr × 112 112 inv. (31 dec 2024)`. */
export function feeBasis(snapshot: Snapshot, memberQuery: string, year: number, mode: FeeMode, lang: Lang): string {
  return basisText(feeLine(snapshot, memberFor(snapshot, memberQuery), year, mode).basis, lang);
}

/**
 * The fee schedule as a table, register order. A municipality whose figure is missing
 * (exact mode) keeps its row, with #N/A for the fee saying which figure is missing.
 */
export function feeTable(snapshot: Snapshot, year: number, mode: FeeMode, lang: Lang, rule?: string): Table {
  const { result, lines } = scheduleFor(snapshot, year, mode, rule);
  if (!result.ok) throw feeProblem(result.error);
  const missing = new Map(result.value.missing.map((gap) => [gap.memberId, gap]));
  const { adopted } = result.value;
  const headers = [...FEE_TABLE_HEADERS[lang]];
  // Under a draft the fee column says whose proposal it is, so a spilled table is never read as owed.
  if (!adopted) headers[headers.length - 1] = proposalFeeHeader(result.value.rule.id, lang);
  const rows: Table = [headers];
  for (const member of snapshot.members) {
    const line = lines.get(member.id);
    const gap = missing.get(member.id);
    const fee: [string, TableCell] | undefined = line
      ? [basisText(line.basis, lang), feeMoney(line.amountOre, adopted, lang)]
      : gap && [populationMissingBasis(gap.populationDate)[lang], notAvailable(missingPopulation(gap))];
    // Members outside the year (R8, R9) have neither and no row. The class and cluster are the year's (R7).
    const terms = termsInYear(member, year);
    if (fee) rows.push([member.id, member.name, kindWord(member.kind, lang), terms.cluster ?? '', feeClassWord(terms.feeClass, lang), ...fee]);
  }
  return rows;
}

function missingProblem(gaps: readonly MissingPopulation[], mode: FeeMode): FunctionProblem {
  // By municipality code, as SCB lists them, whatever order the register comes in.
  const missing = [...gaps].sort((a, b) => a.municipalityCode.localeCompare(b.municipalityCode));
  const first = missing[0];
  return notAvailable(missing.length === 1 && first ? missingPopulation(first) : missingPopulations(missing, mode === 'exact'));
}

/** Total fees of a group; a total with a figure missing would be wrong, so it is #N/A instead. */
export function total(snapshot: Snapshot, year: number, group: FeeGroup, mode: FeeMode, rule?: string, lang: Lang = 'sv'): FormattedNumber {
  const { result } = scheduleFor(snapshot, year, mode, rule);
  if (!result.ok) throw feeProblem(result.error);
  const inGroup = (gap: MissingPopulation): boolean => {
    if (group === 'all') return true;
    const member = snapshot.members.find((m) => m.id === gap.memberId);
    return member !== undefined && groupsOf({ kind: member.kind, ...termsInYear(member, year) }).includes(group);
  };
  const missing = result.value.missing.filter(inGroup);
  if (missing.length > 0) throw missingProblem(missing, mode);
  return feeMoney(result.value.totals[group], result.value.adopted, lang);
}

/** The population of a municipality on 31 December of the year (no R3 offset: the figure itself). */
export function population(snapshot: Snapshot, municipalityQuery: string, year: number): number {
  const member = memberFor(snapshot, municipalityQuery);
  if (member.municipalityCode === undefined) throw badArgument(notAMunicipality(member.name));
  const kept = answersFor(snapshot);
  kept.populations ??= indexPopulations(snapshot.populations);
  const figure = kept.populations.get(member.municipalityCode)?.get(year);
  if (!figure) {
    throw notAvailable(
      missingPopulation({ memberId: member.id, municipalityCode: member.municipalityCode, name: member.name, populationDate: populationDate(year) }),
    );
  }
  return figure.population;
}

/** R2: kronor per inhabitant under the rule in force. */
export function rate(snapshot: Snapshot, year: number): FormattedNumber {
  return money(ruleFor(snapshot, year).perInhabitantOre);
}

/** R4: the single or double actor fee under the rule in force. */
export function actorFee(snapshot: Snapshot, year: number, feeClass: 'single' | 'double'): FormattedNumber {
  const rule = ruleFor(snapshot, year);
  return money(feeClass === 'double' ? rule.doubleFeeOre : rule.singleFeeOre);
}

/** The register as a table, register order. */
export function memberTable(snapshot: Snapshot, kind: MemberKind | 'all', lang: Lang): Table {
  const rows: Table = [[...MEMBER_TABLE_HEADERS[lang]]];
  for (const m of snapshot.members) {
    if (kind !== 'all' && m.kind !== kind) continue;
    rows.push([m.id, m.name, kindWord(m.kind, lang), feeClassWord(m.feeClass, lang), m.municipalityCode ?? '', m.cluster ?? '', m.joinedOn, m.noticeGivenOn ?? '']);
  }
  return rows;
}

/** R6: what the member was reimbursed in the year, for one function or both. */
export function reimbursed(snapshot: Snapshot, memberQuery: string, year: number, fn: ReimbursedFunction | undefined): FormattedNumber {
  const member = memberFor(snapshot, memberQuery);
  return money(reimbursedOre(snapshot.reimbursementSums, member.id, year, fn));
}

/** R6: fee − reimbursement for the year (exact figures, as invoiced under R5). */
export function net(snapshot: Snapshot, memberQuery: string, year: number): FormattedNumber {
  const member = memberFor(snapshot, memberQuery);
  const line = feeLine(snapshot, member, year, 'exact');
  return money(memberNet(line.amountOre, reimbursedOre(snapshot.reimbursementSums, member.id, year)));
}

/** R10: the municipality's cluster in the year (R7); other actors have none (empty text, as in the tables). */
export function cluster(snapshot: Snapshot, memberQuery: string, year: number): string {
  return termsInYear(memberFor(snapshot, memberQuery), year).cluster ?? '';
}

/** A date with the time of day, as Excel shows it: `1 dec 2026 14:32`. */
export const DATE_TIME_FORMAT = 'd mmm yyyy hh:mm';

const DAY_MS = 86_400_000;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const STOCKHOLM = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Stockholm',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/**
 * A moment as an Excel date serial in Swedish local time (Excel's dates have no time zone;
 * the register and its users are in Stockholm), whole seconds.
 */
export function excelDateTime(epochMs: number): FormattedNumber {
  const parts = Object.fromEntries(STOCKHOLM.formatToParts(new Date(epochMs)).map((part) => [part.type, Number(part.value)]));
  const local = Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return formattedNumber((local - EXCEL_EPOCH_MS) / DAY_MS, DATE_TIME_FORMAT);
}
