import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePrincipal } from '../../functions/src/auth';

/** The app registration's definitions (infra/entra, applied by the commands in docs/deploy.md). */
const entra = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'infra', 'entra');
const read = (file: string): unknown => JSON.parse(readFileSync(join(entra, file), 'utf8'));

interface AppRole {
  allowedMemberTypes: string[];
  id: string;
  isEnabled: boolean;
  value: string;
}

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('infra/entra: the app registration', () => {
  const appRoles = read('app-roles.json') as AppRole[];

  it('declares the three app roles, each with its own id, for people', () => {
    expect(appRoles.map((role) => role.value)).toEqual(['SSR.Reader', 'SSR.Editor', 'SSR.Admin']);
    expect(new Set(appRoles.map((role) => role.id)).size).toBe(3);
    for (const role of appRoles) {
      expect(role.id).toMatch(guid);
      expect(role.isEnabled).toBe(true);
      expect(role.allowedMemberTypes).toEqual(['User']);
    }
  });

  it.each([
    ['SSR.Reader', ['reader']],
    ['SSR.Editor', ['reader', 'editor']],
    ['SSR.Admin', ['reader', 'editor', 'admin']],
  ])('the API grants %s the roles %j when App Service passes it as a claim', (value, roles) => {
    expect(appRoles.some((role) => role.value === value)).toBe(true);
    const principal = Buffer.from(JSON.stringify({ auth_typ: 'aad', claims: [{ typ: 'roles', val: value }] })).toString('base64');
    expect(parsePrincipal(principal, null)?.roles).toEqual(roles);
  });

  it('exposes the delegated scope the add-in asks for, with v2.0 access tokens as App Service expects', () => {
    const api = (read('api.json') as { api: { requestedAccessTokenVersion: number; oauth2PermissionScopes: { id: string; value: string; type: string }[] } }).api;
    expect(api.requestedAccessTokenVersion).toBe(2);
    expect(api.oauth2PermissionScopes).toHaveLength(1);
    expect(api.oauth2PermissionScopes[0]).toMatchObject({ value: 'access_as_user', type: 'User' });
    expect(api.oauth2PermissionScopes[0]?.id).toMatch(guid);
    const main = readFileSync(join(entra, '..', 'main.bicep'), 'utf8');
    expect(main).toContain("output VITE_API_SCOPE string = 'api://${aadClientId}/access_as_user'");
  });
});
