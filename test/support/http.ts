/** A small HTTP client for tests against the API: real fetch, bodies parsed, nothing hidden. */

export interface ApiResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON when the response is JSON (problem+json included), else undefined. */
  body: unknown;
  text: string;
}

export interface RequestOptions {
  /** Sent as JSON with Content-Type application/json. */
  json?: unknown;
  /** Sent as is (for bodies that are not JSON); set the content type in `headers`. */
  raw?: string | Uint8Array<ArrayBuffer>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export async function request(apiUrl: string, method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse> {
  const headers: Record<string, string> = { ...options.headers };
  let body: string | Uint8Array<ArrayBuffer> | undefined = options.raw;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${apiUrl}${path}`, { method, headers, body, signal: options.signal });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return { status: response.status, headers: response.headers, body: /json/.test(type) && text !== '' ? (JSON.parse(text) as unknown) : undefined, text };
}

/** A client bound to one API base URL. */
export function apiClient(apiUrl: string, defaults: Record<string, string> = {}) {
  const call = (method: string, path: string, options: RequestOptions = {}) =>
    request(apiUrl, method, path, { ...options, headers: { ...defaults, ...options.headers } });
  return {
    get: (path: string, options?: RequestOptions) => call('GET', path, options),
    post: (path: string, options?: RequestOptions) => call('POST', path, options),
    put: (path: string, options?: RequestOptions) => call('PUT', path, options),
    delete: (path: string, options?: RequestOptions) => call('DELETE', path, options),
    call,
  };
}
export type ApiClient = ReturnType<typeof apiClient>;

export type AppRole = 'SSR.Reader' | 'SSR.Editor' | 'SSR.Admin';

/**
 * The `x-ms-client-principal` header App Service Authentication sends: base64 JSON with
 * claims. `roleClaim` picks the claim type Entra ID uses for app roles.
 */
export function principalHeader(
  /** App roles (`SSR.Reader` …), or any other role value a principal may carry. */
  roles: readonly string[],
  name = 'Test Testsson',
  roleClaim: 'roles' | 'http://schemas.microsoft.com/ws/2008/06/identity/claims/role' = 'roles',
): Record<string, string> {
  const principal = {
    auth_typ: 'aad',
    name_typ: 'name',
    role_typ: roleClaim,
    claims: [{ typ: 'name', val: name }, ...roles.map((role) => ({ typ: roleClaim, val: role }))],
  };
  return { 'x-ms-client-principal': Buffer.from(JSON.stringify(principal)).toString('base64') };
}

/** Narrow an unknown JSON body for assertions. */
export function asRecord(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`Expected a JSON object, got ${JSON.stringify(value)}`);
  return value as Record<string, unknown>;
}
