import type { HttpResponseInit } from '@azure/functions';
import type { FieldError, PopulationFigure, PopulationYear } from '@ssr/shared';
import { populationsBodySchema, repeatedFigures } from '@ssr/shared';
import { readBody, requireIfMatch, yearParameter } from '../http/request';
import { badRequest, ok, preconditionFailed } from '../http/responses';
import type { ApiCall } from '../http/route';
import { EntityNotFoundError, StaleEtagError } from '../storage/errors';
import { apiTexts } from '../texts';

/**
 * PUT /populations/{year}: replace the year's figures for the codes given, all or nothing,
 * on the ETag of GET /populations?year=Y. Codes not given keep their figures.
 */
export async function replacePopulations({ request, store, lang }: ApiCall): Promise<HttpResponseInit> {
  const year = yearParameter(request.params.year, 'path.year', lang);
  if (!year.ok) return year.response;
  const ifMatch = requireIfMatch(request);
  if (!ifMatch.ok) return ifMatch.response;
  const body = await readBody(request, populationsBodySchema);
  if (!body.ok) return body.response;

  const repeated = new Set(repeatedFigures(body.value.figures).map(({ index }) => index));
  const errors: FieldError[] = body.value.figures.flatMap((figure, index) => [
    ...(figure.year === year.value ? [] : [{ path: `figures[${index}].year`, message: apiTexts(lang).populations.wrongYear(figure.year, year.value) }]),
    ...(repeated.has(index) ? [{ path: `figures[${index}].municipalityCode`, message: apiTexts(lang).populations.repeatedCode(figure.municipalityCode) }] : []),
  ]);
  if (errors.length > 0) return badRequest(lang, errors);

  const current = await store.populations.year(year.value);
  const view = (figures: PopulationFigure[], etag: string): PopulationYear => ({ year: year.value, figures, etag });
  if (ifMatch.value !== current.etag) return preconditionFailed(lang, view(current.value, current.etag), current.etag);

  const given = new Map(body.value.figures.map((figure) => [figure.municipalityCode, figure]));
  const next = [...current.value.filter((figure) => !given.has(figure.municipalityCode)), ...given.values()];
  const before = current.value.filter((figure) => given.has(figure.municipalityCode));
  try {
    const stored = await store.populations.replaceYear(year.value, next, current.etag, {
      action: 'populations.replace',
      target: `populations/${year.value}`,
      before,
      after: body.value.figures,
    });
    return ok(view(stored.value, stored.etag), { etag: stored.etag });
  } catch (error) {
    if (!(error instanceof StaleEtagError || error instanceof EntityNotFoundError)) throw error;
    const now = await store.populations.year(year.value);
    return preconditionFailed(lang, view(now.value, now.etag), now.etag);
  }
}
