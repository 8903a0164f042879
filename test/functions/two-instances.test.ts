import { TableClient } from '@azure/data-tables';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../functions/src/config';
import { toDocumentEntity } from '../../functions/src/storage/documents';
import { registerReader } from '../../functions/src/register-cache';
import { markWrite } from '../../functions/src/storage/register-version';
import { setUpStorage } from '../../functions/src/storage/seed';
import { Tables } from '../../functions/src/storage/tables';
import type { Azurite } from '../support/azurite';
import { startAzurite } from '../support/azurite';
import type { ApiClient } from '../support/http';
import { apiClient, asRecord } from '../support/http';
import type { Stack } from '../support/stack';
import { startStack } from '../support/stack';

/**
 * Two API instances over one storage account, as Azure scales out: each keeps the register in
 * memory under the register's version, and a write through one must be seen by the next read
 * through the other.
 */

let azurite: Azurite;
let writer: Stack;
let reader: Stack;
let a: ApiClient;
let b: ApiClient;

beforeAll(async () => {
  azurite = await startAzurite();
  writer = await startStack({ azurite });
  reader = await startStack({ azurite });
  a = apiClient(writer.apiUrl);
  b = apiClient(reader.apiUrl);
});
afterAll(async () => {
  await reader.stop();
  await writer.stop();
  await azurite.stop();
});

/** Every read route that shows a member's name: each must show the newest acknowledged one. */
const READS = ['/members', '/snapshot', '/fees?year=2026', '/fees/norrtalje?mode=estimate&year=2026', '/budget?year=2026', '/members?ignored=1'];

/** The write number a body shows (names are `Norrtälje v<n>`); -1 before the first. */
function versionShown(text: string): number {
  const shown = new Set([...text.matchAll(/Norrtälje v(\d+)/g)].map((match) => Number(match[1])));
  expect(shown.size, `one version of the name in ${text.slice(0, 200)}`).toBeLessThanOrEqual(1);
  return shown.size === 0 ? -1 : Number([...shown][0]);
}

async function renameThrough(api: ApiClient, id: string, name: string): Promise<void> {
  const member = asRecord((await api.get(`/members/${id}`)).body);
  const written = await api.put(`/members/${id}`, { json: { ...member, name }, headers: { 'if-match': String(member.etag) } });
  expect(written.status, written.text).toBe(200);
}

describe('two instances on one storage account', () => {
  it('no read through one that starts after a write through the other was acknowledged returns the older version, 304 included', async () => {
    for (const path of READS) {
      const response = await b.get(path);
      expect(response.status, `${path}: ${response.text}`).toBe(200);
    }
    const writes = 20;
    let acknowledged = -1;
    let done = false;
    const failures: string[] = [];
    let reads = 0;

    const readLoop = async (offset: number) => {
      // What this client holds per route, to revalidate with If-None-Match as the add-in does.
      const held = new Map<string, { etag: string; version: number }>();
      for (let index = offset; !done; index += 1) {
        const path = READS[index % READS.length] ?? '/members';
        const floor = acknowledged;
        const copy = held.get(path);
        const response = await b.get(path, copy ? { headers: { 'if-none-match': copy.etag } } : {});
        reads += 1;
        let version: number;
        if (response.status === 304 && copy) version = copy.version;
        else if (response.status === 200) {
          version = versionShown(response.text);
          const etag = response.headers.get('etag');
          if (etag !== null) held.set(path, { etag, version });
        } else {
          failures.push(`${path} answered ${response.status}: ${response.text}`);
          continue;
        }
        if (version < floor) failures.push(`${path} showed write ${version} after write ${floor} was acknowledged (status ${response.status})`);
      }
    };

    const loops = Array.from({ length: 6 }, (_, offset) => readLoop(offset));
    try {
      for (let write = 0; write < writes; write += 1) {
        await renameThrough(a, 'norrtalje', `Norrtälje v${write}`);
        acknowledged = write;
        // The very next read through the other instance, on every route.
        for (const path of READS) {
          const response = await b.get(path);
          expect(response.status).toBe(200);
          expect(versionShown(response.text), path).toBe(write);
        }
      }
    } finally {
      done = true;
      await Promise.all(loops);
    }
    expect(failures).toEqual([]);
    expect(reads).toBeGreaterThan(writes);
  });

  it('answers an unchanged register with one storage read per request (304 included), and loads it again after a write elsewhere', async () => {
    const cost = async (path: string, headers: Record<string, string> = {}) => {
      const before = reader.storageOperations();
      const response = await b.get(path, { headers });
      return { status: response.status, etag: response.headers.get('etag') ?? '', operations: reader.storageOperations() - before };
    };
    for (const path of ['/snapshot', '/members', '/fees?year=2026', '/budget?year=2026']) {
      const first = await cost(path);
      expect(first.status).toBe(200);
      expect(first.etag).not.toBe('');
      expect(await cost(path)).toMatchObject({ status: 200, operations: 1 });
      expect(await cost(path, { 'if-none-match': first.etag })).toMatchObject({ status: 304, operations: 1 });
    }

    await renameThrough(a, 'norrtalje', 'Norrtälje v100');
    const after = await cost('/snapshot');
    expect(after.status).toBe(200);
    // The version read, then the register's four tables.
    expect(after.operations).toBeGreaterThan(1);
    expect(await cost('/snapshot')).toMatchObject({ status: 200, operations: 1 });
    expect(await cost('/members')).toMatchObject({ status: 200, operations: 1 });
  });

  it('a write refused (412, 409) leaves no mark behind: reads go back to one storage read each', async () => {
    const member = asRecord((await a.get('/members/norrtalje')).body);
    const stale = await a.put('/members/norrtalje', { json: { ...member, name: 'Norrtälje stale' }, headers: { 'if-match': '"W/stale"' } });
    expect(stale.status).toBe(412);
    const taken = await a.post('/members', { json: { ...member, etag: undefined } });
    expect(taken.status).toBe(409);
    await b.get('/members');
    const before = reader.storageOperations();
    expect((await b.get('/members')).status).toBe(200);
    expect(reader.storageOperations() - before).toBe(1);
  });

  it('a write that did not mark the version row (an older build, an edit by hand) is seen once what is kept is a minute old', async () => {
    const config = loadConfig({ SSR_STORAGE_CONNECTION_STRING: azurite.connectionString });
    const tables = new Tables(config, setUpStorage);
    let clock = Date.UTC(2026, 11, 2, 8);
    const read = registerReader(tables, 5_000, () => new Date(clock));
    const nameNow = async () => (await read(AbortSignal.timeout(5_000))).stored.members.find((candidate) => candidate.value.id === 'norrtalje')?.value.name;
    const shown = await nameNow();
    expect(shown).toMatch(/^Norrtälje/);
    const members = TableClient.fromConnectionString(azurite.connectionString, `${config.storage.tablePrefix}members`, { allowInsecureConnection: true });
    const { etag: _etag, ...member } = asRecord((await a.get('/members/norrtalje')).body);
    await members.upsertEntity(toDocumentEntity('member', 'norrtalje', { ...member, name: 'Norrtälje unmarked' }), 'Replace');
    clock += 59_000;
    expect(await nameNow()).toBe(shown);
    clock += 2_000;
    expect(await nameNow()).toBe('Norrtälje unmarked');
    // As the API had it, for the tests after this one.
    await renameThrough(a, 'norrtalje', 'Norrtälje v100');
  });

  it('sees a write whose instance stopped after its transaction, before it cleared its mark', async () => {
    const config = loadConfig({ SSR_STORAGE_CONNECTION_STRING: azurite.connectionString });
    const tables = new Tables(config, setUpStorage);
    const members = TableClient.fromConnectionString(azurite.connectionString, `${config.storage.tablePrefix}members`, { allowInsecureConnection: true });
    const { etag: _etag, ...member } = asRecord((await a.get('/members/norrtalje')).body);

    // The stopped instance marked its write; a read now loads the register as it was.
    await markWrite(tables, AbortSignal.timeout(5_000));
    expect(versionShown((await b.get('/members')).text)).toBe(100);
    // Its transaction lands; nobody clears the mark.
    await members.upsertEntity(toDocumentEntity('member', 'norrtalje', { ...member, name: 'Norrtälje v200' }), 'Replace');
    for (const path of READS) expect(versionShown((await b.get(path)).text), path).toBe(200);
  });

});
