import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_FEE_RULE, SEED_MEMBERS } from '@ssr/shared';
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

const proposal = { id: 'avgifter-2027', effectiveFrom: 2027, perInhabitantOre: 175, singleFeeOre: 30_000_000, doubleFeeOre: 60_000_000, populationYearOffset: 1, approvals: [] };
const approval = (memberId: string) => ({ memberId, approvedOn: '2026-09-15', reference: `KS ${memberId} 2026/42` });

async function rule(id: string): Promise<Record<string, unknown> & { etag: string }> {
  const response = await api.get('/fee-rules');
  expect(response.status).toBe(200);
  const found = (asRecord(response.body).feeRules as Record<string, unknown>[]).find((candidate) => candidate.id === id);
  if (!found) throw new Error(`fee rule ${id} not listed`);
  return found as Record<string, unknown> & { etag: string };
}

describe('GET /fee-rules', () => {
  it('lists the seeded rule of 2024 as adopted (R7: all 37 parties approved)', async () => {
    const seeded = await rule('avgifter-2024');
    expect(seeded).toMatchObject({ ...SEED_FEE_RULE, status: 'adopted', approvalState: { required: 37, approved: 37, pending: [] } });
  });
});

describe('POST /fee-rules', () => {
  it('proposes a version (admin): 201, a draft with every party pending', async () => {
    const response = await api.post('/fee-rules', { json: proposal });
    expect(response.status).toBe(201);
    expect(asRecord(response.body)).toMatchObject({ ...proposal, status: 'draft', approvalState: { required: 37, approved: 0 } });
    expect((asRecord(asRecord(response.body).approvalState).pending as string[]).sort()).toEqual(SEED_MEMBERS.map((m) => m.id).sort());
  });

  it('refuses an existing id (409), bad parameters (400 with paths), unknown approvers (400), an editor (403)', async () => {
    const exists = await api.post('/fee-rules', { json: { ...proposal, id: 'avgifter-2024' } });
    expect(exists.status).toBe(409);
    expect(asRecord(asRecord(exists.body).current).id).toBe('avgifter-2024');

    const bad = await api.post('/fee-rules', { json: { ...proposal, id: 'x-1', perInhabitantOre: 1.5, populationYearOffset: 9 } });
    expect(bad.status).toBe(400);
    expect((asRecord(bad.body).errors as { path: string }[]).map((e) => e.path).sort()).toEqual(['perInhabitantOre', 'populationYearOffset']);

    const unknown = await api.post('/fee-rules', { json: { ...proposal, id: 'x-2', approvals: [approval('atlantis')] } });
    expect(unknown.status).toBe(400);
    expect(asRecord(unknown.body).errors).toEqual([{ path: 'approvals[0].memberId', message: 'Det finns ingen medlem med id "atlantis".' }]);

    const editor = await api.post('/fee-rules', { json: { ...proposal, id: 'x-3' }, headers: principalHeader(['SSR.Editor']) });
    expect(editor.status).toBe(403);
    const ids = (asRecord((await api.get('/fee-rules')).body).feeRules as { id: string }[]).map((r) => r.id);
    expect(ids).toEqual(['avgifter-2024', 'avgifter-2027']);
  });
});

describe('POST /fee-rules/{id}/approvals', () => {
  it('records approvals on the rule etag until every party has approved, then the rule is adopted (R7) and in force', async () => {
    const before = await api.get('/fees?year=2027&mode=estimate');
    expect(asRecord(asRecord(before.body).rule).id).toBe('avgifter-2024');
    for (const member of SEED_MEMBERS) {
      const current = await rule('avgifter-2027');
      const response = await api.post('/fee-rules/avgifter-2027/approvals', { json: approval(member.id), headers: { 'if-match': current.etag } });
      expect(response.status).toBe(201);
    }
    const adopted = await rule('avgifter-2027');
    expect(adopted).toMatchObject({ status: 'adopted', approvalState: { required: 37, approved: 37, pending: [] } });
    expect((adopted.approvals as unknown[])[0]).toEqual(approval(SEED_MEMBERS[0]?.id ?? ''));
    const after = await api.get('/fees?year=2027&mode=estimate');
    expect(asRecord(asRecord(after.body).rule).id).toBe('avgifter-2027');
    expect(asRecord(after.body).lines).toContainEqual(expect.objectContaining({ memberId: 'trafikverket', amountOre: 60_000_000 }));
  });

  it('refuses a second approval by the same party (409), a stale etag (412 with the rule), no If-Match (428)', async () => {
    await api.post('/fee-rules', { json: { ...proposal, id: 'avgifter-2028', effectiveFrom: 2028 } });
    const first = await rule('avgifter-2028');
    expect((await api.post('/fee-rules/avgifter-2028/approvals', { json: approval('nacka') })).status).toBe(428);
    expect((await api.post('/fee-rules/avgifter-2028/approvals', { json: approval('nacka'), headers: { 'if-match': first.etag } })).status).toBe(201);
    const stale = await api.post('/fee-rules/avgifter-2028/approvals', { json: approval('solna'), headers: { 'if-match': first.etag } });
    expect(stale.status).toBe(412);
    expect(asRecord(asRecord(stale.body).current).approvals).toEqual([approval('nacka')]);
    const now = await rule('avgifter-2028');
    const twice = await api.post('/fee-rules/avgifter-2028/approvals', { json: approval('nacka'), headers: { 'if-match': now.etag } });
    expect(twice.status).toBe(409);
    expect(asRecord(twice.body).errors).toEqual([{ path: 'memberId', message: 'nacka har redan godkänt den här versionen.' }]);
    expect((await rule('avgifter-2028')).approvals).toEqual([approval('nacka')]);
  });

  it('answers 404 for an unknown rule, 400 for an unknown member or bad approval, 403 for an editor', async () => {
    const current = await rule('avgifter-2028');
    expect((await api.post('/fee-rules/avgifter-1999/approvals', { json: approval('nacka'), headers: { 'if-match': current.etag } })).status).toBe(404);
    const unknown = await api.post('/fee-rules/avgifter-2028/approvals', { json: approval('atlantis'), headers: { 'if-match': current.etag } });
    expect(unknown.status).toBe(400);
    expect(asRecord(unknown.body).errors).toEqual([{ path: 'memberId', message: 'Det finns ingen medlem med id "atlantis".' }]);
    const bad = await api.post('/fee-rules/avgifter-2028/approvals', { json: { ...approval('solna'), approvedOn: '15/9/2026' }, headers: { 'if-match': current.etag } });
    expect(bad.status).toBe(400);
    expect((asRecord(bad.body).errors as { path: string }[])[0]?.path).toBe('approvedOn');
    const editor = await api.post('/fee-rules/avgifter-2028/approvals', { json: approval('solna'), headers: { 'if-match': current.etag, ...principalHeader(['SSR.Editor']) } });
    expect(editor.status).toBe(403);
    expect((await rule('avgifter-2028')).etag).toBe(current.etag);
  });
});
