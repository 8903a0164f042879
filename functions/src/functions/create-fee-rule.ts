import type { HttpResponseInit } from '@azure/functions';
import type { FeeRuleVersion, FieldError } from '@ssr/shared';
import { adoptionDate, feeRuleInputSchema } from '@ssr/shared';
import { approvalErrors, todayInSweden } from '../fee-rule-checks';
import { readBody } from '../http/request';
import { badRequest, conflict, created } from '../http/responses';
import type { ApiCall } from '../http/route';
import { feeRuleView } from '../stored-register';
import { AlreadyExistsError } from '../storage/errors';
import type { Versioned } from '../storage/rows';
import { apiTexts } from '../texts';

/**
 * POST /fee-rules (admin): propose an R7 version, one per effective year. It may carry
 * approvals already given (a version adopted on paper), each by a party that is a member in
 * its first year and dated no later than today; if they complete it, it is stored adopted,
 * on the date of the last of those decisions.
 */
export async function createFeeRule({ request, store, services, lang }: ApiCall): Promise<HttpResponseInit> {
  const t = apiTexts(lang).feeRules;
  const body = await readBody(request, feeRuleInputSchema);
  if (!body.ok) return body.response;
  const input = body.value;
  const [memberRows, rules] = await Promise.all([store.members.list(), store.feeRules.list()]);
  const members = memberRows.map((member) => member.value);
  const today = todayInSweden(services.now());
  const errors: FieldError[] = input.approvals.flatMap((approval, index) => approvalErrors(lang, approval, `approvals[${index}].`, input.effectiveFrom, members, today));
  if (errors.length > 0) return badRequest(lang, errors);

  const byId = rules.find((rule) => rule.value.id === input.id);
  if (byId) return conflict(lang, t.exists(input.id), { current: feeRuleView(byId, members) }, 'exists');
  const heldYear = async (year: number) => {
    const id = await store.feeRules.yearHolder(year);
    return id === undefined ? undefined : store.feeRules.get(id);
  };
  const yearTaken = (holder: Versioned<FeeRuleVersion>) =>
    conflict(
      lang,
      t.yearTaken(input.effectiveFrom, holder.value.id),
      { errors: [{ path: 'effectiveFrom', message: t.yearTakenField(input.effectiveFrom, holder.value.id) }], current: feeRuleView(holder, members) },
      'year-taken',
    );
  // Found by its year (versions stored before year claims hold none); a concurrent proposal
  // for the year makes the year claim of the write below fail instead.
  const sameYear = rules.find((rule) => rule.value.effectiveFrom === input.effectiveFrom);
  if (sameYear) return yearTaken(sameYear);

  const adoptedOn = adoptionDate(input, members);
  const rule: FeeRuleVersion = adoptedOn === undefined ? input : { ...input, adoptedOn };
  try {
    const stored = await store.feeRules.create(rule, { action: 'feeRule.create', target: `fee-rules/${rule.id}`, before: null, after: rule });
    return created(feeRuleView(stored, members), `/api/fee-rules/${rule.id}`, { etag: stored.etag });
  } catch (error) {
    if (!(error instanceof AlreadyExistsError)) throw error;
    // A concurrent write took the id or the year first.
    const current = await store.feeRules.get(rule.id);
    if (current) return conflict(lang, t.exists(rule.id), { current: feeRuleView(current, members) }, 'exists');
    const holder = await heldYear(rule.effectiveFrom);
    return holder ? yearTaken(holder) : conflict(lang, t.exists(rule.id), {}, 'exists');
  }
}
