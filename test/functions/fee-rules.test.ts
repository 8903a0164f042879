import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TableClient } from '@azure/data-tables';
import type { Member } from '@ssr/shared';
import { SEED_FEE_RULE, SEED_MEMBERS, isMemberInYear } from '@ssr/shared';
import { toDocumentEntity } from '../../functions/src/storage/documents';
import { startAzurite } from '../support/azurite';
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
    expect(seeded).toMatchObject({ ...SEED_FEE_RULE, adoptedOn: '2024-07-05', status: 'adopted', approvalState: { required: 37, approved: 37, pending: [] } });
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
    expect(adopted).toMatchObject({ status: 'adopted', adoptedOn: '2026-09-15', approvalState: { required: 37, approved: 37, pending: [] } });
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

async function addMember(id: string, joinedOn: string, noticeGivenOn?: string): Promise<string> {
  const member = { id, name: `Aktör ${id}`, kind: 'actor', feeClass: 'single', joinedOn, ...(noticeGivenOn === undefined ? {} : { noticeGivenOn }) };
  const response = await api.post('/members', { json: member });
  expect(response.status).toBe(201);
  return String(asRecord(response.body).etag);
}

describe('R7: adoption is an event', () => {
  it('a member entered later, joined in 2024 before its last approval, leaves the 2024 rule adopted: /fees, /invoices and /budget for 2024 answer 200', async () => {
    const etag = await addMember('sen-aktor', '2024-03-01');
    expect(await rule('avgifter-2024')).toMatchObject({ status: 'adopted', adoptedOn: '2024-07-05', approvalState: { required: 37, approved: 37, pending: [] } });
    const fees = await api.get('/fees?year=2024');
    expect(fees.status).toBe(200);
    expect(asRecord(fees.body).lines).toContainEqual(expect.objectContaining({ memberId: 'sen-aktor', amountOre: 28_000_000 }));
    expect((await api.get('/invoices?year=2024')).status).toBe(200);
    expect((await api.get('/budget?year=2024')).status).toBe(200);
    const snapshot = asRecord((await api.get('/snapshot')).body).feeRules as Record<string, unknown>[];
    expect(snapshot.find((candidate) => candidate.id === 'avgifter-2024')).toMatchObject({ status: 'adopted', adoptedOn: '2024-07-05' });
    expect((await api.delete('/members/sen-aktor', { headers: { 'if-match': etag } })).status).toBe(204);
  });

  it('a version adopted on paper is stored with its date; an approval recorded after adoption leaves it adopted; a party outside the first year cannot approve', async () => {
    const approvals = SEED_MEMBERS.map((member, index) => ({ ...approval(member.id), approvedOn: index === 5 ? '2026-07-01' : '2026-06-01' }));
    const paper = await api.post('/fee-rules', { json: { ...proposal, id: 'avgifter-2029', effectiveFrom: 2029, approvals } });
    expect(paper.status).toBe(201);
    expect(asRecord(paper.body)).toMatchObject({ status: 'adopted', adoptedOn: '2026-07-01', approvalState: { required: 37, approved: 37, pending: [] } });

    // Two parties join after adoption, both members in 2029; one of them records an approval all the same.
    await addMember('aktor-a', '2026-07-15');
    await addMember('aktor-b', '2026-07-15');
    const late = await api.post('/fee-rules/avgifter-2029/approvals', {
      json: { ...approval('aktor-a'), approvedOn: '2026-08-20' },
      headers: { 'if-match': (await rule('avgifter-2029')).etag },
    });
    expect(late.status).toBe(201);
    expect(asRecord(late.body)).toMatchObject({ status: 'adopted', adoptedOn: '2026-07-01', approvalState: { pending: [] } });
    expect(asRecord(asRecord((await api.get('/fees?year=2029&mode=estimate')).body).rule).id).toBe('avgifter-2029');

    await addMember('aktor-c', '2025-01-01', '2026-06-30');
    const before = await rule('avgifter-2029');
    const outside = await api.post('/fee-rules/avgifter-2029/approvals', { json: approval('aktor-c'), headers: { 'if-match': before.etag } });
    expect(outside.status).toBe(400);
    expect(asRecord(outside.body).errors).toEqual([
      { path: 'memberId', message: 'aktor-c är inte medlem 2029, versionens första år, och godkänner den därför inte.' },
    ]);
    const onPaper = await api.post('/fee-rules', { json: { ...proposal, id: 'avgifter-2034', effectiveFrom: 2034, approvals: [approval('aktor-c')] } });
    expect(onPaper.status).toBe(400);
    expect((asRecord(onPaper.body).errors as { path: string }[]).map((error) => error.path)).toEqual(['approvals[0].memberId']);
    expect((await rule('avgifter-2029')).etag).toBe(before.etag);
  });

  it('refuses an approval dated after today (400 at approvedOn), recorded or given on paper', async () => {
    const current = await rule('avgifter-2028');
    const future = await api.post('/fee-rules/avgifter-2028/approvals', { json: { ...approval('solna'), approvedOn: '2199-01-01' }, headers: { 'if-match': current.etag } });
    expect(future.status).toBe(400);
    expect((asRecord(future.body).errors as { path: string }[]).map((error) => error.path)).toEqual(['approvedOn']);
    const paper = await api.post('/fee-rules', { json: { ...proposal, id: 'avgifter-2032', effectiveFrom: 2032, approvals: [{ ...approval('nacka'), approvedOn: '2199-01-01' }] } });
    expect(paper.status).toBe(400);
    expect((asRecord(paper.body).errors as { path: string }[]).map((error) => error.path)).toEqual(['approvals[0].approvedOn']);
    expect((await rule('avgifter-2028')).etag).toBe(current.etag);
  });

  it('refuses a second version with the effective year of an existing one (409 naming it), also when proposed at once', async () => {
    const second = await api.post('/fee-rules', { json: { ...proposal, id: 'avgifter-2027-b' } });
    expect(second.status).toBe(409);
    expect(asRecord(second.body).detail).toContain('"avgifter-2027"');
    expect(asRecord(second.body).errors).toEqual([{ path: 'effectiveFrom', message: '2027 har redan versionen "avgifter-2027".' }]);
    const seedYear = await api.post('/fee-rules', { json: { ...proposal, id: 'avgifter-2024-b', effectiveFrom: 2024 } });
    expect(seedYear.status).toBe(409);
    expect(asRecord(asRecord(seedYear.body).current).id).toBe('avgifter-2024');

    const racing = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((n) => api.post('/fee-rules', { json: { ...proposal, id: `samtidig-${n}`, effectiveFrom: 2031 } })),
    );
    expect(racing.map((response) => response.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    const listed = (asRecord((await api.get('/fee-rules')).body).feeRules as { effectiveFrom: number }[]).filter((r) => r.effectiveFrom === 2031);
    expect(listed).toHaveLength(1);
  });
});

describe('R7: a member write that completes a draft records its adoption', () => {
  it('removing the last pending party adopts the version on its latest decision, recorded and audited; a member entered afterwards leaves it adopted', async () => {
    const pendingParty = { id: 'sen-part', name: 'Sen part', kind: 'actor', feeClass: 'single', joinedOn: '2024-01-01' };
    expect((await api.post('/members', { json: pendingParty })).status).toBe(201);
    const others = (asRecord((await api.get('/members')).body).members as Member[]).filter((member) => member.id !== 'sen-part' && isMemberInYear(member, 2041));
    const proposed = await api.post('/fee-rules', {
      json: { ...proposal, id: 'avgifter-2041', effectiveFrom: 2041, approvals: others.map((member) => approval(member.id)) },
    });
    expect(proposed.status).toBe(201);
    expect(asRecord(proposed.body)).toMatchObject({ status: 'draft', approvalState: { pending: ['sen-part'] } });

    const etag = (await api.get('/members/sen-part')).headers.get('etag') ?? '';
    expect((await api.delete('/members/sen-part', { headers: { 'if-match': etag } })).status).toBe(204);
    expect(await rule('avgifter-2041')).toMatchObject({ status: 'adopted', adoptedOn: '2026-09-15' });
    const audit = asRecord((await api.get('/audit')).body).entries as { action: string; target: string }[];
    expect(audit.some((entry) => entry.action === 'feeRule.adopt' && entry.target === 'fee-rules/avgifter-2041')).toBe(true);

    // Back in the register with the same joining date: the recorded adoption stands.
    expect((await api.post('/members', { json: { ...pendingParty, id: 'sen-part-2' } })).status).toBe(201);
    expect(await rule('avgifter-2041')).toMatchObject({ status: 'adopted', adoptedOn: '2026-09-15' });
  });
});

describe('DELETE /fee-rules/{id}', () => {
  it('withdraws a draft (204, audited), which frees its year and its id; refuses no If-Match (428), a stale etag (412), an unknown id (404), an editor (403)', async () => {
    const draft = await rule('avgifter-2028');
    const seeded = await rule('avgifter-2024');
    expect((await api.delete('/fee-rules/avgifter-2028')).status).toBe(428);
    const stale = await api.delete('/fee-rules/avgifter-2028', { headers: { 'if-match': seeded.etag } });
    expect(stale.status).toBe(412);
    expect(asRecord(asRecord(stale.body).current).id).toBe('avgifter-2028');
    expect((await api.delete('/fee-rules/avgifter-1999', { headers: { 'if-match': draft.etag } })).status).toBe(404);
    expect((await api.delete('/fee-rules/avgifter-2028', { headers: { 'if-match': draft.etag, ...principalHeader(['SSR.Editor']) } })).status).toBe(403);

    expect((await api.delete('/fee-rules/avgifter-2028', { headers: { 'if-match': draft.etag } })).status).toBe(204);
    const ids = (asRecord((await api.get('/fee-rules')).body).feeRules as { id: string }[]).map((r) => r.id);
    expect(ids).not.toContain('avgifter-2028');
    const entries = asRecord((await api.get('/audit')).body).entries as { action: string; target: string; after: unknown }[];
    expect(entries).toContainEqual(expect.objectContaining({ action: 'feeRule.delete', target: 'fee-rules/avgifter-2028', after: null }));
    expect((await api.delete('/fee-rules/avgifter-2028', { headers: { 'if-match': draft.etag } })).status).toBe(404);

    expect((await api.post('/fee-rules', { json: { ...proposal, id: 'avgifter-2028-ny', effectiveFrom: 2028 } })).status).toBe(201);
    expect((await api.post('/fee-rules', { json: { ...proposal, id: 'avgifter-2028', effectiveFrom: 2033 } })).status).toBe(201);
  });

  it('answers 409 for an adopted version, which stays in force', async () => {
    const seeded = await rule('avgifter-2024');
    const refused = await api.delete('/fee-rules/avgifter-2024', { headers: { 'if-match': seeded.etag } });
    expect(refused.status).toBe(409);
    expect(asRecord(refused.body).detail).toContain('antagen');
    expect((await rule('avgifter-2024')).etag).toBe(seeded.etag);
    expect((await api.get('/fees?year=2024')).status).toBe(200);
  });
});

describe('versions stored before adoptions were recorded', () => {
  it('get their adoption recorded at start-up, so that a member entered later cannot turn them back; a draft stays a draft and can be withdrawn', async () => {
    const azurite = await startAzurite();
    try {
      const first = await startStack({ azurite });
      await first.stop();
      const table = TableClient.fromConnectionString(azurite.connectionString, 'ssrfeerules', { allowInsecureConnection: true });
      const { adoptedOn: _recorded, ...legacy } = SEED_FEE_RULE;
      await table.upsertEntity(toDocumentEntity('feerule', legacy.id, legacy), 'Replace');
      await table.upsertEntity(toDocumentEntity('feerule', 'avgifter-2027', { ...proposal, approvals: [approval('nacka')] }), 'Replace');

      const second = await startStack({ azurite });
      try {
        const later = apiClient(second.apiUrl);
        const listed = asRecord((await later.get('/fee-rules')).body).feeRules as Record<string, unknown>[];
        expect(listed.find((candidate) => candidate.id === 'avgifter-2024')).toMatchObject({ status: 'adopted', adoptedOn: '2024-07-05' });
        expect(listed.find((candidate) => candidate.id === 'avgifter-2027')).toMatchObject({ status: 'draft', approvalState: { approved: 1 } });
        const draft = listed.find((candidate) => candidate.id === 'avgifter-2027');
        expect(draft).not.toHaveProperty('adoptedOn');
        // Stored without a year claim, the draft still holds its year, and withdrawing it frees it.
        expect((await later.post('/fee-rules', { json: { ...proposal, id: 'avgifter-2027-b' } })).status).toBe(409);
        expect((await later.delete('/fee-rules/avgifter-2027', { headers: { 'if-match': String(draft?.etag) } })).status).toBe(204);
        expect((await later.post('/fee-rules', { json: { ...proposal, id: 'avgifter-2027-b' } })).status).toBe(201);
        const member = { id: 'sen-aktor', name: 'Sen aktör', kind: 'actor', feeClass: 'single', joinedOn: '2024-03-01' };
        expect((await later.post('/members', { json: member })).status).toBe(201);
        expect((await later.get('/fees?year=2024')).status).toBe(200);
        const entries = asRecord((await later.get('/audit')).body).entries as { action: string; target: string; actor: { name: string } }[];
        expect(entries.filter((entry) => entry.action === 'feeRule.adopt')).toEqual([
          expect.objectContaining({ target: 'fee-rules/avgifter-2024', actor: { name: 'system', roles: [] } }),
        ]);
      } finally {
        await second.stop();
      }
    } finally {
      await azurite.stop();
    }
  });
});
