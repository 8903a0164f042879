import type { HttpResponseInit } from '@azure/functions';
import { ok } from '../http/responses';
import type { ApiCall } from '../http/route';
import { openApiDocument } from '../openapi';

/** GET /openapi.json: the contract, generated from the route table and the zod schemas. */
export function getOpenApi({ routes }: ApiCall): Promise<HttpResponseInit> {
  return Promise.resolve(ok(openApiDocument(routes)));
}
