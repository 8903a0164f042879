import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TableClient } from '@azure/data-tables';
import { SEED_MEMBERS } from '@ssr/shared';
import type { Stack } from '../support/stack';
import { startStack } from '../support/stack';
import type { ApiClient } from '../support/http';
import { apiClient, asRecord, principalHeader } from '../support/http';

let stack: Stack;
let api: ApiClient;

beforeAll(async () => {
  stack = await startStack({ devUser: 'Redaktören' });
  api = apiClient(stack.apiUrl);
});
afterAll(async () => {
  await stack.stop();
});

const newActor = (id: string) => ({ id, name: `Aktör ${id}`, kind: 'actor', feeClass: 'single', joinedOn: '2026-01-01' });

async function memberWithEtag(id: string): Promise<Record<string, unknown> & { etag: string }> {
  const response = await api.get(`/members/${id}`);
  expect(response.status).toBe(200);
  const body = asRecord(response.body);
  expect(typeof body.etag).toBe('string');
  return body as Record<string, unknown> & { etag: string };
}

async function auditFor(target: string) {
  const response = await api.get('/audit');
  expect(response.status).toBe(200);
  const entries = asRecord(response.body).entries as { action: string; target: string; actor: { name: string }; before: unknown; after: unknown }[];
  return entries.filter((entry) => entry.target === target);
}

describe('GET /members', () => {
  it('lists the seeded register (R1: 26 municipalities and 11 actors), each with an etag', async () => {
    const response = await api.get('/members');
    expect(response.status).toBe(200);
    const members = asRecord(response.body).members as Record<string, unknown>[];
    expect(members).toHaveLength(37);
    expect(members.filter((member) => member.kind === 'municipality')).toHaveLength(26);
    expect(new Set(members.map((member) => member.id))).toEqual(new Set(SEED_MEMBERS.map((member) => member.id)));
    for (const member of members) expect(member.etag).toMatch(/^"datetime'.+'"$/);
  });

  it('reads one member with its ETag header equal to the etag field', async () => {
    const response = await api.get('/members/nacka');
    expect(response.status).toBe(200);
    const body = asRecord(response.body);
    expect(body).toMatchObject({ id: 'nacka', name: 'Nacka', municipalityCode: '0182', cluster: 'Mitt', feeClass: 'municipality' });
    expect(response.headers.get('etag')).toBe(body.etag);
  });

  it('answers 404 problem+json for an unknown id and 400 for an id that cannot exist', async () => {
    const missing = await api.get('/members/atlantis');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(asRecord(missing.body)).toMatchObject({ status: 404, title: 'Hittades inte' });
    expect(String(asRecord(missing.body).detail)).toContain('atlantis');

    const bad = await api.get('/members/Nacka%20kommun');
    expect(bad.status).toBe(400);
    expect(asRecord(bad.body).errors).toEqual([{ path: 'path.id', message: expect.stringContaining('a–z') as unknown }]);
  });
});

describe('POST /members', () => {
  it('creates a member: 201, Location, ETag, stored as sent, audited with the user', async () => {
    const response = await api.post('/members', { json: newActor('msb') });
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe('/api/members/msb');
    const body = asRecord(response.body);
    expect(body).toMatchObject(newActor('msb'));
    expect(response.headers.get('etag')).toBe(body.etag);
    expect(await memberWithEtag('msb')).toEqual(body);
    const audit = await auditFor('members/msb');
    expect(audit).toEqual([expect.objectContaining({ action: 'member.create', actor: { name: 'Redaktören', roles: ['reader', 'editor', 'admin'] }, before: null, after: newActor('msb') })]);
  });

  it('accepts If-None-Match: * (the same as nothing: create only)', async () => {
    const response = await api.post('/members', { json: newActor('folkhalsomyndigheten'), headers: { 'if-none-match': '*' } });
    expect(response.status).toBe(201);
  });

  it('refuses an existing id with 409 and the stored member, changing nothing', async () => {
    const before = await memberWithEtag('nacka');
    const response = await api.post('/members', { json: { ...newActor('nacka') } });
    expect(response.status).toBe(409);
    expect(asRecord(response.body)).toMatchObject({ status: 409, current: before });
    expect(await memberWithEtag('nacka')).toEqual(before);
  });

  it('refuses a second member with the same municipality code (409, path municipalityCode)', async () => {
    const response = await api.post('/members', {
      json: { id: 'nacka-2', name: 'Nacka igen', kind: 'municipality', feeClass: 'municipality', municipalityCode: '0182', cluster: 'Mitt', joinedOn: '2026-01-01' },
    });
    expect(response.status).toBe(409);
    expect(asRecord(response.body).errors).toEqual([{ path: 'municipalityCode', message: expect.stringContaining('Nacka') as unknown }]);
    expect((await api.get('/members/nacka-2')).status).toBe(404);
  });

  it.each([
    ['a municipality without code and cluster', { id: 'ny-kommun', name: 'Ny', kind: 'municipality', feeClass: 'municipality', joinedOn: '2026-01-01' }, ['municipalityCode', 'cluster']],
    ['an actor with the municipal fee class', { ...newActor('x-1'), feeClass: 'municipality' }, ['feeClass']],
    ['an impossible date', { ...newActor('x-2'), joinedOn: '2026-02-30' }, ['joinedOn']],
    ['a bad organisation number (Luhn)', { ...newActor('x-3'), organisationNumber: '212000-0143' }, ['organisationNumber']],
    ['notice before joining', { ...newActor('x-4'), noticeGivenOn: '2025-06-30' }, ['noticeGivenOn']],
    ['a missing name', { id: 'x-5', kind: 'actor', feeClass: 'single', joinedOn: '2026-01-01' }, ['name']],
  ])('refuses %s with 400 and the field paths, in Swedish', async (_label, member, paths) => {
    const response = await api.post('/members', { json: member });
    expect(response.status).toBe(400);
    const body = asRecord(response.body);
    expect(body).toMatchObject({ type: 'urn:ssr:problem:validation', status: 400, title: 'Ogiltig begäran' });
    const errors = body.errors as { path: string; message: string }[];
    expect(errors.map((error) => error.path).sort()).toEqual([...paths].sort());
    for (const error of errors) expect(error.message).toMatch(/[a-zåäö]/i);
    expect((await api.get(`/members/${String((member as { id: string }).id)}`)).status).toBe(404);
  });

  it('refuses what is not JSON: 400 for broken JSON, 415 for another content type, 413 above 1 MB', async () => {
    const broken = await api.post('/members', { raw: '{"id": "x",', headers: { 'content-type': 'application/json' } });
    expect(broken.status).toBe(400);
    expect(asRecord(broken.body).errors).toEqual([{ path: '', message: 'Kroppen är inte giltig JSON.' }]);

    const form = await api.post('/members', { raw: 'id=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(415);
    expect(asRecord(form.body)).toMatchObject({ status: 415, type: 'urn:ssr:problem:unsupported-media-type' });

    const huge = await api.post('/members', { json: { ...newActor('x-6'), name: 'x'.repeat(1_100_000) } });
    expect(huge.status).toBe(413);
    expect(asRecord(huge.body)).toMatchObject({ status: 413 });
  });

  it('needs the editor role: a reader principal gets 403', async () => {
    const response = await api.post('/members', { json: newActor('x-7'), headers: principalHeader(['SSR.Reader']) });
    expect(response.status).toBe(403);
    expect(asRecord(response.body)).toMatchObject({ status: 403, title: 'Behörighet saknas' });
    expect((await api.get('/members/x-7')).status).toBe(404);
  });
});

describe('PUT /members/{id}', () => {
  it('replaces a member on its etag; a member from GET can be sent back as it is', async () => {
    const current = await memberWithEtag('vaxholm');
    const response = await api.put('/members/vaxholm', { json: { ...current, invoiceReference: 'Ekonomi 123' }, headers: { 'if-match': current.etag } });
    expect(response.status).toBe(200);
    const body = asRecord(response.body);
    expect(body).toMatchObject({ id: 'vaxholm', invoiceReference: 'Ekonomi 123' });
    expect(body.etag).not.toBe(current.etag);
    expect(await memberWithEtag('vaxholm')).toEqual(body);
    const { etag: _etag, ...before } = current;
    expect(await auditFor('members/vaxholm')).toEqual([
      expect.objectContaining({ action: 'member.replace', before, after: { ...before, invoiceReference: 'Ekonomi 123' } }),
    ]);
  });

  it('answers 428 without If-Match (and for If-Match: *), changing nothing', async () => {
    const current = await memberWithEtag('ekero');
    for (const headers of [{}, { 'if-match': '*' }] as Record<string, string>[]) {
      const response = await api.put('/members/ekero', { json: { ...current, name: 'Ekerö kommun' }, headers });
      expect(response.status).toBe(428);
      expect(asRecord(response.body)).toMatchObject({ status: 428, type: 'urn:ssr:problem:if-match-required' });
    }
    expect(await memberWithEtag('ekero')).toEqual(current);
  });

  it('answers 412 with the current member for a stale etag', async () => {
    const first = await memberWithEtag('salem');
    const changed = await api.put('/members/salem', { json: { ...first, invoiceReference: 'A' }, headers: { 'if-match': first.etag } });
    expect(changed.status).toBe(200);
    const stale = await api.put('/members/salem', { json: { ...first, invoiceReference: 'B' }, headers: { 'if-match': first.etag } });
    expect(stale.status).toBe(412);
    expect(asRecord(stale.body)).toMatchObject({ status: 412, current: changed.body });
    expect(stale.headers.get('etag')).toBe(asRecord(changed.body).etag);
    expect((await memberWithEtag('salem')).invoiceReference).toBe('A');
  });

  it('treats a malformed etag as stale (412), not as an error', async () => {
    const current = await memberWithEtag('solna');
    const response = await api.put('/members/solna', { json: current, headers: { 'if-match': 'nonsense' } });
    expect(response.status).toBe(412);
    expect(asRecord(response.body).current).toEqual(current);
  });

  it('answers 404 for a member that does not exist', async () => {
    const response = await api.put('/members/atlantis', { json: newActor('atlantis'), headers: { 'if-match': '"x"' } });
    expect(response.status).toBe(404);
  });

  it('refuses a body whose id differs from the address (400, path id)', async () => {
    const current = await memberWithEtag('lidingo');
    const response = await api.put('/members/lidingo', { json: { ...current, id: 'danderyd' }, headers: { 'if-match': current.etag } });
    expect(response.status).toBe(400);
    expect(asRecord(response.body).errors).toEqual([{ path: 'id', message: expect.stringContaining('danderyd') as unknown }]);
  });

  it('refuses invalid data with 400 and leaves the member unchanged', async () => {
    const current = await memberWithEtag('taby');
    const response = await api.put('/members/taby', { json: { ...current, cluster: 'Öst' }, headers: { 'if-match': current.etag } });
    expect(response.status).toBe(400);
    expect(asRecord(response.body).errors).toEqual([{ path: 'cluster', message: 'Kluster ska vara Norr, Mitt, Syd eller Stockholms stad.' }]);
    expect(await memberWithEtag('taby')).toEqual(current);
  });

  it('needs the editor role (reader 403); an editor principal may', async () => {
    const current = await memberWithEtag('sigtuna');
    const reader = await api.put('/members/sigtuna', { json: current, headers: { 'if-match': current.etag, ...principalHeader(['SSR.Reader']) } });
    expect(reader.status).toBe(403);
    const editor = await api.put('/members/sigtuna', { json: current, headers: { 'if-match': current.etag, ...principalHeader(['SSR.Editor'], 'Eva Editor') } });
    expect(editor.status).toBe(200);
    expect((await auditFor('members/sigtuna'))[0]?.actor.name).toBe('Eva Editor');
  });
});

describe('DELETE /members/{id}', () => {
  it('removes a member on its etag (admin): 204, then 404, audited with the member before', async () => {
    await api.post('/members', { json: newActor('felinlagd') });
    const current = await memberWithEtag('felinlagd');
    const response = await api.delete('/members/felinlagd', { headers: { 'if-match': current.etag } });
    expect(response.status).toBe(204);
    expect(response.text).toBe('');
    expect((await api.get('/members/felinlagd')).status).toBe(404);
    expect((asRecord((await api.get('/members')).body).members as { id: string }[]).some((member) => member.id === 'felinlagd')).toBe(false);
    const { etag: _etag, ...before } = current;
    expect((await auditFor('members/felinlagd')).map((entry) => [entry.action, entry.before, entry.after])).toEqual([
      ['member.create', null, newActor('felinlagd')],
      ['member.delete', before, null],
    ]);
  });

  it('lets a removed id be created again', async () => {
    await api.post('/members', { json: newActor('tillbaka') });
    const current = await memberWithEtag('tillbaka');
    expect((await api.delete('/members/tillbaka', { headers: { 'if-match': current.etag } })).status).toBe(204);
    const again = await api.post('/members', { json: { ...newActor('tillbaka'), name: 'Tillbaka igen' } });
    expect(again.status).toBe(201);
    expect((await memberWithEtag('tillbaka')).name).toBe('Tillbaka igen');
  });

  it('answers 428 without If-Match, 412 with a stale one, 404 when gone, 403 for an editor', async () => {
    await api.post('/members', { json: newActor('kvar') });
    const first = await memberWithEtag('kvar');
    expect((await api.delete('/members/kvar')).status).toBe(428);
    await api.put('/members/kvar', { json: { ...first, name: 'Kvar ändå' }, headers: { 'if-match': first.etag } });
    const stale = await api.delete('/members/kvar', { headers: { 'if-match': first.etag } });
    expect(stale.status).toBe(412);
    expect(asRecord(asRecord(stale.body).current).name).toBe('Kvar ändå');
    const now = await memberWithEtag('kvar');
    const editor = await api.delete('/members/kvar', { headers: { 'if-match': now.etag, ...principalHeader(['SSR.Editor']) } });
    expect(editor.status).toBe(403);
    expect((await memberWithEtag('kvar')).name).toBe('Kvar ändå');
    expect((await api.delete('/members/atlantis', { headers: { 'if-match': now.etag } })).status).toBe(404);
  });
});

describe('GET /audit', () => {
  it('gives the entries oldest first, no more than limit, from since on', async () => {
    const all = asRecord((await api.get('/audit')).body).entries as { id: string; at: string; action: string }[];
    expect(all.length).toBeGreaterThan(3);
    expect(all[0]?.action).toBe('register.seed');
    const two = await api.get('/audit?limit=2');
    expect(two.status).toBe(200);
    expect((asRecord(two.body).entries as { id: string }[]).map((entry) => entry.id)).toEqual(all.slice(0, 2).map((entry) => entry.id));
    const third = all[2];
    if (third === undefined) throw new Error('expected a third audit entry');
    const fromThird = await api.get(`/audit?since=${encodeURIComponent(third.at)}&limit=1`);
    expect((asRecord(fromThird.body).entries as { id: string }[]).map((entry) => entry.id)).toEqual([
      all.find((entry) => entry.at >= third.at)?.id,
    ]);
  });
});

describe('PUT /members/{id}: R7 a change of fee class or cluster applies from a year and keeps earlier years', () => {
  const lineOf = (schedule: unknown, id: string) => (asRecord(schedule).lines as { memberId: string; feeClass: string; amountOre: number }[]).find((line) => line.memberId === id);
  const invoiceOf = (list: unknown, id: string) => (asRecord(list).lines as { memberId: string; amountOre: number; basis: string }[]).find((line) => line.memberId === id);

  it('Kustbevakningen double from 2025: the fees and invoices of 2024 are unchanged, 2025 on is double; the member and the snapshot carry the history', async () => {
    const fees2024 = (await api.get('/fees?year=2024')).body;
    const invoices2024 = (await api.get('/invoices?year=2024')).body;
    expect(lineOf(fees2024, 'kustbevakningen')).toMatchObject({ feeClass: 'single', amountOre: 28_000_000 });

    const current = await memberWithEtag('kustbevakningen');
    const response = await api.put('/members/kustbevakningen', { json: { ...current, feeClass: 'double', changesFrom: 2025 }, headers: { 'if-match': current.etag } });
    expect(response.status).toBe(200);
    expect(asRecord(response.body)).toMatchObject({ feeClass: 'double', earlierTerms: [{ untilYear: 2024, feeClass: 'single' }] });
    expect(asRecord(response.body)).not.toHaveProperty('changesFrom');

    expect((await api.get('/fees?year=2024')).body).toEqual(fees2024);
    expect((await api.get('/invoices?year=2024')).body).toEqual(invoices2024);
    expect(invoiceOf(invoices2024, 'kustbevakningen')).toMatchObject({ amountOre: 28_000_000 });
    expect(lineOf((await api.get('/fees?year=2025&mode=estimate')).body, 'kustbevakningen')).toMatchObject({ feeClass: 'double', amountOre: 56_000_000 });
    expect(asRecord((await api.get('/fees/kustbevakningen?year=2030')).body).amountOre).toBe(56_000_000);

    const snapshot = asRecord((await api.get('/snapshot')).body);
    expect((snapshot.members as { id: string }[]).find((member) => member.id === 'kustbevakningen')).toMatchObject({
      feeClass: 'double',
      earlierTerms: [{ untilYear: 2024, feeClass: 'single' }],
    });
    const { etag: _etag, ...before } = current;
    expect((await auditFor('members/kustbevakningen')).at(-1)).toMatchObject({ before, after: { ...before, feeClass: 'double', earlierTerms: [{ untilYear: 2024, feeClass: 'single' }] } });
  });

  it('Järfälla from Mitt to Norr from 2025: the cluster totals of 2024 are unchanged, 2025 on counts it in Norr', async () => {
    const income = async (year: number) => asRecord(asRecord((await api.get(`/budget?year=${year}&mode=estimate`)).body).income);
    const [before2024, before2025] = [await income(2024), await income(2025)];
    const jarfalla2025 = asRecord((await api.get('/fees/jarfalla?year=2025&mode=estimate')).body).amountOre as number;

    const current = await memberWithEtag('jarfalla');
    const response = await api.put('/members/jarfalla', { json: { ...current, cluster: 'Norr', changesFrom: 2025 }, headers: { 'if-match': current.etag } });
    expect(response.status).toBe(200);

    expect(await income(2024)).toEqual(before2024);
    const after2025 = await income(2025);
    expect(after2025.Norr).toBe((before2025.Norr as number) + jarfalla2025);
    expect(after2025.Mitt).toBe((before2025.Mitt as number) - jarfalla2025);
    expect(after2025.all).toBe(before2025.all);
  });

  it('refuses a change of class without changesFrom, or from a year the history covers (400 naming the field), changing nothing', async () => {
    const current = await memberWithEtag('sos-alarm');
    const missing = await api.put('/members/sos-alarm', { json: { ...current, feeClass: 'double' }, headers: { 'if-match': current.etag } });
    expect(missing.status).toBe(400);
    expect(asRecord(missing.body).errors).toEqual([{ path: 'changesFrom', message: expect.stringContaining('changesFrom') as unknown }]);
    expect(await memberWithEtag('sos-alarm')).toEqual(current);

    const first = await api.put('/members/sos-alarm', { json: { ...current, feeClass: 'double', changesFrom: 2027 }, headers: { 'if-match': current.etag } });
    expect(first.status).toBe(200);
    const changed = await memberWithEtag('sos-alarm');
    const rewrite = await api.put('/members/sos-alarm', { json: { ...changed, feeClass: 'single', changesFrom: 2026 }, headers: { 'if-match': changed.etag } });
    expect(rewrite.status).toBe(400);
    expect(asRecord(rewrite.body).errors).toEqual([{ path: 'changesFrom', message: expect.stringContaining('2026') as unknown }]);
    const bad = await api.put('/members/sos-alarm', { json: { ...changed, feeClass: 'single', changesFrom: 'nästa år' }, headers: { 'if-match': changed.etag } });
    expect(bad.status).toBe(400);
    expect((asRecord(bad.body).errors as { path: string }[]).map((error) => error.path)).toEqual(['changesFrom']);
    expect(await memberWithEtag('sos-alarm')).toEqual(changed);
  });

  it('keeps the stored history when an edit leaves it out, and refuses one that differs from it', async () => {
    const current = await memberWithEtag('stockholms-hamnar');
    await api.put('/members/stockholms-hamnar', { json: { ...current, feeClass: 'double', changesFrom: 2026 }, headers: { 'if-match': current.etag } });
    const changed = await memberWithEtag('stockholms-hamnar');
    const { earlierTerms: history, ...withoutHistory } = changed;
    expect(history).toEqual([{ untilYear: 2025, feeClass: 'single' }]);

    const renamed = await api.put('/members/stockholms-hamnar', { json: { ...withoutHistory, name: 'Stockholms Hamnar AB' }, headers: { 'if-match': changed.etag } });
    expect(renamed.status).toBe(200);
    expect(asRecord(renamed.body)).toMatchObject({ name: 'Stockholms Hamnar AB', earlierTerms: history });

    const now = await memberWithEtag('stockholms-hamnar');
    const rewritten = await api.put('/members/stockholms-hamnar', { json: { ...now, earlierTerms: [] }, headers: { 'if-match': now.etag } });
    expect(rewritten.status).toBe(400);
    expect((asRecord(rewritten.body).errors as { path: string }[]).map((error) => error.path)).toEqual(['earlierTerms']);
    expect(await memberWithEtag('stockholms-hamnar')).toEqual(now);
  });

  it('refuses a change of kind after the joining year (400, path kind); POST takes a member with its history', async () => {
    const current = await memberWithEtag('brandkaren-attunda');
    const { etag: _etag, ...actor } = current;
    const asMunicipality = { ...actor, kind: 'municipality', feeClass: 'municipality', municipalityCode: '0199', cluster: 'Norr', changesFrom: 2026 };
    const response = await api.put('/members/brandkaren-attunda', { json: asMunicipality, headers: { 'if-match': current.etag } });
    expect(response.status).toBe(400);
    expect((asRecord(response.body).errors as { path: string }[]).map((error) => error.path)).toEqual(['kind']);

    const recorded = { ...newActor('efterhand'), joinedOn: '2026-01-01', feeClass: 'double', earlierTerms: [{ untilYear: 2027, feeClass: 'single' }] };
    const created = await api.post('/members', { json: recorded });
    expect(created.status).toBe(201);
    expect(asRecord(created.body)).toMatchObject(recorded);
    expect(asRecord((await api.get('/fees/efterhand?year=2027')).body).amountOre).toBe(28_000_000);
    expect(asRecord((await api.get('/fees/efterhand?year=2028')).body).amountOre).toBe(56_000_000);
  });
});

describe('R1/R10 code claims in a register stored before they were kept', () => {
  it('are created at start for every member with a code, so the code is held by the write from then on', async () => {
    const table = TableClient.fromConnectionString(stack.azurite.connectionString, 'ssrmembers', { allowInsecureConnection: true });
    const claimRows = async () => {
      const rows = new Map<string, string>();
      for await (const row of table.listEntities<Record<string, unknown>>({ queryOptions: { filter: "RowKey ge '~code~' and RowKey lt '~code~~'" } })) {
        rows.set(String(row.rowKey), String(row.d0));
      }
      return rows;
    };
    const before = await claimRows();
    expect(before.get('~code~0182')).toBe(JSON.stringify({ memberId: 'nacka' }));
    // A register as stored before: no claim rows.
    for (const rowKey of before.keys()) await table.deleteEntity('member', rowKey);
    expect((await claimRows()).size).toBe(0);

    const restarted = await startStack({ azurite: stack.azurite, devUser: 'Redaktören' });
    try {
      const after = await claimRows();
      const members = asRecord((await apiClient(restarted.apiUrl).get('/members')).body).members as { id: string; municipalityCode?: string }[];
      const withCode = members.filter((member) => member.municipalityCode !== undefined);
      expect(after.size).toBe(withCode.length);
      for (const member of withCode) expect(after.get(`~code~${member.municipalityCode ?? ''}`)).toBe(JSON.stringify({ memberId: member.id }));
      const taken = await apiClient(restarted.apiUrl).post('/members', {
        json: { id: 'nacka-2', name: 'Nacka igen', kind: 'municipality', feeClass: 'municipality', municipalityCode: '0182', cluster: 'Mitt', joinedOn: '2026-01-01' },
      });
      expect(taken.status).toBe(409);
      expect(asRecord(taken.body).type).toBe('urn:ssr:problem:duplicate-municipality');
    } finally {
      await restarted.stop();
    }
  });
});
