import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@ssr/shared';
import { ROLES } from '@ssr/shared';
import type { Route } from '../../functions/src/http/route';
import { routes } from '../../functions/src/routes';
import { startStack } from '../support/stack';
import type { Stack } from '../support/stack';

/**
 * Who may call what, over real HTTP, with the API in App Service auth mode (as in Azure):
 * every route of the route table, called without a principal, with each role, and with a
 * signed-in principal that has no app role. The principal header is built as App Service
 * Authentication passes an Entra ID caller: base64 JSON with the token's claims.
 *
 * Expected: no principal → 401; too weak a role → 403; enough → anything but 401/403
 * (400, 404, 428 … are the route's own business). Routes open to all (role "none") never
 * answer 401/403. The requests carry no If-Match and no valid body, so nothing is written.
 */

type Caller = { kind: 'anonymous' } | { kind: 'no-role' } | { kind: 'role'; role: Role };

const callers: readonly Caller[] = [
  { kind: 'anonymous' },
  { kind: 'no-role' },
  ...ROLES.map((role): Caller => ({ kind: 'role', role })),
];

const appRoleOf: Record<Role, string> = { reader: 'SSR.Reader', editor: 'SSR.Editor', admin: 'SSR.Admin' };

function callerName(caller: Caller): string {
  if (caller.kind === 'role') return caller.role;
  return caller.kind === 'anonymous' ? 'anonymous' : 'no role';
}

/** `x-ms-client-principal` as App Service Authentication sends it for an Entra ID bearer token. */
function principalHeader(appRoles: readonly string[]): string {
  const principal = {
    auth_typ: 'aad',
    name_typ: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name',
    role_typ: 'http://schemas.microsoft.com/ws/2008/06/identity/claims/role',
    claims: [
      { typ: 'aud', val: '0f8fad5b-d9cb-469f-a165-70867728950e' },
      { typ: 'name', val: 'Anna Ekonom' },
      { typ: 'preferred_username', val: 'anna.ekonom@ssr.example' },
      ...appRoles.map((role) => ({ typ: 'roles', val: role })),
    ],
  };
  return Buffer.from(JSON.stringify(principal)).toString('base64');
}

type Expectation = 'unauthorized' | 'forbidden' | 'allowed';

function expectation(route: Route, caller: Caller): Expectation {
  if (route.role === 'none') return 'allowed';
  if (caller.kind === 'anonymous') return 'unauthorized';
  if (caller.kind === 'no-role') return 'forbidden';
  return ROLES.indexOf(caller.role) >= ROLES.indexOf(route.role) ? 'allowed' : 'forbidden';
}

/** A URL for the route: path parameters filled in, required query parameters given. */
function urlFor(apiUrl: string, route: Route): string {
  const path = route.path.replace(/\{(\w+)\}/g, (_match, name: string) => (name === 'year' ? '2024' : 'no-such-id'));
  const query = new URLSearchParams();
  for (const parameter of route.parameters ?? []) {
    if (parameter.in !== 'query' || !parameter.required) continue;
    query.set(parameter.name, parameter.schema.type === 'integer' ? '2024' : 'x');
  }
  const search = query.toString();
  return `${apiUrl}/${path}${search ? `?${search}` : ''}`;
}

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ settings: { SSR_AUTH_MODE: 'appservice' } });
});

afterAll(async () => {
  await stack.stop();
});

const cases = routes.flatMap((route) =>
  callers.map((caller) => ({
    name: `${route.method} ${route.path} ← ${callerName(caller)}: ${expectation(route, caller)}`,
    route,
    caller,
    expected: expectation(route, caller),
  })),
);

describe('auth matrix in App Service auth mode', () => {
  it('covers every route of the route table with every kind of caller', () => {
    expect(routes.length).toBeGreaterThanOrEqual(20);
    expect(cases).toHaveLength(routes.length * callers.length);
    expect(new Set(routes.map((route) => route.role))).toEqual(new Set(['none', ...ROLES]));
  });

  it.each(cases)('$name', async ({ route, caller, expected }) => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (caller.kind !== 'anonymous') {
      headers['x-ms-client-principal'] = principalHeader(caller.kind === 'role' ? [appRoleOf[caller.role]] : []);
      headers['x-ms-client-principal-name'] = 'anna.ekonom@ssr.example';
    }
    const withBody = route.method === 'POST' || route.method === 'PUT';
    if (withBody) headers['content-type'] = 'application/json';
    const response = await fetch(urlFor(stack.apiUrl, route), {
      method: route.method,
      headers,
      ...(withBody ? { body: '{}' } : {}),
    });
    const body = await response.text();

    if (expected === 'unauthorized') expect(response.status, body).toBe(401);
    else if (expected === 'forbidden') expect(response.status, body).toBe(403);
    else expect([401, 403], `${response.status} ${body}`).not.toContain(response.status);
    if (expected !== 'allowed') {
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(body)).toMatchObject({ status: response.status });
    }
  });
});

describe('principals App Service could pass in other shapes', () => {
  it('a role claim typed with the role_typ URI counts like a "roles" claim', async () => {
    const principal = {
      auth_typ: 'aad',
      role_typ: 'http://schemas.microsoft.com/ws/2008/06/identity/claims/role',
      claims: [
        { typ: 'name', val: 'Bo Revisor' },
        { typ: 'http://schemas.microsoft.com/ws/2008/06/identity/claims/role', val: 'SSR.Admin' },
      ],
    };
    const response = await fetch(`${stack.apiUrl}/audit`, {
      headers: { 'x-ms-client-principal': Buffer.from(JSON.stringify(principal)).toString('base64') },
    });
    expect(response.status).toBe(200);
  });

  it('an unreadable principal header is a 401, never the dev user', async () => {
    const response = await fetch(`${stack.apiUrl}/members`, { headers: { 'x-ms-client-principal': 'not base64 json' } });
    expect(response.status).toBe(401);
  });

  it('an unknown app role grants nothing', async () => {
    const response = await fetch(`${stack.apiUrl}/members`, {
      headers: { 'x-ms-client-principal': principalHeader(['SSR.Superuser']) },
    });
    expect(response.status).toBe(403);
  });
});
