import type { FeeRuleStatus } from './contract';
import { membersInYear } from './membership';
import type { FeeRuleVersion, Member } from './schemas';

export interface FeeRuleApprovalState {
  status: FeeRuleStatus;
  /** The day the version was adopted: the date of the last decision it needed. */
  adoptedOn?: string;
  /** The parties whose approval counts: the members in the version's first year. */
  required: number;
  approved: number;
  pending: string[];
}

interface Completion {
  required: number;
  approved: number;
  pending: string[];
  /** When every party has approved: the latest decision among theirs. */
  completedOn?: string;
}

/**
 * The approvals against the register as it stands. The parties are the members in the
 * version's first year; `beforeRecorded` is how versions stored before adoptions were
 * recorded were read, where a party that joined after the latest approval was not asked.
 */
function completion(rule: FeeRuleVersion, members: readonly Member[], beforeRecorded: boolean): Completion {
  const lastApproval = rule.approvals.reduce((latest, approval) => (approval.approvedOn > latest ? approval.approvedOn : latest), '');
  const approvedOn = new Map(rule.approvals.map((approval) => [approval.memberId, approval.approvedOn]));
  const parties = membersInYear(members, rule.effectiveFrom).filter(
    (member) => !beforeRecorded || approvedOn.has(member.id) || lastApproval === '' || member.joinedOn <= lastApproval,
  );
  const pending = parties.filter((member) => !approvedOn.has(member.id)).map((member) => member.id);
  const counts = { required: parties.length, approved: parties.length - pending.length, pending };
  if (parties.length === 0 || pending.length > 0) return counts;
  const completedOn = parties.reduce((latest, member) => {
    const date = approvedOn.get(member.id) ?? '';
    return date > latest ? date : latest;
  }, '');
  return { ...counts, completedOn };
}

/**
 * R7: a version applies once adopted. Adoption is an event, recorded with the version
 * (`adoptedOn`) by the write that completes its approvals; from then on it is adopted
 * whatever the register later says (a party that joins later accepts the adopted rules by
 * joining), and the counts are the approvals dated on or before that day. A version without
 * a recorded adoption is a draft, with its pending parties read against the register as it
 * stands.
 */
export function feeRuleApprovalState(rule: FeeRuleVersion, members: readonly Member[]): FeeRuleApprovalState {
  const { adoptedOn } = rule;
  if (adoptedOn === undefined) {
    const { required, approved, pending } = completion(rule, members, false);
    return { status: 'draft', required, approved, pending };
  }
  const counted = rule.approvals.filter((approval) => approval.approvedOn <= adoptedOn).length;
  return { status: 'adopted', adoptedOn, required: counted, approved: counted, pending: [] };
}

export function feeRuleStatus(rule: FeeRuleVersion, members: readonly Member[]): FeeRuleStatus {
  return feeRuleApprovalState(rule, members).status;
}

/**
 * The adoption a write of this version records: its recorded date, or the date on which its
 * approvals complete it against the register as it stands at the write (every member in its
 * first year has approved); undefined while a party is pending.
 */
export function adoptionDate(rule: FeeRuleVersion, members: readonly Member[]): string | undefined {
  return rule.adoptedOn ?? completion(rule, members, false).completedOn;
}

/** The adoption of a version stored before adoptions were recorded, read as it was then. */
export function storedAdoptionDate(rule: FeeRuleVersion, members: readonly Member[]): string | undefined {
  return rule.adoptedOn ?? completion(rule, members, true).completedOn;
}

/**
 * R7: the version in force for a year is the adopted one with the latest effective year ≤ that
 * year. The register keeps one version per effective year; should two share one all the same,
 * the one adopted first (then the lower id) applies, whatever order they are listed in.
 */
export function feeRuleInForce(
  year: number,
  rules: readonly FeeRuleVersion[],
): FeeRuleVersion | undefined {
  let inForce: { rule: FeeRuleVersion; adoptedOn: string } | undefined;
  for (const rule of rules) {
    if (rule.effectiveFrom > year) continue;
    if (inForce && rule.effectiveFrom < inForce.rule.effectiveFrom) continue;
    const { adoptedOn } = rule;
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
