import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { startStack } from '../test/support/stack';

/**
 * The API under load: GET /api/snapshot and GET /api/fees?year=2026 on the dev host over
 * Azurite, 50 connections for 10 s each (autocannon in a worker thread, so that it does not
 * share the API's event loop). Beside each, a bare node:http server returning the same bytes
 * from memory: the ceiling of this machine, and how far below it the API runs.
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
}

async function load(url: string, durationS: number): Promise<autocannon.Result> {
  return autocannon({ url, connections: CONNECTIONS, duration: durationS, workers: 1 });
}

async function measured(route: string, server: string, url: string): Promise<Row> {
  await load(url, WARMUP_S);
  const result = await load(url, DURATION_S);
  return {
    route,
    server,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    // Failed connections, timeouts and answers other than 2xx all count.
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** A server that answers every request with one fixed response, as fast as node:http can. */
async function bareServer(body: Buffer, headers: Record<string, string>): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { ...headers, 'content-length': String(body.length) });
    res.end(body);
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

async function captured(url: string): Promise<{ body: Buffer; headers: Record<string, string> }> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  const headers: Record<string, string> = {};
  for (const name of ['content-type', 'etag', 'cache-control']) {
    const value = response.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  return { body: Buffer.from(await response.arrayBuffer()), headers };
}

function printTable(rows: readonly Row[]): void {
  const header = ['route', 'server', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'API/bare'];
  const lines = rows.map((row) => {
    const bare = rows.find((other) => other.route === row.route && other.server === 'bare node:http');
    const ratio = bare && row.server !== bare.server ? `${((row.requestsPerSecond / bare.requestsPerSecond) * 100).toFixed(1)} %` : '';
    return [row.route, row.server, row.requestsPerSecond.toFixed(0), row.p50.toFixed(0), row.p99.toFixed(0), String(row.errors), ratio];
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
    for (const path of ['/snapshot', '/fees?year=2026']) {
      const url = `${stack.apiUrl}${path}`;
      const copy = await captured(url);
      const bare = await bareServer(copy.body, copy.headers);
      try {
        rows.push(await measured(`GET /api${path}`, 'API', url));
        rows.push(await measured(`GET /api${path}`, 'bare node:http', bare.url));
      } finally {
        await bare.close();
      }
      console.log(`${path}: ${copy.body.length} bytes per response`);
    }
  } finally {
    await stack.stop();
  }
  printTable(rows);
}
