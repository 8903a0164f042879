import type { HttpResponseInit } from '@azure/functions';
import { memberIdSchema } from '@ssr/shared';
import { pathParam } from '../http/request';
import { notFound, ok } from '../http/responses';
import type { ApiCall } from '../http/route';
import { reimbursementView } from '../reimbursement-rules';
import { apiTexts } from '../texts';

/** GET /reimbursements/{id}: one claim with the etag a correction or removal names. */
export async function getReimbursement({ request, store, lang }: ApiCall): Promise<HttpResponseInit> {
  const id = pathParam(request, 'id', memberIdSchema);
  if (!id.ok) return id.response;
  const claim = await store.reimbursements.get(id.value);
  if (!claim) return notFound(lang, apiTexts(lang).reimbursements.none(id.value));
  return ok(reimbursementView(claim), { etag: claim.etag });
}
