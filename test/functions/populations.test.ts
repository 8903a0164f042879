import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TableClient } from '@azure/data-tables';
import { SEED_POPULATIONS } from '@ssr/shared';
import { SYSTEM_USER } from '../../functions/src/audit';
import { loadConfig } from '../../functions/src/config';
import { toDocumentEntity } from '../../functions/src/storage/documents';
import { openStore } from '../../functions/src/storage/store';
import { TABLES, Tables } from '../../functions/src/storage/tables';
import type { Stack } from '../support/stack';
import { startStack, touchRegisterVersion } from '../support/stack';
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

interface Figure {
  municipalityCode: string;
  year: number;
  population: number;
  source: string;
}

async function yearOf(year: number): Promise<{ figures: Figure[]; etag: string }> {
  const response = await api.get(`/populations?year=${year}`);
  expect(response.status).toBe(200);
  const body = asRecord(response.body);
  expect(body.year).toBe(year);
  expect(response.headers.get('etag')).toBe(body.etag);
  return { figures: body.figures as Figure[], etag: String(body.etag) };
}

const figure = (municipalityCode: string, year: number, population: number): Figure => ({ municipalityCode, year, population, source: 'SCB BE0101N1, export 2026-03-20' });

describe('GET /populations?year=Y', () => {
  it('gives the seeded figures of 31 Dec 2023 (all 26) and 2024 (20), each with its source', async () => {
    const y2023 = await yearOf(2023);
    expect(y2023.figures).toHaveLength(26);
    expect(y2023.figures.find((f) => f.municipalityCode === '0182')).toEqual(SEED_POPULATIONS.find((f) => f.municipalityCode === '0182' && f.year === 2023));
    expect(y2023.figures.reduce((sum, f) => sum + f.population, 0)).toBe(2_454_821);
    expect((await yearOf(2024)).figures).toHaveLength(20);
  });

  it('gives an empty year with the etag "empty"', async () => {
    expect(await yearOf(2031)).toEqual({ figures: [], etag: '"empty"' });
  });

  it.each([[''], ['?year='], ['?year=20x5'], ['?year=1800'], ['?year=2024.5']])('refuses %s with 400 at query.year', async (query) => {
    const response = await api.get(`/populations${query}`);
    expect(response.status).toBe(400);
    expect((asRecord(response.body).errors as { path: string }[]).map((error) => error.path)).toEqual(['query.year']);
  });
});

describe('PUT /populations/{year}', () => {
  it('replaces the figures for the codes given and keeps the others; audited with before and after', async () => {
    const before = await yearOf(2024);
    const given = [figure('0115', 2024, 35_500), figure('0182', 2024, 112_200)];
    const response = await api.put('/populations/2024', { json: { figures: given }, headers: { 'if-match': before.etag } });
    expect(response.status).toBe(200);
    const after = await yearOf(2024);
    expect(asRecord(response.body)).toEqual({ year: 2024, figures: after.figures, etag: after.etag });
    expect(after.figures).toHaveLength(21);
    expect(after.figures.find((f) => f.municipalityCode === '0182')).toEqual(given[1]);
    expect(after.figures.find((f) => f.municipalityCode === '0115')).toEqual(given[0]);
    expect(after.figures.find((f) => f.municipalityCode === '0180')).toEqual(before.figures.find((f) => f.municipalityCode === '0180'));
    const audit = asRecord((await api.get('/audit')).body).entries as { target: string; before: unknown; after: unknown }[];
    expect(audit.filter((entry) => entry.target === 'populations/2024')).toEqual([
      expect.objectContaining({ action: 'populations.replace', before: [before.figures.find((f) => f.municipalityCode === '0182')], after: given }),
    ]);
  });

  it('creates a year that had no figures on the etag "empty"; a second create on it is stale', async () => {
    const body = { figures: [figure('0180', 2025, 1_001_000)] };
    const first = await api.put('/populations/2025', { json: body, headers: { 'if-match': '"empty"' } });
    expect(first.status).toBe(200);
    const second = await api.put('/populations/2025', { json: { figures: [figure('0180', 2025, 1)] }, headers: { 'if-match': '"empty"' } });
    expect(second.status).toBe(412);
    expect(asRecord(asRecord(second.body).current).figures).toEqual(body.figures);
  });

  it('is all or nothing: one bad figure refuses the whole request', async () => {
    const before = await yearOf(2023);
    const response = await api.put('/populations/2023', {
      json: { figures: [figure('0114', 2023, 1), { ...figure('0115', 2023, 2), population: -5 }, figure('0117', 2024, 3)] },
      headers: { 'if-match': before.etag },
    });
    expect(response.status).toBe(400);
    const errors = asRecord(response.body).errors as { path: string; message: string }[];
    expect(errors).toEqual([{ path: 'figures[1].population', message: 'Folkmängden får inte vara negativ.' }]);
    expect(await yearOf(2023)).toEqual(before);
  });

  it('refuses figures of another year and a code given twice, naming each', async () => {
    const before = await yearOf(2023);
    const response = await api.put('/populations/2023', {
      json: { figures: [figure('0114', 2023, 1), figure('0114', 2023, 2), figure('0117', 2024, 3)] },
      headers: { 'if-match': before.etag },
    });
    expect(response.status).toBe(400);
    expect((asRecord(response.body).errors as { path: string }[]).map((error) => error.path)).toEqual(['figures[1].municipalityCode', 'figures[2].year']);
    expect(await yearOf(2023)).toEqual(before);
  });

  it('answers 428 without If-Match, 412 with the current year for a stale one', async () => {
    const before = await yearOf(2023);
    const body = { figures: [figure('0114', 2023, 50_111)] };
    expect((await api.put('/populations/2023', { json: body })).status).toBe(428);
    expect((await api.put('/populations/2023', { json: body, headers: { 'if-match': before.etag } })).status).toBe(200);
    const stale = await api.put('/populations/2023', { json: { figures: [figure('0114', 2023, 1)] }, headers: { 'if-match': before.etag } });
    expect(stale.status).toBe(412);
    const now = await yearOf(2023);
    expect(asRecord(stale.body).current).toEqual({ year: 2023, figures: now.figures, etag: now.etag });
    expect(now.figures.find((f) => f.municipalityCode === '0114')?.population).toBe(50_111);
  });

  it('refuses a bad year in the address (400 at path.year) and a reader (403)', async () => {
    const bad = await api.put('/populations/tjugo', { json: { figures: [figure('0114', 2023, 1)] }, headers: { 'if-match': '"empty"' } });
    expect(bad.status).toBe(400);
    expect((asRecord(bad.body).errors as { path: string }[])[0]?.path).toBe('path.year');
    const before = await yearOf(2023);
    const reader = await api.put('/populations/2023', { json: { figures: [figure('0114', 2023, 1)] }, headers: { 'if-match': before.etag, ...principalHeader(['SSR.Reader']) } });
    expect(reader.status).toBe(403);
    expect(await yearOf(2023)).toEqual(before);
  });

  it('refuses an empty list and a body that is not an object', async () => {
    const empty = await api.put('/populations/2023', { json: { figures: [] }, headers: { 'if-match': '"x"' } });
    expect(empty.status).toBe(400);
    expect(asRecord(empty.body).errors).toEqual([{ path: 'figures', message: 'Ange minst en befolkningssiffra.' }]);
    const list = await api.put('/populations/2023', { json: [figure('0114', 2023, 1)], headers: { 'if-match': '"x"' } });
    expect(list.status).toBe(400);
  });
});

describe('R3: one figure per municipality and 31 December, whatever is stored', () => {
  const config = () => loadConfig({ SSR_STORAGE_CONNECTION_STRING: stack.azurite.connectionString });
  // The API's populations table, written past the API as damage or a bug would write it.
  const table = () =>
    TableClient.fromConnectionString(stack.azurite.connectionString, `${config().storage.tablePrefix}${TABLES.populations.name}`, { allowInsecureConnection: true });
  const damaged = async (partitionKey: string, figures: Figure[], test: () => Promise<void>) => {
    await table().createEntity(toDocumentEntity(partitionKey, 'figures', figures));
    await touchRegisterVersion(stack.azurite.connectionString);
    try {
      await test();
    } finally {
      await table().deleteEntity(partitionKey, 'figures');
      await touchRegisterVersion(stack.azurite.connectionString);
    }
  };

  it('never serves two figures for one code and year: a row holding a figure of another year is refused, not merged', async () => {
    const snapshot = await api.get('/snapshot');
    await damaged('2030', [figure('0114', 2023, 1)], async () => {
      // The row of 2030 repeats Upplands Väsby on 31 Dec 2023, which the row of 2023 holds already.
      expect((await api.get('/snapshot')).status).toBe(500);
      expect((await api.get('/fees?year=2024')).status).toBe(500);
      expect((await api.get('/populations?year=2030')).status).toBe(500);
      expect((await api.put('/populations/2030', { json: { figures: [figure('0114', 2030, 2)] }, headers: { 'if-match': '"x"' } })).status).toBe(500);
    });
    expect(asRecord((await api.get('/snapshot')).body).populations).toEqual(asRecord(snapshot.body).populations);
  });

  it('refuses a stored row that holds one code twice', async () => {
    await damaged('2031', [figure('0114', 2031, 1), figure('0114', 2031, 2)], async () => {
      expect((await api.get('/populations?year=2031')).status).toBe(500);
      expect((await api.get('/snapshot')).status).toBe(500);
    });
  });

  it('the store writes no row of one year holding another year\'s figure or one code twice', async () => {
    const tables = new Tables(config(), () => Promise.resolve());
    const store = openStore(tables, { signal: AbortSignal.timeout(5_000), user: SYSTEM_USER, now: () => new Date() });
    const change = { action: 'populations.replace', target: 'populations/2032', before: [], after: [] } as const;
    await expect(store.populations.replaceYear(2032, [figure('0114', 2023, 1)], '"empty"', change)).rejects.toThrow(
      'Refusing to store a figure of 2023 for 0114 in the row of 2032.',
    );
    await expect(store.populations.replaceYear(2032, [figure('0114', 2032, 1), figure('0114', 2032, 2)], '"empty"', change)).rejects.toThrow(
      'Refusing to store two figures for 0114 in the row of 2032.',
    );
    expect(await yearOf(2032)).toEqual({ figures: [], etag: '"empty"' });
  });
});
