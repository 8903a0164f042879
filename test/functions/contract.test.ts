import { Validator } from '@seriousme/openapi-schema-validator';
import type { ErrorObject, ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/src/routes';
import type { ApiClient, ApiResponse } from '../support/http';
import { apiClient, asRecord } from '../support/http';
import type { Stack } from '../support/stack';
import { startStack } from '../support/stack';

/**
 * The OpenAPI document is the contract as clients read it: every GET route, called with real
 * parameters on the seeded register, must answer bodies its documented schemas accept.
 */

interface Sample {
  path: string;
  status: number;
  headers?: Record<string, string>;
}

const ok = (path: string, headers?: Record<string, string>): Sample => ({ path, status: 200, ...(headers ? { headers } : {}) });

/** Real requests per GET route, by its name in the route table; a new GET route fails the test until it has some. */
const SAMPLES: Readonly<Record<string, readonly Sample[]>> = {
  health: [ok('/health')],
  getSnapshot: [ok('/snapshot')],
  listMembers: [ok('/members')],
  getMember: [ok('/members/nacka'), ok('/members/region-stockholm'), { path: '/members/ingen-sadan', status: 404 }, { path: '/members/Inte_ett_id', status: 400 }],
  getPopulations: [ok('/populations?year=2023'), ok('/populations?year=2024'), ok('/populations?year=2025'), { path: '/populations?year=år', status: 400 }],
  listFeeRules: [ok('/fee-rules')],
  getFees: [
    ok('/fees?year=2024'),
    ok('/fees?year=2025'),
    ok('/fees?year=2025&mode=estimate'),
    ok('/fees?year=2026&mode=estimate'),
    { path: '/fees?year=2023', status: 404 },
    { path: '/fees?year=abc', status: 400 },
    { path: '/fees?year=2025&mode=guess', status: 400 },
    ok('/fees?year=2027&mode=estimate&rule=avgifter-2027'),
    ok('/fees?year=2025&rule=avgifter-2024'),
    { path: '/fees?year=2027&rule=ingen-sadan', status: 404 },
    { path: '/fees?year=2026&mode=estimate&rule=avgifter-2027', status: 422 },
    { path: '/fees?year=2027&rule=Inte_ett_id', status: 400 },
  ],
  getMemberFee: [
    ok('/fees/nacka?year=2024'),
    ok('/fees/nacka?year=2026&mode=estimate'),
    ok('/fees/forsvarsmakten-mmr?year=2025'),
    { path: '/fees/salem?year=2025', status: 409 },
    { path: '/fees/ingen-sadan?year=2025', status: 404 },
    ok('/fees/nacka?year=2027&mode=estimate&rule=avgifter-2027'),
    { path: '/fees/nacka?year=2027&rule=ingen-sadan', status: 404 },
    { path: '/fees/nacka?year=2026&rule=avgifter-2027', status: 422 },
    { path: '/fees/nacka?year=2027&rule=%20', status: 400 },
  ],
  listReimbursements: [ok('/reimbursements?year=2025'), ok('/reimbursements?year=2024')],
  getReimbursement: [ok('/reimbursements/rsib-nacka-2025'), { path: '/reimbursements/ingen-sadan', status: 404 }, { path: '/reimbursements/Inte_ett_id', status: 400 }],
  getBudget: [
    ok('/budget?year=2024'),
    ok('/budget?year=2025&mode=estimate'),
    ok('/budget?year=2026&mode=estimate'),
    { path: '/budget?year=1899', status: 400 },
    ok('/budget?year=2027&mode=estimate&rule=avgifter-2027'),
    { path: '/budget?year=2027&rule=ingen-sadan', status: 404 },
    { path: '/budget?year=2026&mode=estimate&rule=avgifter-2027', status: 422 },
  ],
  getInvoices: [ok('/invoices?year=2024'), ok('/invoices?year=2024', { accept: 'text/csv' }), { path: '/invoices?year=2025', status: 409 }],
  getAudit: [ok('/audit'), ok('/audit?since=2020-01-01&limit=5'), { path: '/audit?limit=0', status: 400 }],
  getOpenApi: [ok('/openapi.json')],
};

type Json = Record<string, unknown>;

/** Validates bodies against the schemas of an OpenAPI document, its `$ref`s resolved. */
class ContractChecker {
  // Strict, but for `required` beside `propertyNames`: zod writes records with fixed keys (totals per group) so.
  private readonly ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly resolved: Json) {}

  /** The schema documented for a response, or undefined when the document names none. */
  schemaFor(path: string, method: string, status: number, mediaType: string): Json | undefined {
    const operation = asRecord(asRecord(asRecord(this.resolved.paths)[path])[method.toLowerCase()]);
    const response = asRecord(operation.responses)[String(status)];
    if (response === undefined) return undefined;
    const content = asRecord(response).content;
    if (content === undefined) return undefined;
    const media = asRecord(content)[mediaType];
    return media === undefined ? undefined : asRecord(asRecord(media).schema);
  }

  /** What is wrong with a body under a schema; empty when it conforms. */
  errors(schema: Json, body: unknown): string[] {
    const key = JSON.stringify(schema);
    let validate = this.compiled.get(key);
    if (!validate) {
      expect(key).not.toContain('"$ref"');
      validate = this.ajv.compile(schema);
      this.compiled.set(key, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map((error: ErrorObject) => `${error.instancePath || '(body)'} ${error.message ?? error.keyword} ${JSON.stringify(error.params)}`);
  }
}

let stack: Stack;
let api: ApiClient;
let checker: ContractChecker;

beforeAll(async () => {
  stack = await startStack();
  api = apiClient(stack.apiUrl);
  const document = await api.get('/openapi.json');
  expect(document.status).toBe(200);
  const validator = new Validator();
  const result = await validator.validate(structuredClone(asRecord(document.body)));
  expect(result.valid).toBe(true);
  checker = new ContractChecker(validator.resolveRefs());

  // Lists that would otherwise be empty: a claim of 2025 (which also writes the audit log) and a draft rule.
  const claim = { id: 'rsib-nacka-2025', memberId: 'nacka', function: 'RSIB', periodStart: '2025-01-01', periodEnd: '2025-06-30', amountOre: 4_000_000, note: 'Första halvåret' };
  expect((await api.post('/reimbursements', { json: claim })).status).toBe(201);
  const draft = { id: 'avgifter-2027', effectiveFrom: 2027, perInhabitantOre: 160, singleFeeOre: 29_000_000, doubleFeeOre: 58_000_000, populationYearOffset: 1, approvals: [{ memberId: 'nacka', approvedOn: '2026-05-01', reference: 'KS 2026/12' }] };
  expect((await api.post('/fee-rules', { json: draft })).status).toBe(201);
});
afterAll(async () => {
  await stack.stop();
});

const getRoutes = routes.filter((route) => route.method === 'GET');

/** The route table's path with the sample's path parameters: `members/{id}` matches `/members/nacka`. */
function matches(template: string, path: string): boolean {
  const pattern = new RegExp(`^/${template.replace(/\{\w+\}/g, '[^/?]+')}(\\?|$)`);
  return pattern.test(path);
}

/** The media type a response was sent as, without parameters. */
function mediaTypeOf(response: ApiResponse): string {
  return (response.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
}

describe('every GET route answers what GET /openapi.json documents', () => {
  it('has sample requests for every GET route of the route table, each with a success among them', () => {
    for (const route of getRoutes) {
      const samples = SAMPLES[route.name] ?? [];
      expect(samples.length, `GET /${route.path} (${route.name}) has no sample requests`).toBeGreaterThan(0);
      expect(samples.some((sample) => sample.status < 300), `GET /${route.path} has no sample that succeeds`).toBe(true);
      for (const sample of samples) expect(matches(route.path, sample.path), `${sample.path} is not a path of ${route.name}`).toBe(true);
    }
    expect(Object.keys(SAMPLES).sort()).toEqual(getRoutes.map((route) => route.name).sort());
  });

  describe.each(getRoutes.map((route) => [route.name, route] as const))('%s', (_name, route) => {
    it.each((SAMPLES[route.name] ?? []).map((sample) => [`${sample.path} → ${sample.status}`, sample] as const))('%s', async (_label, sample) => {
      const response = await api.get(sample.path, sample.headers ? { headers: sample.headers } : {});
      expect(response.status, response.text).toBe(sample.status);
      const mediaType = mediaTypeOf(response);
      const schema = checker.schemaFor(`/${route.path}`, route.method, response.status, mediaType);
      expect(schema, `no ${mediaType} schema documented for ${response.status} of GET /${route.path}`).toBeDefined();
      const body = mediaType === 'text/csv' ? response.text : response.body;
      expect(checker.errors(schema ?? {}, body)).toEqual([]);
    });
  });
});

describe('the check itself', () => {
  it('rejects a fee schedule whose line lacks its amount, or that carries a field the contract does not name', async () => {
    const schema = checker.schemaFor('/fees', 'GET', 200, 'application/json') ?? {};
    const schedule = asRecord((await api.get('/fees?year=2024')).body);
    expect(checker.errors(schema, schedule)).toEqual([]);

    const lines = structuredClone(schedule.lines) as Json[];
    const first = lines[0] ?? {};
    delete first.amountOre;
    expect(checker.errors(schema, { ...schedule, lines })).toEqual([expect.stringContaining("must have required property 'amountOre'")]);

    expect(checker.errors(schema, { ...schedule, total: 1 })).toEqual([expect.stringContaining('must NOT have additional properties')]);
  });

  it('rejects a problem without its status, and a health body with an unknown role', async () => {
    const problemSchema = checker.schemaFor('/members/{id}', 'GET', 404, 'application/problem+json') ?? {};
    const problem = asRecord((await api.get('/members/ingen-sadan')).body);
    expect(checker.errors(problemSchema, problem)).toEqual([]);
    const { status: _status, ...withoutStatus } = problem;
    expect(checker.errors(problemSchema, withoutStatus)).toEqual([expect.stringContaining("must have required property 'status'")]);

    const healthSchema = checker.schemaFor('/health', 'GET', 200, 'application/json') ?? {};
    const health = asRecord((await api.get('/health')).body);
    const user = asRecord(health.user);
    expect(checker.errors(healthSchema, { ...health, user: { ...user, roles: ['owner'] } })).not.toEqual([]);
  });
});
