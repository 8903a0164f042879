import { z } from 'zod';
import { IDEMPOTENT_METHODS } from './http/idempotency';
import type { Route } from './http/route';
import type { SchemaName } from './openapi-schemas';
import { OPENAPI_SCHEMAS } from './openapi-schemas';

/** The OpenAPI 3.1 document of the route table, schemas generated from the zod schemas. */

const ref = (name: SchemaName) => ({ $ref: `#/components/schemas/${name}` });

const problemResponse = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } });

const STANDARD_PROBLEMS: Readonly<Record<number, string>> = {
  400: 'Ogiltig begäran: errors listar fälten',
  401: 'Inte inloggad',
  403: 'Rollen räcker inte',
  404: 'Hittades inte',
  409: 'Konflikt med det som är lagrat',
  412: 'Inaktuell etag: current innehåller det som är lagrat nu',
  413: 'För stor kropp (över 1 MB)',
  415: 'Kroppen är inte JSON',
  422: 'Idempotency-Key har använts för en annan begäran',
  428: 'If-Match saknas',
  500: 'Internt fel: correlationId anger posten i loggen',
  503: 'Lagringen svarar inte; inget har ändrats',
  504: 'Okänt om ändringen sparades: läs igen, eller försök igen med samma Idempotency-Key',
};

/** Every write takes one (see `http/idempotency.ts`). */
const IDEMPOTENCY_KEY = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'En ny nyckel per ändring (till exempel ett UUID), samma nyckel när samma ändring skickas igen: ' +
    'en ändring som redan sparats med nyckeln ger samma svar som första gången (status, kropp, etag) i stället för 409/412. ' +
    'Högst 200 synliga ASCII-tecken; samma nyckel för en annan begäran ger 422.',
  schema: { type: 'string', minLength: 1, maxLength: 200 },
};

function componentSchemas(): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(OPENAPI_SCHEMAS).map(([name, { schema, io }]) => {
      const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
      return [name, json];
    }),
  );
}

function operation(route: Route) {
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(route.responses)) {
    const code = Number(status);
    if (code >= 400) {
      responses[status] = problemResponse(response.description);
      continue;
    }
    const content: Record<string, unknown> = {};
    if (response.schema) content['application/json'] = { schema: ref(response.schema) };
    if (response.csv) content['text/csv'] = { schema: { type: 'string' } };
    responses[status] = Object.keys(content).length > 0 ? { description: response.description, content } : { description: response.description };
  }
  if (route.role !== 'none') {
    responses['401'] ??= problemResponse(STANDARD_PROBLEMS[401] ?? '');
    responses['403'] ??= problemResponse(STANDARD_PROBLEMS[403] ?? '');
  }
  if (route.path !== 'openapi.json') responses['503'] ??= problemResponse(STANDARD_PROBLEMS[503] ?? '');
  const write = IDEMPOTENT_METHODS.has(route.method);
  if (write) {
    responses['422'] ??= problemResponse(STANDARD_PROBLEMS[422] ?? '');
    responses['504'] ??= problemResponse(STANDARD_PROBLEMS[504] ?? '');
  }
  return {
    operationId: route.name,
    summary: route.summary,
    ...(route.role === 'none' ? { security: [] } : { 'x-ssr-role': route.role }),
    parameters: [...(route.parameters ?? []).map((parameter) => ({ ...parameter })), ...(write ? [IDEMPOTENCY_KEY] : [])],
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: ref(route.body) } } } } : {}),
    responses,
  };
}

export function problemDescription(status: number): string {
  return STANDARD_PROBLEMS[status] ?? '';
}

export function openApiDocument(routes: readonly Route[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = `/${route.path}`;
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'SSR medlemsavgifter och budget',
      version: '0.1.0',
      description:
        'Medlemsregister, befolkningssiffror, avgiftsregler (R7) och ersättningar (R6) för Samverkan Stockholmsregionen. Belopp i hela öre. Fel enligt RFC 9457 (application/problem+json), på svenska eller, med Accept-Language: en, på engelska; fakturornas CSV följer samma språk.',
    },
    servers: [{ url: '/api' }],
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        appServiceAuthentication: {
          type: 'apiKey',
          in: 'header',
          name: 'x-ms-client-principal',
          description: 'App Service Authentication (Entra ID) sätter huvudet; roller SSR.Reader, SSR.Editor, SSR.Admin.',
        },
      },
    },
    security: [{ appServiceAuthentication: [] }],
    paths,
  };
}
