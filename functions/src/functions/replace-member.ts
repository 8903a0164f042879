import type { HttpResponseInit } from '@azure/functions';
import { changeTerms, memberChangeSchema, memberIdSchema } from '@ssr/shared';
import { pathParam, readBodyFor, requireIfMatch } from '../http/request';
import { badRequest, conflict, notFound, ok, preconditionFailed } from '../http/responses';
import type { ApiCall } from '../http/route';
import { codeTakenProblem, memberContentionProblem, municipalityCodeError } from '../members-rules';
import { strandedClaimsProblem } from '../reimbursement-rules';
import { recordCompletedAdoptions } from '../fee-rule-checks';
import { memberView } from '../stored-register';
import { EntityNotFoundError, StaleEtagError } from '../storage/errors';
import { CodeTakenError } from '../storage/members';
import { WriteContentionError } from '../storage/retry';
import { apiTexts } from '../texts';

/** PUT /members/{id}: replace a member, on the etag it was read with (a member from GET can be sent back as it is). */
export async function replaceMember(call: ApiCall): Promise<HttpResponseInit> {
  const { request, store, lang } = call;
  const id = pathParam(request, 'id', memberIdSchema);
  if (!id.ok) return id.response;
  const ifMatch = requireIfMatch(request);
  if (!ifMatch.ok) return ifMatch.response;
  const body = await readBodyFor(request, memberChangeSchema, id.value);
  if (!body.ok) return body.response;
  const { changesFrom, ...edit } = body.value;

  const members = await store.members.list();
  const current = members.find((other) => other.value.id === id.value);
  if (!current) return notFound(lang, apiTexts(lang).members.none(id.value));
  if (ifMatch.value !== current.etag) return preconditionFailed(lang, memberView(current), current.etag);
  // R7: a changed class or cluster applies from changesFrom; the stored terms stay with the years before it.
  const changed = changeTerms(current.value, edit, changesFrom, lang);
  if (!changed.ok) return badRequest(lang, [changed.error]);
  const member = changed.member;
  const clash = municipalityCodeError(lang, member, members);
  if (clash) return conflict(lang, clash.message, { errors: [clash] }, 'duplicate-municipality');
  const datesChanged = member.joinedOn !== current.value.joinedOn || member.noticeGivenOn !== current.value.noticeGivenOn;
  const stranded = datesChanged ? strandedClaimsProblem(lang, current.value, member, await store.reimbursements.list()) : undefined;
  if (stranded) return stranded;

  try {
    const stored = await store.members.replace(member, current.etag, {
      action: 'member.replace',
      target: `members/${member.id}`,
      before: current.value,
      after: member,
    });
    if (datesChanged) await recordCompletedAdoptions(call);
    return ok(memberView(stored), { etag: stored.etag });
  } catch (error) {
    if (error instanceof CodeTakenError) return codeTakenProblem(lang, error);
    if (error instanceof WriteContentionError) return memberContentionProblem(lang);
    if (!(error instanceof StaleEtagError || error instanceof EntityNotFoundError)) throw error;
    const now = await store.members.get(id.value);
    return now ? preconditionFailed(lang, memberView(now), now.etag) : notFound(lang, apiTexts(lang).members.removed(id.value));
  }
}
