import { membersInYear } from './membership';
import type { FeeRuleVersion, Member } from './schemas';

export type FeeRuleStatus = 'draft' | 'adopted';

export interface FeeRuleApprovalState {
  status: FeeRuleStatus;
  /** The parties whose approval counts: the members in the version's first year. */
  required: number;
  approved: number;
  pending: string[];
}

/**
 * R7: a version applies only once adopted, that is when every party that is a member in
 * its first year has approved it. Approvals by others are recorded but do not count.
 */
export function feeRuleApprovalState(rule: FeeRuleVersion, members: readonly Member[]): FeeRuleApprovalState {
  const parties = membersInYear(members, rule.effectiveFrom);
  const approvedBy = new Set(rule.approvals.map((approval) => approval.memberId));
  const pending = parties.filter((member) => !approvedBy.has(member.id)).map((member) => member.id);
  return {
    status: parties.length > 0 && pending.length === 0 ? 'adopted' : 'draft',
    required: parties.length,
    approved: parties.length - pending.length,
    pending,
  };
}

export function feeRuleStatus(rule: FeeRuleVersion, members: readonly Member[]): FeeRuleStatus {
  return feeRuleApprovalState(rule, members).status;
}

/** R7: the version in force for a year is the adopted one with the latest effective year ≤ that year. */
export function feeRuleInForce(
  year: number,
  rules: readonly FeeRuleVersion[],
  members: readonly Member[],
): FeeRuleVersion | undefined {
  let inForce: FeeRuleVersion | undefined;
  for (const rule of rules) {
    if (rule.effectiveFrom > year) continue;
    if (inForce && rule.effectiveFrom <= inForce.effectiveFrom) continue;
    if (feeRuleStatus(rule, members) === 'adopted') inForce = rule;
  }
  return inForce;
}
