import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { STATUS_CODES, createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Server as NetServer } from 'node:net';
import type { Duplex } from 'node:stream';
import { createRequire } from 'node:module';
import type * as AzureFunctions from '@azure/functions';
import type { HttpHandler, HttpResponseInit } from '@azure/functions';
import type { Config } from '../config';
import { assertDevModeAllowed } from '../config';
import { httpHandler } from '../http/invoke';
import { MAX_BODY_BYTES, tooLarge } from '../http/request';
import { requestLang } from '../http/lang';
import { PROBLEM_CONTENT_TYPE, notFound, problem, problemType } from '../http/responses';
import { apiTexts } from '../texts';
import type { Route } from '../http/route';
import { routes as allRoutes } from '../routes';
import { createServices } from '../services';

/**
 * A thin stand-in for the Functions host where Core Tools cannot be installed: node:http
 * serving exactly the routes of the route table under `/api`, with the real HttpRequest and
 * InvocationContext objects of @azure/functions and the same handlers `index.ts` registers.
 *
 * It answers only requests addressed to this machine by name (localhost, 127.0.0.1, [::1]),
 * in either auth mode: a web page elsewhere that rebinds its own name to 127.0.0.1 would
 * otherwise reach the register as the dev user, or send any principal header it likes.
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
  /**
   * Lets the requests under way, and those already sent on open connections, finish and
   * answer, each connection closed after its answer; requests on connections that come after
   * this call get a 503 problem; the listener closes once none is under way. Resolves when
   * all is closed; what is still open after `deadlineMs` (10 s by default) is cut.
   */
  close(options?: { deadlineMs?: number }): Promise<void>;
  /** Storage calls this host has made so far: for tests and the benchmark, in-process only, never in a response. */
  storageOperations(): number;
}

// The package is CommonJS whose class exports Node's ESM loader cannot see by name.
const { HttpRequest, HttpResponse, InvocationContext } = createRequire(import.meta.url)('@azure/functions') as typeof AzureFunctions;

const ROUTE_PREFIX = '/api';
/** The longest request target (path and query) answered; longer gets 414. */
export const MAX_URL_BYTES = 8 * 1024;
/** The most header bytes (names and values) answered; more gets 431. */
export const MAX_HEADER_BYTES = 16 * 1024;
/** Node's parser stops here (request line and headers); past it 'clientError' answers 431. */
const PARSER_HEADER_LIMIT = 64 * 1024;
const CLOSE_DEADLINE_MS = 10_000;
/** On close, the listener and idle connections close once no request has been under way for this long. */
const LISTENER_QUIET_MS = 100;
/** …and a connection that has sent nothing yet then gets this long to send its request. */
const FIRST_REQUEST_GRACE_MS = 1_000;
const LOCAL_NAMES = /^(localhost|127\.0\.0\.1|\[::1\])(?::(\d{1,5}))?$/;
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer', 'content-length']);

interface CompiledRoute {
  route: Route;
  segments: TemplateSegment[];
  handler: HttpHandler;
}

/** A route template's segments: a parameter's name, or the literal in lower case. */
type TemplateSegment = { param: string } | { literal: string };

function compileTemplate(path: string): TemplateSegment[] {
  return path.split('/').map((part) => {
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    return name !== undefined ? { param: name } : { literal: part.toLowerCase() };
  });
}

/** `lowered` is `segments` in lower case, computed once per request. */
function matchPath(segments: readonly string[], lowered: readonly string[], template: readonly TemplateSegment[]): Record<string, string> | undefined {
  if (segments.length !== template.length) return undefined;
  const params: Record<string, string> = {};
  for (let index = 0; index < template.length; index += 1) {
    const part = template[index];
    if (part === undefined) return undefined;
    if ('param' in part) params[part.param] = segments[index] ?? '';
    else if (part.literal !== lowered[index]) return undefined;
  }
  return params;
}

const PLAIN_TARGET = /^\/[\w\-.~%!$&'()*+,;=:@/?]*$/;

/**
 * The request target as a URL on this host. `new URL(target, base)` would read `//x` as
 * another host, and throw for `//` or `//a:b`: here every target is a path and a query.
 */
function requestUrl(target: string, base: string): URL {
  // The usual target, one slash and nothing URL parsing reads otherwise, parses as it is.
  if (PLAIN_TARGET.test(target)) return new URL(`${base}${target}`);
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

/**
 * The body, or undefined as soon as it passes the limit. The rest is still read and dropped,
 * so the connection stays whole and the client gets the 413 however much it sends.
 */
function readBody(message: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    if (Number(message.headers['content-length']) > MAX_BODY_BYTES) {
      message.resume();
      resolve(undefined);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    message.on('data', (chunk: Buffer) => {
      if (size > MAX_BODY_BYTES) return;
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else {
        chunks.length = 0;
        resolve(undefined);
      }
    });
    message.once('end', () => resolve(Buffer.concat(chunks)));
    message.once('error', reject);
    message.once('close', () => {
      if (!message.complete) reject(new Error('The client closed the connection before the body was complete.'));
    });
  });
}

/** Why this request is not served, if it is not: a Host that is not this machine by name and port. */
function misdirected(hostHeader: string | undefined, port: number): string | undefined {
  const match = LOCAL_NAMES.exec((hostHeader ?? '').toLowerCase());
  if (match && (match[2] === undefined || Number(match[2]) === port)) return undefined;
  const shown = hostHeader === undefined ? 'saknas' : `är "${hostHeader.slice(0, 100)}"`;
  return (
    `Utvecklingsservern svarar bara på localhost, 127.0.0.1 och [::1] (port ${port}), men begärans Host ${shown}. ` +
    'Så kan ingen webbsida under ett annat namn nå registret via den här datorn.'
  );
}

function headerBytes(message: IncomingMessage): number {
  let bytes = 0;
  for (let index = 0; index + 1 < message.rawHeaders.length; index += 2) {
    bytes += (message.rawHeaders[index]?.length ?? 0) + (message.rawHeaders[index + 1]?.length ?? 0) + 4;
  }
  return bytes;
}

function tooLongUrl(): HttpResponseInit {
  return problem(414, 'uri-too-long', 'För lång adress', `Adressen (sökväg och frågesträng) får vara högst ${MAX_URL_BYTES / 1024} kB.`);
}

function tooLargeHeaders(): HttpResponseInit {
  return problem(431, 'headers-too-large', 'För stora rubriker', `Begärans rubriker får vara högst ${MAX_HEADER_BYTES / 1024} kB tillsammans.`);
}

/** A problem written straight on the socket, for requests Node's parser refused before there is a response object. */
function rawProblem(status: number, slug: string, title: string, detail: string): string {
  const body = JSON.stringify({ type: problemType(slug), title, status, detail });
  return (
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
    `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
  );
}

function shuttingDown(): HttpResponseInit {
  return problem(
    503,
    'shutting-down',
    'Servern stängs',
    'Utvecklingsservern håller på att stängas och tog inte emot begäran; inget har ändrats. Försök igen när den har startats igen.',
  );
}

function parserRefusal(code: string | undefined): string {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return rawProblem(
      431,
      'headers-too-large',
      'För stora rubriker',
      `Adressen och rubrikerna är tillsammans större än ${PARSER_HEADER_LIMIT / 1024} kB; adressen får vara högst ${MAX_URL_BYTES / 1024} kB och rubrikerna högst ${MAX_HEADER_BYTES / 1024} kB.`,
    );
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return rawProblem(408, 'request-timeout', 'Begäran tog för lång tid', 'Begäran kom inte fram i sin helhet i tid.');
  return rawProblem(400, 'malformed-request', 'Felaktig begäran', 'Begäran följer inte HTTP/1.1 och kunde inte läsas.');
}

function headersOf(message: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** Headers and a body already in final form: sent as they are, without building a fetch Response. */
function plainParts(init: HttpResponseInit | AzureFunctions.HttpResponse): { headers: Record<string, string>; body: Buffer } | undefined {
  if (init instanceof HttpResponse || init.jsonBody !== undefined || init.cookies !== undefined) return undefined;
  const { body, headers = {} } = init;
  if (Array.isArray(headers) || headers instanceof Headers) return undefined;
  const bytes = body === undefined || body === null ? Buffer.alloc(0) : typeof body === 'string' ? Buffer.from(body, 'utf8') : body instanceof Uint8Array ? Buffer.from(body.buffer, body.byteOffset, body.byteLength) : undefined;
  if (bytes === undefined) return undefined;
  const plain: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) plain[name.toLowerCase()] = value;
  // As a fetch Response would label a text body given without a type.
  if (typeof body === 'string' && plain['content-type'] === undefined) plain['content-type'] = 'text/plain;charset=UTF-8';
  return { headers: plain, body: bytes };
}

async function send(res: ServerResponse, init: HttpResponseInit | AzureFunctions.HttpResponse): Promise<void> {
  const plain = plainParts(init);
  if (plain !== undefined) {
    if (plain.body.length > 0) plain.headers['content-length'] = String(plain.body.length);
    res.writeHead(init.status ?? 200, plain.headers);
    res.end(plain.body.length > 0 ? plain.body : undefined);
    return;
  }
  const response = init instanceof HttpResponse ? init : new HttpResponse(init);
  const body = Buffer.from(await response.arrayBuffer());
  response.headers.forEach((value, name) => res.setHeader(name, value));
  if (body.length > 0) res.setHeader('content-length', body.length);
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
    segments: compileTemplate(route.path),
    handler: httpHandler(route, services, allRoutes),
  }));

  let port = 0;
  let base = '';
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const refusal = misdirected(req.headers.host, port);
    if (refusal !== undefined) {
      req.resume();
      return send(res, problem(421, 'misdirected-request', 'Fel värdnamn', refusal));
    }
    if ((req.url ?? '').length > MAX_URL_BYTES) {
      req.resume();
      return send(res, tooLongUrl());
    }
    if (headerBytes(req) > MAX_HEADER_BYTES) {
      req.resume();
      return send(res, tooLargeHeaders());
    }
    const url = requestUrl(req.url ?? '/', base);
    const segments = url.pathname.startsWith(`${ROUTE_PREFIX}/`) ? decodeSegments(url.pathname.slice(ROUTE_PREFIX.length)) : undefined;
    const lowered = segments?.map((segment) => segment.toLowerCase()) ?? [];
    const candidates = segments === undefined ? [] : compiled.flatMap((entry) => {
      const params = matchPath(segments, lowered, entry.segments);
      return params ? [{ entry, params }] : [];
    });
    const method = (req.method ?? 'GET').toUpperCase();
    const match = candidates.find((candidate) => candidate.entry.route.method === method);
    // Only the answers given here need it; the handlers read the header themselves.
    const langOf = () => requestLang(new Headers({ 'accept-language': String(req.headers['accept-language'] ?? '') }));
    if (!match) {
      req.resume();
      const lang = langOf();
      if (candidates.length === 0) return send(res, notFound(lang, apiTexts(lang).http.noSuchRoute(url.pathname), 'no-such-route'));
      const allow = candidates.map((candidate) => candidate.entry.route.method).join(', ');
      return send(res, problem(405, 'method-not-allowed', 'Metoden stöds inte', `${url.pathname} tar emot ${allow}.`, {}, { allow }));
    }
    const hasBody = method !== 'GET' && method !== 'HEAD';
    const body = hasBody ? await readBody(req) : Buffer.alloc(0);
    if (body === undefined) return send(res, tooLarge(langOf()));
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
  /** Open connections: requests under way, answers sent, and whether it came after close() began. */
  const connections = new Map<Socket, { active: number; answered: number; late: boolean }>();
  let closing = false;
  let closed: Promise<void> | undefined;
  let settle = (): void => undefined;
  let accepted = 0;

  // requireHostHeader off: a request without Host gets the 421 problem, not Node's bare 400.
  const server = createServer({ maxHeaderSize: PARSER_HEADER_LIMIT, requireHostHeader: false }, (req, res) => {
    // A request that reached a connection already ended by close() would find no way back: do nothing for it.
    if (req.socket.writableEnded) {
      req.socket.destroy();
      return;
    }
    const state = connections.get(req.socket);
    if (state) state.active += 1;
    settle();
    // While closing, every answer ends its connection, so none is left waiting for another request.
    if (closing) res.setHeader('connection', 'close');
    res.once('close', () => {
      if (!state) return;
      state.active -= 1;
      state.answered += 1;
      // An answer begun before close() kept its connection open for the next request: end it after the answer.
      if (closing && state.active === 0) req.socket.end();
      settle();
    });
    if (state?.late === true) {
      req.resume();
      send(res, shuttingDown()).catch((error: unknown) => console.error('Dev host could not answer:', error));
      return;
    }
    handle(req, res).catch((error: unknown) => {
      console.error('Dev host could not answer:', error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  server.on('connection', (socket: Socket) => {
    accepted += 1;
    connections.set(socket, { active: 0, answered: 0, late: closing });
    socket.once('close', () => connections.delete(socket));
    settle();
  });
  // Node's own answer to a request it cannot parse is a bare status line; this one says why.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    const answering = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || answering?.headersSent === true) {
      socket.destroy();
      return;
    }
    socket.end(parserRefusal(error.code));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 7071, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  base = `http://${host}:${port}`;

  const close = (deadlineMs: number): Promise<void> => {
    closing = true;
    return new Promise<void>((resolve, reject) => {
      let quiet: NodeJS.Timeout | undefined;
      let idle: NodeJS.Timeout | undefined;
      let listening = true;
      const noneActive = (): boolean => [...connections.values()].every((state) => state.active === 0);
      const stopListening = (): void => {
        if (!listening) return;
        listening = false;
        clearTimeout(quiet);
        // net's close, not http's: http's also drops every connection without a request under way.
        NetServer.prototype.close.call(server, (error?: Error) => {
          clearTimeout(deadline);
          clearTimeout(idle);
          if (error) reject(error);
          else resolve();
        });
        for (const [socket, state] of connections) if (state.active === 0 && state.answered > 0) socket.end();
        // A connection that has sent nothing yet gets a moment to, then is ended.
        idle = setTimeout(() => {
          for (const [socket, state] of connections) if (state.active === 0) socket.end();
        }, FIRST_REQUEST_GRACE_MS);
      };
      // The listener and the idle connections stay until no request has been under way for a
      // moment: a request already sent on an open connection is served, and what the listener
      // has queued (a client counts a connection as made once the handshake is done; closing
      // the listener would reset it) is taken and answered 503.
      settle = () => {
        if (!listening) return;
        clearTimeout(quiet);
        if (!noneActive()) return;
        const seen = accepted;
        // Checked after the loop's next poll, which reads what has arrived meanwhile.
        quiet = setTimeout(() => setImmediate(() => (accepted === seen && noneActive() ? stopListening() : settle())), LISTENER_QUIET_MS);
      };
      const deadline = setTimeout(() => {
        stopListening();
        server.closeAllConnections();
        for (const socket of connections.keys()) socket.destroy();
      }, deadlineMs);
      settle();
    });
  };

  return {
    url: `http://${host}:${port}${ROUTE_PREFIX}`,
    port,
    close: (closeOptions = {}) => (closed ??= close(closeOptions.deadlineMs ?? CLOSE_DEADLINE_MS)),
    storageOperations: () => services.tables.operations,
  };
}
