import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
