import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { apiClient, asRecord, principalHeader } from '../test/support/http';
import type { Stack } from '../test/support/stack';
import { startStack } from '../test/support/stack';

/**
 * The API under load: GET /api/snapshot (answered 200, and 304 to If-None-Match), GET
 * /api/fees?year=2026 and GET /api/members on the dev host over Azurite, 50 connections for
 * 10 s each (autocannon in a worker thread, so that it does not share the API's event loop).
 * Beside each, a bare node:http server returning the same status, headers and bytes from
 * memory: the ceiling of this machine, and how far below it the API runs. Storage calls per
 * request are counted in the dev host (in-process, never in a response): under load, where
 * concurrent requests share a read of the register's version, and one request at a time.
 */

const CONNECTIONS = 50;
const DURATION_S = 10;
const WARMUP_S = 2;

interface Row {
  route: string;
  server: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  /** Storage calls per request during the run (API only). */
  operations?: number;
}

interface Case {
  route: string;
  path: string;
  headers: Record<string, string>;
  status: 200 | 304;
}

async function load(url: string, headers: Record<string, string>, durationS: number): Promise<autocannon.Result> {
  return autocannon({ url, headers, connections: CONNECTIONS, duration: durationS, workers: 1 });
}

async function measured(test: Case, server: string, url: string, operations?: () => number): Promise<Row> {
  await load(url, test.headers, WARMUP_S);
  const before = operations?.() ?? 0;
  const result = await load(url, test.headers, DURATION_S);
  // Failed connections, timeouts and answers other than the expected status all count.
  const unexpected = test.status === 304 ? result.requests.total - result['3xx'] : result.non2xx;
  return {
    route: test.route,
    server,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + unexpected,
    ...(operations ? { operations: (operations() - before) / Math.max(1, result.requests.total) } : {}),
  };
}

/** A server that answers every request with one fixed response, as fast as node:http can. */
async function bareServer(status: number, body: Buffer, headers: Record<string, string>): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((_req, res) => {
    res.writeHead(status, body.length > 0 ? { ...headers, 'content-length': String(body.length) } : headers);
    res.end(body.length > 0 ? body : undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function captured(url: string, test: Case): Promise<{ body: Buffer; headers: Record<string, string> }> {
  const response = await fetch(url, { headers: test.headers });
  if (response.status !== test.status) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  const headers: Record<string, string> = {};
  for (const name of ['content-type', 'etag', 'cache-control']) {
    const value = response.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  return { body: Buffer.from(await response.arrayBuffer()), headers };
}

/** Storage calls of one request on its own: with the register unchanged, and just after a write. */
async function operationsPerRequest(stack: Stack): Promise<void> {
  const api = apiClient(stack.apiUrl);
  const cost = async (path: string, headers: Record<string, string> = {}) => {
    const before = stack.storageOperations();
    const response = await api.get(path, { headers });
    if (response.status >= 400) throw new Error(`${path} answered ${response.status}: ${response.text}`);
    return stack.storageOperations() - before;
  };
  const etag = (await api.get('/snapshot')).headers.get('etag') ?? '';
  const unchanged = [
    ['GET /snapshot', await cost('/snapshot')],
    ['GET /snapshot (304)', await cost('/snapshot', { 'if-none-match': etag })],
    ['GET /fees?year=2026', await cost('/fees?year=2026')],
    ['GET /members', await cost('/members')],
  ] as const;
  const editor = principalHeader(['SSR.Editor'], 'Benchmark');
  const member = asRecord((await api.get('/members/norrtalje')).body);
  const writeBefore = stack.storageOperations();
  const written = await api.put('/members/norrtalje', { json: { ...member, name: `Norrtälje ${Date.now()}` }, headers: { 'if-match': String(member.etag), ...editor } });
  if (written.status !== 200) throw new Error(`PUT /members/norrtalje answered ${written.status}: ${written.text}`);
  const write = stack.storageOperations() - writeBefore;
  const afterWrite = await cost('/snapshot');
  const next = await cost('/snapshot');
  console.log('\nStorage calls per request, one request at a time:');
  for (const [route, operations] of unchanged) console.log(`  ${route}, register unchanged: ${operations}`);
  console.log(`  PUT /members/norrtalje (the write, its version marks and audit move): ${write}`);
  console.log(`  GET /snapshot just after that write: ${afterWrite}; the next one: ${next}`);
}

function printTable(rows: readonly Row[]): void {
  const header = ['route', 'server', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'API/bare', 'storage calls/request'];
  const lines = rows.map((row) => {
    const bare = rows.find((other) => other.route === row.route && other.server === 'bare node:http');
    const ratio = bare && row.server !== bare.server ? `${((row.requestsPerSecond / bare.requestsPerSecond) * 100).toFixed(1)} %` : '';
    const operations = row.operations === undefined ? '' : row.operations.toFixed(3);
    return [row.route, row.server, row.requestsPerSecond.toFixed(0), row.p50.toFixed(0), row.p99.toFixed(0), String(row.errors), ratio, operations];
  });
  const widths = header.map((title, index) => Math.max(title.length, ...lines.map((line) => (line[index] ?? '').length)));
  const format = (cells: readonly string[]) => cells.map((cell, index) => (index < 2 ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0))).join('  ');
  console.log(format(header));
  for (const line of lines) console.log(format(line));
}

export async function runApiBench(): Promise<void> {
  console.log(`autocannon: ${CONNECTIONS} connections, ${DURATION_S} s per run after ${WARMUP_S} s of warm-up; API = dev host + Azurite (in memory)`);
  const stack = await startStack({ devRole: 'reader' });
  const rows: Row[] = [];
  try {
    const snapshotEtag = (await fetch(`${stack.apiUrl}/snapshot`)).headers.get('etag') ?? '';
    const cases: Case[] = [
      { route: 'GET /api/snapshot', path: '/snapshot', headers: {}, status: 200 },
      { route: 'GET /api/snapshot → 304', path: '/snapshot', headers: { 'if-none-match': snapshotEtag }, status: 304 },
      { route: 'GET /api/fees?year=2026', path: '/fees?year=2026', headers: {}, status: 200 },
      { route: 'GET /api/members', path: '/members', headers: {}, status: 200 },
    ];
    for (const test of cases) {
      const url = `${stack.apiUrl}${test.path}`;
      const copy = await captured(url, test);
      const bare = await bareServer(test.status, copy.body, copy.headers);
      try {
        rows.push(await measured(test, 'API', url, () => stack.storageOperations()));
        rows.push(await measured(test, 'bare node:http', bare.url));
      } finally {
        await bare.close();
      }
      console.log(`${test.route}: ${copy.body.length} bytes per response`);
    }
    await operationsPerRequest(stack);
  } finally {
    await stack.stop();
  }
  printTable(rows);
}
