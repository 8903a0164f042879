import { spawn } from 'node:child_process';
import type { IncomingHttpHeaders } from 'node:http';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../functions/src/config';
import type { DevHost } from '../../functions/src/dev/host';
import { MAX_HEADER_BYTES, MAX_URL_BYTES, startDevHost } from '../../functions/src/dev/host';
import { MAX_BODY_BYTES } from '../../functions/src/http/request';
import type { Azurite } from '../support/azurite';
import { startAzurite } from '../support/azurite';
import type { Stack } from '../support/stack';
import { startStack } from '../support/stack';
import { apiClient } from '../support/http';

let azurite: Azurite;
let stack: Stack;
let port: number;

beforeAll(async () => {
  azurite = await startAzurite();
  stack = await startStack({ azurite });
  port = Number(new URL(stack.apiUrl).port);
});
afterAll(async () => {
  await stack.stop();
  await azurite.stop();
});

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Complete HTTP/1.1 responses at the start of `text` (bodies with Content-Length, as the dev host sends). */
function parseResponses(bytes: Buffer): RawResponse[] {
  const found: RawResponse[] = [];
  let rest = bytes;
  for (;;) {
    const end = rest.indexOf('\r\n\r\n');
    if (end === -1) return found;
    const [statusLine = '', ...lines] = rest.subarray(0, end).toString('latin1').split('\r\n');
    const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
    const length = Number(headers['content-length'] ?? 0);
    if (rest.length < end + 4 + length) return found;
    found.push({ status: Number(statusLine.split(' ')[1]), headers, body: rest.subarray(end + 4, end + 4 + length).toString('utf8') });
    rest = rest.subarray(end + 4 + length);
  }
}

/**
 * Writes `head`, then `bodyBytes` bytes of body (1 MB at a time, as fast as the server reads
 * them), then `after`, on one raw connection; resolves with the responses once `expected`
 * have arrived. A reset or an early close rejects with what had arrived.
 */
function rawExchange(head: string, options: { bodyBytes?: number; after?: string; expected?: number } = {}): Promise<RawResponse[]> {
  const expected = options.expected ?? 1;
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    const finish = (error?: Error) => {
      const responses = parseResponses(Buffer.concat(received));
      if (responses.length >= expected) resolve(responses);
      else reject(new Error(`${error?.message ?? 'closed'} after ${responses.length} of ${expected} responses: ${Buffer.concat(received).toString('latin1').slice(0, 300)}`));
      socket.destroy();
    };
    socket.on('data', (chunk: Buffer) => {
      received.push(chunk);
      if (parseResponses(Buffer.concat(received)).length >= expected) finish();
    });
    socket.on('error', finish);
    socket.on('close', () => finish());
    socket.on('connect', () => {
      void (async () => {
        socket.write(head);
        const chunk = Buffer.alloc(1024 * 1024, 'a');
        for (let sent = 0; sent < (options.bodyBytes ?? 0); sent += chunk.length) {
          if (socket.destroyed) return;
          if (!socket.write(chunk)) await new Promise((drained) => socket.once('drain', drained));
        }
        if (options.after !== undefined) socket.write(options.after);
      })();
    });
  });
}

function expectProblem(response: RawResponse, status: number, slug: string): Record<string, unknown> {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(response.body) as Record<string, unknown>;
  expect(body).toMatchObject({ type: `urn:ssr:problem:${slug}`, status });
  expect(body.detail).toEqual(expect.any(String));
  return body;
}

describe('the dev host answers only requests addressed to this machine', () => {
  it.each(['attacker.example:PORT', 'attacker.example', '127.0.0.1.nip.io:PORT', 'localhost.attacker.example:PORT', 'localhost:1', '127.0.0.1:PORT0', '[::2]:PORT', '10.0.0.5:PORT'])(
    'refuses Host %s with a 421 problem, and does not act on it',
    async (template) => {
      const host = template.replace('PORT', String(port));
      const [audit] = await rawExchange(`GET /api/audit HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
      const body = expectProblem(audit ?? { status: 0, headers: {}, body: '' }, 421, 'misdirected-request');
      expect(body.detail).toContain('localhost, 127.0.0.1 och [::1]');
      expect(body).not.toHaveProperty('entries');

      const member = JSON.stringify({ id: 'rebound', name: 'Ombunden', kind: 'actor', feeClass: 'single', joinedOn: '2026-01-01' });
      const [write] = await rawExchange(
        `POST /api/members HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(member)}\r\nConnection: close\r\n\r\n${member}`,
      );
      expect(write?.status).toBe(421);
      expect((await apiClient(stack.apiUrl).get('/members/rebound')).status).toBe(404);
    },
  );

  it.each(['1.0', '1.1'])('refuses an HTTP/%s request without a Host header with a 421 problem', async (version) => {
    const [response] = await rawExchange(`GET /api/audit HTTP/${version}\r\nConnection: close\r\n\r\n`);
    const body = expectProblem(response ?? { status: 0, headers: {}, body: '' }, 421, 'misdirected-request');
    expect(body.detail).toContain('saknas');
  });

  it.each(['localhost:PORT', 'LocalHost:PORT', '127.0.0.1:PORT', '[::1]:PORT', 'localhost', '127.0.0.1'])('serves Host %s', async (template) => {
    const [response] = await rawExchange(`GET /api/health HTTP/1.1\r\nHost: ${template.replace('PORT', String(port))}\r\nConnection: close\r\n\r\n`);
    expect(response?.status).toBe(200);
  });
});

describe('the dev host refuses what is too large with a problem the client receives', () => {
  const size = 100 * 1024 * 1024;

  it('a 100 MB body with Content-Length gets 413, and the same connection then serves the next request', async () => {
    const responses = await rawExchange(`POST /api/members HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${size}\r\n\r\n`, {
      bodyBytes: size,
      after: `GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`,
      expected: 2,
    });
    const body = expectProblem(responses[0] ?? { status: 0, headers: {}, body: '' }, 413, 'too-large');
    expect(body.detail).toContain(`${MAX_BODY_BYTES / 1024 / 1024} MB`);
    expect(responses[1]?.status).toBe(200);
  });

  it('a 100 MB body streamed in chunks (no length given) gets 413 while it is still being sent', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    const source = Readable.from((function* () {
      for (let sent = 0; sent < size; sent += chunk.length) yield chunk;
    })());
    const request = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/api/members', headers: { 'content-type': 'application/json' } });
    const answered = new Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>((resolve, reject) => {
      request.on('response', (response) => {
        const parts: Buffer[] = [];
        response.on('data', (part: Buffer) => parts.push(part));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(parts).toString('utf8') }));
        response.on('error', reject);
      });
      request.on('error', reject);
    });
    // Node's client stops sending once the answer is complete; the server kept reading until then.
    const sending = pipeline(source, request).then(
      () => 'sent',
      (error: unknown) => String(error),
    );
    const response = await answered;
    expect(['sent', 'Error [ERR_STREAM_PREMATURE_CLOSE]: Premature close']).toContain(await sending);
    expect(response.status).toBe(413);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(response.body)).toMatchObject({ type: 'urn:ssr:problem:too-large', status: 413 });
  });

  it(`a URL over ${MAX_URL_BYTES / 1024} kB (17 kB) gets a 414 problem`, async () => {
    const [response] = await rawExchange(`GET /api/members?q=${'x'.repeat(17 * 1024)} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
    const body = expectProblem(response ?? { status: 0, headers: {}, body: '' }, 414, 'uri-too-long');
    expect(body.detail).toContain(`${MAX_URL_BYTES / 1024} kB`);
  });

  it(`headers over ${MAX_HEADER_BYTES / 1024} kB get a 431 problem, and so do headers too large for the parser`, async () => {
    for (const bytes of [20 * 1024, 200 * 1024]) {
      const [response] = await rawExchange(`GET /api/members HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Filler: ${'y'.repeat(bytes)}\r\nConnection: close\r\n\r\n`);
      const body = expectProblem(response ?? { status: 0, headers: {}, body: '' }, 431, 'headers-too-large');
      expect(body.detail, String(bytes)).toContain(`${MAX_HEADER_BYTES / 1024} kB`);
    }
  });

  it('a request Node cannot parse gets a 400 problem, not a bare status line', async () => {
    const [response] = await rawExchange('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header\r\n\r\n');
    expectProblem(response ?? { status: 0, headers: {}, body: '' }, 400, 'malformed-request');
  });
});

interface WriteOutcome {
  id: string;
  status: number;
}

interface Connection {
  send(text: string): void;
  /** The `index`th response on this connection (0 for the first); rejects if it closes first. */
  response(index: number): Promise<RawResponse>;
}

/** A raw keep-alive connection, resolved once it is open. */
function openConnection(apiPort: number): Promise<Connection> {
  return new Promise((resolve, reject) => {
    const socket = connect(apiPort, '127.0.0.1');
    const received: Buffer[] = [];
    const waiting: { index: number; resolve(response: RawResponse): void; reject(error: Error): void }[] = [];
    let ended: Error | undefined;
    const update = () => {
      const responses = parseResponses(Buffer.concat(received));
      for (const waiter of [...waiting]) {
        const response = responses[waiter.index];
        if (response) waiter.resolve(response);
        else if (ended) waiter.reject(ended);
        else continue;
        waiting.splice(waiting.indexOf(waiter), 1);
      }
    };
    socket.on('data', (chunk: Buffer) => {
      received.push(chunk);
      update();
    });
    socket.on('error', (error) => {
      ended = new Error(`the connection ended without an answer (${error.message})`);
      update();
      reject(error);
    });
    socket.on('close', () => {
      ended ??= new Error('the connection closed without an answer');
      update();
    });
    socket.on('connect', () =>
      resolve({
        send: (text) => socket.write(text),
        response: (index) =>
          new Promise((resolveResponse, rejectResponse) => {
            waiting.push({ index, resolve: resolveResponse, reject: rejectResponse });
            update();
          }),
      }),
    );
  });
}

function createRequest(apiPort: number, id: string): string {
  const payload = JSON.stringify({ id, name: `Aktör ${id}`, kind: 'actor', feeClass: 'single', joinedOn: '2026-01-01' });
  return `POST /api/members HTTP/1.1\r\nHost: 127.0.0.1:${apiPort}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(payload)}\r\n\r\n${payload}`;
}

/**
 * Opens `count` connections and has each answer a GET /health (so the host has taken every
 * one), then sends a POST /members on each. `stop` runs once they are sent; resolves with each
 * write's answer, and the answer to a request on a connection opened after `stop`.
 */
async function writesAcrossStop(apiPort: number, prefix: string, count: number, stop: () => void): Promise<{ outcomes: WriteOutcome[]; late: RawResponse }> {
  const connections = await Promise.all(Array.from({ length: count }, () => openConnection(apiPort)));
  for (const connection of connections) connection.send(`GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:${apiPort}\r\n\r\n`);
  for (const connection of connections) expect((await connection.response(0)).status).toBe(200);
  for (const [index, connection] of connections.entries()) connection.send(createRequest(apiPort, `${prefix}-${index}`));
  stop();
  const lateConnection = await openConnection(apiPort);
  lateConnection.send(createRequest(apiPort, `${prefix}-late`));
  const outcomes = await Promise.all(
    connections.map(async (connection, index) => {
      const id = `${prefix}-${index}`;
      const response = await connection.response(1).catch((error: unknown) => {
        throw new Error(`${id}: ${String(error)}`);
      });
      return { id, status: response.status };
    }),
  );
  return { outcomes, late: await lateConnection.response(0) };
}

/** Every answer is as storage says: 201 stored, anything else not stored. */
async function expectOutcomesStored(outcomes: readonly WriteOutcome[], tablePrefix: string): Promise<void> {
  const reader = await startStack({ azurite, settings: { SSR_TABLE_PREFIX: tablePrefix } });
  try {
    const api = apiClient(reader.apiUrl);
    for (const outcome of outcomes) {
      const stored = (await api.get(`/members/${outcome.id}`)).status;
      expect(stored, `${outcome.id} answered ${outcome.status}`).toBe(outcome.status === 201 ? 200 : 404);
    }
  } finally {
    await reader.stop();
  }
}

describe('stopping the dev host', () => {
  it('close() answers every write sent before it, refuses later connections with 503 and then not at all, and every answer matches storage', async () => {
    const config = loadConfig({ SSR_STORAGE_CONNECTION_STRING: azurite.connectionString, SSR_AUTH_MODE: 'dev', SSR_TABLE_PREFIX: 'closing' });
    const host: DevHost = await startDevHost({ port: 0, config });
    let closed: Promise<void> | undefined;
    const { outcomes, late } = await writesAcrossStop(host.port, 'graceful', 30, () => {
      closed = host.close();
    });
    await closed;
    expect(outcomes.map((outcome) => outcome.status)).toEqual(outcomes.map(() => 201));
    expect(JSON.parse(late.body)).toMatchObject({ type: 'urn:ssr:problem:shutting-down', status: 503, detail: expect.stringContaining('inget har ändrats') as unknown });
    const refused = await fetch(`${host.url}/health`).then(
      (response) => `answered ${response.status}`,
      (error: unknown) => String((error as { cause?: { code?: string } }).cause?.code ?? error),
    );
    expect(refused).toBe('ECONNREFUSED');
    await expectOutcomesStored([...outcomes, { id: 'graceful-late', status: late.status }], 'closing');
  });

  it('SIGTERM to the process serving the API (scripts/serve-api.ts) answers the writes sent before it, then exits 0', async () => {
    const script = fileURLToPath(new URL('../../scripts/serve-api.ts', import.meta.url));
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('SSR_')));
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      env: { ...env, SSR_STORAGE_CONNECTION_STRING: azurite.connectionString, SSR_TABLE_PREFIX: 'sigterm', SSR_API_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const found = /API (http:\/\/\S+)/.exec(output);
          if (found?.[1]) resolve(found[1]);
        });
        void exited.then((code) => reject(new Error(`serve-api exited (${code}) before it served: ${output}`)));
      });
      const { outcomes, late } = await writesAcrossStop(Number(new URL(url).port), 'sigterm', 30, () => child.kill('SIGTERM'));
      expect(await exited, output).toBe(0);
      expect(outcomes.map((outcome) => outcome.status)).toEqual(outcomes.map(() => 201));
      // The signal reaches the child when it does: a connection made just after kill() may still come first.
      expect([201, 503]).toContain(late.status);
      await expectOutcomesStored([...outcomes, { id: 'sigterm-late', status: late.status }], 'sigterm');
    } finally {
      child.kill('SIGKILL');
    }
  });
});
