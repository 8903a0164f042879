import type { HttpResponseInit } from '@azure/functions';
import type { ReimbursementView } from '@ssr/shared';
import { reimbursementSchema } from '@ssr/shared';
import { readBody } from '../http/request';
import { conflict, created } from '../http/responses';
import type { ApiCall } from '../http/route';
import { claimantProblem, contentionProblem, sumCapProblem } from '../reimbursement-rules';
import { AlreadyExistsError } from '../storage/errors';
import { SumCapError } from '../storage/reimbursements';
import { WriteContentionError } from '../storage/retry';
import { apiTexts } from '../texts';

/**
 * POST /reimbursements (editor): record an R6 claim of a member for RSIB or RKK, for a year in
 * which it is a member. Creates only; an existing id gives 409, and so does a claim that would
 * take the year's sum for the member and function past the cap.
 */
export async function createReimbursement({ request, store, lang }: ApiCall): Promise<HttpResponseInit> {
  const body = await readBody(request, reimbursementSchema);
  if (!body.ok) return body.response;
  const claim = body.value;
  const member = (await store.members.get(claim.memberId))?.value;
  const refused = claimantProblem(lang, claim, member);
  if (refused) return refused;
  try {
    const stored = await store.reimbursements.create(claim, { action: 'reimbursement.create', target: `reimbursements/${claim.id}`, before: null, after: claim });
    return created({ ...stored.value, etag: stored.etag } satisfies ReimbursementView, `/api/reimbursements/${claim.id}`, { etag: stored.etag });
  } catch (error) {
    if (error instanceof SumCapError) return sumCapProblem(lang, error, claim, member);
    if (error instanceof WriteContentionError) return contentionProblem(lang);
    if (!(error instanceof AlreadyExistsError)) throw error;
    return conflict(lang, apiTexts(lang).reimbursements.exists(claim.id), {}, 'exists');
  }
}
