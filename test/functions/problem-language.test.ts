import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_FEE_RULE, SEED_MEMBERS } from '@ssr/shared';
import type { Stack } from '../support/stack';
import { startStack } from '../support/stack';
import type { ApiClient, ApiResponse, RequestOptions } from '../support/http';
import { apiClient, asRecord, principalHeader } from '../support/http';

/**
 * Problems are worded in the caller's language: English when Accept-Language prefers it,
 * Swedish otherwise. In English, nothing Swedish shows but the register's own names (a
 * member's name is data, not language).
 */

let stack: Stack;
let api: ApiClient;

beforeAll(async () => {
  stack = await startStack();
  api = apiClient(stack.apiUrl);
});
afterAll(async () => {
  await stack.stop();
});

const ENGLISH = { 'accept-language': 'en-GB,en;q=0.9,sv;q=0.5' };
/** The register's names, which stay as they are in any language. */
const NAMES = SEED_MEMBERS.map((member) => member.name).sort((a, b) => b.length - a.length);
const SWEDISH_LETTERS = /[åäöÅÄÖ]/;

/** What a person reads of a problem: title, detail and each field message. */
function wording(response: ApiResponse): string[] {
  const body = asRecord(response.body);
  const errors = Array.isArray(body.errors) ? body.errors.map((error) => String(asRecord(error).message)) : [];
  return [String(body.title), String(body.detail), ...errors];
}

/** The wording with the register's names taken out. */
function withoutNames(text: string): string {
  return NAMES.reduce((rest, name) => rest.split(name).join('«name»'), text);
}

function expectEnglish(response: ApiResponse, what: string): void {
  expect(response.headers.get('content-type'), what).toMatch(/^application\/problem\+json/);
  for (const text of wording(response)) expect(withoutNames(text), `${what}: ${text}`).not.toMatch(SWEDISH_LETTERS);
}

interface Sample {
  what: string;
  status: number;
  send: (headers: Record<string, string>) => Promise<ApiResponse>;
  /** The Swedish title as it has always been, and the English one. */
  sv: string;
  en: string;
}

const post = (path: string, body: unknown, headers: Record<string, string>, extra: RequestOptions = {}) =>
  api.post(path, { json: body, ...extra, headers: { ...headers, ...extra.headers } });

const nacka = SEED_MEMBERS.find((member) => member.id === 'nacka');

const samples: Sample[] = [
  {
    what: 'POST /members with fields of the wrong kind',
    status: 400,
    send: (headers) => post('/members', { id: 'X y', name: 5, kind: 'region', feeClass: 'triple', joinedOn: '2024-13-01', organisationNumber: '12' }, headers),
    sv: 'Ogiltig begäran',
    en: 'Invalid request',
  },
  {
    what: 'POST /reimbursements with a period that ends before it begins',
    status: 400,
    send: (headers) =>
      post('/reimbursements', { id: 'r-1', memberId: 'nacka', function: 'XYZ', periodStart: '2025-05-01', periodEnd: '2025-01-01', amountOre: 0 }, headers),
    sv: 'Ogiltig begäran',
    en: 'Invalid request',
  },
  { what: 'GET /fees with a year that is not one', status: 400, send: (headers) => api.get('/fees?year=tjugo', { headers }), sv: 'Ogiltig begäran', en: 'Invalid request' },
  { what: 'GET /fees under a version id that cannot be one', status: 400, send: (headers) => api.get('/fees?year=2025&rule=%C3%85%C3%84%C3%96!', { headers }), sv: 'Ogiltig begäran', en: 'Invalid request' },
  { what: 'GET /fees under a version the register does not hold', status: 404, send: (headers) => api.get('/fees?year=2025&rule=ingen-sadan', { headers }), sv: 'Hittades inte', en: 'Not found' },
  {
    what: 'GET /budget under a version for a year before it applies',
    status: 422,
    send: (headers) => api.get(`/budget?year=2023&rule=${SEED_FEE_RULE.id}`, { headers }),
    sv: 'Ogiltig begäran',
    en: 'Invalid request',
  },
  { what: 'GET /members/{id} of no member', status: 404, send: (headers) => api.get('/members/ingen-alls', { headers }), sv: 'Hittades inte', en: 'Not found' },
  { what: 'GET /invoices for a year without figures', status: 409, send: (headers) => api.get('/invoices?year=2026', { headers }), sv: 'Konflikt', en: 'Conflict' },
  { what: 'POST /members of an id that exists', status: 409, send: (headers) => post('/members', nacka, headers), sv: 'Konflikt', en: 'Conflict' },
  {
    what: 'DELETE /fee-rules/{id} of an adopted version',
    status: 409,
    send: async (headers) => {
      const list = asRecord((await api.get('/fee-rules')).body).feeRules as unknown[];
      const etag = String(list.map(asRecord).find((rule) => rule.id === SEED_FEE_RULE.id)?.etag);
      return api.delete(`/fee-rules/${SEED_FEE_RULE.id}`, { headers: { ...headers, 'if-match': etag } });
    },
    sv: 'Konflikt',
    en: 'Conflict',
  },
  {
    what: 'PUT /members/{id} on a stale etag',
    status: 412,
    send: (headers) => api.put('/members/nacka', { json: nacka, headers: { ...headers, 'if-match': '"gammal"' } }),
    sv: 'Någon annan har ändrat uppgifterna',
    en: 'Someone else has changed the data',
  },
  { what: 'PUT /members/{id} without If-Match', status: 428, send: (headers) => api.put('/members/nacka', { json: nacka, headers }), sv: 'If-Match saknas', en: 'If-Match missing' },
  {
    what: 'POST /members with a body above 1 MB',
    status: 413,
    send: (headers) => post('/members', { id: 'stor', name: 'x'.repeat(1024 * 1024 + 10) }, headers),
    sv: 'För stor begäran',
    en: 'Request too large',
  },
  {
    what: 'POST /members as text/plain',
    status: 415,
    send: (headers) => api.post('/members', { raw: 'namn', headers: { ...headers, 'content-type': 'text/plain' } }),
    sv: 'Fel innehållstyp',
    en: 'Wrong content type',
  },
  {
    what: 'a principal that cannot be read',
    status: 401,
    send: (headers) => api.get('/members', { headers: { ...headers, 'x-ms-client-principal': 'inte base64 json' } }),
    sv: 'Inte inloggad',
    en: 'Not signed in',
  },
  {
    what: 'a reader who writes',
    status: 403,
    send: (headers) => post('/members', nacka, { ...headers, ...principalHeader(['SSR.Reader']) }),
    sv: 'Behörighet saknas',
    en: 'Permission missing',
  },
];

describe('problems in the caller\'s language (Accept-Language)', () => {
  it.each(samples)('$what → $status: Swedish without the header, English with it', async (sample) => {
    const swedish = await sample.send({});
    expect(swedish.status, swedish.text.slice(0, 300)).toBe(sample.status);
    expect(asRecord(swedish.body).title).toBe(sample.sv);

    const english = await sample.send(ENGLISH);
    expect(english.status, english.text.slice(0, 300)).toBe(sample.status);
    expect(asRecord(english.body).title).toBe(sample.en);
    expect(asRecord(english.body).type).toBe(asRecord(swedish.body).type);
    expectEnglish(english, sample.what);
    expect(asRecord(english.body).detail).not.toBe(asRecord(swedish.body).detail);
    // The same fields are named, each in English.
    const paths = (response: ApiResponse) => (Array.isArray(asRecord(response.body).errors) ? (asRecord(response.body).errors as unknown[]).map((error) => asRecord(error).path) : []);
    expect(paths(english)).toEqual(paths(swedish));
  });

  it('field messages are the schema\'s own, in each language', async () => {
    const body = { id: 'X y', name: 5, kind: 'actor', feeClass: 'single', joinedOn: '2024-01-01' };
    const swedish = asRecord((await post('/members', body, {})).body);
    const english = asRecord((await post('/members', body, ENGLISH)).body);
    expect(swedish.errors).toContainEqual({ path: 'name', message: 'Ange namnet som text.' });
    expect(english.errors).toContainEqual({ path: 'name', message: 'Give the name as text.' });
  });

  it.each([
    ['sv-SE,sv;q=0.9,en;q=0.8', 'Hittades inte'],
    ['en;q=0.4,sv;q=0.8', 'Hittades inte'],
    ['de-DE,en;q=0.5', 'Not found'],
    ['EN-us', 'Not found'],
    ['fr-FR', 'Hittades inte'],
    ['*', 'Hittades inte'],
  ])('Accept-Language %s → %s', async (header, title) => {
    const response = await api.get('/members/ingen-alls', { headers: { 'accept-language': header } });
    expect(asRecord(response.body).title).toBe(title);
  });

  it('fuzzed member bodies refused in English hold no Swedish words', async () => {
    const junk = fc.oneof(fc.anything({ maxDepth: 1 }), fc.string(), fc.integer(), fc.constant(null));
    const maybe = <T>(valid: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: valid }, { weight: 1, arbitrary: junk });
    const member = fc.record(
      {
        id: maybe(fc.oneof(fc.constantFrom(...SEED_MEMBERS.map((seed) => seed.id)), fc.stringMatching(/^[a-z0-9-]{1,12}$/))),
        name: maybe(fc.string({ maxLength: 210 })),
        kind: maybe(fc.constantFrom('municipality', 'actor', 'region')),
        feeClass: maybe(fc.constantFrom('municipality', 'single', 'double', 'triple')),
        municipalityCode: maybe(fc.constantFrom('0182', '0999', '12')),
        cluster: maybe(fc.constantFrom('Norr', 'Mitt', 'Syd', 'Stockholms stad', 'Ost')),
        joinedOn: maybe(fc.constantFrom('2024-01-01', '2026-02-29', '2025-13-01')),
        noticeGivenOn: maybe(fc.constantFrom('2023-01-01', '2026-06-30')),
        organisationNumber: maybe(fc.constantFrom('212000-0142', '556000-0000', '12')),
        invoiceReference: maybe(fc.string({ maxLength: 110 })),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(member, async (body) => {
        const response = await post('/members', body, ENGLISH);
        expect(response.status).toBeLessThan(500);
        if (response.status >= 400) expectEnglish(response, JSON.stringify(body).slice(0, 200));
      }),
      { numRuns: 80 },
    );
  });
});
