import type { HttpResponseInit } from '@azure/functions';
import type { MemberFee } from '@ssr/shared';
import { feeForMember, isAdopted, memberIdSchema, ruleForYear } from '@ssr/shared';
import { feeProblem } from '../fee-problems';
import { pathParam, queryMode, queryRule, queryYear } from '../http/request';
import { notFound, ok } from '../http/responses';
import type { ApiCall } from '../http/route';
import { fromRegister } from '../register-cache';
import { engineRegister } from '../stored-register';
import { apiTexts } from '../texts';

/**
 * GET /fees/{memberId}?year=Y[&mode=estimate][&rule=id]: one member's fee line, with the
 * version it is computed under, so that a proposal is never read as what the member owes.
 */
export async function getMemberFee(call: ApiCall): Promise<HttpResponseInit> {
  const { request, lang } = call;
  const memberId = pathParam(request, 'memberId', memberIdSchema);
  if (!memberId.ok) return memberId.response;
  const year = queryYear(request);
  if (!year.ok) return year.response;
  const mode = queryMode(request);
  if (!mode.ok) return mode.response;
  const ruleId = queryRule(request);
  if (!ruleId.ok) return ruleId.response;
  return fromRegister(call, (stored) => {
    const register = engineRegister(stored);
    const member = register.members.find((candidate) => candidate.id === memberId.value);
    if (!member) return notFound(lang, apiTexts(lang).members.none(memberId.value));
    // The version first, so that the line is computed under exactly the one the answer names.
    const rule = ruleForYear(year.value, register.feeRules, ruleId.value);
    if (!rule.ok) return feeProblem(lang, rule.error);
    const fee = feeForMember(register, member, year.value, mode.value, rule.value.id);
    if (!fee.ok) return feeProblem(lang, fee.error);
    return ok({ year: year.value, mode: mode.value, ...fee.value, ruleId: rule.value.id, adopted: isAdopted(rule.value) } satisfies MemberFee);
  });
}
