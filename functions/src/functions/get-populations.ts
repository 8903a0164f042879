import type { HttpResponseInit } from '@azure/functions';
import type { PopulationYear } from '@ssr/shared';
import { queryYear } from '../http/request';
import { ok } from '../http/responses';
import type { ApiCall } from '../http/route';

/** GET /populations?year=Y: the figures for 31 December of Y, each with its source; the ETag conditions a PUT of the year. */
export async function getPopulations({ request, store }: ApiCall): Promise<HttpResponseInit> {
  const year = queryYear(request);
  if (!year.ok) return year.response;
  const stored = await store.populations.year(year.value);
  return ok({ year: year.value, figures: stored.value, etag: stored.etag } satisfies PopulationYear, { etag: stored.etag });
}
