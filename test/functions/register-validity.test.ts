import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLUSTERS, MAX_AMOUNT_ORE, MAX_CLAIM_ORE, MAX_PER_INHABITANT_ORE, MAX_POPULATION, MAX_YEAR, MIN_YEAR, SEED_MEMBERS, snapshotSchema } from '@ssr/shared';
import type { Stack } from '../support/stack';
import { startStack } from '../support/stack';
import type { ApiClient, ApiResponse } from '../support/http';
import { apiClient, asRecord } from '../support/http';

/**
 * Random sequences of well-formed writes over every write route, each aimed at the edges the
 * register's rules guard (extreme years and amounts, shared municipality codes, approvals and
 * claims around membership years). Whatever the API accepts, the snapshot the add-in reads
 * must still pass the add-in's own schema, and the computed routes must still answer.
 * The counts are printed for the record.
 */

const SEQUENCES = 24;
const STEPS = 30;
const TIMEOUT = 600_000;

let stack: Stack;
let api: ApiClient;
const counts = { tried: 0, accepted: 0, refused: 0, snapshotsChecked: 0 };
const byRoute = new Map<string, { tried: number; accepted: number }>();

beforeAll(async () => {
  stack = await startStack();
  api = apiClient(stack.apiUrl);
});
afterAll(async () => {
  const routes = [...byRoute].map(([route, n]) => `${route} ${n.accepted}/${n.tried}`).join(', ');
  process.stdout.write(
    `register validity: ${counts.tried} writes tried, ${counts.refused} refused, ${counts.accepted} accepted; ` +
      `snapshot valid after all ${counts.snapshotsChecked} accepted writes. Accepted/tried by route: ${routes}\n`,
  );
  await stack.stop();
});

// --- arbitraries: well-formed values, weighted towards the edges ------------------

const YEARS = [MIN_YEAR, MIN_YEAR + 1, 2023, 2024, 2025, 2026, 2027, MAX_YEAR - 1, MAX_YEAR];
/** Mostly the years in use, often the edges of the register's range. */
const year = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(2024, 2025, 2026) }, { weight: 2, arbitrary: fc.constantFrom(...YEARS) });
const dayOf = (y: number) => fc.constantFrom(`${y}-01-01`, `${y}-06-30`, `${y}-07-01`, `${y}-12-31`);
const date = year.chain(dayOf);
/** Claims also try years outside the register's range: well-formed dates all the same. */
const claimYear = fc.oneof({ weight: 8, arbitrary: year }, { weight: 1, arbitrary: fc.constantFrom(100, 9999) });
const memberId = fc.constantFrom('p1', 'p2', 'p3', 'p4', ...SEED_MEMBERS.slice(0, 6).map((member) => member.id));
const code = fc.constantFrom('0180', '0182', '0999', '0998');
const amount = fc.oneof(
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 10_000_000 }) },
  { weight: 2, arbitrary: fc.constantFrom(MAX_CLAIM_ORE, MAX_CLAIM_ORE - 1) },
  { weight: 1, arbitrary: fc.constantFrom(MAX_CLAIM_ORE + 1, MAX_AMOUNT_ORE, 600_000_000_000) },
);
const name = fc.constantFrom('Ny kommun', 'Aktör; med "citat"', 'Kommun;=cmd|\' /C calc\'!A0;z', 'Å'.repeat(200));

const member = fc.oneof(
  fc.record({
    id: memberId,
    name,
    kind: fc.constant('municipality' as const),
    feeClass: fc.constant('municipality' as const),
    municipalityCode: code,
    cluster: fc.constantFrom(...CLUSTERS),
    joinedOn: date,
  }),
  fc.record({ id: memberId, name, kind: fc.constant('actor' as const), feeClass: fc.constantFrom('single' as const, 'double' as const), joinedOn: date }),
);
const withNotice = fc.tuple(member, fc.option(date, { nil: undefined })).map(([value, notice]) =>
  notice === undefined || notice < value.joinedOn ? value : { ...value, noticeGivenOn: notice },
);

type Command =
  | { kind: 'createMember'; member: Record<string, unknown> }
  | { kind: 'replaceMember'; member: Record<string, unknown>; changesFrom: number }
  | { kind: 'deleteMember'; id: string }
  | { kind: 'populations'; year: number; figures: { municipalityCode: string; population: number }[] }
  | { kind: 'createFeeRule'; id: string; effectiveFrom: number; perInhabitantOre: number; fee: number; offset: number; approvals: { memberId: string; approvedOn: string }[] }
  | { kind: 'approve'; approver: string; approvedOn: string }
  | { kind: 'deleteFeeRule' }
  | { kind: 'createClaim'; id: string; memberId: string; year: number; amountOre: number; fn: 'RSIB' | 'RKK' }
  | { kind: 'replaceClaim'; amountOre: number; year: number }
  | { kind: 'deleteClaim' };

const populations = fc
  .record({ year, figures: fc.array(fc.record({ municipalityCode: code, population: fc.constantFrom(0, 1, 95_000, MAX_POPULATION) }), { maxLength: 3 }) })
  .map((value): Command => ({ kind: 'populations', ...value }));
const createFeeRule = fc
  .record({
    id: fc.integer({ min: 1, max: 12 }).map((n) => `r${n}`),
    effectiveFrom: year,
    perInhabitantOre: fc.constantFrom(150, MAX_PER_INHABITANT_ORE),
    fee: fc.constantFrom(28_000_000, MAX_AMOUNT_ORE),
    offset: fc.constantFrom(0, 1, 5),
    approvals: fc.array(fc.record({ memberId, approvedOn: date }), { maxLength: 2 }),
  })
  .map((value): Command => ({ kind: 'createFeeRule', ...value }));
const createClaim = fc
  .record({ id: fc.integer({ min: 1, max: 60 }).map((n) => `c${n}`), memberId, year: claimYear, amountOre: amount, fn: fc.constantFrom('RSIB' as const, 'RKK' as const) })
  .map((value): Command => ({ kind: 'createClaim', ...value }));

// Weighted so that the register keeps members and claims to act on.
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 3, arbitrary: withNotice.map((value): Command => ({ kind: 'createMember', member: value })) },
  { weight: 3, arbitrary: fc.tuple(withNotice, year).map(([value, from]): Command => ({ kind: 'replaceMember', member: value, changesFrom: from })) },
  { weight: 1, arbitrary: memberId.map((id): Command => ({ kind: 'deleteMember', id })) },
  { weight: 2, arbitrary: populations },
  { weight: 2, arbitrary: createFeeRule },
  { weight: 2, arbitrary: fc.record({ approver: memberId, approvedOn: date }).map((value): Command => ({ kind: 'approve', ...value })) },
  { weight: 1, arbitrary: fc.constant<Command>({ kind: 'deleteFeeRule' }) },
  { weight: 4, arbitrary: createClaim },
  { weight: 2, arbitrary: fc.record({ amountOre: amount, year: claimYear }).map((value): Command => ({ kind: 'replaceClaim', ...value })) },
  { weight: 1, arbitrary: fc.constant<Command>({ kind: 'deleteClaim' }) },
);

// --- running a command ---------------------------------------------------------------

function etagOf(response: ApiResponse): string {
  return response.headers.get('etag') ?? '"none"';
}

interface Listed {
  id: string;
  etag: string;
  [key: string]: unknown;
}

async function list(path: string, field: string): Promise<Listed[]> {
  const response = await api.get(path);
  expect(response.status, `GET ${path}`).toBe(200);
  return asRecord(response.body)[field] as Listed[];
}

/** The claims of every year a command can touch. */
async function claims(): Promise<Listed[]> {
  const years = await Promise.all(YEARS.map((y) => list(`/reimbursements?year=${y}`, 'reimbursements')));
  return years.flat();
}

const pad = (y: number) => String(y).padStart(4, '0');
const pick = <T>(items: readonly T[], seed: number): T | undefined => items[seed % Math.max(1, items.length)];

/** Send the command as a client that has just read what it changes; undefined when there is nothing to act on. */
async function send(step: Command, seed: number): Promise<{ route: string; response: ApiResponse } | undefined> {
  switch (step.kind) {
    case 'createMember':
      return { route: 'POST /members', response: await api.post('/members', { json: step.member }) };
    case 'replaceMember': {
      const current = await api.get(`/members/${String(step.member.id)}`);
      if (current.status !== 200) return undefined;
      const body = { ...step.member, changesFrom: step.changesFrom };
      return { route: 'PUT /members/{id}', response: await api.put(`/members/${String(step.member.id)}`, { json: body, headers: { 'if-match': etagOf(current) } }) };
    }
    case 'deleteMember': {
      const current = await api.get(`/members/${step.id}`);
      if (current.status !== 200) return undefined;
      return { route: 'DELETE /members/{id}', response: await api.delete(`/members/${step.id}`, { headers: { 'if-match': etagOf(current) } }) };
    }
    case 'populations': {
      const current = await api.get(`/populations?year=${step.year}`);
      const figures = step.figures.map((figure) => ({ ...figure, year: step.year, source: 'SCB' }));
      // A body repeats no code (that is refused, and fuzzed elsewhere): keep the last of each.
      const unique = [...new Map(figures.map((figure) => [figure.municipalityCode, figure])).values()];
      return { route: 'PUT /populations/{year}', response: await api.put(`/populations/${step.year}`, { json: { figures: unique }, headers: { 'if-match': etagOf(current) } }) };
    }
    case 'createFeeRule': {
      const { id, effectiveFrom, perInhabitantOre, fee, offset } = step;
      const approvals = step.approvals.map((approval) => ({ ...approval, reference: 'Beslut' }));
      const body = { id, effectiveFrom, perInhabitantOre, singleFeeOre: fee, doubleFeeOre: fee, populationYearOffset: offset, approvals };
      return { route: 'POST /fee-rules', response: await api.post('/fee-rules', { json: body }) };
    }
    case 'approve': {
      const rule = pick(await list('/fee-rules', 'feeRules'), seed);
      if (!rule) return undefined;
      const body = { memberId: step.approver, approvedOn: step.approvedOn, reference: 'Beslut' };
      return { route: 'POST /fee-rules/{id}/approvals', response: await api.post(`/fee-rules/${rule.id}/approvals`, { json: body, headers: { 'if-match': rule.etag } }) };
    }
    case 'deleteFeeRule': {
      const rule = pick(await list('/fee-rules', 'feeRules'), seed);
      if (!rule) return undefined;
      return { route: 'DELETE /fee-rules/{id}', response: await api.delete(`/fee-rules/${rule.id}`, { headers: { 'if-match': rule.etag } }) };
    }
    case 'createClaim': {
      const body = { id: step.id, memberId: step.memberId, function: step.fn, periodStart: `${pad(step.year)}-01-01`, periodEnd: `${pad(step.year)}-03-31`, amountOre: step.amountOre };
      return { route: 'POST /reimbursements', response: await api.post('/reimbursements', { json: body }) };
    }
    case 'replaceClaim': {
      const claim = pick(await claims(), seed);
      if (!claim) return undefined;
      const { etag: _etag, ...stored } = claim;
      const body = { ...stored, amountOre: step.amountOre, periodStart: `${pad(step.year)}-04-01`, periodEnd: `${pad(step.year)}-04-30` };
      return { route: 'PUT /reimbursements/{id}', response: await api.put(`/reimbursements/${claim.id}`, { json: body, headers: { 'if-match': claim.etag } }) };
    }
    case 'deleteClaim': {
      const claim = pick(await claims(), seed);
      if (!claim) return undefined;
      return { route: 'DELETE /reimbursements/{id}', response: await api.delete(`/reimbursements/${claim.id}`, { headers: { 'if-match': claim.etag } }) };
    }
  }
}

/** After an accepted write: the add-in's schema takes the snapshot, and the years it computes still answer. */
async function checkRegister(after: string): Promise<void> {
  const snapshot = await api.get('/snapshot');
  expect(snapshot.status, after).toBe(200);
  const parsed = snapshotSchema.safeParse(snapshot.body);
  expect(parsed.success ? '' : parsed.error.message, `the snapshot fails the add-in's schema after ${after}`).toBe('');
  counts.snapshotsChecked += 1;
  for (const path of ['/fees?year=2025&mode=estimate', '/budget?year=2025&mode=estimate', `/fees?year=${MAX_YEAR}&mode=estimate`, '/invoices?year=2025']) {
    const response = await api.get(path);
    expect(response.status, `GET ${path} after ${after}: ${response.text.slice(0, 300)}`).toBeLessThan(500);
  }
}

describe('random sequences of well-formed writes', () => {
  it('never leave a register the add-in cannot read', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(command, fc.nat()), { minLength: STEPS, maxLength: STEPS }), async (steps) => {
        for (const [step, seed] of steps) {
          const sent = await send(step, seed);
          if (!sent) continue;
          const { route, response } = sent;
          const what = `${route} ${JSON.stringify(step)} → ${response.status} ${response.text.slice(0, 300)}`;
          const tally = byRoute.get(route) ?? { tried: 0, accepted: 0 };
          byRoute.set(route, tally);
          counts.tried += 1;
          tally.tried += 1;
          expect(response.status, what).toBeLessThan(500);
          if (response.status >= 400) {
            counts.refused += 1;
            expect(response.headers.get('content-type'), what).toMatch(/^application\/problem\+json/);
            continue;
          }
          counts.accepted += 1;
          tally.accepted += 1;
          await checkRegister(what);
        }
      }),
      { numRuns: SEQUENCES, endOnFailure: true },
    );
    expect(counts.accepted, 'the sequences must get writes through, not only refusals').toBeGreaterThan(counts.tried / 10);
  }, TIMEOUT);
});
