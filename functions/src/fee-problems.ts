import type { HttpResponseInit } from '@azure/functions';
import type { FeeError, Lang, MissingPopulation } from '@ssr/shared';
import { missingOf } from '@ssr/shared';
import { apiTexts } from './texts';
import { conflict, notFound, problem } from './http/responses';

/**
 * How the computed routes say that the register cannot give an answer (yet):
 * - no adopted rule in force for the year (R7) → 404: the schedule for that year does not
 *   exist; the request is right and succeeds once a rule is adopted, so it is not a 4xx of
 *   the request's content (422) but of the resource;
 * - a named version the register does not hold → 404; a year before its effective year → 422;
 * - not a member in the year (R8, R9) → 404;
 * - a population figure missing in exact mode (R3, R5) → 409: the register's state conflicts
 *   with the request until the SCB figures are imported; `missing` lists what is needed.
 */
export function feeProblem(lang: Lang, error: FeeError): HttpResponseInit {
  const t = apiTexts(lang).fees;
  switch (error.code) {
    case 'no-rule':
      return notFound(lang, t.noRule(error.year), 'no-fee-rule', { year: error.year });
    case 'unknown-rule':
      return notFound(lang, t.unknownRule(error.ruleId), 'unknown-fee-rule', { ruleId: error.ruleId });
    case 'rule-not-effective': {
      const detail = t.ruleNotEffective(error.ruleId, error.effectiveFrom, error.year);
      return problem(422, 'rule-not-effective', apiTexts(lang).title.validation, detail, { errors: [{ path: 'query.year', message: detail }] });
    }
    case 'not-member':
      return notFound(lang, t.notMember(error.name, error.year), 'not-member', { memberId: error.memberId, year: error.year });
    case 'missing-population':
      return missingPopulations(lang, [missingOf(error)]);
  }
}

export function missingPopulations(lang: Lang, missing: MissingPopulation[]): HttpResponseInit {
  const t = apiTexts(lang).fees;
  const names = missing.map((gap) => `${gap.name} (${gap.municipalityCode}, ${t.date(gap.populationDate)})`).join(', ');
  return conflict(lang, t.missingPopulations(names), { missing }, 'missing-population');
}
