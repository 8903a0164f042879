import type { HttpResponseInit } from '@azure/functions';
import { feeSchedule } from '@ssr/shared';
import { feeProblem } from '../fee-problems';
import { queryMode, queryRule, queryYear } from '../http/request';
import { ok } from '../http/responses';
import type { ApiCall } from '../http/route';
import { fromRegister } from '../register-cache';
import { engineRegister } from '../stored-register';

/** GET /fees?year=Y[&mode=estimate][&rule=id]: the fee schedule, computed by the shared engine. */
export async function getFees(call: ApiCall): Promise<HttpResponseInit> {
  const { request, lang } = call;
  const year = queryYear(request);
  if (!year.ok) return year.response;
  const mode = queryMode(request);
  if (!mode.ok) return mode.response;
  const rule = queryRule(request);
  if (!rule.ok) return rule.response;
  return fromRegister(call, (stored) => {
    const schedule = feeSchedule(engineRegister(stored), year.value, mode.value, rule.value);
    return schedule.ok ? ok(schedule.value) : feeProblem(lang, schedule.error);
  });
}
