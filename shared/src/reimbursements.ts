import type { Ore } from './money';
import type { Member, Reimbursement, ReimbursedFunction, ReimbursementSum } from './schemas';
import { isMemberInYear, yearOf } from './membership';

/** The year a claim counts in: its period lies within one calendar year (the schema makes sure). */
export function reimbursementYear(claim: Pick<Reimbursement, 'periodStart'>): number {
  return yearOf(claim.periodStart);
}

/**
 * R6 with R8/R9: the member's claims for years in which it would not be a member. A claim
 * lies in a year of membership; an edit of the joining or notice date, or a removal, must
 * not leave one behind.
 */
export function claimsOutsideMembership(
  member: Pick<Member, 'id' | 'joinedOn' | 'noticeGivenOn'> | undefined,
  memberId: string,
  claims: readonly Reimbursement[],
): Reimbursement[] {
  return claims.filter((claim) => claim.memberId === memberId && (member === undefined || !isMemberInYear(member, reimbursementYear(claim))));
}

/** R6: sums per member, year and function, as the snapshot carries them. */
export function reimbursementSums(claims: readonly Reimbursement[]): ReimbursementSum[] {
  const sums = new Map<string, ReimbursementSum>();
  for (const claim of claims) {
    const year = reimbursementYear(claim);
    const key = `${claim.memberId}|${year}|${claim.function}`;
    const sum = sums.get(key);
    if (sum) sum.amountOre += claim.amountOre;
    else sums.set(key, { memberId: claim.memberId, year, function: claim.function, amountOre: claim.amountOre });
  }
  return [...sums.values()].sort(
    (a, b) => a.year - b.year || a.memberId.localeCompare(b.memberId) || a.function.localeCompare(b.function),
  );
}

/** R6: what a member was reimbursed in a year, for one function or both. */
export function reimbursedOre(
  sums: readonly ReimbursementSum[],
  memberId: string,
  year: number,
  fn?: ReimbursedFunction,
): Ore {
  let total = 0;
  for (const sum of sums) {
    if (sum.memberId === memberId && sum.year === year && (fn === undefined || sum.function === fn)) total += sum.amountOre;
  }
  return total;
}

/** R6: a year's reimbursements per function and in all. */
export function reimbursementTotals(sums: readonly ReimbursementSum[], year: number): Record<ReimbursedFunction | 'all', Ore> {
  const totals: Record<ReimbursedFunction | 'all', Ore> = { RSIB: 0, RKK: 0, all: 0 };
  for (const sum of sums) {
    if (sum.year !== year) continue;
    totals[sum.function] += sum.amountOre;
    totals.all += sum.amountOre;
  }
  return totals;
}

