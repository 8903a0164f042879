import type { HttpResponseInit } from '@azure/functions';
import type { FeeError, MissingPopulation } from '@ssr/shared';
import { formatDateSv, missingOf } from '@ssr/shared';
import { conflict, notFound } from './http/responses';

/**
 * How the computed routes say that the register cannot give an answer (yet):
 * - no adopted rule in force for the year (R7) → 404: the schedule for that year does not
 *   exist; the request is right and succeeds once a rule is adopted, so it is not a 4xx of
 *   the request's content (422) but of the resource;
 * - not a member in the year (R8, R9) → 404;
 * - a population figure missing in exact mode (R3, R5) → 409: the register's state conflicts
 *   with the request until the SCB figures are imported; `missing` lists what is needed.
 */
export function feeProblem(error: FeeError): HttpResponseInit {
  switch (error.code) {
    case 'no-rule':
      return notFound(`Ingen antagen avgiftsregel gäller för ${error.year}. Anta en avgiftsregel (R7) som gäller från ${error.year} eller tidigare.`, 'no-fee-rule', {
        year: error.year,
      });
    case 'not-member':
      return notFound(`${error.name} är inte medlem ${error.year}.`, 'not-member', { memberId: error.memberId, year: error.year });
    case 'missing-population':
      return missingPopulations([missingOf(error)]);
  }
}

export function missingPopulations(missing: MissingPopulation[]): HttpResponseInit {
  const names = missing.map((gap) => `${gap.name} (${gap.municipalityCode}, ${formatDateSv(gap.populationDate)})`).join(', ');
  return conflict(`Befolkningssiffror saknas för ${names}. Importera SCB:s siffror, eller räkna i läget "estimate".`, { missing }, 'missing-population');
}
