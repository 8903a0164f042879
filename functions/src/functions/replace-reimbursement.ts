import type { HttpResponseInit } from '@azure/functions';
import { memberIdSchema, reimbursementSchema } from '@ssr/shared';
import { pathParam, readBodyFor, requireIfMatch } from '../http/request';
import { notFound, ok, preconditionFailed } from '../http/responses';
import type { ApiCall } from '../http/route';
import { claimantProblem, contentionProblem, reimbursementView, sumCapProblem } from '../reimbursement-rules';
import { EntityNotFoundError, StaleEtagError } from '../storage/errors';
import { SumCapError } from '../storage/reimbursements';
import { WriteContentionError } from '../storage/retry';
import { apiTexts } from '../texts';

/**
 * PUT /reimbursements/{id} (editor): correct a claim, on the etag it was read with. The same
 * rules as a new claim apply, and the sums it leaves and enters change with it, atomically.
 */
export async function replaceReimbursement({ request, store, lang }: ApiCall): Promise<HttpResponseInit> {
  const id = pathParam(request, 'id', memberIdSchema);
  if (!id.ok) return id.response;
  const ifMatch = requireIfMatch(request);
  if (!ifMatch.ok) return ifMatch.response;
  const body = await readBodyFor(request, reimbursementSchema, id.value);
  if (!body.ok) return body.response;
  const claim = body.value;

  const current = await store.reimbursements.get(id.value);
  if (!current) return notFound(lang, apiTexts(lang).reimbursements.none(id.value));
  if (ifMatch.value !== current.etag) return preconditionFailed(lang, reimbursementView(current), current.etag);
  const member = (await store.members.get(claim.memberId))?.value;
  const refused = claimantProblem(lang, claim, member);
  if (refused) return refused;

  try {
    const stored = await store.reimbursements.replace(claim, current.etag, {
      action: 'reimbursement.replace',
      target: `reimbursements/${claim.id}`,
      before: current.value,
      after: claim,
    });
    return ok(reimbursementView(stored), { etag: stored.etag });
  } catch (error) {
    if (error instanceof SumCapError) return sumCapProblem(lang, error, claim, member);
    if (error instanceof WriteContentionError) return contentionProblem(lang);
    if (!(error instanceof StaleEtagError || error instanceof EntityNotFoundError)) throw error;
    const now = await store.reimbursements.get(id.value);
    return now ? preconditionFailed(lang, reimbursementView(now), now.etag) : notFound(lang, apiTexts(lang).reimbursements.removed(id.value));
  }
}
