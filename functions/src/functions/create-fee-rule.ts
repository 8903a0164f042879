import type { HttpResponseInit } from '@azure/functions';
import type { FieldError } from '@ssr/shared';
import { feeRuleVersionSchema } from '@ssr/shared';
import { readBody } from '../http/request';
import { badRequest, conflict, created } from '../http/responses';
import type { ApiCall } from '../http/route';
import { feeRuleView } from '../stored-register';
import { AlreadyExistsError } from '../storage/errors';

/**
 * POST /fee-rules (admin): propose an R7 version. It may carry approvals already given (a
 * version adopted on paper); each must be by a member of the register.
 */
export async function createFeeRule({ request, store }: ApiCall): Promise<HttpResponseInit> {
  const body = await readBody(request, feeRuleVersionSchema);
  if (!body.ok) return body.response;
  const rule = body.value;
  const members = (await store.members.list()).map((member) => member.value);
  const known = new Set(members.map((member) => member.id));
  const errors: FieldError[] = rule.approvals.flatMap((approval, index) =>
    known.has(approval.memberId) ? [] : [{ path: `approvals[${index}].memberId`, message: `Det finns ingen medlem med id "${approval.memberId}".` }],
  );
  if (errors.length > 0) return badRequest(errors);
  try {
    const stored = await store.feeRules.create(rule, { action: 'feeRule.create', target: `fee-rules/${rule.id}`, before: null, after: rule });
    return created(feeRuleView(stored, members), `/api/fee-rules/${rule.id}`, { etag: stored.etag });
  } catch (error) {
    if (!(error instanceof AlreadyExistsError)) throw error;
    const current = await store.feeRules.get(rule.id);
    return conflict(`Det finns redan en avgiftsregel med id "${rule.id}".`, current ? { current: feeRuleView(current, members) } : {}, 'exists');
  }
}
