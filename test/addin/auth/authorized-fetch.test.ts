import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAuthorizedFetch } from '../../../addin/src/auth/authorized-fetch';
import { createTokenSource } from '../../../addin/src/auth/token-source';
import type { AcquiredToken, TokenAcquirer, TokenSource } from '../../../addin/src/auth/token-source';

/**
 * A local stand-in for both ends of a signed-in call: `POST /token` issues tokens the way
 * the identity platform would (`token-1`, `token-2`, …), and `/api/*` accepts only tokens
 * it still trusts, answering 401 otherwise — like App Service Authentication does once a
 * token is expired or revoked. Every request is recorded so the tests can count them.
 */
interface ApiCall {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | null;
  readonly body: string;
}

let server: Server;
let base: string;
let issued = 0;
let trusted = new Set<string>();
let apiCalls: ApiCall[] = [];
let tokenCalls = 0;

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const path = new URL(request.url ?? '/', base).pathname;
  const body = await readBody(request);
  if (path === '/token' && request.method === 'POST') {
    tokenCalls += 1;
    issued += 1;
    const token = `token-${issued}`;
    trusted.add(token);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ accessToken: token }));
    return;
  }
  const authorization = request.headers.authorization ?? null;
  apiCalls.push({ method: request.method ?? '', path, authorization, body });
  const token = authorization?.replace(/^Bearer /, '') ?? '';
  if (!trusted.has(token)) {
    response.writeHead(401, { 'www-authenticate': 'Bearer realm="test"', 'content-type': 'text/plain' });
    response.end('token not accepted');
    return;
  }
  if (path === '/api/admin-only') {
    response.writeHead(403, { 'content-type': 'text/plain' });
    response.end('forbidden');
    return;
  }
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ path, echoed: body }));
}

/** The sign-in method the tests plug into the real token source: fetches from `/token`. */
function tokenEndpointAcquirer(): TokenAcquirer & { requests: boolean[] } {
  const requests: boolean[] = [];
  return {
    requests,
    async acquireToken({ forceRefresh }): Promise<AcquiredToken> {
      requests.push(forceRefresh);
      const response = await fetch(`${base}/token`, { method: 'POST' });
      const { accessToken } = (await response.json()) as { accessToken: string };
      return { accessToken, expiresOn: null, username: 'ekonomi@ssr.example', name: 'Ekonomi' };
    },
    signOut: () => Promise.resolve(),
  };
}

/** A token source that always hands out the same fixed tokens: `stale` normally, `fresh` when forced. */
function fixedTokens(stale: string, fresh: string): TokenSource & { requests: boolean[] } {
  const requests: boolean[] = [];
  return {
    requests,
    getToken(request) {
      const forceRefresh = request?.forceRefresh ?? false;
      requests.push(forceRefresh);
      return Promise.resolve(forceRefresh ? fresh : stale);
    },
    currentAccount: () => null,
    signOut: () => Promise.resolve(),
    onAccountChanged: () => () => undefined,
  };
}

beforeAll(async () => {
  server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
});

beforeEach(() => {
  issued = 0;
  trusted = new Set();
  apiCalls = [];
  tokenCalls = 0;
});

describe('createAuthorizedFetch', () => {
  it('attaches the bearer token it is given and sends one request when the token is accepted', async () => {
    trusted.add('good');
    const tokens = fixedTokens('good', 'unused');
    const response = await createAuthorizedFetch(tokens, fetch)(`${base}/api/snapshot`);

    expect(response.status).toBe(200);
    expect(apiCalls).toEqual([{ method: 'GET', path: '/api/snapshot', authorization: 'Bearer good', body: '' }]);
    expect(tokens.requests).toEqual([false]);
  });

  it('on a 401 asks for a fresh token once and retries once with it', async () => {
    trusted.add('fresh');
    const tokens = fixedTokens('stale', 'fresh');
    const response = await createAuthorizedFetch(tokens, fetch)(`${base}/api/members`);

    expect(response.status).toBe(200);
    expect(apiCalls.map((call) => call.authorization)).toEqual(['Bearer stale', 'Bearer fresh']);
    expect(tokens.requests).toEqual([false, true]);
  });

  it('never loops: a second 401 is returned to the caller after exactly two requests', async () => {
    const tokens = fixedTokens('stale', 'also-rejected');
    const response = await createAuthorizedFetch(tokens, fetch)(`${base}/api/members`);

    expect(response.status).toBe(401);
    expect(await response.text()).toBe('token not accepted');
    expect(apiCalls).toHaveLength(2);
    expect(tokens.requests).toEqual([false, true]);
  });

  it('does not retry other refusals: a 403 is one request and no refresh', async () => {
    trusted.add('reader');
    const tokens = fixedTokens('reader', 'unused');
    const response = await createAuthorizedFetch(tokens, fetch)(`${base}/api/admin-only`);

    expect(response.status).toBe(403);
    expect(apiCalls).toHaveLength(1);
    expect(tokens.requests).toEqual([false]);
  });

  it('repeats a JSON body and the caller’s headers unchanged on the retry', async () => {
    trusted.add('fresh');
    const tokens = fixedTokens('stale', 'fresh');
    const body = JSON.stringify({ name: 'Nacka kommun' });
    const response = await createAuthorizedFetch(tokens, fetch)(`${base}/api/members`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'if-match': '*' },
      body,
    });

    expect(response.status).toBe(200);
    expect(apiCalls.map((call) => [call.method, call.body])).toEqual([
      ['POST', body],
      ['POST', body],
    ]);
  });

  it('repeats a Request object with its body on the retry', async () => {
    trusted.add('fresh');
    const tokens = fixedTokens('stale', 'fresh');
    const request = new Request(`${base}/api/reimbursements`, { method: 'POST', body: '{"amountOre":100}' });
    const response = await createAuthorizedFetch(tokens, fetch)(request);

    expect(response.status).toBe(200);
    expect(apiCalls.map((call) => [call.authorization, call.body])).toEqual([
      ['Bearer stale', '{"amountOre":100}'],
      ['Bearer fresh', '{"amountOre":100}'],
    ]);
  });

  it('rejects with the sign-in error when the fresh token cannot be had, after one request', async () => {
    const failing: TokenSource = {
      ...fixedTokens('stale', 'never'),
      getToken: (request) =>
        request?.forceRefresh ? Promise.reject(new Error('sign-in cancelled')) : Promise.resolve('stale'),
    };
    await expect(createAuthorizedFetch(failing, fetch)(`${base}/api/members`)).rejects.toThrow('sign-in cancelled');
    expect(apiCalls).toHaveLength(1);
  });

  it('passes requests through untouched without a token source (local dev mode)', async () => {
    const response = await createAuthorizedFetch(null, fetch)(`${base}/api/health`);

    expect(response.status).toBe(401);
    expect(apiCalls).toEqual([{ method: 'GET', path: '/api/health', authorization: null, body: '' }]);
  });
});

describe('createAuthorizedFetch with the caching token source', () => {
  it('reuses the cached token, and after the API stops trusting it fetches one new token and retries', async () => {
    const acquirer = tokenEndpointAcquirer();
    const tokens = createTokenSource(() => Promise.resolve(acquirer));
    const authorizedFetch = createAuthorizedFetch(tokens, fetch);

    expect((await authorizedFetch(`${base}/api/snapshot`)).status).toBe(200);
    expect((await authorizedFetch(`${base}/api/members`)).status).toBe(200);
    expect(tokenCalls).toBe(1);

    trusted.delete('token-1'); // revoked or expired on the server side
    expect((await authorizedFetch(`${base}/api/snapshot`)).status).toBe(200);

    expect(apiCalls.map((call) => call.authorization)).toEqual([
      'Bearer token-1',
      'Bearer token-1',
      'Bearer token-1',
      'Bearer token-2',
    ]);
    expect(acquirer.requests).toEqual([false, true]);
    expect(tokens.currentAccount()).toEqual({ username: 'ekonomi@ssr.example', name: 'Ekonomi', appRoles: [] });
  });

  it('five requests that all meet a 401 together cause one forced refresh, and each retries once', async () => {
    const acquirer = tokenEndpointAcquirer();
    const tokens = createTokenSource(() => Promise.resolve(acquirer));
    const authorizedFetch = createAuthorizedFetch(tokens, fetch);
    expect((await authorizedFetch(`${base}/api/health`)).status).toBe(200);
    trusted.clear();

    const paths = ['/api/a', '/api/b', '/api/c', '/api/d', '/api/e'];
    const statuses = await Promise.all(paths.map(async (path) => (await authorizedFetch(`${base}${path}`)).status));

    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    expect(acquirer.requests).toEqual([false, true]);
    expect(apiCalls).toHaveLength(1 + 2 * paths.length);
    for (const path of paths) {
      expect(apiCalls.filter((call) => call.path === path).map((call) => call.authorization)).toEqual([
        'Bearer token-1',
        'Bearer token-2',
      ]);
    }
  });
});
