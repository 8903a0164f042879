import type { HttpResponseInit } from '@azure/functions';
import type { ReimbursementList } from '@ssr/shared';
import { reimbursementYear } from '@ssr/shared';
import { queryYear } from '../http/request';
import { ok } from '../http/responses';
import type { ApiCall } from '../http/route';

/** GET /reimbursements?year=Y: the year's R6 claims (a claim's period lies within one year). */
export async function listReimbursements({ request, store }: ApiCall): Promise<HttpResponseInit> {
  const year = queryYear(request);
  if (!year.ok) return year.response;
  const claims = (await store.reimbursements.list()).map((claim) => claim.value).filter((claim) => reimbursementYear(claim) === year.value);
  claims.sort((a, b) => a.periodStart.localeCompare(b.periodStart) || a.id.localeCompare(b.id));
  return ok({ year: year.value, reimbursements: claims } satisfies ReimbursementList);
}
