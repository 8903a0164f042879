import type { HttpResponseInit } from '@azure/functions';
import type { ReimbursementView } from '@ssr/shared';
import { reimbursementSchema } from '@ssr/shared';
import { readBody } from '../http/request';
import { badRequest, conflict, created } from '../http/responses';
import type { ApiCall } from '../http/route';
import { AlreadyExistsError } from '../storage/errors';

/** POST /reimbursements (editor): record an R6 claim of a member for RSIB or RKK. Creates only; an existing id gives 409. */
export async function createReimbursement({ request, store }: ApiCall): Promise<HttpResponseInit> {
  const body = await readBody(request, reimbursementSchema);
  if (!body.ok) return body.response;
  const claim = body.value;
  const member = await store.members.get(claim.memberId);
  if (!member) return badRequest([{ path: 'memberId', message: `Det finns ingen medlem med id "${claim.memberId}".` }]);
  try {
    const stored = await store.reimbursements.create(claim, { action: 'reimbursement.create', target: `reimbursements/${claim.id}`, before: null, after: claim });
    return created({ ...stored.value, etag: stored.etag } satisfies ReimbursementView, `/api/reimbursements/${claim.id}`, { etag: stored.etag });
  } catch (error) {
    if (!(error instanceof AlreadyExistsError)) throw error;
    return conflict(`Det finns redan en ersättning med id "${claim.id}".`, {}, 'exists');
  }
}
