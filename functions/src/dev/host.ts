import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import type * as AzureFunctions from '@azure/functions';
import type { HttpHandler, HttpResponseInit } from '@azure/functions';
import type { Config } from '../config';
import { assertDevModeAllowed } from '../config';
import { httpHandler } from '../http/invoke';
import { MAX_BODY_BYTES } from '../http/request';
import { notFound, payloadTooLarge, problem } from '../http/responses';
import type { Route } from '../http/route';
import { routes as allRoutes } from '../routes';
import { createServices } from '../services';

/**
 * A thin stand-in for the Functions host where Core Tools cannot be installed: node:http
 * serving exactly the routes of the route table under `/api`, with the real HttpRequest and
 * InvocationContext objects of @azure/functions and the same handlers `index.ts` registers.
 */

export interface DevHostOptions {
  /** 7071 as `func start` uses; 0 picks a free port. */
  port?: number;
  host?: string;
  config: Config;
}

export interface DevHost {
  /** Base URL including the route prefix, e.g. `http://127.0.0.1:7071/api`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

// The package is CommonJS whose class exports Node's ESM loader cannot see by name.
const { HttpRequest, HttpResponse, InvocationContext } = createRequire(import.meta.url)('@azure/functions') as typeof AzureFunctions;

const ROUTE_PREFIX = '/api';
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer', 'content-length']);

interface CompiledRoute {
  route: Route;
  segments: string[];
  handler: HttpHandler;
}

function matchPath(segments: readonly string[], template: readonly string[]): Record<string, string> | undefined {
  if (segments.length !== template.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of template.entries()) {
    const segment = segments[index] ?? '';
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    if (name !== undefined) params[name] = segment;
    else if (part.toLowerCase() !== segment.toLowerCase()) return undefined;
  }
  return params;
}

/**
 * The request target as a URL on this host. `new URL(target, base)` would read `//x` as
 * another host, and throw for `//` or `//a:b`: here every target is a path and a query.
 */
function requestUrl(target: string, base: string): URL {
  const url = new URL(base);
  const queryAt = target.indexOf('?');
  url.pathname = queryAt === -1 ? target : target.slice(0, queryAt);
  url.search = queryAt === -1 ? '' : target.slice(queryAt);
  return url;
}

function decodeSegments(pathname: string): string[] | undefined {
  try {
    return pathname.split('/').filter((part) => part !== '').map(decodeURIComponent);
  } catch {
    return undefined;
  }
}

/** The body, or undefined when it passed the limit (the rest is drained, so the client sees our answer). */
async function readBody(message: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of message) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size <= MAX_BODY_BYTES) chunks.push(buffer);
    // Drain a little beyond the limit for a clean 413; past that, hang up.
    else if (size > 16 * MAX_BODY_BYTES) message.destroy();
  }
  return size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks);
}

function headersOf(message: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

async function send(res: ServerResponse, init: HttpResponseInit | AzureFunctions.HttpResponse): Promise<void> {
  const response = init instanceof HttpResponse ? init : new HttpResponse(init);
  const body = Buffer.from(await response.arrayBuffer());
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.statusCode = response.status;
  res.end(body.length > 0 ? body : undefined);
}

function logHandler(level: string, ...args: unknown[]): void {
  if (level === 'error' || level === 'critical') console.error(...args);
  else if (level === 'warning') console.warn(...args);
}

export async function startDevHost(options: DevHostOptions): Promise<DevHost> {
  assertDevModeAllowed(options.config, process.env);
  const services = createServices(options.config);
  const compiled: CompiledRoute[] = allRoutes.map((route) => ({
    route,
    segments: route.path.split('/'),
    handler: httpHandler(route, services, allRoutes),
  }));

  const handle = async (req: IncomingMessage, res: ServerResponse, base: string): Promise<void> => {
    const url = requestUrl(req.url ?? '/', base);
    const segments = url.pathname.startsWith(`${ROUTE_PREFIX}/`) ? decodeSegments(url.pathname.slice(ROUTE_PREFIX.length)) : undefined;
    const candidates = segments === undefined ? [] : compiled.flatMap((entry) => {
      const params = matchPath(segments, entry.segments);
      return params ? [{ entry, params }] : [];
    });
    const method = (req.method ?? 'GET').toUpperCase();
    const match = candidates.find((candidate) => candidate.entry.route.method === method);
    if (!match) {
      req.resume();
      if (candidates.length === 0) return send(res, notFound(`Det finns ingen adress ${url.pathname}.`, 'no-such-route'));
      const allow = candidates.map((candidate) => candidate.entry.route.method).join(', ');
      return send(res, problem(405, 'method-not-allowed', 'Metoden stöds inte', `${url.pathname} tar emot ${allow}.`, {}, { allow }));
    }
    const hasBody = method !== 'GET' && method !== 'HEAD';
    const body = hasBody ? await readBody(req) : Buffer.alloc(0);
    if (body === undefined) return send(res, payloadTooLarge(`Kroppen får vara högst ${MAX_BODY_BYTES / 1024 / 1024} MB.`));
    if (!hasBody) req.resume();
    const request = new HttpRequest({
      method,
      url: url.toString(),
      headers: headersOf(req),
      params: match.params,
      ...(body.length > 0 ? { body: { bytes: body } } : {}),
    });
    const context = new InvocationContext({ invocationId: randomUUID(), functionName: match.entry.route.name, logHandler });
    try {
      await send(res, await match.entry.handler(request, context));
    } catch (error) {
      console.error(`${match.entry.route.name} failed:`, error);
      await send(res, problem(500, 'internal', 'Internt fel', 'Något gick fel i API:t. Felet är loggat; inget har sparats till hälften.'));
    }
  };

  const host = options.host ?? '127.0.0.1';
  let base = '';
  const server = createServer((req, res) => {
    handle(req, res, base).catch((error: unknown) => {
      console.error('Dev host could not answer:', error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 7071, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  base = `http://${host}:${port}`;
  return {
    url: `http://${host}:${port}${ROUTE_PREFIX}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
