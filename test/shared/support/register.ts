import { SEED_MEMBERS, SEED_POPULATIONS, adoptionDate } from '@ssr/shared';
import type { Cluster, FeeRuleVersion, Member, PopulationFigure, Register } from '@ssr/shared';

/** Small builders for registers the tests reason about; every one passes the schemas. */

export function municipality(code: string, name: string, cluster: Cluster, joinedOn = '2024-01-01', noticeGivenOn?: string): Member {
  return {
    id: `kommun-${code}`,
    name,
    kind: 'municipality',
    feeClass: 'municipality',
    municipalityCode: code,
    cluster,
    joinedOn,
    ...(noticeGivenOn === undefined ? {} : { noticeGivenOn }),
  };
}

export function actor(id: string, name: string, feeClass: 'single' | 'double', joinedOn = '2024-01-01', noticeGivenOn?: string): Member {
  return { id, name, kind: 'actor', feeClass, joinedOn, ...(noticeGivenOn === undefined ? {} : { noticeGivenOn }) };
}

export function figure(municipalityCode: string, year: number, population: number): PopulationFigure {
  return { municipalityCode, year, population, source: 'test' };
}

/**
 * A fee rule version approved by the given members (R7), with the seed's fees unless
 * overridden, and recorded as adopted on the day of their approvals (as the write of the
 * last approval records it); `draft()` takes the record away.
 */
export function feeRule(
  effectiveFrom: number,
  approvedBy: readonly string[],
  overrides: Partial<Omit<FeeRuleVersion, 'approvals' | 'effectiveFrom'>> = {},
): FeeRuleVersion {
  return {
    id: `avgifter-${effectiveFrom}`,
    effectiveFrom,
    perInhabitantOre: 150,
    singleFeeOre: 28_000_000,
    doubleFeeOre: 56_000_000,
    populationYearOffset: 1,
    ...overrides,
    approvals: approvedBy.map((memberId) => ({ memberId, approvedOn: `${effectiveFrom - 1}-11-15`, reference: `Beslut ${memberId}` })),
    ...(approvedBy.length > 0 ? { adoptedOn: `${effectiveFrom - 1}-11-15` } : {}),
  };
}

/** The version as a draft: no adoption recorded. */
export function draft(rule: FeeRuleVersion): FeeRuleVersion {
  const { adoptedOn: _adoptedOn, ...unrecorded } = rule;
  return unrecorded;
}

/** The version with its adoption recorded, as the write of the approval that completes it records it (R7). */
export function recorded(rule: FeeRuleVersion, members: readonly Member[] = SEED_MEMBERS): FeeRuleVersion {
  const adoptedOn = adoptionDate(rule, members);
  if (adoptedOn === undefined) throw new Error(`${rule.id} is not complete: it cannot be recorded as adopted`);
  return { ...rule, adoptedOn };
}

export const SEED_MEMBER_IDS: readonly string[] = SEED_MEMBERS.map((member) => member.id);

/** The seed register with other fee rule versions. */
export function seedWithRules(feeRules: readonly FeeRuleVersion[]): Register {
  return { members: SEED_MEMBERS, populations: SEED_POPULATIONS, feeRules };
}

/** The seed member with this id; a test that names a member the seed lacks fails loudly. */
export function seedMember(id: string): Member {
  const member = SEED_MEMBERS.find((candidate) => candidate.id === id);
  if (!member) throw new Error(`The seed register has no member '${id}'.`);
  return member;
}

export function sumOre(amounts: readonly number[]): number {
  return amounts.reduce((total, amount) => total + amount, 0);
}
