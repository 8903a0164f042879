import type { Approval, FieldError, Lang, Member } from '@ssr/shared';
import { adoptionDate, isMemberInYear } from '@ssr/shared';
import type { ApiCall } from './http/route';
import { openStore } from './storage/store';
import { apiTexts } from './texts';

const STOCKHOLM_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date where the parties decide (Swedish time), as an ISO date. */
export function todayInSweden(now: Date): string {
  return STOCKHOLM_DATE.format(now);
}

/**
 * R7: an approval is a decision already taken (not dated after today) by a party that is a
 * member in the version's first year. `at` is the approval's path in the request body.
 */
export function approvalErrors(lang: Lang, approval: Approval, at: string, effectiveFrom: number, members: readonly Member[], today: string): FieldError[] {
  const t = apiTexts(lang).feeRules;
  const errors: FieldError[] = [];
  if (approval.approvedOn > today) {
    errors.push({ path: `${at}approvedOn`, message: t.approvalInFuture(today) });
  }
  const member = members.find((candidate) => candidate.id === approval.memberId);
  if (!member) {
    errors.push({ path: `${at}memberId`, message: t.noMember(approval.memberId) });
  } else if (!isMemberInYear(member, effectiveFrom)) {
    errors.push({ path: `${at}memberId`, message: t.notMemberInFirstYear(approval.memberId, effectiveFrom) });
  }
  return errors;
}

/**
 * R7: a member write can complete a draft's approvals (its last pending party removed, or
 * moved out of the version's first year). The adoption is then recorded at once, on the
 * version's etag, by the request's user; should that fail, the next start records it. It
 * uses a store of its own, so the member write's Idempotency-Key stays with that write.
 */
export async function recordCompletedAdoptions({ services, user, signal, context }: ApiCall): Promise<void> {
  const store = openStore(services.tables, { signal, user, now: services.now });
  try {
    const [rules, members] = await Promise.all([store.feeRules.list(), store.members.list()]);
    const register = members.map((member) => member.value);
    for (const rule of rules) {
      const adoptedOn = adoptionDate(rule.value, register);
      if (rule.value.adoptedOn !== undefined || adoptedOn === undefined) continue;
      const next = { ...rule.value, adoptedOn };
      await store.feeRules.replace(next, rule.etag, { action: 'feeRule.adopt', target: `fee-rules/${rule.value.id}`, before: rule.value, after: next });
    }
  } catch (error) {
    // The member write stands; an adoption left unrecorded is recorded at the next start.
    context.warn('A completed fee rule adoption could not be recorded now; the next start records it:', error);
  }
}
