import { describe, expect, it } from 'vitest';
import { SEED_REGISTER, budgetSummary, feeSchedule, memberNet, reimbursedOre, reimbursementSums, reimbursementTotals, reimbursementYear } from '@ssr/shared';
import type { FeeMode, FeeSchedule, Reimbursement } from '@ssr/shared';

function schedule(year: number, mode: FeeMode): FeeSchedule {
  const result = feeSchedule(SEED_REGISTER, year, mode);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function claim(id: string, memberId: string, fn: 'RSIB' | 'RKK', periodStart: string, periodEnd: string, amountOre: number): Reimbursement {
  return { id, memberId, function: fn, periodStart, periodEnd, amountOre, note: '' };
}

const CLAIMS: readonly Reimbursement[] = [
  claim('rsib-2024-h1', 'lansstyrelsen', 'RSIB', '2024-01-01', '2024-06-30', 61_000_000),
  claim('rsib-2024-h2', 'lansstyrelsen', 'RSIB', '2024-07-01', '2024-12-31', 63_550_050),
  claim('rkk-2024', 'region-stockholm', 'RKK', '2024-01-01', '2024-12-31', 41_200_000),
  claim('rsib-2024-sthlm', 'stockholm', 'RSIB', '2024-03-01', '2024-03-31', 12_345),
  claim('rkk-2024-lst', 'lansstyrelsen', 'RKK', '2024-10-01', '2024-12-31', 5_000_000),
  claim('rsib-2023', 'lansstyrelsen', 'RSIB', '2023-01-01', '2023-12-31', 99_000_000),
  claim('rkk-2025', 'region-stockholm', 'RKK', '2025-01-01', '2025-03-31', 10_000_000),
];

describe('R6 reimbursement sums per member, year and function', () => {
  const sums = reimbursementSums(CLAIMS);

  it('adds the claims of a member, year and function together, in a stable order', () => {
    expect(sums).toEqual([
      { memberId: 'lansstyrelsen', year: 2023, function: 'RSIB', amountOre: 99_000_000 },
      { memberId: 'lansstyrelsen', year: 2024, function: 'RKK', amountOre: 5_000_000 },
      { memberId: 'lansstyrelsen', year: 2024, function: 'RSIB', amountOre: 124_550_050 },
      { memberId: 'region-stockholm', year: 2024, function: 'RKK', amountOre: 41_200_000 },
      { memberId: 'stockholm', year: 2024, function: 'RSIB', amountOre: 12_345 },
      { memberId: 'region-stockholm', year: 2025, function: 'RKK', amountOre: 10_000_000 },
    ]);
  });

  it.each([
    { memberId: 'lansstyrelsen', year: 2024, fn: undefined, amountOre: 129_550_050 },
    { memberId: 'lansstyrelsen', year: 2024, fn: 'RSIB', amountOre: 124_550_050 },
    { memberId: 'lansstyrelsen', year: 2024, fn: 'RKK', amountOre: 5_000_000 },
    { memberId: 'lansstyrelsen', year: 2025, fn: undefined, amountOre: 0 },
    { memberId: 'nacka', year: 2024, fn: undefined, amountOre: 0 },
  ] as const)('$memberId was reimbursed $amountOre öre in $year ($fn)', ({ memberId, year, fn, amountOre }) => {
    expect(reimbursedOre(sums, memberId, year, fn)).toBe(amountOre);
  });

  it('totals a year per function and in all', () => {
    expect(reimbursementTotals(sums, 2024)).toEqual({ RSIB: 124_562_395, RKK: 46_200_000, all: 170_762_395 });
    expect(reimbursementTotals(sums, 2026)).toEqual({ RSIB: 0, RKK: 0, all: 0 });
  });

  it('a claim counts in the year its period lies in', () => {
    expect(reimbursementYear({ periodStart: '2024-10-01' })).toBe(2024);
  });

  it('no claims, no sums', () => {
    expect(reimbursementSums([])).toEqual([]);
  });
});

describe('budget summary and R6 net position (fee − reimbursement)', () => {
  const sums = reimbursementSums(CLAIMS);
  const summary = budgetSummary(schedule(2024, 'exact'), sums);

  it('income is the fee schedule’s totals', () => {
    expect(summary).toMatchObject({ year: 2024, mode: 'exact', missing: [] });
    expect(summary.income).toMatchObject({ all: 760_223_150, municipalities: 368_223_150, others: 392_000_000 });
  });

  it('reimbursements are the year’s, other years left out', () => {
    expect(summary.reimbursements).toEqual({ RSIB: 124_562_395, RKK: 46_200_000, all: 170_762_395 });
  });

  it('the result is income less reimbursements', () => {
    expect(summary.resultOre).toBe(760_223_150 - 170_762_395);
  });

  it.each([
    { memberId: 'lansstyrelsen', feeOre: 56_000_000, reimbursedOre: 129_550_050, netOre: -73_550_050 },
    { memberId: 'region-stockholm', feeOre: 56_000_000, reimbursedOre: 41_200_000, netOre: 14_800_000 },
    { memberId: 'stockholm', feeOre: 148_341_450, reimbursedOre: 12_345, netOre: 148_329_105 },
    { memberId: 'nacka', feeOre: 16_594_950, reimbursedOre: 0, netOre: 16_594_950 },
  ])('$memberId: fee $feeOre − reimbursed $reimbursedOre = net $netOre', ({ memberId, feeOre, reimbursedOre: reimbursed, netOre }) => {
    expect(summary.members.find((member) => member.memberId === memberId)).toMatchObject({ feeOre, reimbursedOre: reimbursed, netOre });
    expect(memberNet(feeOre, reimbursed)).toBe(netOre);
  });

  it('has a net for every member, and the nets add up to the result', () => {
    expect(summary.members).toHaveLength(37);
    expect(summary.members.reduce((total, member) => total + member.netOre, 0)).toBe(summary.resultOre);
  });

  it('an estimate budget for 2026 carries the estimate mode and no missing figures', () => {
    const estimate = budgetSummary(schedule(2026, 'estimate'), sums);
    expect(estimate).toMatchObject({ year: 2026, mode: 'estimate', missing: [], reimbursements: { all: 0 } });
    expect(estimate.resultOre).toBe(estimate.income.all);
  });

  it('an exact budget for 2026 passes on the 26 missing municipalities', () => {
    const exact = budgetSummary(schedule(2026, 'exact'), sums);
    expect(exact.missing).toHaveLength(26);
    expect(exact.income.all).toBe(392_000_000);
  });
});
