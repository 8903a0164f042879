import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stack } from '../support/stack';
import { startStack } from '../support/stack';
import { apiClient, asRecord } from '../support/http';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack.stop();
});

describe('optimistic concurrency', () => {
  it('twenty concurrent PUTs of one member on the same etag: one wins, nineteen get 412, one audit entry', async () => {
    const api = apiClient(stack.apiUrl);
    const read = asRecord((await api.get('/members/haninge')).body);
    const etag = String(read.etag);
    const attempts = Array.from({ length: 20 }, (_, index) => ({ ...read, invoiceReference: `Försök ${index}` }));
    const responses = await Promise.all(attempts.map((body) => api.put('/members/haninge', { json: body, headers: { 'if-match': etag } })));

    const winners = responses.filter((response) => response.status === 200);
    const losers = responses.filter((response) => response.status === 412);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(19);
    const winner = asRecord(winners[0]?.body);
    for (const loser of losers) expect(asRecord(loser.body).current).toEqual(winner);

    const stored = asRecord((await api.get('/members/haninge')).body);
    expect(stored).toEqual(winner);
    const audit = asRecord((await api.get('/audit')).body).entries as { target: string; after: { invoiceReference?: string } }[];
    const entries = audit.filter((entry) => entry.target === 'members/haninge');
    expect(entries).toHaveLength(1);
    expect(entries[0]?.after.invoiceReference).toBe(winner.invoiceReference);
  });

  it('twenty concurrent approvals on one fee rule etag: one recorded', async () => {
    const api = apiClient(stack.apiUrl);
    const created = await api.post('/fee-rules', {
      json: { id: 'samtidigt', effectiveFrom: 2030, perInhabitantOre: 150, singleFeeOre: 1, doubleFeeOre: 2, populationYearOffset: 1, approvals: [] },
    });
    const etag = String(asRecord(created.body).etag);
    const members = ['nacka', 'solna', 'taby', 'huddinge', 'botkyrka', 'haninge', 'jarfalla', 'sollentuna', 'lidingo', 'vaxholm', 'ekero', 'salem', 'tyreso', 'nykvarn', 'danderyd', 'sigtuna', 'norrtalje', 'nynashamn', 'sodertalje', 'sundbyberg'];
    const responses = await Promise.all(
      members.map((memberId) => api.post('/fee-rules/samtidigt/approvals', { json: { memberId, approvedOn: '2026-05-01', reference: 'KS' }, headers: { 'if-match': etag } })),
    );
    expect(responses.filter((response) => response.status === 201)).toHaveLength(1);
    expect(responses.filter((response) => response.status === 412)).toHaveLength(19);
    const rules = asRecord((await api.get('/fee-rules')).body).feeRules as { id: string; approvals: unknown[] }[];
    expect(rules.find((rule) => rule.id === 'samtidigt')?.approvals).toHaveLength(1);
  });

  it('a read that follows a write sees it, while other reads of the register are running', async () => {
    const api = apiClient(stack.apiUrl);
    for (let round = 0; round < 5; round += 1) {
      const busy = Array.from({ length: 30 }, () => api.get('/snapshot'));
      const member = asRecord((await api.get('/members/norrtalje')).body);
      const name = `Norrtälje ${round}`;
      const written = await api.put('/members/norrtalje', { json: { ...member, name }, headers: { 'if-match': String(member.etag) } });
      expect(written.status).toBe(200);
      const [snapshot, fee] = await Promise.all([api.get('/snapshot'), api.get('/fees/norrtalje?year=2024')]);
      expect((asRecord(snapshot.body).members as { id: string; name: string }[]).find((m) => m.id === 'norrtalje')?.name).toBe(name);
      expect(asRecord(fee.body).name).toBe(name);
      for (const response of await Promise.all(busy)) expect(response.status).toBe(200);
    }
  });
});
