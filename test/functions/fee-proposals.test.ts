import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeeGroup, FeeSchedule, Register, ReimbursementSum } from '@ssr/shared';
import { SEED_FEE_RULE, budgetSummary, feeSchedule, snapshotSchema } from '@ssr/shared';
import type { Stack } from '../support/stack';
import { startStack } from '../support/stack';
import type { ApiClient, ApiResponse } from '../support/http';
import { apiClient, asRecord } from '../support/http';

/**
 * R7: the computed routes take `rule=<version id>` and compute under that version, adopted or
 * draft, so that a proposal's cost can be shown before the parties are asked; every answer
 * names the version and says whether it is adopted.
 */

let stack: Stack;
let api: ApiClient;

/** The worked example: 1,75 kr per inhabitant, 300 000 / 600 000 kr, from 2027, not yet approved by anyone. */
const PROPOSAL = { id: 'avgifter-2027', effectiveFrom: 2027, perInhabitantOre: 175, singleFeeOre: 30_000_000, doubleFeeOre: 60_000_000, populationYearOffset: 1, approvals: [] };
const ENGLISH = { 'accept-language': 'en-GB,en;q=0.9' };
const GROUPS: readonly FeeGroup[] = ['Norr', 'Mitt', 'Syd', 'Stockholms stad', 'municipalities', 'others', 'all'];

beforeAll(async () => {
  stack = await startStack();
  api = apiClient(stack.apiUrl);
  const created = await api.post('/fee-rules', { json: PROPOSAL });
  expect(created.status, created.text).toBe(201);
});
afterAll(async () => {
  await stack.stop();
});

async function register(): Promise<Register & { reimbursementSums: ReimbursementSum[] }> {
  const response = await api.get('/snapshot');
  expect(response.status).toBe(200);
  return snapshotSchema.parse(response.body);
}

function engineSchedule(data: Register, year: number, ruleId?: string): FeeSchedule {
  const schedule = feeSchedule(data, year, 'estimate', ruleId);
  if (!schedule.ok) throw new Error(schedule.error.message);
  return schedule.value;
}

const wire = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

function amountOf(schedule: unknown, memberId: string): number {
  const line = (asRecord(schedule).lines as { memberId: string; amountOre: number }[]).find((candidate) => candidate.memberId === memberId);
  if (!line) throw new Error(`no line for ${memberId}`);
  return line.amountOre;
}

const totalsOf = (schedule: unknown) => asRecord(asRecord(schedule).totals) as Record<FeeGroup, number>;

describe('GET /fees, /fees/{memberId} and /budget under a draft version (rule=avgifter-2027)', () => {
  it('the schedule equals the engine under the proposal, marked as not adopted, with the worked figures', async () => {
    const data = await register();
    const expected = engineSchedule(data, 2027, PROPOSAL.id);
    const response = await api.get('/fees?year=2027&mode=estimate&rule=avgifter-2027');
    expect(response.status, response.text).toBe(200);
    expect(response.body).toEqual(wire(expected));
    expect(asRecord(response.body)).toMatchObject({ year: 2027, mode: 'estimate', adopted: false, rule: { id: 'avgifter-2027', perInhabitantOre: 175 } });

    // Nacka: 1,75 kr × its latest figure (31 Dec 2024, estimating 31 Dec 2026).
    const nackaFigures = data.populations.filter((figure) => figure.municipalityCode === '0182' && figure.year <= 2026);
    const latest = nackaFigures.reduce((a, b) => (b.year > a.year ? b : a));
    expect(latest.year).toBe(2024);
    expect(amountOf(response.body, 'nacka')).toBe(175 * latest.population);
    expect(amountOf(response.body, 'sos-alarm')).toBe(30_000_000);
    expect(amountOf(response.body, 'region-stockholm')).toBe(60_000_000);
  });

  it('the group totals differ from the version in force by exactly what the engine says', async () => {
    const data = await register();
    const proposed = await api.get('/fees?year=2027&mode=estimate&rule=avgifter-2027');
    const inForce = await api.get('/fees?year=2027&mode=estimate');
    expect(proposed.status).toBe(200);
    expect(inForce.status).toBe(200);
    expect(asRecord(inForce.body)).toMatchObject({ adopted: true, rule: { id: SEED_FEE_RULE.id } });
    const engineProposed = engineSchedule(data, 2027, PROPOSAL.id).totals;
    const engineInForce = engineSchedule(data, 2027).totals;
    for (const group of GROUPS) {
      expect(totalsOf(proposed.body)[group] - totalsOf(inForce.body)[group], group).toBe(engineProposed[group] - engineInForce[group]);
    }
    // And by the rules' own figures: the same populations at 1,75 instead of 1,50 kr (× 7/6),
    // eight single fees 20 000 kr and three double fees 40 000 kr higher.
    for (const group of ['Norr', 'Mitt', 'Syd', 'Stockholms stad', 'municipalities'] as const) {
      expect(totalsOf(proposed.body)[group] * 6, group).toBe(totalsOf(inForce.body)[group] * 7);
    }
    expect(totalsOf(proposed.body).others - totalsOf(inForce.body).others).toBe(8 * 2_000_000 + 3 * 4_000_000);
  });

  it('one member\'s fee names the version it is computed under', async () => {
    const data = await register();
    const line = engineSchedule(data, 2027, PROPOSAL.id).lines.find((candidate) => candidate.memberId === 'nacka');
    const response = await api.get('/fees/nacka?year=2027&mode=estimate&rule=avgifter-2027');
    expect(response.status, response.text).toBe(200);
    expect(response.body).toEqual({ year: 2027, mode: 'estimate', ...(wire(line) as object), ruleId: 'avgifter-2027', adopted: false });

    const actor = await api.get('/fees/sos-alarm?year=2028&mode=estimate&rule=avgifter-2027');
    expect(asRecord(actor.body)).toMatchObject({ amountOre: 30_000_000, ruleId: 'avgifter-2027', adopted: false, year: 2028 });
  });

  it('the budget is the engine\'s summary of the proposal: its version, not adopted, income the schedule\'s totals', async () => {
    const data = await register();
    const schedule = engineSchedule(data, 2027, PROPOSAL.id);
    const response = await api.get('/budget?year=2027&mode=estimate&rule=avgifter-2027');
    expect(response.status, response.text).toBe(200);
    expect(response.body).toEqual(wire(budgetSummary(schedule, data.reimbursementSums)));
    expect(asRecord(response.body)).toMatchObject({ ruleId: 'avgifter-2027', adopted: false });
    const proposed = await api.get('/fees?year=2027&mode=estimate&rule=avgifter-2027');
    expect(asRecord(response.body).income).toEqual(totalsOf(proposed.body));
  });

  it('an adopted version named by id says it is adopted, and is what the year gets without rule', async () => {
    for (const route of ['/fees', '/fees/nacka', '/budget']) {
      const named = await api.get(`${route}?year=2027&mode=estimate&rule=${SEED_FEE_RULE.id}`);
      const plain = await api.get(`${route}?year=2027&mode=estimate`);
      expect(named.status, `${route}: ${named.text}`).toBe(200);
      const version = route === '/fees' ? asRecord(asRecord(named.body).rule).id : asRecord(named.body).ruleId;
      expect(version, route).toBe(SEED_FEE_RULE.id);
      expect(asRecord(named.body).adopted, route).toBe(true);
      expect(named.body, route).toEqual(plain.body);
    }
  });

  it('an empty rule= is the version in force, as an empty mode= is exact', async () => {
    const empty = await api.get('/fees/nacka?year=2027&mode=estimate&rule=');
    expect(empty.status).toBe(200);
    expect(asRecord(empty.body)).toMatchObject({ ruleId: SEED_FEE_RULE.id, adopted: true });
  });
});

describe('a version that cannot answer, and a rule= that cannot be one', () => {
  const ROUTES = ['/fees', '/fees/nacka', '/budget'];

  function errorPaths(response: ApiResponse): unknown[] {
    const errors = asRecord(response.body).errors;
    return Array.isArray(errors) ? errors.map((error) => asRecord(error).path) : [];
  }

  it.each(ROUTES)('%s: an unknown version → 404 unknown-fee-rule naming it, in Swedish and English', async (route) => {
    const swedish = await api.get(`${route}?year=2027&rule=avgifter-2099`);
    expect(swedish.status).toBe(404);
    expect(swedish.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(asRecord(swedish.body)).toMatchObject({ type: 'urn:ssr:problem:unknown-fee-rule', status: 404, title: 'Hittades inte', ruleId: 'avgifter-2099' });
    expect(asRecord(swedish.body).detail).toBe('Det finns ingen avgiftsregel med id avgifter-2099.');

    const english = await api.get(`${route}?year=2027&rule=avgifter-2099`, { headers: ENGLISH });
    expect(asRecord(english.body)).toMatchObject({ type: 'urn:ssr:problem:unknown-fee-rule', title: 'Not found', detail: 'There is no fee rule with id avgifter-2099.' });
  });

  it.each(ROUTES)('%s: a year before the version applies → 422 at query.year, in Swedish and English', async (route) => {
    const swedish = await api.get(`${route}?year=2026&mode=estimate&rule=avgifter-2027`);
    expect(swedish.status).toBe(422);
    expect(swedish.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(asRecord(swedish.body)).toMatchObject({ type: 'urn:ssr:problem:rule-not-effective', status: 422, title: 'Ogiltig begäran' });
    expect(asRecord(swedish.body).errors).toEqual([{ path: 'query.year', message: 'Avgiftsregeln avgifter-2027 gäller från 2027 och kan inte räknas för 2026.' }]);

    const english = await api.get(`${route}?year=2026&mode=estimate&rule=avgifter-2027`, { headers: ENGLISH });
    expect(english.status).toBe(422);
    expect(asRecord(english.body)).toMatchObject({ title: 'Invalid request', detail: 'Fee rule avgifter-2027 applies from 2027 and cannot be computed for 2026.' });
    expect(errorPaths(english)).toEqual(['query.year']);
  });

  it.each(ROUTES.flatMap((route) => ['%20', '%C3%85%C3%84%C3%96!', 'Avgifter-2027', `${'a'.repeat(65)}`, '-avgifter'].map((rule) => [route, rule] as const)))(
    '%s?rule=%s → 400 at query.rule, in Swedish and English',
    async (route, rule) => {
      const swedish = await api.get(`${route}?year=2027&mode=estimate&rule=${rule}`);
      expect(swedish.status, swedish.text).toBe(400);
      expect(asRecord(swedish.body)).toMatchObject({ type: 'urn:ssr:problem:validation', title: 'Ogiltig begäran' });
      expect(asRecord(swedish.body).errors).toEqual([
        { path: 'query.rule', message: 'Avgiftsregelns id får bara innehålla a–z, 0–9 och bindestreck (högst 64 tecken), till exempel "avgifter-2027".' },
      ]);
      const english = await api.get(`${route}?year=2027&mode=estimate&rule=${rule}`, { headers: ENGLISH });
      expect(english.status).toBe(400);
      expect(asRecord(english.body).errors).toEqual([
        { path: 'query.rule', message: 'A fee rule\'s id may hold only a–z, 0–9 and hyphens (at most 64 characters), for example "avgifter-2027".' },
      ]);
    },
  );

  it('leaves what is stored as it was', async () => {
    const before = await api.get('/snapshot');
    const etag = before.headers.get('etag');
    expect(etag).not.toBeNull();
    for (const route of ROUTES) {
      for (const query of ['year=2027&rule=avgifter-2099', 'year=2026&rule=avgifter-2027', 'year=2027&rule=%20', 'year=2027&mode=estimate&rule=avgifter-2027']) {
        expect((await api.get(`${route}?${query}`)).status).toBeLessThan(500);
      }
    }
    const after = await api.get('/snapshot', { headers: { 'if-none-match': etag ?? '' } });
    expect(after.status).toBe(304);
    expect(after.headers.get('etag')).toBe(etag);
    const rules = asRecord((await api.get('/fee-rules')).body).feeRules as { id: string; adoptedOn?: string }[];
    expect(rules.find((version) => version.id === PROPOSAL.id)?.adoptedOn).toBeUndefined();
  });
});
