import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../addin/src/api/client';
import { sv } from '../../addin/src/i18n/sv';
import { problemNotice } from '../../addin/src/pane/shell/notice';
import type { FreezingProxy, ProxiedStack } from '../support/freezing-proxy';
import { startProxiedStack } from '../support/freezing-proxy';
import type { ApiResponse } from '../support/http';
import { apiClient, asRecord } from '../support/http';
import type { Stack } from '../support/stack';

/**
 * Storage frozen mid-write: the transaction reaches storage and is carried out, but its
 * answer is held until every writer has given up. What the API said must then be true.
 */

let proxy: FreezingProxy;
let stack: Stack;
let started: ProxiedStack;

beforeAll(async () => {
  started = await startProxiedStack({ SSR_STORAGE_TIMEOUT_MS: '3000' });
  proxy = started.proxy;
  stack = started.stack;
});
afterAll(async () => {
  await started.stop();
});

interface Attempt {
  method: 'POST' | 'PUT';
  path: string;
  json: Record<string, unknown>;
  headers: Record<string, string>;
  /** The member id the write is about and the name it gives. */
  id: string;
  name: string;
}

const within = () => ({ signal: AbortSignal.timeout(30_000) });

describe('writes while storage is frozen mid-write', () => {
  it('never says "nothing changed" of a stored write, and a retry with the same Idempotency-Key gets the first result', async () => {
    const api = apiClient(stack.apiUrl);
    const listed = asRecord((await api.get('/members')).body).members as Record<string, unknown>[];
    const existing = listed.filter((member) => member.kind === 'actor' || member.kind === 'municipality').slice(0, 8);
    expect(existing).toHaveLength(8);

    const attempts: Attempt[] = [
      ...Array.from({ length: 8 }, (_, index): Attempt => {
        const id = `frusen-${index}`;
        const name = `Frusen aktör ${index}`;
        const json = { id, name, kind: 'actor', feeClass: 'double', joinedOn: '2025-01-01' };
        return { method: 'POST', path: '/members', json, headers: { 'idempotency-key': randomUUID() }, id, name };
      }),
      ...existing.map((member): Attempt => {
        const { etag, ...value } = member;
        const name = `${String(member.name)} (ändrad under frysning)`;
        const id = String(member.id);
        return { method: 'PUT', path: `/members/${id}`, json: { ...value, name }, headers: { 'if-match': String(etag), 'idempotency-key': randomUUID() }, id, name };
      }),
    ];
    const send = (attempt: Attempt): Promise<ApiResponse> => api.call(attempt.method, attempt.path, { json: attempt.json, headers: attempt.headers, ...within() });

    proxy.freezeOn('$batch');
    const first = await Promise.all(attempts.map(send));
    expect(proxy.frozen).toBe(true);
    proxy.thaw();

    const kinds = first.map((response) => (response.status < 300 ? 'done' : String(asRecord(response.body).type)));
    expect(kinds.every((kind) => ['done', 'urn:ssr:problem:storage-unavailable', 'urn:ssr:problem:outcome-unknown'].includes(kind))).toBe(true);
    // The write whose transaction was frozen cannot know its outcome.
    expect(kinds).toContain('urn:ssr:problem:outcome-unknown');

    const stored = new Map((asRecord((await api.get('/members', within())).body).members as Record<string, unknown>[]).map((member) => [String(member.id), member]));
    const isStored = (attempt: Attempt) => stored.get(attempt.id)?.name === attempt.name;
    first.forEach((response, index) => {
      const attempt = attempts[index];
      if (attempt === undefined) throw new Error('attempt missing');
      if (response.status === 503) {
        expect(asRecord(response.body).detail).toMatch(/Inget har ändrats/);
        expect(isStored(attempt), `${attempt.method} ${attempt.path} was answered "nothing changed" but is stored`).toBe(false);
      } else {
        expect(asRecord(response.body).detail ?? '').not.toMatch(/Inget har ändrats/);
      }
    });
    expect(attempts.some((attempt, index) => first[index]?.status === 504 && isStored(attempt))).toBe(true);

    // Every writer retries with its key: each gets a success, never its own write as a conflict.
    // (A busy machine may leave a retry's own outcome unknown; the writer then tries again.)
    const retry = async (attempt: Attempt): Promise<ApiResponse> => {
      let response = await send(attempt);
      for (let tries = 1; tries < 4 && (response.status === 503 || response.status === 504); tries += 1) response = await send(attempt);
      return response;
    };
    const retried = await Promise.all(attempts.map(retry));
    retried.forEach((response, index) => {
      const attempt = attempts[index];
      if (attempt === undefined) throw new Error('attempt missing');
      expect(response.status, `${attempt.method} ${attempt.path}: ${response.text}`).toBe(attempt.method === 'POST' ? 201 : 200);
      expect(asRecord(response.body)).toMatchObject({ id: attempt.id, name: attempt.name, etag: response.headers.get('etag') });
      const earlier = first[index];
      if (earlier !== undefined && earlier.status < 300) {
        expect(response.body).toEqual(earlier.body);
        expect(response.headers.get('etag')).toBe(earlier.headers.get('etag'));
      }
    });

    // The register holds each write once, with one audit entry each.
    const after = asRecord((await api.get('/members', within())).body).members as Record<string, unknown>[];
    for (const attempt of attempts) {
      expect(after.filter((member) => member.id === attempt.id).map((member) => member.name)).toEqual([attempt.name]);
    }
    const entries = asRecord((await api.get('/audit?limit=1000', within())).body).entries as Record<string, unknown>[];
    for (const attempt of attempts) {
      const action = attempt.method === 'POST' ? 'member.create' : 'member.replace';
      const matching = entries.filter((entry) => entry.action === action && entry.target === `members/${attempt.id}` && asRecord(entry.after).name === attempt.name);
      expect(matching, `audit entries for ${attempt.method} ${attempt.path}`).toHaveLength(1);
    }
  });
});

/**
 * Send a write twice with one Idempotency-Key: the second answer must be the first one again
 * (status, body, etag, location), not a conflict with it. Returns the first answer.
 */
async function sentTwice(method: 'POST' | 'PUT' | 'DELETE', path: string, json: unknown, headers: Record<string, string> = {}): Promise<ApiResponse> {
  const api = apiClient(stack.apiUrl);
  const keyed = { 'idempotency-key': randomUUID(), ...headers };
  const first = await api.call(method, path, { ...(json === undefined ? {} : { json }), headers: keyed });
  expect(first.status, first.text).toBeLessThan(300);
  const again = await api.call(method, path, { ...(json === undefined ? {} : { json }), headers: keyed });
  expect(again.status).toBe(first.status);
  expect(again.body).toEqual(first.body);
  expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
  expect(again.headers.get('location')).toBe(first.headers.get('location'));
  return first;
}

describe('Idempotency-Key', () => {
  it('answers a repeated write with the first result, not with a conflict against it', async () => {
    const api = apiClient(stack.apiUrl);
    const member = { id: 'upprepad', name: 'Upprepad aktör', kind: 'actor', feeClass: 'single', joinedOn: '2025-01-01' };
    const created = await sentTwice('POST', '/members', member);
    expect(created.status).toBe(201);
    // Without the key the same request is a new one, and the id is taken.
    expect((await api.post('/members', { json: member })).status).toBe(409);

    expect((await sentTwice('DELETE', '/members/upprepad', undefined, { 'if-match': String(created.headers.get('etag')) })).status).toBe(204);

    const year = asRecord((await api.get('/populations?year=2025')).body);
    const figures = [{ municipalityCode: '0180', year: 2025, population: 1_000_123, source: 'SCB' }];
    expect((await sentTwice('PUT', '/populations/2025', { figures }, { 'if-match': String(year.etag) })).status).toBe(200);
  });

  it('answers a repeated fee rule proposal and reimbursement claim with the first result', async () => {
    const rule = { id: 'upprepad-regel', effectiveFrom: 2031, perInhabitantOre: 1_000, singleFeeOre: 1_000_000, doubleFeeOre: 2_000_000, populationYearOffset: 1, approvals: [] };
    expect((await sentTwice('POST', '/fee-rules', rule)).status).toBe(201);
    const claim = { id: 'upprepat-ansprak', memberId: 'nacka', function: 'RSIB', periodStart: '2025-01-01', periodEnd: '2025-03-31', amountOre: 100_000, note: 'Första kvartalet' };
    expect((await sentTwice('POST', '/reimbursements', claim)).status).toBe(201);
  });

  it('refuses a key used for another request (422) and a malformed key (400), and leaves storage unchanged', async () => {
    const api = apiClient(stack.apiUrl);
    const key = { 'idempotency-key': `nyckel-${randomUUID()}` };
    const member = { id: 'nyckelprov', name: 'Nyckelprov', kind: 'actor', feeClass: 'single', joinedOn: '2025-01-01' };
    expect((await api.post('/members', { json: member, headers: key })).status).toBe(201);
    const reused = await api.post('/members', { json: { ...member, id: 'nyckelprov-2' }, headers: key });
    expect(reused.status).toBe(422);
    expect(asRecord(reused.body)).toMatchObject({ type: 'urn:ssr:problem:idempotency-key-reused' });
    expect((await api.get('/members/nyckelprov-2')).status).toBe(404);

    for (const bad of ['', ' ', 'x'.repeat(201), 'nyckel\u00e5']) {
      const refused = await api.post('/members', { json: { ...member, id: 'nyckelprov-3' }, headers: { 'idempotency-key': bad } });
      expect(refused.status, JSON.stringify(bad)).toBe(400);
      expect(asRecord(refused.body).errors).toEqual([expect.objectContaining({ path: 'header.Idempotency-Key' })]);
    }
    expect((await api.get('/members/nyckelprov-3')).status).toBe(404);
  });
});

describe("the pane's API client", () => {
  it('sends one key per action and the same key again when the answer is lost, so the action is done once', async () => {
    const keys: (string | null)[] = [];
    let dropNext = true;
    const losingFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      keys.push(new Headers(init?.headers).get('idempotency-key'));
      const response = await fetch(input, init);
      if (!dropNext) return response;
      dropNext = false;
      await response.arrayBuffer();
      throw new TypeError('fetch failed: the connection was lost');
    };
    const client = createApiClient({ baseUrl: stack.apiUrl, fetch: losingFetch });
    const member = { id: 'panelens', name: 'Panelens aktör', kind: 'actor', feeClass: 'single', joinedOn: '2025-01-01' } as const;
    const created = await client.createMember(member);
    if (!created.ok) throw new Error(created.problem.detail);
    expect(created.value.member).toEqual(member);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);

    const updated = await client.updateMember({ ...member, name: 'Panelens aktör, ändrad' }, created.value.etag);
    expect(updated.ok).toBe(true);
    expect(keys).toHaveLength(3);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it('says, in the pane’s language, that a write may have been saved when its retry is lost too; a read that gets no answer says the API did not answer', async () => {
    const keys: (string | null)[] = [];
    // Every answer is lost, after storage has taken the write.
    const losingFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      keys.push(new Headers(init?.headers).get('idempotency-key'));
      await (await fetch(input, init)).arrayBuffer();
      throw new TypeError('fetch failed');
    };
    const client = createApiClient({ baseUrl: stack.apiUrl, fetch: losingFetch });
    const member = { id: 'tappad', name: 'Tappad aktör', kind: 'actor', feeClass: 'single', joinedOn: '2025-01-01' } as const;
    const created = await client.createMember(member);
    if (created.ok) throw new Error('every answer was lost, yet the write reads as done');
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    const notice = problemNotice(created.problem, sv);
    expect(notice).toMatchObject({ title: 'Vi vet inte om ändringen sparades', body: 'Ändringen skickades två gånger utan att API:t svarade.', action: sv.problems.outcomeUnknownAction });
    // It was saved, once: the notice told the truth.
    expect((await apiClient(stack.apiUrl).get('/members/tappad')).status).toBe(200);

    const read = await client.listMembers();
    if (read.ok) throw new Error('every answer was lost, yet the read succeeded');
    expect(problemNotice(read.problem, sv)).toMatchObject({ title: 'Ingen kontakt med API:t', body: 'API:t svarade inte.' });
  });

  it('documents Idempotency-Key on every write route', async () => {
    const document = asRecord((await apiClient(stack.apiUrl).get('/openapi.json')).body);
    const paths = asRecord(document.paths);
    const writes = Object.values(paths).flatMap((item) => Object.entries(asRecord(item)).filter(([method]) => ['post', 'put', 'delete'].includes(method)));
    expect(writes.length).toBeGreaterThan(0);
    for (const [, operation] of writes) {
      expect(asRecord(operation).parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: false }));
    }
  });
});
