import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stack } from '../support/stack';
import { startStack } from '../support/stack';
import { startAzurite } from '../support/azurite';
import { apiClient, asRecord } from '../support/http';

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'ssr-azurite-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** A request that must not hang: it is cut off after 5 s, which fails the test. */
const withinFiveSeconds = () => ({ signal: AbortSignal.timeout(5_000) });

describe('storage unreachable', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ azurite: { location: join(folder, 'outage') } });
  });
  afterAll(async () => {
    await stack.stop();
  });

  it('answers 503 problem+json while storage is down, and the same requests succeed once it is back', async () => {
    const api = apiClient(stack.apiUrl);
    const before = await api.get('/members/nacka');
    expect(before.status).toBe(200);

    await stack.azurite.stop();
    const reads = await Promise.all(['/members/nacka', '/snapshot', '/fees?year=2024'].map((path) => api.get(path, withinFiveSeconds())));
    for (const read of reads) {
      expect(read.status).toBe(503);
      expect(read.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(asRecord(read.body)).toMatchObject({ status: 503, type: 'urn:ssr:problem:storage-unavailable', title: 'Lagringen svarar inte' });
    }
    const write = await api.put('/members/nacka', { json: { ...asRecord(before.body), name: 'Nacka under avbrott' }, headers: { 'if-match': String(asRecord(before.body).etag) }, ...withinFiveSeconds() });
    expect(write.status).toBe(503);
    const health = await api.get('/health', withinFiveSeconds());
    expect(health.status).toBe(503);
    expect(asRecord(health.body).checks).toEqual({ api: 'ok', storage: 'unreachable' });
    expect(health.headers.get('retry-after')).toBe('5');

    await stack.azurite.restart();
    const after = await api.get('/members/nacka', withinFiveSeconds());
    expect(after.status).toBe(200);
    expect(after.body).toEqual(before.body);
    expect((await api.get('/health')).status).toBe(200);
    const retried = await api.put('/members/nacka', { json: { ...asRecord(before.body), name: 'Nacka efter avbrott' }, headers: { 'if-match': String(asRecord(before.body).etag) } });
    expect(retried.status).toBe(200);
  });

  it('answers 503 instead of hanging when storage accepts connections but never answers', async () => {
    const api = apiClient(stack.apiUrl);
    expect((await api.get('/members/solna')).status).toBe(200);
    stack.azurite.pause();
    try {
      const hung = await api.get('/members/solna', withinFiveSeconds());
      expect(hung.status).toBe(503);
      expect(asRecord(hung.body)).toMatchObject({ type: 'urn:ssr:problem:storage-unavailable' });
    } finally {
      stack.azurite.resume();
    }
    expect((await api.get('/members/solna', withinFiveSeconds())).status).toBe(200);
  });

  it('sets the tables up again when storage comes back empty, without a restart of the API', async () => {
    const azurite = await startAzurite();
    const lost = await startStack({ azurite });
    try {
      const api = apiClient(lost.apiUrl);
      expect((await api.get('/members')).status).toBe(200);
      await azurite.restart(); // in memory: everything is gone
      const first = await api.get('/members', withinFiveSeconds());
      expect([200, 503]).toContain(first.status);
      const second = await api.get('/members', withinFiveSeconds());
      expect(second.status).toBe(200);
      expect(asRecord(second.body).members).toHaveLength(37);
    } finally {
      await lost.stop();
      await azurite.stop();
    }
  });
});

describe('persistence', () => {
  it('keeps what was written when Azurite stops and starts again on its data folder', async () => {
    const location = join(folder, 'persisted');
    const first = await startStack({ azurite: { location } });
    const api = apiClient(first.apiUrl);
    const created = await api.post('/members', { json: { id: 'bestandig', name: 'Beständig aktör', kind: 'actor', feeClass: 'double', joinedOn: '2025-01-01' } });
    expect(created.status).toBe(201);
    const year = asRecord((await api.get('/populations?year=2025')).body);
    const figures = [{ municipalityCode: '0180', year: 2025, population: 1_000_500, source: 'SCB' }];
    expect((await api.put('/populations/2025', { json: { figures }, headers: { 'if-match': String(year.etag) } })).status).toBe(200);
    const snapshot = await api.get('/snapshot');
    const audit = asRecord((await api.get('/audit')).body).entries;
    await first.stop();

    const second = await startStack({ azurite: { location } });
    try {
      const again = apiClient(second.apiUrl);
      expect((await again.get('/snapshot')).body).toEqual(snapshot.body);
      expect(asRecord((await again.get('/members/bestandig')).body)).toEqual(asRecord(created.body));
      expect(asRecord((await again.get('/populations?year=2025')).body).figures).toEqual(figures);
      // Not seeded twice: the register and its log are as they were.
      expect(asRecord((await again.get('/audit')).body).entries).toEqual(audit);
    } finally {
      await second.stop();
    }
  });
});
