import type { HttpResponseInit } from '@azure/functions';
import type { FeeRuleVersion } from '@ssr/shared';
import { adoptionDate, approvalSchema, feeRuleVersionSchema, memberIdSchema, parseWith } from '@ssr/shared';
import { approvalErrors, todayInSweden } from '../fee-rule-checks';
import { pathParam, readBody, requireIfMatch } from '../http/request';
import { badRequest, conflict, created, notFound, preconditionFailed } from '../http/responses';
import type { ApiCall } from '../http/route';
import { feeRuleView } from '../stored-register';
import { EntityNotFoundError, StaleEtagError } from '../storage/errors';
import { apiTexts } from '../texts';

/**
 * POST /fee-rules/{id}/approvals (admin): record a party's approval (R7), on the fee rule's
 * etag. Only a party that is a member in the version's first year approves it, and not with
 * a date after today. The write that records the last approval the version needs records its
 * adoption too; an approval recorded later leaves the adoption as it is.
 */
export async function approveFeeRule({ request, store, services, lang }: ApiCall): Promise<HttpResponseInit> {
  const t = apiTexts(lang).feeRules;
  const id = pathParam(request, 'id', memberIdSchema);
  if (!id.ok) return id.response;
  const ifMatch = requireIfMatch(request);
  if (!ifMatch.ok) return ifMatch.response;
  const body = await readBody(request, approvalSchema);
  if (!body.ok) return body.response;
  const approval = body.value;

  const [current, memberRows] = await Promise.all([store.feeRules.get(id.value), store.members.list()]);
  const members = memberRows.map((member) => member.value);
  if (!current) return notFound(lang, t.none(id.value));
  const errors = approvalErrors(lang, approval, '', current.value.effectiveFrom, members, todayInSweden(services.now()));
  if (errors.length > 0) return badRequest(lang, errors);
  if (ifMatch.value !== current.etag) return preconditionFailed(lang, feeRuleView(current, members), current.etag);
  if (current.value.approvals.some((given) => given.memberId === approval.memberId)) {
    return conflict(lang, t.alreadyApprovedRule(approval.memberId, id.value), {
      errors: [{ path: 'memberId', message: t.alreadyApproved(approval.memberId) }],
      current: feeRuleView(current, members),
    }, 'already-approved');
  }

  const approved: FeeRuleVersion = { ...current.value, approvals: [...current.value.approvals, approval] };
  // Adopted stays adopted, on the day it was: a later approval never moves or undoes that.
  const adoptedOn = adoptionDate(current.value, members) ?? adoptionDate(approved, members);
  // The stored rule must still pass its schema (at most 1 000 approvals).
  const next = parseWith(feeRuleVersionSchema, adoptedOn === undefined ? approved : { ...approved, adoptedOn }, '', lang);
  if (!next.ok) return conflict(lang, t.full, { errors: next.errors }, 'rule-full');
  try {
    const stored = await store.feeRules.replace(next.value, current.etag, {
      action: 'feeRule.approve',
      target: `fee-rules/${id.value}`,
      before: current.value,
      after: next.value,
    });
    return created(feeRuleView(stored, members), `/api/fee-rules/${id.value}`, { etag: stored.etag });
  } catch (error) {
    if (!(error instanceof StaleEtagError || error instanceof EntityNotFoundError)) throw error;
    const now = await store.feeRules.get(id.value);
    return now ? preconditionFailed(lang, feeRuleView(now, members), now.etag) : notFound(lang, t.gone(id.value));
  }
}
