import type { HttpResponseInit } from '@azure/functions';
import type { ReimbursementList } from '@ssr/shared';
import { reimbursementYear } from '@ssr/shared';
import { queryYear } from '../http/request';
import { ok } from '../http/responses';
import type { ApiCall } from '../http/route';
import { fromRegister } from '../register-cache';
import { reimbursementView } from '../reimbursement-rules';

/** GET /reimbursements?year=Y: the year's R6 claims (a claim's period lies within one year), each with its etag. */
export async function listReimbursements(call: ApiCall): Promise<HttpResponseInit> {
  const year = queryYear(call.request);
  if (!year.ok) return year.response;
  return fromRegister(call, (stored) => {
    const claims = stored.reimbursements.filter((claim) => reimbursementYear(claim.value) === year.value).map(reimbursementView);
    claims.sort((a, b) => a.periodStart.localeCompare(b.periodStart) || a.id.localeCompare(b.id));
    return ok({ year: year.value, reimbursements: claims } satisfies ReimbursementList);
  });
}
