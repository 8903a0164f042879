import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CLAIM_ORE, MAX_REIMBURSEMENT_SUM_ORE, snapshotSchema } from '@ssr/shared';
import type { Stack } from '../support/stack';
import { startStack } from '../support/stack';
import type { ApiClient } from '../support/http';
import { apiClient, asRecord, principalHeader } from '../support/http';

let stack: Stack;
let api: ApiClient;

beforeAll(async () => {
  stack = await startStack();
  api = apiClient(stack.apiUrl);
});
afterAll(async () => {
  await stack.stop();
});

const claim = (id: string, memberId: string, fn: 'RSIB' | 'RKK', amountOre: number, periodStart = '2026-01-01', periodEnd = '2026-06-30') => ({
  id,
  memberId,
  function: fn,
  periodStart,
  periodEnd,
  amountOre,
  note: 'Självkostnad enligt rapport',
});

describe('POST /reimbursements and GET /reimbursements?year=Y (R6)', () => {
  it('records claims (editor) and lists them per year; the snapshot and the budget carry their sums', async () => {
    const editor = principalHeader(['SSR.Editor']);
    for (const body of [claim('sos-rsib-h1', 'sos-alarm', 'RSIB', 120_000_00), claim('sos-rkk-h1', 'sos-alarm', 'RKK', 30_000_00), claim('sos-rsib-h2', 'sos-alarm', 'RSIB', 80_000_00, '2026-07-01', '2026-12-31'), claim('pol-2025', 'polisen-stockholm', 'RSIB', 5_00, '2025-03-01', '2025-03-31')]) {
      const response = await api.post('/reimbursements', { json: body, headers: editor });
      expect(response.status).toBe(201);
      expect(asRecord(response.body)).toMatchObject(body);
    }
    const list = await api.get('/reimbursements?year=2026');
    expect(list.status).toBe(200);
    expect((asRecord(list.body).reimbursements as { id: string }[]).map((c) => c.id)).toEqual(['sos-rkk-h1', 'sos-rsib-h1', 'sos-rsib-h2']);

    const snapshot = asRecord((await api.get('/snapshot')).body);
    expect(snapshot.reimbursementSums).toEqual([
      { memberId: 'polisen-stockholm', year: 2025, function: 'RSIB', amountOre: 5_00 },
      { memberId: 'sos-alarm', year: 2026, function: 'RKK', amountOre: 30_000_00 },
      { memberId: 'sos-alarm', year: 2026, function: 'RSIB', amountOre: 200_000_00 },
    ]);
    const budget = asRecord((await api.get('/budget?year=2026&mode=estimate')).body);
    expect(budget.reimbursements).toEqual({ RSIB: 200_000_00, RKK: 30_000_00, all: 230_000_00 });
    expect(budget.members).toContainEqual({ memberId: 'sos-alarm', name: 'SOS Alarm', feeOre: 28_000_000, reimbursedOre: 230_000_00, netOre: 28_000_000 - 230_000_00 });
  });

  it('refuses an existing id (409), an unknown member (400), a period across years (400), a reader (403)', async () => {
    const exists = await api.post('/reimbursements', { json: claim('sos-rsib-h1', 'sos-alarm', 'RSIB', 1) });
    expect(exists.status).toBe(409);
    const unknown = await api.post('/reimbursements', { json: claim('x-1', 'atlantis', 'RSIB', 1) });
    expect(unknown.status).toBe(400);
    expect(asRecord(unknown.body).errors).toEqual([{ path: 'memberId', message: 'Det finns ingen medlem med id "atlantis".' }]);
    const across = await api.post('/reimbursements', { json: claim('x-2', 'sos-alarm', 'RKK', 1, '2026-12-01', '2027-01-31') });
    expect(across.status).toBe(400);
    expect((asRecord(across.body).errors as { path: string }[])[0]?.path).toBe('periodEnd');
    const reader = await api.post('/reimbursements', { json: claim('x-3', 'sos-alarm', 'RKK', 1), headers: principalHeader(['SSR.Reader']) });
    expect(reader.status).toBe(403);
    const list = asRecord((await api.get('/reimbursements?year=2026')).body).reimbursements as { id: string; amountOre: number }[];
    expect(list.map((c) => c.id)).toEqual(['sos-rkk-h1', 'sos-rsib-h1', 'sos-rsib-h2']);
    expect(list.find((c) => c.id === 'sos-rsib-h1')?.amountOre).toBe(120_000_00);
  });

  it('needs a year to list (400 at query.year)', async () => {
    const response = await api.get('/reimbursements');
    expect(response.status).toBe(400);
    expect((asRecord(response.body).errors as { path: string }[])[0]?.path).toBe('query.year');
  });
});

type Problem = { type: string; detail: string; errors?: { path: string; message: string }[] };

async function expectSnapshotValid(): Promise<void> {
  const snapshot = await api.get('/snapshot');
  expect(snapshot.status).toBe(200);
  const parsed = snapshotSchema.safeParse(snapshot.body);
  expect(parsed.success, parsed.success ? '' : parsed.error.message).toBe(true);
}

async function sumOf(memberId: string, year: number, fn: 'RSIB' | 'RKK'): Promise<number | undefined> {
  const sums = asRecord((await api.get('/snapshot')).body).reimbursementSums as { memberId: string; year: number; function: string; amountOre: number }[];
  return sums.find((sum) => sum.memberId === memberId && sum.year === year && sum.function === fn)?.amountOre;
}

describe('R6: nothing a claim does can break the snapshot', () => {
  it('refuses a claim of 6 000 000 000 kr, twice: over the cap per claim (400 at amountOre); nothing stored, the snapshot parses', async () => {
    for (const id of ['huge-1', 'huge-2']) {
      const response = await api.post('/reimbursements', { json: claim(id, 'sos-alarm', 'RSIB', 600_000_000_000, '2028-01-01', '2028-03-31') });
      expect(response.status).toBe(400);
      expect(asRecord(response.body).errors).toEqual([{ path: 'amountOre', message: 'En ersättning får vara högst 100 000 000 kr; dela upp större belopp.' }]);
    }
    expect(asRecord((await api.get('/reimbursements?year=2028')).body).reimbursements).toEqual([]);
    await expectSnapshotValid();
  });

  it('refuses a period in a year the register does not cover (400 at periodStart): 0100-01-01..0100-02-01', async () => {
    const response = await api.post('/reimbursements', { json: claim('antiquity', 'sos-alarm', 'RKK', 1_00, '0100-01-01', '0100-02-01') });
    expect(response.status).toBe(400);
    expect(asRecord(response.body).errors).toEqual([{ path: 'periodStart', message: 'Perioden ska ligga mellan år 1900 och 2200.' }]);
    expect((await api.get('/reimbursements/antiquity')).status).toBe(404);
    await expectSnapshotValid();
  });

  it('refuses a claim for a year in which the claimant is not a member (R8/R9), saying so at periodStart', async () => {
    const before = await api.post('/reimbursements', { json: claim('pol-2023', 'polisen-stockholm', 'RSIB', 5_00, '2023-03-01', '2023-03-31') });
    expect(before.status).toBe(400);
    expect(asRecord(before.body).errors).toEqual([{ path: 'periodStart', message: 'Polismyndigheten, Polisregion Stockholm är inte medlem år 2023 och kan inte få ersättning för det året.' }]);

    // A member that gave notice on 2026-03-01 is a member to the end of 2026 (R9), not in 2027.
    const leaving = { id: 'lamnar', name: 'Lämnar AB', kind: 'actor', feeClass: 'single', joinedOn: '2025-01-01', noticeGivenOn: '2026-03-01' };
    expect((await api.post('/members', { json: leaving })).status).toBe(201);
    expect((await api.post('/reimbursements', { json: claim('lamnar-2026', 'lamnar', 'RKK', 1_00, '2026-12-01', '2026-12-31') })).status).toBe(201);
    const after = await api.post('/reimbursements', { json: claim('lamnar-2027', 'lamnar', 'RKK', 1_00, '2027-01-01', '2027-01-31') });
    expect(after.status).toBe(400);
    expect((asRecord(after.body).errors as { path: string; message: string }[])[0]).toEqual({ path: 'periodStart', message: 'Lämnar AB är inte medlem år 2027 och kan inte få ersättning för det året.' });
    expect((await api.get('/reimbursements/lamnar-2027')).status).toBe(404);
  });

  it('keeps the sum per member, year and function within the cap: of two concurrent claims that each fit but not together, one is refused (409)', async () => {
    const fill = MAX_REIMBURSEMENT_SUM_ORE / MAX_CLAIM_ORE - 1;
    for (let index = 0; index < fill; index += 1) {
      const response = await api.post('/reimbursements', { json: claim(`fill-${index}`, 'trafikverket', 'RKK', MAX_CLAIM_ORE, '2029-01-01', '2029-12-31') });
      expect(response.status).toBe(201);
    }
    const [one, two] = await Promise.all(
      ['last-a', 'last-b'].map((id) => api.post('/reimbursements', { json: claim(id, 'trafikverket', 'RKK', MAX_CLAIM_ORE, '2029-06-01', '2029-06-30') })),
    );
    expect([one?.status, two?.status].sort()).toEqual([201, 409]);
    const refused = asRecord([one, two].find((response) => response?.status === 409)?.body) as Problem;
    expect(refused.type).toBe('urn:ssr:problem:reimbursement-sum-cap');
    expect(refused.detail).toMatch(/^Summan av ersättningarna till Trafikverket för RKK år 2029 skulle bli 10\s100\s000\s000,00\skr, över taket 10\s000\s000\s000,00\skr per medlem, funktion och år\.$/);
    expect(refused.errors?.[0]?.path).toBe('amountOre');
    expect(await sumOf('trafikverket', 2029, 'RKK')).toBe(MAX_REIMBURSEMENT_SUM_ORE);
    await expectSnapshotValid();
    // The full sum takes no more, not even 1 öre.
    expect((await api.post('/reimbursements', { json: claim('one-ore', 'trafikverket', 'RKK', 1, '2029-02-01', '2029-02-01') })).status).toBe(409);
    // Another function, year or member has its own sum.
    expect((await api.post('/reimbursements', { json: claim('other-fn', 'trafikverket', 'RSIB', 1, '2029-02-01', '2029-02-01') })).status).toBe(201);
  });
});

describe('PUT and DELETE /reimbursements/{id}: a claim can be corrected and removed (editor, If-Match, audited)', () => {
  const editor = principalHeader(['SSR.Editor'], 'Redaktören');

  async function read(id: string): Promise<Record<string, unknown> & { etag: string }> {
    const response = await api.get(`/reimbursements/${id}`);
    expect(response.status).toBe(200);
    const body = asRecord(response.body);
    expect(response.headers.get('etag')).toBe(body.etag);
    return body as Record<string, unknown> & { etag: string };
  }

  async function auditFor(target: string) {
    const entries = asRecord((await api.get('/audit')).body).entries as { action: string; target: string; actor: { name: string }; before: unknown; after: unknown }[];
    return entries.filter((entry) => entry.target === target);
  }

  it('corrects a claim on its etag: the sums it leaves and enters follow; audited; a stale etag gets 412 with the current claim', async () => {
    expect((await api.post('/reimbursements', { json: claim('rv-1', 'region-stockholm', 'RSIB', 1_000_00, '2025-01-01', '2025-06-30') })).status).toBe(201);
    const first = await read('rv-1');
    const corrected = { ...claim('rv-1', 'region-stockholm', 'RSIB', 1_500_00, '2025-01-01', '2025-06-30'), note: 'Rättat belopp' };
    const put = await api.put('/reimbursements/rv-1', { json: corrected, headers: { ...editor, 'if-match': first.etag } });
    expect(put.status).toBe(200);
    expect(asRecord(put.body)).toMatchObject(corrected);
    expect(await sumOf('region-stockholm', 2025, 'RSIB')).toBe(1_500_00);

    const stale = await api.put('/reimbursements/rv-1', { json: { ...corrected, amountOre: 9_00 }, headers: { 'if-match': first.etag } });
    expect(stale.status).toBe(412);
    expect(asRecord(stale.body).current).toEqual(asRecord(put.body));

    // Moved to the other function and year: one sum drops, the other rises, in one write.
    const moved = { ...corrected, function: 'RKK', periodStart: '2026-02-01', periodEnd: '2026-02-28' };
    const second = await api.put('/reimbursements/rv-1', { json: moved, headers: { 'if-match': String(asRecord(put.body).etag) } });
    expect(second.status).toBe(200);
    expect(await sumOf('region-stockholm', 2025, 'RSIB')).toBeUndefined();
    expect(await sumOf('region-stockholm', 2026, 'RKK')).toBe(1_500_00);
    await expectSnapshotValid();

    expect(await auditFor('reimbursements/rv-1')).toEqual([
      expect.objectContaining({ action: 'reimbursement.create' }),
      expect.objectContaining({ action: 'reimbursement.replace', actor: expect.objectContaining({ name: 'Redaktören' }) as unknown, before: claim('rv-1', 'region-stockholm', 'RSIB', 1_000_00, '2025-01-01', '2025-06-30'), after: corrected }),
      expect.objectContaining({ action: 'reimbursement.replace', before: corrected, after: moved }),
    ]);
  });

  it('refuses a correction that breaks a rule: over the sum cap (409), not a member that year (400), an id that differs (400); the claim stays', async () => {
    const full = await read('fill-0');
    const over = await api.put('/reimbursements/fill-0', { json: { ...full, amountOre: MAX_CLAIM_ORE, periodStart: '2029-05-01', periodEnd: '2029-05-02', note: 'x' }, headers: { 'if-match': full.etag } });
    // The same amount in the same sum is no increase: allowed.
    expect(over.status).toBe(200);
    const other = await read('other-fn');
    const raise = await api.put('/reimbursements/other-fn', { json: { ...other, function: 'RKK' }, headers: { 'if-match': other.etag } });
    expect(raise.status).toBe(409);
    expect(asRecord(raise.body).type).toBe('urn:ssr:problem:reimbursement-sum-cap');
    const early = await api.put('/reimbursements/other-fn', { json: { ...other, memberId: 'lamnar', periodStart: '2024-02-01', periodEnd: '2024-02-01' }, headers: { 'if-match': other.etag } });
    expect(early.status).toBe(400);
    expect((asRecord(early.body).errors as { path: string }[])[0]?.path).toBe('periodStart');
    const renamed = await api.put('/reimbursements/other-fn', { json: { ...other, id: 'something-else' }, headers: { 'if-match': other.etag } });
    expect(renamed.status).toBe(400);
    expect(await read('other-fn')).toEqual(other);
    expect(await sumOf('trafikverket', 2029, 'RKK')).toBe(MAX_REIMBURSEMENT_SUM_ORE);
  });

  it('removes a claim on its etag: 204, audited, its sum drops, its id may be used again; 412 when stale, 404 when unknown, 428 without If-Match', async () => {
    expect((await api.post('/reimbursements', { json: claim('rv-2', 'region-stockholm', 'RKK', 200_00, '2026-03-01', '2026-03-31') })).status).toBe(201);
    expect(await sumOf('region-stockholm', 2026, 'RKK')).toBe(1_700_00);
    const current = await read('rv-2');
    expect((await api.delete('/reimbursements/rv-2')).status).toBe(428);
    expect((await api.delete('/reimbursements/rv-2', { headers: { 'if-match': '"datetime\'2000-01-01T00%3A00%3A00Z\'"' } })).status).toBe(412);
    expect((await api.delete('/reimbursements/rv-2', { headers: { ...editor, 'if-match': current.etag } })).status).toBe(204);
    expect((await api.get('/reimbursements/rv-2')).status).toBe(404);
    expect((await api.delete('/reimbursements/rv-2', { headers: { 'if-match': current.etag } })).status).toBe(404);
    expect((await api.delete('/reimbursements/nothing', { headers: { 'if-match': current.etag } })).status).toBe(404);
    expect((await api.put('/reimbursements/nothing', { json: claim('nothing', 'sos-alarm', 'RKK', 1), headers: { 'if-match': current.etag } })).status).toBe(404);
    expect(await sumOf('region-stockholm', 2026, 'RKK')).toBe(1_500_00);
    const list = asRecord((await api.get('/reimbursements?year=2026')).body).reimbursements as { id: string }[];
    expect(list.map((c) => c.id)).not.toContain('rv-2');
    expect(await auditFor('reimbursements/rv-2')).toEqual([
      expect.objectContaining({ action: 'reimbursement.create' }),
      expect.objectContaining({ action: 'reimbursement.delete', before: claim('rv-2', 'region-stockholm', 'RKK', 200_00, '2026-03-01', '2026-03-31'), after: null }),
    ]);
    // A removed claim's id may be recorded again.
    expect((await api.post('/reimbursements', { json: claim('rv-2', 'region-stockholm', 'RKK', 50_00, '2026-03-01', '2026-03-31') })).status).toBe(201);
    expect(await sumOf('region-stockholm', 2026, 'RKK')).toBe(1_550_00);
    await expectSnapshotValid();
  });

  it('lets the removal of claims bring a sum back under the cap after the cap was reached', async () => {
    const last = await read('fill-1');
    expect((await api.delete('/reimbursements/fill-1', { headers: { 'if-match': last.etag } })).status).toBe(204);
    expect(await sumOf('trafikverket', 2029, 'RKK')).toBe(MAX_REIMBURSEMENT_SUM_ORE - MAX_CLAIM_ORE);
    expect((await api.post('/reimbursements', { json: claim('fits-again', 'trafikverket', 'RKK', 1, '2029-02-01', '2029-02-01') })).status).toBe(201);
  });
});

describe('R6 with R8/R9: a member edit or removal leaves no claim outside its years of membership', () => {
  const member = {
    id: 'beredskap-ab',
    name: 'Beredskap AB',
    kind: 'actor',
    feeClass: 'single',
    joinedOn: '2025-01-01',
  };
  const etagOf = async (id: string) => (await api.get(`/members/${id}`)).headers.get('etag') ?? '';

  it('refuses (409, naming the field and the years) a notice or joining date that strands a claim, and a removal while claims remain; allows both once the claim is gone', async () => {
    expect((await api.post('/members', { json: member })).status).toBe(201);
    expect((await api.post('/reimbursements', { json: claim('beredskap-2026', member.id, 'RKK', 10_000_00, '2026-02-01', '2026-02-28') })).status).toBe(201);
    const before = (await api.get('/snapshot')).body;

    // Notice given in spring 2025 ends membership with 2025 (R9): the 2026 claim would be stranded.
    const notice = await api.put(`/members/${member.id}`, { json: { ...member, noticeGivenOn: '2025-03-01' }, headers: { 'if-match': await etagOf(member.id) } });
    expect(notice.status).toBe(409);
    expect(asRecord(notice.body).type).toBe('urn:ssr:problem:member-has-claims');
    expect(asRecord(notice.body).errors).toEqual([
      { path: 'noticeGivenOn', message: 'Med de nya datumen är Beredskap AB inte medlem år 2026, men har ersättningar för det; rätta eller ta bort dem först.' },
    ]);
    const joined = await api.put(`/members/${member.id}`, { json: { ...member, joinedOn: '2027-01-01' }, headers: { 'if-match': await etagOf(member.id) } });
    expect(joined.status).toBe(409);
    expect((asRecord(joined.body).errors as { path: string }[])[0]?.path).toBe('joinedOn');
    const removal = await api.delete(`/members/${member.id}`, { headers: { 'if-match': await etagOf(member.id) } });
    expect(removal.status).toBe(409);
    expect(asRecord(removal.body).detail).toBe('Beredskap AB har registrerade ersättningar (år 2026); ta bort dem under Ersättningar innan medlemmen tas bort.');
    expect((await api.get('/snapshot')).body).toEqual(before);

    // Notice that still covers 2026 is fine.
    const later = await api.put(`/members/${member.id}`, { json: { ...member, noticeGivenOn: '2026-03-01' }, headers: { 'if-match': await etagOf(member.id) } });
    expect(later.status).toBe(200);

    const stored = await api.get('/reimbursements/beredskap-2026');
    expect((await api.delete('/reimbursements/beredskap-2026', { headers: { 'if-match': stored.headers.get('etag') ?? '' } })).status).toBe(204);
    expect((await api.delete(`/members/${member.id}`, { headers: { 'if-match': await etagOf(member.id) } })).status).toBe(204);
  });
});
