import { describe, expect, it } from 'vitest';
import { readAuthConfig } from '../../../addin/src/auth/config';

const clientId = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('readAuthConfig: build-time sign-in settings', () => {
  it('none set is local dev mode: no sign-in', () => {
    expect(readAuthConfig({})).toBeNull();
    expect(readAuthConfig({ VITE_AAD_CLIENT_ID: '', VITE_AAD_TENANT_ID: '  ', VITE_API_SCOPE: undefined })).toBeNull();
  });

  it('all three set give the client id, tenant and API scope', () => {
    expect(
      readAuthConfig({
        VITE_AAD_CLIENT_ID: ` ${clientId} `,
        VITE_AAD_TENANT_ID: 'ssr.onmicrosoft.com',
        VITE_API_SCOPE: `api://${clientId}/access_as_user`,
      }),
    ).toEqual({ clientId, tenantId: 'ssr.onmicrosoft.com', apiScope: `api://${clientId}/access_as_user` });
  });

  it('a half-configured build is refused, naming what is missing', () => {
    expect(() => readAuthConfig({ VITE_AAD_CLIENT_ID: clientId })).toThrow(
      'Sign-in is half configured: VITE_AAD_CLIENT_ID set but VITE_AAD_TENANT_ID, VITE_API_SCOPE missing.',
    );
  });

  it.each([
    [{ VITE_AAD_CLIENT_ID: 'not-a-guid' }, 'VITE_AAD_CLIENT_ID must be the application (client) id, a GUID'],
    [{ VITE_AAD_TENANT_ID: 'https://login.microsoftonline.com/x' }, 'VITE_AAD_TENANT_ID must be the directory (tenant) id'],
    [{ VITE_API_SCOPE: 'access_as_user' }, 'VITE_API_SCOPE must be a full scope'],
  ])('a malformed value is refused with its name: %o', (override, message) => {
    const env = {
      VITE_AAD_CLIENT_ID: clientId,
      VITE_AAD_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      VITE_API_SCOPE: `api://${clientId}/access_as_user`,
      ...override,
    };
    expect(() => readAuthConfig(env)).toThrow(message);
  });
});
