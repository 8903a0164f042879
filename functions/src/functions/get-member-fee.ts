import type { HttpResponseInit } from '@azure/functions';
import type { MemberFee } from '@ssr/shared';
import { feeForMember, memberIdSchema } from '@ssr/shared';
import { feeProblem } from '../fee-problems';
import { pathParam, queryMode, queryYear } from '../http/request';
import { notFound, ok } from '../http/responses';
import type { ApiCall } from '../http/route';
import { fromRegister } from '../register-cache';
import { engineRegister } from '../stored-register';
import { apiTexts } from '../texts';

/** GET /fees/{memberId}?year=Y[&mode=estimate]: one member's fee line. */
export async function getMemberFee(call: ApiCall): Promise<HttpResponseInit> {
  const { request, lang } = call;
  const memberId = pathParam(request, 'memberId', memberIdSchema);
  if (!memberId.ok) return memberId.response;
  const year = queryYear(request);
  if (!year.ok) return year.response;
  const mode = queryMode(request);
  if (!mode.ok) return mode.response;
  return fromRegister(call, (stored) => {
    const register = engineRegister(stored);
    const member = register.members.find((candidate) => candidate.id === memberId.value);
    if (!member) return notFound(lang, apiTexts(lang).members.none(memberId.value));
    const fee = feeForMember(register, member, year.value, mode.value);
    return fee.ok ? ok({ year: year.value, mode: mode.value, ...fee.value } satisfies MemberFee) : feeProblem(lang, fee.error);
  });
}
