import { describe, expect, it } from 'vitest';
import { IMPACT_GROUPS, SEED_FEE_RULE, SEED_MEMBERS, SEED_POPULATIONS, SEED_REGISTER, feeImpact, feeSchedule, impactMode } from '@ssr/shared';
import type { FeeImpact, FeeMode, FeeRuleVersion, FeeSchedule, ImpactLine, Member, Register } from '@ssr/shared';
import { draft, feeRule, figure, municipality, sumOre } from './support/register';

/** The worked proposal: effective 2027, 1,75 kr per inhabitant, 300 000 / 600 000 kr. */
const PROPOSAL: FeeRuleVersion = draft(feeRule(2027, [], { perInhabitantOre: 175, singleFeeOre: 30_000_000, doubleFeeOre: 60_000_000 }));
const WITH_PROPOSAL: Register = { ...SEED_REGISTER, feeRules: [SEED_FEE_RULE, PROPOSAL] };
const NACKA_LATEST = 112_112;

function impact(register: Register, year: number, mode: FeeMode, proposalId = PROPOSAL.id): FeeImpact {
  const result = feeImpact(register, year, mode, proposalId);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function schedule(register: Register, year: number, mode: FeeMode, ruleId?: string): FeeSchedule {
  const result = feeSchedule(register, year, mode, ruleId);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function line(of: FeeImpact, memberId: string): ImpactLine {
  const found = of.lines.find((candidate) => candidate.memberId === memberId);
  if (!found) throw new Error(`No impact line for ${memberId}`);
  return found;
}

describe('the worked proposal: fee year 2027, estimate, on the seed register', () => {
  const worked = impact(WITH_PROPOSAL, 2027, 'estimate');

  it('Nacka: 1,75 kr × its latest figure under the proposal, 1,50 kr × the same figure in force, and the difference', () => {
    const nacka = line(worked, 'nacka');
    expect(nacka.group).toBe('Mitt');
    expect(nacka.proposalOre).toBe(175 * NACKA_LATEST);
    expect(nacka.inForceOre).toBe(150 * NACKA_LATEST);
    expect(nacka.differenceOre).toBe(25 * NACKA_LATEST);
    expect(nacka.differenceOre).toBe(2_802_800);
    expect(nacka.differencePercent).toBeCloseTo((25 / 150) * 100, 10);
    // No figure of 31 Dec 2026 yet: 31 Dec 2024 stands in, and the line says so.
    expect(nacka.estimated).toBe(true);
    expect(nacka.missing).toBe(false);
    expect(nacka.proposal?.basis).toMatchObject({ kind: 'population', population: NACKA_LATEST, populationDate: '2026-12-31', figureDate: '2024-12-31', estimated: true });
  });

  it('the other actors pay the proposal’s flat fees, each against the fee in force', () => {
    expect(line(worked, 'sos-alarm')).toMatchObject({ group: 'others', inForceOre: 28_000_000, proposalOre: 30_000_000, differenceOre: 2_000_000, estimated: false });
    expect(line(worked, 'region-stockholm')).toMatchObject({ group: 'others', inForceOre: 56_000_000, proposalOre: 60_000_000, differenceOre: 4_000_000 });
    expect(line(worked, 'stockholm').group).toBe('Stockholms stad');
  });

  it('the group and overall totals are the sums of the schedules without and with the proposal', () => {
    const inForce = schedule(WITH_PROPOSAL, 2027, 'estimate');
    const proposed = schedule(WITH_PROPOSAL, 2027, 'estimate', PROPOSAL.id);
    expect(inForce.rule.id).toBe('avgifter-2024');
    for (const group of ['all', ...IMPACT_GROUPS] as const) {
      expect(worked.totals[group].inForceOre, group).toBe(inForce.totals[group]);
      expect(worked.totals[group].proposalOre, group).toBe(proposed.totals[group]);
      expect(worked.totals[group].differenceOre, group).toBe(proposed.totals[group] - inForce.totals[group]);
      // And the lines of each group add up to its totals.
      const lines = worked.lines.filter((candidate) => group === 'all' || candidate.group === group);
      expect(sumOre(lines.map((candidate) => candidate.proposalOre ?? 0)), group).toBe(proposed.totals[group]);
      expect(sumOre(lines.map((candidate) => candidate.differenceOre ?? 0)), group).toBe(worked.totals[group].differenceOre);
    }
    // 37 members, every one with both fees; the municipalities' 2026 figures are all estimated.
    expect(worked.lines).toHaveLength(37);
    expect(worked.missing).toEqual([]);
    expect(worked.estimated).toHaveLength(26);
    expect(worked.inForce?.id).toBe('avgifter-2024');
    expect(worked.proposal.id).toBe(PROPOSAL.id);
    // 0,25 kr on every inhabitant of the latest figures, and 2 000 000 kr / 4 000 000 kr more from 8 single and 3 double actors.
    expect(worked.totals.others.differenceOre).toBe(8 * 2_000_000 + 3 * 4_000_000);
    expect(worked.totals.all.differencePercent).toBeCloseTo((worked.totals.all.differenceOre / worked.totals.all.inForceOre) * 100, 10);
  });
});

describe('the mode the impact is shown in', () => {
  it('is estimate for 2027 on the seed: no municipality has a figure for 31 Dec 2026', () => {
    const choice = impactMode(WITH_PROPOSAL, 2027, PROPOSAL.id);
    expect(choice.ok && choice.value.mode).toBe('estimate');
    expect(choice.ok && choice.value.dates).toEqual(['2026-12-31']);
    expect(choice.ok && choice.value.missing).toHaveLength(26);
  });

  it('is estimate for 2025 when six municipalities lack the figure of 31 Dec 2024, and names them', () => {
    const early = draft(feeRule(2025, [], { perInhabitantOre: 175 }));
    const choice = impactMode({ ...SEED_REGISTER, feeRules: [SEED_FEE_RULE, early] }, 2025, early.id);
    if (!choice.ok) throw new Error(choice.error.message);
    expect(choice.value.mode).toBe('estimate');
    expect(choice.value.missing.map((gap) => gap.name).sort()).toEqual(['Nykvarn', 'Salem', 'Tyresö', 'Upplands-Bro', 'Vallentuna', 'Värmdö']);
  });

  it('is exact when every municipality has the figure of the date the year asks for', () => {
    const early = draft(feeRule(2025, [], { perInhabitantOre: 175 }));
    const complete = [...SEED_POPULATIONS, ...['0115', '0120', '0128', '0138', '0139', '0140'].map((code) => figure(code, 2024, 40_000))];
    const register = { ...SEED_REGISTER, populations: complete, feeRules: [SEED_FEE_RULE, early] };
    const choice = impactMode(register, 2025, early.id);
    expect(choice).toEqual({ ok: true, value: { mode: 'exact', missing: [], dates: [], asked: ['2024-12-31'] } });
    // And in that mode nothing is estimated.
    expect(impact(register, 2025, 'exact', early.id).estimated).toEqual([]);
  });

  it('counts the version in force’s date too when its population year differs from the proposal’s', () => {
    const sameYear = draft(feeRule(2025, [], { populationYearOffset: 2 }));
    // The proposal reads 31 Dec 2023 (all there); the version in force reads 31 Dec 2024 (six missing).
    const choice = impactMode({ ...SEED_REGISTER, feeRules: [SEED_FEE_RULE, sameYear] }, 2025, sameYear.id);
    expect(choice.ok && choice.value.mode).toBe('estimate');
    expect(choice.ok && choice.value.dates).toEqual(['2024-12-31']);
    expect(choice.ok && choice.value.asked).toEqual(['2023-12-31', '2024-12-31']);
  });
});

describe('what the impact cannot show', () => {
  it('refuses an unknown version and a year before the proposal takes effect', () => {
    expect(feeImpact(WITH_PROPOSAL, 2027, 'estimate', 'avgifter-2099')).toMatchObject({ ok: false, error: { code: 'unknown-rule', ruleId: 'avgifter-2099' } });
    expect(feeImpact(WITH_PROPOSAL, 2026, 'estimate', PROPOSAL.id)).toMatchObject({ ok: false, error: { code: 'rule-not-effective', year: 2026, effectiveFrom: 2027 } });
    expect(impactMode(WITH_PROPOSAL, 2026, PROPOSAL.id)).toMatchObject({ ok: false, error: { code: 'rule-not-effective' } });
  });

  it('without a version in force, shows the proposal only: no fee in force, no difference, no percentage', () => {
    const only = impact({ ...SEED_REGISTER, feeRules: [PROPOSAL] }, 2027, 'estimate');
    expect(only.inForce).toBeUndefined();
    const nacka = line(only, 'nacka');
    expect(nacka.proposalOre).toBe(175 * NACKA_LATEST);
    expect(nacka.inForceOre).toBeUndefined();
    expect(nacka.differenceOre).toBeUndefined();
    expect(nacka.differencePercent).toBeUndefined();
    expect(only.totals.all.inForceOre).toBe(0);
    expect(only.totals.all.proposalOre).toBe(schedule(WITH_PROPOSAL, 2027, 'estimate', PROPOSAL.id).totals.all);
    expect(only.totals.all.differencePercent).toBeUndefined();
  });

  it('has no percentage where the fee in force is 0', () => {
    const free = { ...SEED_FEE_RULE, singleFeeOre: 0 };
    const sos = line(impact({ ...SEED_REGISTER, feeRules: [free, PROPOSAL] }, 2027, 'estimate'), 'sos-alarm');
    expect(sos).toMatchObject({ inForceOre: 0, proposalOre: 30_000_000, differenceOre: 30_000_000 });
    expect(sos.differencePercent).toBeUndefined();
  });

  it('names a municipality without any figure as missing, with neither fee, and leaves it out of the totals', () => {
    const newcomer = municipality('0199', 'Nykommun', 'Syd', '2025-01-01');
    const register = { ...WITH_PROPOSAL, members: [...SEED_MEMBERS, newcomer] };
    const shown = impact(register, 2027, 'estimate');
    const gap = line(shown, newcomer.id);
    expect(gap).toMatchObject({ group: 'Syd', missing: true, estimated: false });
    expect(gap.inForceOre).toBeUndefined();
    expect(gap.proposalOre).toBeUndefined();
    expect(shown.missing).toEqual([{ memberId: newcomer.id, municipalityCode: '0199', name: 'Nykommun', populationDate: '2026-12-31' }]);
    expect(shown.totals.Syd).toEqual(impact(WITH_PROPOSAL, 2027, 'estimate').totals.Syd);
  });

  it('groups a municipality by its cluster of the year asked for', () => {
    const moved: Member[] = SEED_MEMBERS.map((member) =>
      member.id === 'nacka' ? { ...member, cluster: 'Syd', earlierTerms: [{ untilYear: 2027, feeClass: 'municipality', cluster: 'Mitt' }] } : member,
    );
    const register = { ...WITH_PROPOSAL, members: moved };
    expect(line(impact(register, 2027, 'estimate'), 'nacka').group).toBe('Mitt');
    expect(line(impact(register, 2028, 'estimate'), 'nacka').group).toBe('Syd');
  });
});
