import type { HttpResponseInit } from '@azure/functions';
import { memberIdSchema } from '@ssr/shared';
import { pathParam, requireIfMatch } from '../http/request';
import { noContent, notFound, preconditionFailed } from '../http/responses';
import type { ApiCall } from '../http/route';
import { contentionProblem, reimbursementView } from '../reimbursement-rules';
import { EntityNotFoundError, StaleEtagError } from '../storage/errors';
import { WriteContentionError } from '../storage/retry';
import { apiTexts } from '../texts';

/** DELETE /reimbursements/{id} (editor): remove a claim recorded by mistake, on the etag it was read with; its sum drops with it. */
export async function deleteReimbursement({ request, store, lang }: ApiCall): Promise<HttpResponseInit> {
  const id = pathParam(request, 'id', memberIdSchema);
  if (!id.ok) return id.response;
  const ifMatch = requireIfMatch(request);
  if (!ifMatch.ok) return ifMatch.response;
  const current = await store.reimbursements.get(id.value);
  if (!current) return notFound(lang, apiTexts(lang).reimbursements.none(id.value));
  if (ifMatch.value !== current.etag) return preconditionFailed(lang, reimbursementView(current), current.etag);
  try {
    await store.reimbursements.remove(id.value, current.etag, {
      action: 'reimbursement.delete',
      target: `reimbursements/${id.value}`,
      before: current.value,
      after: null,
    });
    return noContent();
  } catch (error) {
    if (error instanceof WriteContentionError) return contentionProblem(lang);
    if (!(error instanceof StaleEtagError || error instanceof EntityNotFoundError)) throw error;
    const now = await store.reimbursements.get(id.value);
    return now ? preconditionFailed(lang, reimbursementView(now), now.etag) : notFound(lang, apiTexts(lang).reimbursements.alreadyRemoved(id.value));
  }
}
