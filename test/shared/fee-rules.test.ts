import { describe, expect, it } from 'vitest';
import { SEED_FEE_RULE, SEED_MEMBERS, adoptionDate, storedAdoptionDate, feeForMember, feeRuleApprovalState, feeRuleInForce, feeRuleStatus, feeSchedule } from '@ssr/shared';
import type { FeeRuleVersion, Register } from '@ssr/shared';
import { SEED_MEMBER_IDS, actor, draft, feeRule, recorded, seedMember, seedWithRules } from './support/register';

/** A later version of 2027: 2,00 kr per inhabitant, 300 000 / 600 000 kr. */
function version2027(approvedBy: readonly string[]): FeeRuleVersion {
  return feeRule(2027, approvedBy, { id: 'avgifter-2027', perInhabitantOre: 200, singleFeeOre: 30_000_000, doubleFeeOre: 60_000_000 });
}

function totalsFor(register: Register, year: number) {
  const result = feeSchedule(register, year, 'estimate');
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('R7 fee changes: versions apply once every party has approved', () => {
  it('the seed version is adopted by all 37 parties', () => {
    expect(feeRuleApprovalState(SEED_FEE_RULE, SEED_MEMBERS)).toEqual({ status: 'adopted', adoptedOn: '2024-07-05', required: 37, approved: 37, pending: [] });
  });

  it('a draft version (one approval missing) is not in force', () => {
    const pending = draft(version2027(SEED_MEMBER_IDS.filter((id) => id !== 'nykvarn')));
    expect(feeRuleApprovalState(pending, SEED_MEMBERS)).toEqual({ status: 'draft', required: 37, approved: 36, pending: ['nykvarn'] });
    const register = seedWithRules([SEED_FEE_RULE, pending]);
    expect(feeRuleInForce(2027, register.feeRules)?.id).toBe('avgifter-2024');
    expect(totalsFor(register, 2027).rule.id).toBe('avgifter-2024');
  });

  it('approvals by non-members do not count', () => {
    const withOutsider = draft(version2027([...SEED_MEMBER_IDS.filter((id) => id !== 'nykvarn'), 'nykoping', 'uppsala-lan']));
    expect(feeRuleStatus(withOutsider, SEED_MEMBERS)).toBe('draft');
    expect(feeRuleApprovalState(withOutsider, SEED_MEMBERS)).toMatchObject({ required: 37, approved: 36, pending: ['nykvarn'] });
  });

  it('an adopted later version replaces the earlier one from its effective year', () => {
    const register = seedWithRules([SEED_FEE_RULE, recorded(draft(version2027(SEED_MEMBER_IDS)))]);
    const inForce = [2024, 2025, 2026, 2027, 2030].map((year) => feeRuleInForce(year, register.feeRules)?.id);
    expect(inForce).toEqual(['avgifter-2024', 'avgifter-2024', 'avgifter-2024', 'avgifter-2027', 'avgifter-2027']);
    const fees2027 = totalsFor(register, 2027);
    expect(fees2027.totals.others).toBe(8 * 30_000_000 + 3 * 60_000_000);
    // Nacka 2027 is estimated from its latest figure, 112 112 (31 Dec 2024), at 2,00 kr.
    expect(fees2027.lines.find((l) => l.name === 'Nacka')?.amountOre).toBe(22_422_400);
    expect(totalsFor(register, 2026).totals.others).toBe(392_000_000);
  });

  it('the order versions are listed in does not matter', () => {
    const register = seedWithRules([recorded(draft(version2027(SEED_MEMBER_IDS))), SEED_FEE_RULE]);
    expect(feeRuleInForce(2026, register.feeRules)?.id).toBe('avgifter-2024');
    expect(feeRuleInForce(2028, register.feeRules)?.id).toBe('avgifter-2027');
  });

  it('the parties are the members in the version’s first year: one that left earlier need not approve', () => {
    const leaving = actor('kustbevakningen', 'Kustbevakningen', 'single', '2024-01-01', '2025-03-01');
    const staying = actor('sos-alarm', 'SOS Alarm', 'single', '2024-01-01');
    const members = [leaving, staying];
    const later = draft(feeRule(2027, ['sos-alarm'], { singleFeeOre: 30_000_000 }));
    expect(feeRuleApprovalState(later, members)).toEqual({ status: 'draft', required: 1, approved: 1, pending: [] });
    expect(adoptionDate(later, members)).toBe('2026-11-15');
    const joinedBefore = actor('polisen-stockholm', 'Polismyndigheten, Polisregion Stockholm', 'single', '2026-02-01');
    expect(feeRuleApprovalState(later, [...members, joinedBefore])).toMatchObject({ status: 'draft', pending: ['polisen-stockholm'] });
    expect(adoptionDate(later, [...members, joinedBefore])).toBeUndefined();
  });

  it('a party that joins after the last approval accepts the adopted version: it cannot turn it back into a draft', () => {
    const staying = actor('sos-alarm', 'SOS Alarm', 'single', '2024-01-01');
    // Approved on 2026-11-15 (the helper dates approvals in November of the year before).
    const later = draft(feeRule(2027, ['sos-alarm'], { singleFeeOre: 30_000_000 }));
    const adopted = recorded(later, [staying]);
    const joiner = actor('polisen-stockholm', 'Polismyndigheten, Polisregion Stockholm', 'single', '2027-02-01');
    expect(feeRuleApprovalState(adopted, [staying, joiner])).toEqual({ status: 'adopted', adoptedOn: '2026-11-15', required: 1, approved: 1, pending: [] });
    // Stored before adoptions were recorded, it is read as it was then: the joiner was not asked.
    expect(storedAdoptionDate(later, [staying, joiner])).toBe('2026-11-15');
    const seedJoiner = actor('ny-aktor', 'Ny aktör', 'single', '2024-09-01');
    expect(feeRuleStatus(SEED_FEE_RULE, [...SEED_MEMBERS, seedJoiner])).toBe('adopted');
    expect(feeRuleInForce(2024, [SEED_FEE_RULE])?.id).toBe('avgifter-2024');
  });

  it('a back-dated approval does not leave out the members who joined after its date: every member in the first year is a party', () => {
    // Nacka's decision is dated before every seed member's joining date (2024-01-01).
    const rule = { ...feeRule(2026, []), approvals: [{ memberId: 'nacka', approvedOn: '2023-12-31', reference: 'KF' }] };
    expect(adoptionDate(rule, SEED_MEMBERS)).toBeUndefined();
    expect(feeRuleApprovalState(rule, SEED_MEMBERS)).toMatchObject({ status: 'draft', required: 37, approved: 1 });
  });

  it('a version with no parties in its first year is never adopted', () => {
    expect(feeRuleStatus(draft(feeRule(2020, ['sos-alarm'])), [actor('sos-alarm', 'SOS Alarm', 'single', '2024-01-01')])).toBe('draft');
  });

  it('populationYearOffset 2 reads 31 Dec Y−2', () => {
    const offsetTwo = feeRule(2025, SEED_MEMBER_IDS, { id: 'avgifter-2025-y2', populationYearOffset: 2 });
    const register = seedWithRules([SEED_FEE_RULE, offsetTwo]);
    const result = feeForMember(register, seedMember('nacka'), 2025, 'exact');
    expect(result.ok && result.value).toMatchObject({
      amountOre: 16_594_950,
      basis: { population: 110_633, populationDate: '2023-12-31', estimated: false },
    });
    // All 26 have a figure for 31 Dec 2023, so exact mode bills 2025 on the 2024 worked figure.
    const fees = feeSchedule(register, 2025, 'exact');
    expect(fees.ok && fees.value.missing).toEqual([]);
    expect(fees.ok && fees.value.totals.municipalities).toBe(368_223_150);
  });

  it.each([
    { year: 2023, expected: undefined },
    { year: 2024, expected: 'avgifter-2024' },
    { year: 2200, expected: 'avgifter-2024' },
  ])('the version in force for $year is $expected', ({ year, expected }) => {
    expect(feeRuleInForce(year, [SEED_FEE_RULE])?.id).toBe(expected);
  });
});

describe('R7 adoption is an event: recorded with the version, it stays', () => {
  const sos = actor('sos-alarm', 'SOS Alarm', 'single', '2024-01-01');
  /** Adopted by SOS Alarm alone on 2026-11-15, as recorded by the write of that approval. */
  const adopted2027: FeeRuleVersion = { ...feeRule(2027, ['sos-alarm'], { singleFeeOre: 30_000_000 }), adoptedOn: '2026-11-15' };

  it('a member entered later with a joining date in the first year, before the last approval, leaves the seed version adopted and in force', () => {
    const backDated = actor('ny-aktor', 'Ny aktör', 'single', '2024-03-01');
    const members = [...SEED_MEMBERS, backDated];
    expect(feeRuleApprovalState(SEED_FEE_RULE, members)).toEqual({ status: 'adopted', adoptedOn: '2024-07-05', required: 37, approved: 37, pending: [] });
    expect(feeRuleInForce(2024, [SEED_FEE_RULE])?.id).toBe('avgifter-2024');
    const fees = feeSchedule({ ...seedWithRules([SEED_FEE_RULE]), members }, 2024, 'exact');
    expect(fees.ok && fees.value.lines.find((line) => line.memberId === 'ny-aktor')?.amountOre).toBe(28_000_000);
  });

  it('an approval recorded after adoption does not turn it back into a draft, nor move its date', () => {
    const joinerA = actor('polisen-stockholm', 'Polismyndigheten, Polisregion Stockholm', 'single', '2026-12-01');
    const joinerB = actor('kustbevakningen', 'Kustbevakningen', 'single', '2026-12-01');
    const later: FeeRuleVersion = {
      ...adopted2027,
      approvals: [...adopted2027.approvals, { memberId: 'polisen-stockholm', approvedOn: '2027-01-10', reference: 'Beslut polisen' }],
    };
    const members = [sos, joinerA, joinerB];
    expect(feeRuleApprovalState(later, members)).toEqual({ status: 'adopted', adoptedOn: '2026-11-15', required: 1, approved: 1, pending: [] });
    expect(feeRuleInForce(2027, [later])?.id).toBe('avgifter-2027');
    // Read live, as before adoptions were recorded, the later approval made kustbevakningen pending.
    const { adoptedOn: _recorded, ...unrecorded } = later;
    expect(feeRuleStatus(unrecorded, members)).toBe('draft');
  });

  it('a recorded adoption holds whatever the register says later: members edited, removed or added', () => {
    expect(feeRuleStatus(adopted2027, [])).toBe('adopted');
    expect(feeRuleStatus(adopted2027, [actor('sos-alarm', 'SOS Alarm', 'single', '2028-01-01')])).toBe('adopted');
    expect(feeRuleInForce(2030, [SEED_FEE_RULE, adopted2027])?.id).toBe('avgifter-2027');
  });

  it('the adoption date is the latest decision among the approvals the version needs', () => {
    const rule = feeRule(2027, [], { id: 'avgifter-2027' });
    const members = [sos, actor('trafikverket', 'Trafikverket', 'double', '2024-01-01')];
    const first = { ...rule, approvals: [{ memberId: 'trafikverket', approvedOn: '2026-10-02', reference: 'T' }] };
    expect(adoptionDate(first, members)).toBeUndefined();
    // Recorded later, but decided earlier: the version was complete on 2026-10-02.
    const both = { ...first, approvals: [...first.approvals, { memberId: 'sos-alarm', approvedOn: '2026-09-20', reference: 'S' }] };
    expect(adoptionDate(both, members)).toBe('2026-10-02');
    expect(adoptionDate({ ...both, adoptedOn: '2026-10-05' }, members)).toBe('2026-10-05');
  });

  it('a draft shows its pending parties, computed from the register as it stands', () => {
    const proposed = draft(feeRule(2027, ['sos-alarm']));
    const joiner = actor('trafikverket', 'Trafikverket', 'double', '2026-09-01');
    expect(feeRuleApprovalState({ ...proposed, approvals: [] }, [sos, joiner])).toEqual({ status: 'draft', required: 2, approved: 0, pending: ['sos-alarm', 'trafikverket'] });
  });

  it('two adopted versions of one year: the one adopted first applies, in whichever order they are listed', () => {
    const second: FeeRuleVersion = { ...adopted2027, id: 'avgifter-2027-b', singleFeeOre: 31_000_000, adoptedOn: '2026-12-01' };
    expect(feeRuleInForce(2027, [adopted2027, second])?.id).toBe('avgifter-2027');
    expect(feeRuleInForce(2027, [second, adopted2027])?.id).toBe('avgifter-2027');
  });
});
