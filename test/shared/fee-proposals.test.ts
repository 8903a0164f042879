import { describe, expect, it } from 'vitest';
import { SEED_MEMBERS, SEED_POPULATIONS, SEED_REGISTER, budgetSummary, feeForMember, feeSchedule, ruleForYear } from '@ssr/shared';
import type { FeeRuleVersion, FeeSchedule } from '@ssr/shared';

// A proposal priced before anyone is asked (R7): the worked draft of 1,75 kr per inhabitant and
// 300 000 / 600 000 kr from 2027, fee year 2027 in estimate mode, figured here by hand from the
// seed register rather than through the engine's own code paths.

const DRAFT: FeeRuleVersion = { id: 'avgifter-2027', effectiveFrom: 2027, perInhabitantOre: 175, singleFeeOre: 30_000_000, doubleFeeOre: 60_000_000, populationYearOffset: 1, approvals: [] };
const register = { ...SEED_REGISTER, feeRules: [...SEED_REGISTER.feeRules, DRAFT] };

function schedule(ruleId?: string): FeeSchedule {
  const result = feeSchedule(register, 2027, 'estimate', ruleId);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** The latest figure of each municipality: what estimate mode stands in with for 31 Dec 2026. */
function latestFigure(code: string): number {
  const figures = SEED_POPULATIONS.filter((figure) => figure.municipalityCode === code).sort((a, b) => b.year - a.year);
  const latest = figures[0];
  if (!latest) throw new Error(`no figure for ${code}`);
  return latest.population;
}

const municipalities = SEED_MEMBERS.filter((member) => member.kind === 'municipality');
const inhabitants = municipalities.reduce((sum, member) => sum + latestFigure(member.municipalityCode ?? ''), 0);
const singles = SEED_MEMBERS.filter((member) => member.feeClass === 'single').length;
const doubles = SEED_MEMBERS.filter((member) => member.feeClass === 'double').length;

describe('the worked proposal: avgifter-2027 for fee year 2027, estimated', () => {
  const proposal = schedule('avgifter-2027');
  const inForce = schedule();

  it('is computed under the draft and says it is not adopted; without an id the adopted rule of 2024 applies', () => {
    expect(proposal.rule.id).toBe('avgifter-2027');
    expect(proposal.adopted).toBe(false);
    expect(inForce.rule.id).toBe('avgifter-2024');
    expect(inForce.adopted).toBe(true);
    expect(schedule('avgifter-2024')).toEqual(inForce);
  });

  it('Nacka pays 1,75 kr × its latest figure (112 112): 196 196,00 kr, 28 028,00 kr more than under 1,50 kr', () => {
    const nacka = proposal.lines.find((line) => line.memberId === 'nacka');
    expect(nacka?.amountOre).toBe(175 * 112_112);
    expect(nacka?.amountOre).toBe(19_619_600);
    expect((nacka?.amountOre ?? 0) - (inForce.lines.find((line) => line.memberId === 'nacka')?.amountOre ?? 0)).toBe(2_802_800);
    const member = SEED_MEMBERS.find((candidate) => candidate.id === 'nacka');
    if (!member) throw new Error('Nacka is not in the seed');
    const single = feeForMember(register, member, 2027, 'estimate', 'avgifter-2027');
    expect(single.ok && single.value.amountOre).toBe(19_619_600);
  });

  it('totals: municipalities 1,75 kr × every latest figure, others 300 000 / 600 000 kr each, the clusters adding up', () => {
    expect(proposal.totals.municipalities).toBe(175 * inhabitants);
    expect(proposal.totals.others).toBe(singles * 30_000_000 + doubles * 60_000_000);
    expect(proposal.totals.all).toBe(175 * inhabitants + singles * 30_000_000 + doubles * 60_000_000);
    expect(proposal.totals.Norr + proposal.totals.Mitt + proposal.totals.Syd + proposal.totals['Stockholms stad']).toBe(proposal.totals.municipalities);
    // The same figures under both rules: the municipalities' part rises by exactly 7/6.
    expect(proposal.totals.municipalities * 6).toBe(inForce.totals.municipalities * 7);
    expect(proposal.missing).toEqual([]);
  });

  it('a budget under the draft carries its version and says it is a proposal', () => {
    const budget = budgetSummary(proposal, []);
    expect(budget).toMatchObject({ ruleId: 'avgifter-2027', adopted: false, income: proposal.totals });
  });
});

describe('naming a version that cannot answer', () => {
  it('an unknown id, and a year before the version takes effect, are errors that say so', () => {
    expect(ruleForYear(2027, register.feeRules, 'avgifter-2099')).toMatchObject({ ok: false, error: { code: 'unknown-rule', ruleId: 'avgifter-2099' } });
    expect(feeSchedule(register, 2026, 'estimate', 'avgifter-2027')).toMatchObject({
      ok: false,
      error: { code: 'rule-not-effective', ruleId: 'avgifter-2027', year: 2026, effectiveFrom: 2027 },
    });
    // A draft never comes into force by itself: without an id, 2027 is under the rule of 2024.
    expect(ruleForYear(2030, register.feeRules)).toMatchObject({ ok: true, value: { id: 'avgifter-2024' } });
  });
});
