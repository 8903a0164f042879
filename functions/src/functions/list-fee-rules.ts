import type { HttpResponseInit } from '@azure/functions';
import type { FeeRuleList } from '@ssr/shared';
import { ok } from '../http/responses';
import type { ApiCall } from '../http/route';
import { fromRegister } from '../register-cache';
import { feeRuleView } from '../stored-register';

/** GET /fee-rules: R7 versions with their approvals and computed status. */
export async function listFeeRules(call: ApiCall): Promise<HttpResponseInit> {
  return fromRegister(call, (stored) => {
    const register = stored.members.map((member) => member.value);
    const sorted = [...stored.feeRules].sort((a, b) => a.value.effectiveFrom - b.value.effectiveFrom || a.value.id.localeCompare(b.value.id));
    return ok({ feeRules: sorted.map((rule) => feeRuleView(rule, register)) } satisfies FeeRuleList);
  });
}
