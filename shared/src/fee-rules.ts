import type { FeeRuleStatus } from './contract';
import { membersInYear } from './membership';
import type { FeeRuleVersion, Member } from './schemas';

export interface FeeRuleApprovalState {
  status: FeeRuleStatus;
  /** The day the version was adopted: the date of the last decision it needed. */
  adoptedOn?: string;
  /** The parties whose approval counts: the members in the version's first year who had joined by its last approval, or approved. */
  required: number;
  approved: number;
  pending: string[];
}

/**
 * The approvals as they stand against the register as it stands: the parties are the members
 * in the version's first year who approved it or had joined by its latest approval (before
 * any approval, all of them). Complete when there is at least one and all have approved; the
 * adoption date is then the latest decision among theirs.
 */
function liveState(rule: FeeRuleVersion, members: readonly Member[]): FeeRuleApprovalState {
  const lastApproval = rule.approvals.reduce((latest, approval) => (approval.approvedOn > latest ? approval.approvedOn : latest), '');
  const approvedOn = new Map(rule.approvals.map((approval) => [approval.memberId, approval.approvedOn]));
  const parties = membersInYear(members, rule.effectiveFrom).filter(
    (member) => approvedOn.has(member.id) || lastApproval === '' || member.joinedOn <= lastApproval,
  );
  const pending = parties.filter((member) => !approvedOn.has(member.id)).map((member) => member.id);
  const base = { required: parties.length, approved: parties.length - pending.length, pending };
  if (parties.length === 0 || pending.length > 0) return { status: 'draft', ...base };
  const adoptedOn = parties.reduce((latest, member) => {
    const date = approvedOn.get(member.id) ?? '';
    return date > latest ? date : latest;
  }, '');
  return { status: 'adopted', adoptedOn, ...base };
}

/**
 * R7: a version applies once adopted. Adoption is an event, recorded with the version
 * (`adoptedOn`) by the write that records the last approval it needs; from then on it is
 * adopted whatever the register later says (a party that joins later accepts the adopted
 * rules by joining), and the counts are the approvals dated on or before that day.
 *
 * A version without a recorded adoption is read live (`liveState`): that is how a draft
 * shows its pending parties, and how a version stored before adoptions were recorded reads
 * until its adoption is recorded.
 */
export function feeRuleApprovalState(rule: FeeRuleVersion, members: readonly Member[]): FeeRuleApprovalState {
  const { adoptedOn } = rule;
  if (adoptedOn === undefined) return liveState(rule, members);
  const counted = rule.approvals.filter((approval) => approval.approvedOn <= adoptedOn).length;
  return { status: 'adopted', adoptedOn, required: counted, approved: counted, pending: [] };
}

export function feeRuleStatus(rule: FeeRuleVersion, members: readonly Member[]): FeeRuleStatus {
  return feeRuleApprovalState(rule, members).status;
}

/**
 * The adoption a write of this version records: its recorded date, or the date on which its
 * approvals complete it against the register as it stands at the write; undefined for a draft.
 */
export function adoptionDate(rule: FeeRuleVersion, members: readonly Member[]): string | undefined {
  return feeRuleApprovalState(rule, members).adoptedOn;
}

/**
 * R7: the version in force for a year is the adopted one with the latest effective year ≤ that
 * year. The register keeps one version per effective year; should two share one all the same,
 * the one adopted first (then the lower id) applies, whatever order they are listed in.
 */
export function feeRuleInForce(
  year: number,
  rules: readonly FeeRuleVersion[],
  members: readonly Member[],
): FeeRuleVersion | undefined {
  let inForce: { rule: FeeRuleVersion; adoptedOn: string } | undefined;
  for (const rule of rules) {
    if (rule.effectiveFrom > year) continue;
    if (inForce && rule.effectiveFrom < inForce.rule.effectiveFrom) continue;
    const adoptedOn = adoptionDate(rule, members);
    if (adoptedOn === undefined) continue;
    const replaces =
      !inForce ||
      rule.effectiveFrom > inForce.rule.effectiveFrom ||
      adoptedOn < inForce.adoptedOn ||
      (adoptedOn === inForce.adoptedOn && rule.id < inForce.rule.id);
    if (replaces) inForce = { rule, adoptedOn };
  }
  return inForce?.rule;
}
