import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_MEMBERS, SEED_POPULATIONS, snapshotSchema } from '@ssr/shared';
import { routes } from '../../functions/src/routes';
import type { Stack } from '../support/stack';
import { startStack } from '../support/stack';
import type { ApiClient } from '../support/http';
import { apiClient, asRecord, principalHeader } from '../support/http';

/** The API as it runs in Azure: only App Service principals count. */
let stack: Stack;
let api: ApiClient;

beforeAll(async () => {
  stack = await startStack({ settings: { SSR_AUTH_MODE: 'appservice' } });
  api = apiClient(stack.apiUrl);
});
afterAll(async () => {
  await stack.stop();
});

const ROLE_OF = { reader: 'SSR.Reader', editor: 'SSR.Editor', admin: 'SSR.Admin' } as const;
const LOWER = { reader: [], editor: ['SSR.Reader'], admin: ['SSR.Reader', 'SSR.Editor'] } as const;

function concretePath(path: string): string {
  const filled = path.replace('{id}/approvals', 'avgifter-2024/approvals').replace('{id}', 'nacka').replace('{memberId}', 'nacka').replace('{year}', '2024');
  return `/${filled}?year=2024`;
}

describe('roles from x-ms-client-principal, route by route', () => {
  const protectedRoutes = routes.flatMap((route) => (route.role === 'none' ? [] : [[route.method, route.path, route.role] as const]));

  it.each(protectedRoutes)('%s /%s needs %s: 401 without a principal, 403 without the role', async (method, path, role) => {
    const url = concretePath(path);
    const anonymous = await api.call(method, url);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(asRecord(anonymous.body)).toMatchObject({ status: 401, title: 'Inte inloggad', type: 'urn:ssr:problem:unauthenticated' });

    const noRole = await api.call(method, url, { headers: principalHeader(['Some.Other.Role']) });
    expect(noRole.status).toBe(403);
    expect(String(asRecord(noRole.body).detail)).toContain('ingen roll');

    const lower = await api.call(method, url, { headers: principalHeader(LOWER[role]) });
    expect(lower.status).toBe(403);

    const allowed = await api.call(method, url, { headers: principalHeader([ROLE_OF[role]]) });
    expect([401, 403]).not.toContain(allowed.status);
  });

  it.each(routes.filter((route) => route.role === 'none').map((route) => [route.path] as const))('/%s is open to anyone', async (path) => {
    const response = await api.get(`/${path}`);
    expect(response.status).toBe(200);
  });

  it('reads roles from either claim type; admin implies editor implies reader', async () => {
    const longClaim = principalHeader(['SSR.Admin'], 'Ada Admin', 'http://schemas.microsoft.com/ws/2008/06/identity/claims/role');
    expect((await api.get('/audit', { headers: longClaim })).status).toBe(200);
    expect((await api.get('/members', { headers: principalHeader(['SSR.Admin']) })).status).toBe(200);
    expect((await api.get('/audit', { headers: principalHeader(['SSR.Editor']) })).status).toBe(403);
  });

  it('refuses a principal header that is not one (401)', async () => {
    for (const value of ['not base64 json', Buffer.from('{"claims": "no"}').toString('base64')]) {
      const response = await api.get('/members', { headers: { 'x-ms-client-principal': value } });
      expect(response.status).toBe(401);
      expect(String(asRecord(response.body).detail)).toContain('x-ms-client-principal');
    }
  });
});

describe('GET /snapshot', () => {
  const reader = principalHeader(['SSR.Reader']);

  it('carries the register, fee rules with status, reimbursement sums and a version that is also the ETag', async () => {
    const response = await api.get('/snapshot', { headers: reader });
    expect(response.status).toBe(200);
    const snapshot = snapshotSchema.parse(response.body);
    expect(response.headers.get('etag')).toBe(`"${snapshot.version}"`);
    expect(snapshot.members).toEqual([...SEED_MEMBERS].sort((a, b) => a.id.localeCompare(b.id)));
    expect(snapshot.populations).toEqual([...SEED_POPULATIONS].sort((a, b) => a.year - b.year || a.municipalityCode.localeCompare(b.municipalityCode)));
    expect(asRecord((response.body as { feeRules: unknown[] }).feeRules[0]).status).toBe('adopted');
    expect(snapshot.reimbursementSums).toEqual([]);
  });

  it('answers 304 to If-None-Match with the current version (strong, weak or in a list), 200 otherwise', async () => {
    const first = await api.get('/snapshot', { headers: reader });
    const etag = first.headers.get('etag') ?? '';
    for (const tag of [etag, `W/${etag}`, `"other", ${etag}`]) {
      const again = await api.get('/snapshot', { headers: { ...reader, 'if-none-match': tag } });
      expect(again.status).toBe(304);
      expect(again.text).toBe('');
      expect(again.headers.get('etag')).toBe(etag);
    }
    expect((await api.get('/snapshot', { headers: { ...reader, 'if-none-match': '"old"' } })).status).toBe(200);
  });

  it('changes version when the data changes, and only then', async () => {
    const editor = principalHeader(['SSR.Editor']);
    const before = asRecord((await api.get('/snapshot', { headers: reader })).body);
    const member = asRecord((await api.get('/members/nacka', { headers: reader })).body);
    // Writing the same data gives a new etag but the same content: the version stays.
    const same = await api.put('/members/nacka', { json: member, headers: { ...editor, 'if-match': String(member.etag) } });
    expect(same.status).toBe(200);
    expect(asRecord((await api.get('/snapshot', { headers: reader })).body).version).toBe(before.version);
    const changed = await api.put('/members/nacka', { json: { ...member, name: 'Nacka kommun' }, headers: { ...editor, 'if-match': String(asRecord(same.body).etag) } });
    expect(changed.status).toBe(200);
    const after = asRecord((await api.get('/snapshot', { headers: reader })).body);
    expect(after.version).not.toBe(before.version);
    expect((after.members as { id: string; name: string }[]).find((m) => m.id === 'nacka')?.name).toBe('Nacka kommun');
    const audit = asRecord((await api.get('/audit', { headers: principalHeader(['SSR.Admin']) })).body).entries as { actor: { name: string; roles: string[] } }[];
    expect(audit.at(-1)?.actor).toEqual({ name: 'Test Testsson', roles: ['reader', 'editor'] });
  });
});
