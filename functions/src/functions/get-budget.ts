import type { HttpResponseInit } from '@azure/functions';
import { budgetSummary, feeSchedule } from '@ssr/shared';
import { feeProblem } from '../fee-problems';
import { queryMode, queryRule, queryYear } from '../http/request';
import { ok } from '../http/responses';
import type { ApiCall } from '../http/route';
import { fromRegister } from '../register-cache';
import { engineRegister, sumsOf } from '../stored-register';

/** GET /budget?year=Y[&mode=estimate][&rule=id]: income by group, R6 reimbursements, net per member. */
export async function getBudget(call: ApiCall): Promise<HttpResponseInit> {
  const { request, lang } = call;
  const year = queryYear(request);
  if (!year.ok) return year.response;
  const mode = queryMode(request);
  if (!mode.ok) return mode.response;
  const rule = queryRule(request);
  if (!rule.ok) return rule.response;
  return fromRegister(call, (stored) => {
    const schedule = feeSchedule(engineRegister(stored), year.value, mode.value, rule.value);
    return schedule.ok ? ok(budgetSummary(schedule.value, sumsOf(stored))) : feeProblem(lang, schedule.error);
  });
}
