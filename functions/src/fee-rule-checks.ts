import type { Approval, FieldError, Member } from '@ssr/shared';
import { isMemberInYear } from '@ssr/shared';

const STOCKHOLM_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date where the parties decide (Swedish time), as an ISO date. */
export function todayInSweden(now: Date): string {
  return STOCKHOLM_DATE.format(now);
}

/**
 * R7: an approval is a decision already taken (not dated after today) by a party that is a
 * member in the version's first year. `at` is the approval's path in the request body.
 */
export function approvalErrors(approval: Approval, at: string, effectiveFrom: number, members: readonly Member[], today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (approval.approvedOn > today) {
    errors.push({ path: `${at}approvedOn`, message: `Ett godkännande kan inte dateras efter i dag (${today}); ange dagen för beslutet.` });
  }
  const member = members.find((candidate) => candidate.id === approval.memberId);
  if (!member) {
    errors.push({ path: `${at}memberId`, message: `Det finns ingen medlem med id "${approval.memberId}".` });
  } else if (!isMemberInYear(member, effectiveFrom)) {
    errors.push({
      path: `${at}memberId`,
      message: `${approval.memberId} är inte medlem ${effectiveFrom}, versionens första år, och godkänner den därför inte (R7).`,
    });
  }
  return errors;
}
