import type { HttpResponseInit } from '@azure/functions';
import type { MemberFee } from '@ssr/shared';
import type { Register } from '@ssr/shared';
import { feeForMember, isAdopted, memberIdSchema, ruleForYear } from '@ssr/shared';
import { feeProblem } from '../fee-problems';
import { pathParam, queryMode, queryYear } from '../http/request';
import { notFound, ok } from '../http/responses';
import type { ApiCall } from '../http/route';
import { engineRegister } from '../stored-register';
import { apiTexts } from '../texts';

/** GET /fees/{memberId}?year=Y[&mode=estimate]: one member's fee line. */
export async function getMemberFee({ request, services, signal, lang }: ApiCall): Promise<HttpResponseInit> {
  const memberId = pathParam(request, 'memberId', memberIdSchema);
  if (!memberId.ok) return memberId.response;
  const year = queryYear(request);
  if (!year.ok) return year.response;
  const mode = queryMode(request);
  if (!mode.ok) return mode.response;
  const register = engineRegister(await services.readRegister(signal));
  const member = register.members.find((candidate) => candidate.id === memberId.value);
  if (!member) return notFound(lang, apiTexts(lang).members.none(memberId.value));
  const fee = feeForMember(register, member, year.value, mode.value);
  return fee.ok ? ok({ year: year.value, mode: mode.value, ...fee.value, ...ruleOf(register, year.value) } satisfies MemberFee) : feeProblem(lang, fee.error);
}

/** The version a computed fee is under, said with the fee so that a proposal is never read as owed. */
function ruleOf(register: Register, year: number, ruleId?: string): { ruleId: string; adopted: boolean } {
  const rule = ruleForYear(year, register.feeRules, ruleId);
  if (!rule.ok) throw new Error(rule.error.message);
  return { ruleId: rule.value.id, adopted: isAdopted(rule.value) };
}
