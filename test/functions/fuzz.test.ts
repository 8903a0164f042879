import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_MEMBERS, snapshotSchema } from '@ssr/shared';
import type { Stack } from '../support/stack';
import { startStack } from '../support/stack';
import type { ApiClient, ApiResponse } from '../support/http';
import { apiClient, asRecord } from '../support/http';

/**
 * Fuzzed bodies, headers, paths and query strings against one stack, sequentially: never a
 * 5xx, every refusal a problem+json, and a refused request leaves the snapshot as it was.
 */

const RUNS = 1000;
const FUZZ_TIMEOUT = 600_000;

let stack: Stack;
let api: ApiClient;
/** The snapshot version the next refusal must leave unchanged. */
let version = '';

beforeAll(async () => {
  stack = await startStack();
  api = apiClient(stack.apiUrl);
  version = await currentVersion();
});
afterAll(async () => {
  await stack.stop();
});

async function currentVersion(): Promise<string> {
  const response = await api.get('/snapshot');
  expect(response.status).toBe(200);
  // Whatever was stored, the register still passes the schemas.
  return snapshotSchema.parse(response.body).version;
}

async function checkOutcome(response: ApiResponse, what: string): Promise<void> {
  expect(response.status, `${what} → ${response.status} ${response.text.slice(0, 300)}`).toBeLessThan(500);
  if (response.status >= 400) {
    expect(response.headers.get('content-type'), what).toMatch(/^application\/problem\+json/);
    expect(asRecord(response.body).status, what).toBe(response.status);
    const again = await api.get('/snapshot', { headers: { 'if-none-match': `"${version}"` } });
    expect(again.status, `stored data changed after a refused request: ${what}`).toBe(304);
  } else {
    version = await currentVersion();
  }
}

// --- arbitraries -----------------------------------------------------------------

const printable = fc.stringMatching(/^[\x20-\x7e]{0,40}$/);
const junk = fc.oneof(fc.anything({ maxDepth: 2 }), fc.string(), fc.integer(), fc.double(), fc.constant(null));
const maybe = <T>(valid: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: valid }, { weight: 1, arbitrary: junk });

const seedId = fc.constantFrom(...SEED_MEMBERS.map((member) => member.id));
const anyId = fc.oneof(seedId, fc.stringMatching(/^[a-z0-9-]{1,20}$/), printable);
const isoDate = fc.oneof(fc.constantFrom('2024-01-01', '2025-06-30', '2026-07-01', '2026-12-31', '2026-02-29', '2025-13-01'), printable);
const year = fc.oneof(fc.integer({ min: 2020, max: 2030 }), fc.integer(), fc.double());

const member = fc.record(
  {
    id: maybe(anyId),
    name: maybe(fc.string({ maxLength: 220 })),
    kind: maybe(fc.constantFrom('municipality', 'actor', 'region')),
    feeClass: maybe(fc.constantFrom('municipality', 'single', 'double', 'triple')),
    municipalityCode: maybe(fc.stringMatching(/^\d{3,5}$/)),
    cluster: maybe(fc.constantFrom('Norr', 'Mitt', 'Syd', 'Stockholms stad', 'Öst')),
    joinedOn: maybe(isoDate),
    noticeGivenOn: maybe(isoDate),
    organisationNumber: maybe(fc.constantFrom('212000-0142', '202100-5489', '556000-0000', '12')),
    invoiceReference: maybe(fc.string({ maxLength: 120 })),
  },
  { requiredKeys: [] },
);
const figure = fc.record(
  { municipalityCode: maybe(fc.stringMatching(/^01\d{2}$/)), year: maybe(year), population: maybe(fc.integer({ min: -10, max: 20_000_000 })), source: maybe(fc.string({ maxLength: 210 })) },
  { requiredKeys: [] },
);
const approval = fc.record({ memberId: maybe(anyId), approvedOn: maybe(isoDate), reference: maybe(fc.string({ maxLength: 210 })) }, { requiredKeys: [] });
const feeRule = fc.record(
  {
    id: maybe(anyId),
    effectiveFrom: maybe(year),
    perInhabitantOre: maybe(fc.integer({ min: -5, max: 1000 })),
    singleFeeOre: maybe(fc.integer()),
    doubleFeeOre: maybe(fc.integer()),
    populationYearOffset: maybe(fc.integer({ min: -1, max: 7 })),
    approvals: maybe(fc.array(approval, { maxLength: 4 })),
  },
  { requiredKeys: [] },
);
const claim = fc.record(
  {
    id: maybe(anyId),
    memberId: maybe(anyId),
    function: maybe(fc.constantFrom('RSIB', 'RKK', 'RSOS')),
    periodStart: maybe(isoDate),
    periodEnd: maybe(isoDate),
    amountOre: maybe(fc.integer({ min: -100, max: 2_000_000_000_000 })),
    note: maybe(fc.string({ maxLength: 520 })),
  },
  { requiredKeys: [] },
);

interface FuzzBody {
  raw: string | Uint8Array<ArrayBuffer>;
  contentType: string | undefined;
}

/** A body: mostly JSON of the shape (or of anything), sometimes broken text, bytes or another content type. */
function body(shape: fc.Arbitrary<unknown>): fc.Arbitrary<FuzzBody> {
  const json = fc.oneof({ weight: 4, arbitrary: shape }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) }).map((value) => JSON.stringify(value) ?? 'null');
  const text = fc.oneof({ weight: 6, arbitrary: json }, { weight: 1, arbitrary: fc.string() }, { weight: 1, arbitrary: json.map((text) => text.slice(0, Math.max(0, text.length - 2))) });
  const raw = fc.oneof({ weight: 8, arbitrary: text }, { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }) });
  const contentType = fc.oneof(
    { weight: 8, arbitrary: fc.constant('application/json') },
    { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/json; charset=latin1', 'application/problem+json', undefined, 'multipart/form-data') },
  );
  return fc.record({ raw, contentType });
}

/** If-Match: the right etag most of the time, so that validation is reached; otherwise anything. */
function ifMatch(current: () => Promise<string>): fc.Arbitrary<() => Promise<string | undefined>> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.constant(current) },
    { weight: 1, arbitrary: fc.constantFrom(undefined, '*', '', '"stale"', 'W/"datetime\'2020-01-01T00%3A00%3A00Z\'"').map((value) => () => Promise.resolve(value)) },
    { weight: 1, arbitrary: printable.map((value) => () => Promise.resolve(value)) },
  );
}

function headers(fuzzed: FuzzBody, etag: string | undefined): Record<string, string> {
  return { ...(fuzzed.contentType === undefined ? {} : { 'content-type': fuzzed.contentType }), ...(etag === undefined ? {} : { 'if-match': etag }) };
}

const memberEtag = async (id: string) => (await api.get(`/members/${encodeURIComponent(id)}`)).headers.get('etag') ?? '"none"';
const yearEtag = async (y: string) => (await api.get(`/populations?year=${encodeURIComponent(y)}`)).headers.get('etag') ?? '"none"';
const ruleEtag = async () => String((asRecord((await api.get('/fee-rules')).body).feeRules as { etag: string }[])[0]?.etag);

async function run<T>(property: fc.IAsyncProperty<T>): Promise<void> {
  await fc.assert(property, { numRuns: RUNS, endOnFailure: true });
}

describe('fuzzed write requests never give a 5xx and refused ones change nothing', () => {
  it('POST /members', async () => {
    await run(fc.asyncProperty(body(member), async (fuzzed) => {
      await checkOutcome(await api.post('/members', { raw: fuzzed.raw, headers: headers(fuzzed, undefined) }), `POST /members ${String(fuzzed.raw).slice(0, 200)}`);
    }));
  }, FUZZ_TIMEOUT);

  it('PUT /members/{id}', async () => {
    await run(fc.asyncProperty(anyId, body(member), ifMatch(() => Promise.resolve('')), async (id, fuzzed, etagOf) => {
      const etag = (await etagOf()) === '' ? await memberEtag(id) : await etagOf();
      const response = await api.put(`/members/${encodeURIComponent(id)}`, { raw: fuzzed.raw, headers: headers(fuzzed, etag) });
      await checkOutcome(response, `PUT /members/${id} ${String(fuzzed.raw).slice(0, 200)}`);
    }));
  }, FUZZ_TIMEOUT);

  it('DELETE /members/{id}', async () => {
    // Deleting on the right etag is allowed; mostly the id or the etag is off.
    const deleteEtag = fc.oneof({ weight: 1, arbitrary: fc.constant('current') }, { weight: 9, arbitrary: fc.option(printable, { nil: undefined }) });
    await run(fc.asyncProperty(anyId, deleteEtag, async (id, etag) => {
      const value = etag === 'current' ? await memberEtag(id) : etag;
      const response = await api.delete(`/members/${encodeURIComponent(id)}`, { headers: value === undefined ? {} : { 'if-match': value } });
      await checkOutcome(response, `DELETE /members/${id} If-Match ${String(value)}`);
    }));
  }, FUZZ_TIMEOUT);

  it('PUT /populations/{year}', async () => {
    const pathYear = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 2022, max: 2027 }).map(String) }, { weight: 1, arbitrary: printable });
    const shape = fc.oneof(fc.record({ figures: fc.array(figure, { maxLength: 5 }) }), fc.record({ figures: junk }));
    await run(fc.asyncProperty(pathYear, body(shape), ifMatch(() => Promise.resolve('')), async (y, fuzzed, etagOf) => {
      const etag = (await etagOf()) === '' ? await yearEtag(y) : await etagOf();
      const response = await api.put(`/populations/${encodeURIComponent(y)}`, { raw: fuzzed.raw, headers: headers(fuzzed, etag) });
      await checkOutcome(response, `PUT /populations/${y} ${String(fuzzed.raw).slice(0, 200)}`);
    }));
  }, FUZZ_TIMEOUT);

  it('POST /fee-rules', async () => {
    await run(fc.asyncProperty(body(feeRule), async (fuzzed) => {
      await checkOutcome(await api.post('/fee-rules', { raw: fuzzed.raw, headers: headers(fuzzed, undefined) }), `POST /fee-rules ${String(fuzzed.raw).slice(0, 200)}`);
    }));
  }, FUZZ_TIMEOUT);

  it('POST /fee-rules/{id}/approvals', async () => {
    const ruleId = fc.oneof({ weight: 4, arbitrary: fc.constant('avgifter-2024') }, { weight: 1, arbitrary: anyId });
    await run(fc.asyncProperty(ruleId, body(approval), ifMatch(ruleEtag), async (id, fuzzed, etagOf) => {
      const response = await api.post(`/fee-rules/${encodeURIComponent(id)}/approvals`, { raw: fuzzed.raw, headers: headers(fuzzed, await etagOf()) });
      await checkOutcome(response, `POST /fee-rules/${id}/approvals ${String(fuzzed.raw).slice(0, 200)}`);
    }));
  }, FUZZ_TIMEOUT);

  it('POST /reimbursements', async () => {
    await run(fc.asyncProperty(body(claim), async (fuzzed) => {
      await checkOutcome(await api.post('/reimbursements', { raw: fuzzed.raw, headers: headers(fuzzed, undefined) }), `POST /reimbursements ${String(fuzzed.raw).slice(0, 200)}`);
    }));
  }, FUZZ_TIMEOUT);
});

describe('fuzzed query strings never give a 5xx', () => {
  it('GET routes with year, mode, rule, since and limit', async () => {
    const paths = fc.constantFrom('/fees', '/fees/nacka', '/budget', '/invoices', '/populations', '/reimbursements', '/audit');
    const value = fc.oneof(printable, fc.integer({ min: 1890, max: 2210 }).map(String), fc.constantFrom('2024', '2026-01-01T00:00:00Z', 'estimate', 'exact', '', '1e3', 'avgifter-2024', 'avgifter-2027'));
    const query = fc.dictionary(fc.constantFrom('year', 'mode', 'rule', 'since', 'limit', 'x'), value, { maxKeys: 5 });
    await run(fc.asyncProperty(paths, query, async (path, params) => {
      const response = await api.get(`${path}?${new URLSearchParams(params).toString()}`);
      expect(response.status, `${path} ${JSON.stringify(params)} → ${response.text.slice(0, 200)}`).toBeLessThan(500);
    }));
  }, FUZZ_TIMEOUT);
});
