import type { HttpResponseInit } from '@azure/functions';
import { memberIdSchema } from '@ssr/shared';
import { pathParam, requireIfMatch } from '../http/request';
import { noContent, notFound, preconditionFailed } from '../http/responses';
import type { ApiCall } from '../http/route';
import { memberContentionProblem } from '../members-rules';
import { strandedClaimsProblem } from '../reimbursement-rules';
import { recordCompletedAdoptions } from '../fee-rule-checks';
import { memberView } from '../stored-register';
import { EntityNotFoundError, StaleEtagError } from '../storage/errors';
import { WriteContentionError } from '../storage/retry';
import { apiTexts } from '../texts';

/**
 * DELETE /members/{id} (admin), on the etag it was read with. Removing is for mistakes: a
 * member that leaves gives notice instead (R9), which keeps its fee history. Its municipality
 * code is free again once it is removed.
 */
export async function deleteMember(call: ApiCall): Promise<HttpResponseInit> {
  const { request, store, lang } = call;
  const id = pathParam(request, 'id', memberIdSchema);
  if (!id.ok) return id.response;
  const ifMatch = requireIfMatch(request);
  if (!ifMatch.ok) return ifMatch.response;
  const current = await store.members.get(id.value);
  if (!current) return notFound(lang, apiTexts(lang).members.none(id.value));
  if (ifMatch.value !== current.etag) return preconditionFailed(lang, memberView(current), current.etag);
  const stranded = strandedClaimsProblem(lang, current.value, undefined, await store.reimbursements.list());
  if (stranded) return stranded;
  try {
    await store.members.remove(id.value, current.etag, { action: 'member.delete', target: `members/${id.value}`, before: current.value, after: null });
    await recordCompletedAdoptions(call);
    return noContent();
  } catch (error) {
    if (error instanceof WriteContentionError) return memberContentionProblem(lang);
    if (!(error instanceof StaleEtagError || error instanceof EntityNotFoundError)) throw error;
    const now = await store.members.get(id.value);
    return now ? preconditionFailed(lang, memberView(now), now.etag) : notFound(lang, apiTexts(lang).members.alreadyRemoved(id.value));
  }
}
