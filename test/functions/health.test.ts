import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stack } from '../support/stack';
import { startStack } from '../support/stack';
import { apiClient, principalHeader } from '../support/http';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ devRole: 'editor', devUser: 'Eva Ekonom' });
});
afterAll(async () => {
  await stack.stop();
});

describe('GET /health says who is calling, so the pane knows what the user may do', () => {
  it.each([
    ['the dev user, as configured', {}, { name: 'Eva Ekonom', roles: ['reader', 'editor'] }],
    ['a reader principal', principalHeader(['SSR.Reader'], 'Rut Läsare'), { name: 'Rut Läsare', roles: ['reader'] }],
    ['an admin principal', principalHeader(['SSR.Admin'], 'Ada Admin'), { name: 'Ada Admin', roles: ['reader', 'editor', 'admin'] }],
    ['a principal without an app role', principalHeader([], 'Nils Ingen'), { name: 'Nils Ingen', roles: [] }],
  ])('%s', async (_who, headers, user) => {
    const response = await apiClient(stack.apiUrl).get('/health', { headers });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', storage: 'ok', authMode: 'dev', user });
  });
});
