import type { FeeGroup, FeeSchedule, MissingPopulation } from './fees';
import type { Ore } from './money';
import { reimbursedOre, reimbursementTotals } from './reimbursements';
import type { FeeMode, ReimbursedFunction, ReimbursementSum } from './schemas';

export interface MemberNet {
  memberId: string;
  name: string;
  feeOre: Ore;
  reimbursedOre: Ore;
  /** R6: fee − reimbursement; a useful figure, never netted on the invoice. */
  netOre: Ore;
}

export interface BudgetSummary {
  year: number;
  mode: FeeMode;
  /** The fee-rule version the income is computed under, and whether it is adopted (else a proposal). */
  ruleId: string;
  adopted: boolean;
  income: Record<FeeGroup, Ore>;
  reimbursements: Record<ReimbursedFunction | 'all', Ore>;
  /** Fee income less reimbursements: what is left for the office, planning and training. */
  resultOre: Ore;
  members: MemberNet[];
  missing: MissingPopulation[];
}

/** R6: a member's net position for a year. */
export function memberNet(feeOre: Ore, reimbursed: Ore): Ore {
  return feeOre - reimbursed;
}

/** The budget summary of a year: income by group, reimbursements, and each member's net. */
export function budgetSummary(schedule: FeeSchedule, sums: readonly ReimbursementSum[]): BudgetSummary {
  const reimbursements = reimbursementTotals(sums, schedule.year);
  const members = schedule.lines.map((line) => {
    const reimbursed = reimbursedOre(sums, line.memberId, schedule.year);
    return { memberId: line.memberId, name: line.name, feeOre: line.amountOre, reimbursedOre: reimbursed, netOre: memberNet(line.amountOre, reimbursed) };
  });
  return {
    year: schedule.year,
    mode: schedule.mode,
    ruleId: schedule.rule.id,
    adopted: schedule.adopted,
    income: { ...schedule.totals },
    reimbursements,
    resultOre: schedule.totals.all - reimbursements.all,
    members,
    missing: schedule.missing,
  };
}
