import type { HttpResponseInit } from '@azure/functions';
import { feeRuleStatus, memberIdSchema } from '@ssr/shared';
import { pathParam, requireIfMatch } from '../http/request';
import { conflict, noContent, notFound, preconditionFailed } from '../http/responses';
import type { ApiCall } from '../http/route';
import { feeRuleView } from '../stored-register';
import { EntityNotFoundError, StaleEtagError } from '../storage/errors';
import { apiTexts } from '../texts';

/**
 * DELETE /fee-rules/{id} (admin), on the etag it was read with: withdraw a draft (R7), which
 * frees its effective year for another proposal. An adopted version is part of the
 * agreement and stays: 409.
 */
export async function deleteFeeRule({ request, store, lang }: ApiCall): Promise<HttpResponseInit> {
  const id = pathParam(request, 'id', memberIdSchema);
  if (!id.ok) return id.response;
  const ifMatch = requireIfMatch(request);
  if (!ifMatch.ok) return ifMatch.response;
  const [current, memberRows] = await Promise.all([store.feeRules.get(id.value), store.members.list()]);
  const members = memberRows.map((member) => member.value);
  if (!current) return notFound(lang, apiTexts(lang).feeRules.none(id.value));
  if (ifMatch.value !== current.etag) return preconditionFailed(lang, feeRuleView(current, members), current.etag);
  if (feeRuleStatus(current.value, members) === 'adopted') {
    return conflict(lang, apiTexts(lang).feeRules.adopted(id.value), { current: feeRuleView(current, members) }, 'adopted');
  }
  try {
    await store.feeRules.remove(id.value, current.etag, { action: 'feeRule.delete', target: `fee-rules/${id.value}`, before: current.value, after: null });
    return noContent();
  } catch (error) {
    if (!(error instanceof StaleEtagError || error instanceof EntityNotFoundError)) throw error;
    const now = await store.feeRules.get(id.value);
    return now ? preconditionFailed(lang, feeRuleView(now, members), now.etag) : notFound(lang, apiTexts(lang).feeRules.alreadyRemoved(id.value));
  }
}
