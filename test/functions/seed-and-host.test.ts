import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_MEMBERS } from '@ssr/shared';
import { routes } from '../../functions/src/routes';
import type { Azurite } from '../support/azurite';
import { startAzurite } from '../support/azurite';
import { startStack } from '../support/stack';
import { apiClient, asRecord } from '../support/http';

let azurite: Azurite;

beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(async () => {
  await azurite.stop();
});

describe('seeding the register on first start', () => {
  it('two instances starting at once on empty tables seed it once: 37 members, the figures, the rule, one audit entry', async () => {
    const [one, two] = await Promise.all([startStack({ azurite }), startStack({ azurite })]);
    try {
      for (const stack of [one, two]) {
        const api = apiClient(stack.apiUrl);
        const members = asRecord((await api.get('/members')).body).members as { id: string }[];
        expect(members.map((member) => member.id).sort()).toEqual(SEED_MEMBERS.map((member) => member.id).sort());
        expect(asRecord((await api.get('/populations?year=2023')).body).figures).toHaveLength(26);
        expect(asRecord((await api.get('/populations?year=2024')).body).figures).toHaveLength(20);
        expect(asRecord((await api.get('/fee-rules')).body).feeRules).toHaveLength(1);
        const entries = asRecord((await api.get('/audit')).body).entries as { action: string; actor: { name: string } }[];
        expect(entries.filter((entry) => entry.action === 'register.seed')).toEqual([
          expect.objectContaining({ actor: { name: 'system', roles: [] }, target: 'register', after: { members: 37, populationYears: [2023, 2024], feeRules: ['avgifter-2024'] } }),
        ]);
      }
    } finally {
      await Promise.all([one.stop(), two.stop()]);
    }
  });

  it('does not seed again on a later start, even when members were removed', async () => {
    const first = await startStack({ azurite });
    const api = apiClient(first.apiUrl);
    const vaxholm = asRecord((await api.get('/members/vaxholm')).body);
    expect((await api.delete('/members/vaxholm', { headers: { 'if-match': String(vaxholm.etag) } })).status).toBe(204);
    await first.stop();
    const second = await startStack({ azurite });
    try {
      const again = apiClient(second.apiUrl);
      expect((await again.get('/members/vaxholm')).status).toBe(404);
      expect(asRecord((await again.get('/members')).body).members).toHaveLength(36);
    } finally {
      await second.stop();
    }
  });
});

describe('the dev host', () => {
  it('serves every route of the route table under /api, and answers other addresses with 404 or 405 problems', async () => {
    const stack = await startStack({ azurite });
    try {
      const api = apiClient(stack.apiUrl);
      for (const route of routes) {
        const path = `/${route.path.replace('{id}/approvals', 'avgifter-2024/approvals').replace('{id}', 'nacka').replace('{memberId}', 'nacka').replace('{year}', '2024')}?year=2024`;
        const response = await api.call(route.method, path);
        expect(asRecord(response.body ?? {}).type, `${route.method} ${path}`).not.toBe('urn:ssr:problem:no-such-route');
        expect(response.status, `${route.method} ${path}`).not.toBe(405);
      }
      const unknown = await api.get('/nothing-here');
      expect(unknown.status).toBe(404);
      expect(asRecord(unknown.body)).toMatchObject({ type: 'urn:ssr:problem:no-such-route', status: 404 });
      const outside = await fetch(stack.apiUrl.replace(/\/api$/, '/members'));
      expect(outside.status).toBe(404);
      // A path that begins with two slashes is a path on this host, not a URL of another one.
      for (const odd of ['//', '//a:b/api/health', '//[']) {
        const response = await fetch(stack.apiUrl.replace(/\/api$/, odd));
        expect(response.status, odd).toBe(404);
        expect(response.headers.get('content-type'), odd).toMatch(/^application\/problem\+json/);
      }
      const wrongMethod = await api.call('PATCH', '/members/nacka');
      expect(wrongMethod.status).toBe(405);
      expect(wrongMethod.headers.get('allow')).toBe('GET, PUT, DELETE');
    } finally {
      await stack.stop();
    }
  });
});
