import type { FeeRuleStatus } from './contract';
import { membersInYear } from './membership';
import type { FeeRuleVersion, Member } from './schemas';

export interface FeeRuleApprovalState {
  status: FeeRuleStatus;
  /** The parties whose approval counts: the members in the version's first year who had joined by its last approval, or approved. */
  required: number;
  approved: number;
  pending: string[];
}

/**
 * R7: a version applies only once adopted, that is when every party that is a member in
 * its first year has approved it. Approvals by others are recorded but do not count.
 * A party that joined after the last approval was recorded joined on the terms already
 * adopted (it signs the agreement as it stands), so its approval is not asked for: a new
 * member can never turn an adopted fee change back into a draft.
 */
export function feeRuleApprovalState(rule: FeeRuleVersion, members: readonly Member[]): FeeRuleApprovalState {
  const lastApproval = rule.approvals.reduce((latest, approval) => (approval.approvedOn > latest ? approval.approvedOn : latest), '');
  const approvedBy = new Set(rule.approvals.map((approval) => approval.memberId));
  const parties = membersInYear(members, rule.effectiveFrom).filter(
    (member) => approvedBy.has(member.id) || lastApproval === '' || member.joinedOn <= lastApproval,
  );
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
