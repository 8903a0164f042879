import { TableClient } from '@azure/data-tables';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { toDocumentEntity } from '../../functions/src/storage/documents';
import type { Azurite } from '../support/azurite';
import type { FreezingProxy, ProxiedStack } from '../support/freezing-proxy';
import { startProxiedStack } from '../support/freezing-proxy';
import { apiClient, asRecord } from '../support/http';
import type { Stack } from '../support/stack';
import { touchRegisterVersion } from '../support/stack';

/** What storage refuses, and what it cannot hold, is answered in its own class, never "try again". */

let azurite: Azurite;
let proxy: FreezingProxy;
let stack: Stack;
let started: ProxiedStack;

beforeAll(async () => {
  started = await startProxiedStack();
  azurite = started.azurite;
  proxy = started.proxy;
  stack = started.stack;
});
afterAll(async () => {
  await started.stop();
});

const actor = (id: string, name: string) => ({ id, name, kind: 'actor', feeClass: 'single', joinedOn: '2025-01-01' });

describe('sizes counted in bytes', () => {
  it('answers 413 naming the field when a population year grows beyond what storage holds in UTF-8, and keeps the year as it was', async () => {
    const api = apiClient(stack.apiUrl);
    const source = '€'.repeat(200); // 200 UTF-16 units, 600 bytes in UTF-8
    const figure = (code: number) => ({ municipalityCode: String(code).padStart(4, '0'), year: 2026, population: 1000 + code, source });
    const batches = [400, 400, 400, 400, 50].map((size, index) => Array.from({ length: size }, (_, offset) => figure(index * 400 + offset)));
    // All the figures together fit the old limit in UTF-16 units but not an entity's 1 MiB in UTF-8.
    const whole = JSON.stringify(batches.flat());
    expect(whole.length).toBeLessThan(450_000);
    expect(Buffer.byteLength(whole)).toBeGreaterThan(1024 * 1024);

    let last = asRecord((await api.get('/populations?year=2026')).body);
    let refused: Record<string, unknown> | undefined;
    for (const figures of batches) {
      const response = await api.put('/populations/2026', { json: { figures }, headers: { 'if-match': String(last.etag) } });
      if (response.status !== 200) {
        expect(response.status, response.text).toBe(413);
        expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        refused = asRecord(response.body);
        break;
      }
      last = asRecord(response.body);
    }
    expect(refused).toMatchObject({ type: 'urn:ssr:problem:too-large', errors: [{ path: 'figures[*].source' }] });
    expect(String(refused?.detail)).toMatch(/byte/);
    expect((await api.get('/populations?year=2026')).body).toEqual(last);
  });
});

describe('characters the store cannot hold', () => {
  const unstorable: [string, string][] = [
    ['U+2028', '\u2028'],
    ['U+2029', '\u2029'],
    ['U+0000', '\u0000'],
    ['U+0001', '\u0001'],
    ['U+001F', '\u001f'],
    ['U+FFFE', '\ufffe'],
    ['U+FFFF', '\uffff'],
    ['U+D800', '\ud800'],
    ['U+DC00', '\udc00'],
  ];

  it.each(unstorable)('refuses %s in a member name with 400 naming the field, on create and on update', async (label, char) => {
    const api = apiClient(stack.apiUrl);
    const id = `tecken-${label.slice(2).toLowerCase()}`;
    const created = await api.post('/members', { json: actor(id, `Kommun${char}förbund`) });
    expect(created.status, created.text).toBe(400);
    expect(asRecord(created.body).errors).toEqual([{ path: 'name', message: expect.stringMatching(new RegExp(`^Namnet .*${label.replace('+', '\\+')}`)) as unknown }]);
    expect((await api.get(`/members/${id}`)).status).toBe(404);

    const stored = await api.post('/members', { json: actor(id, 'Kommunförbund') });
    expect(stored.status).toBe(201);
    const updated = await api.put(`/members/${id}`, { json: actor(id, `Kommun${char}förbund`), headers: { 'if-match': String(stored.headers.get('etag')) } });
    expect(updated.status).toBe(400);
    expect(asRecord(updated.body).errors).toEqual([{ path: 'name', message: expect.stringContaining(label) as unknown }]);
    expect((await api.get(`/members/${id}`)).body).toEqual(stored.body);
  });

  it.each(unstorable)('refuses %s in a population source with 400 naming the figure', async (label, char) => {
    const api = apiClient(stack.apiUrl);
    const year = asRecord((await api.get('/populations?year=2027')).body);
    const figures = [
      { municipalityCode: '0180', year: 2027, population: 1000, source: 'SCB' },
      { municipalityCode: '0181', year: 2027, population: 1000, source: `SC${char}B` },
    ];
    const response = await api.put('/populations/2027', { json: { figures }, headers: { 'if-match': String(year.etag) } });
    expect(response.status).toBe(400);
    expect(asRecord(response.body).errors).toEqual([{ path: 'figures[1].source', message: expect.stringMatching(new RegExp(`^Källan .*${label.replace('+', '\\+')}`)) as unknown }]);
    expect((await api.get('/populations?year=2027')).body).toEqual(year);
  });

  it('stores what it can hold: emoji, tabs and line breaks, letters of any script', async () => {
    const api = apiClient(stack.apiUrl);
    const name = 'Förbund 😀\tΑθήνα\nКиїв ﷽';
    const created = await api.post('/members', { json: actor('tecken-ok', name) });
    expect(created.status, created.text).toBe(201);
    expect(asRecord((await api.get('/members/tecken-ok')).body).name).toBe(name);
  });
});

describe('rows stored before such characters were refused', () => {
  it('are read with the characters replaced, so the register and its snapshot still load', async () => {
    const client = TableClient.fromConnectionString(azurite.connectionString, 'ssrmembers', { allowInsecureConnection: true });
    const member = actor('gammal-rad', 'Gammal\u2028rad\u0001med\ud800tecken');
    await client.upsertEntity(toDocumentEntity('member', member.id, member), 'Replace');
    await touchRegisterVersion(azurite.connectionString);
    const api = apiClient(stack.apiUrl);
    const read = await api.get('/members/gammal-rad');
    expect(read.status, read.text).toBe(200);
    expect(asRecord(read.body).name).toBe('Gammal rad\ufffdmed\ufffdtecken');
    expect((await api.get('/snapshot')).status).toBe(200);
    expect((await api.get('/members')).status).toBe(200);
  });
});

describe('refusals storage gives', () => {
  it('answers a refusal the API does not know with 500 problem+json whose correlation id is in the log, not "try again"', async () => {
    const api = apiClient(stack.apiUrl);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      proxy.refuseOn('$batch', 400, 'InvalidInput');
      const response = await api.post('/members', { json: actor('avvisad', 'Avvisad aktör') });
      expect(response.status).toBe(500);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(response.headers.get('retry-after')).toBeNull();
      const body = asRecord(response.body);
      expect(body).toMatchObject({ status: 500, type: 'urn:ssr:problem:internal' });
      expect(body.correlationId).toEqual(expect.any(String));
      expect(String(body.detail)).toContain(String(body.correlationId));
      expect(String(body.detail)).not.toMatch(/försök igen om en stund/);
      expect(logged.mock.calls.some((call) => call.map(String).join(' ').includes(String(body.correlationId)))).toBe(true);
    } finally {
      logged.mockRestore();
    }
    expect((await api.get('/members/avvisad')).status).toBe(404);
  });

  it('answers a size refusal with 413 and a 5xx on a transaction as an unknown outcome', async () => {
    const api = apiClient(stack.apiUrl);
    proxy.refuseOn('$batch', 400, 'EntityTooLarge');
    const tooLarge = await api.post('/members', { json: actor('for-stor', 'För stor aktör') });
    expect(tooLarge.status).toBe(413);
    expect(asRecord(tooLarge.body)).toMatchObject({ type: 'urn:ssr:problem:too-large', errors: [{ path: 'name' }] });

    proxy.refuseOn('$batch', 500, 'InternalError');
    const unknown = await api.post('/members', { json: actor('okand', 'Okänd aktör') });
    expect(unknown.status).toBe(504);
    expect(asRecord(unknown.body)).toMatchObject({ type: 'urn:ssr:problem:outcome-unknown' });
    expect(String(asRecord(unknown.body).detail)).not.toMatch(/Inget har ändrats/);
  });
});
