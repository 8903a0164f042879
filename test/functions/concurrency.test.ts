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

describe('R1/R10 one member per municipality code, held by the write itself', () => {
  const municipality = (id: string, municipalityCode: string) => ({
    id,
    name: `Kommun ${id}`,
    kind: 'municipality',
    feeClass: 'municipality',
    municipalityCode,
    cluster: 'Norr',
    joinedOn: '2026-01-01',
  });

  async function holders(code: string): Promise<string[]> {
    const members = asRecord((await apiClient(stack.apiUrl).get('/members')).body).members as { id: string; municipalityCode?: string }[];
    return members.filter((member) => member.municipalityCode === code).map((member) => member.id);
  }

  it('ten pairs of concurrent POST /members with one code each: in every pair one is created (201), the other refused (409 naming the holder)', async () => {
    const api = apiClient(stack.apiUrl);
    const codes = Array.from({ length: 10 }, (_, index) => `09${String(index).padStart(2, '0')}`);
    const pairs = await Promise.all(
      codes.map((code) => Promise.all([api.post('/members', { json: municipality(`a-${code}`, code) }), api.post('/members', { json: municipality(`b-${code}`, code) })])),
    );
    for (const [index, pair] of pairs.entries()) {
      const code = codes[index] ?? '';
      expect(pair.map((response) => response.status).sort(), code).toEqual([201, 409]);
      const winner = asRecord(pair.find((response) => response.status === 201)?.body);
      const loser = asRecord(pair.find((response) => response.status === 409)?.body);
      expect(loser.type).toBe('urn:ssr:problem:duplicate-municipality');
      expect(loser.errors).toEqual([{ path: 'municipalityCode', message: `Kommunkoden ${code} tillhör redan ${String(winner.name)} (${String(winner.id)}).` }]);
      expect(await holders(code)).toEqual([winner.id]);
    }
  });

  it('two concurrent PUTs moving two members onto one code: exactly one succeeds, the other gets 409', async () => {
    const api = apiClient(stack.apiUrl);
    for (let round = 0; round < 5; round += 1) {
      const [first, second] = [municipality(`flytt-a-${round}`, `092${round}`), municipality(`flytt-b-${round}`, `093${round}`)];
      const created = await Promise.all([first, second].map((member) => api.post('/members', { json: member })));
      const target = `094${round}`;
      const moves = await Promise.all(
        [first, second].map((member, index) =>
          api.put(`/members/${member.id}`, { json: { ...member, municipalityCode: target }, headers: { 'if-match': String(asRecord(created[index]?.body).etag) } }),
        ),
      );
      expect(moves.map((response) => response.status).sort()).toEqual([200, 409]);
      expect(await holders(target)).toHaveLength(1);
      // The refused member keeps its own code, and that code stays its own.
      const refused = [first, second][moves.findIndex((response) => response.status === 409)];
      expect(await holders(refused?.municipalityCode ?? '')).toEqual([refused?.id]);
    }
  });

  it('a code is free again when its member is deleted or moves to another code', async () => {
    const api = apiClient(stack.apiUrl);
    const kept = asRecord((await api.post('/members', { json: municipality('gammal', '0950') })).body);
    const moved = await api.put('/members/gammal', { json: { ...municipality('gammal', '0951') }, headers: { 'if-match': String(kept.etag) } });
    expect(moved.status).toBe(200);
    expect((await api.post('/members', { json: municipality('ny-0950', '0950') })).status).toBe(201);
    expect((await api.post('/members', { json: municipality('ny-0951', '0951') })).status).toBe(409);
    expect((await api.delete('/members/gammal', { headers: { 'if-match': String(asRecord(moved.body).etag) } })).status).toBe(204);
    expect((await api.post('/members', { json: municipality('ny-0951', '0951') })).status).toBe(201);
    // A deleted member's id may come back, but not with a code another member has taken meanwhile.
    expect((await api.post('/members', { json: municipality('gammal', '0951') })).status).toBe(409);
    expect((await api.post('/members', { json: municipality('gammal', '0952') })).status).toBe(201);
  });
});
