import { describe, expect, it } from 'vitest';
import { appRolesFromAccessToken } from '../../../addin/src/auth/access-token-claims';
import { createTokenSource } from '../../../addin/src/auth/token-source';
import type { AcquiredToken, TokenAcquirer } from '../../../addin/src/auth/token-source';

function jwt(claims: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.signature`;
}

/** A sign-in method that hands out the tokens it is given, in order, and records each request. */
function scriptedAcquirer(tokens: AcquiredToken[]): TokenAcquirer & { requests: boolean[]; signOuts: number } {
  const state = {
    requests: [] as boolean[],
    signOuts: 0,
    acquireToken({ forceRefresh }: { forceRefresh: boolean }): Promise<AcquiredToken> {
      state.requests.push(forceRefresh);
      const next = tokens.shift();
      return next ? Promise.resolve(next) : Promise.reject(new Error('no more tokens'));
    },
    signOut(): Promise<void> {
      state.signOuts += 1;
      return Promise.resolve();
    },
  };
  return state;
}

const anna = { username: 'anna@ssr.example', name: 'Anna Ekonom' };

describe('createTokenSource', () => {
  it('keeps a token until five minutes before it expires, then renews it', async () => {
    let now = Date.parse('2025-02-14T09:00:00Z');
    const acquirer = scriptedAcquirer([
      { ...anna, accessToken: 'first', expiresOn: new Date('2025-02-14T10:00:00Z') },
      { ...anna, accessToken: 'second', expiresOn: new Date('2025-02-14T11:00:00Z') },
    ]);
    const source = createTokenSource(() => Promise.resolve(acquirer), { now: () => now });

    expect(await source.getToken()).toBe('first');
    now = Date.parse('2025-02-14T09:54:59Z');
    expect(await source.getToken()).toBe('first');
    now = Date.parse('2025-02-14T09:55:01Z');
    expect(await source.getToken()).toBe('second');
    expect(acquirer.requests).toEqual([false, false]);
  });

  it('a forced refresh goes to the sign-in method even with a valid token cached', async () => {
    const acquirer = scriptedAcquirer([
      { ...anna, accessToken: 'first', expiresOn: null },
      { ...anna, accessToken: 'second', expiresOn: null },
    ]);
    const source = createTokenSource(() => Promise.resolve(acquirer));

    expect(await source.getToken()).toBe('first');
    expect(await source.getToken({ forceRefresh: true, rejectedToken: 'first' })).toBe('second');
    // A request that was refused the old token meanwhile gets the renewed one without a new sign-in.
    expect(await source.getToken({ forceRefresh: true, rejectedToken: 'first' })).toBe('second');
    expect(acquirer.requests).toEqual([false, true]);
  });

  it('shows the signed-in person with the app roles of the token, and tells listeners', async () => {
    const accessToken = jwt({ roles: ['SSR.Editor', 'SSR.Reader'], aud: 'api://x' });
    const source = createTokenSource(() => Promise.resolve(scriptedAcquirer([{ ...anna, accessToken, expiresOn: null }])));
    let changes = 0;
    const stop = source.onAccountChanged(() => (changes += 1));

    expect(source.currentAccount()).toBeNull();
    await source.getToken();
    expect(source.currentAccount()).toEqual({ ...anna, appRoles: ['SSR.Editor', 'SSR.Reader'] });
    expect(changes).toBe(1);
    stop();
  });

  it('signing out forgets the account and the token: the next call signs in again', async () => {
    const acquirer = scriptedAcquirer([
      { ...anna, accessToken: 'first', expiresOn: null },
      { username: 'bo@ssr.example', name: 'Bo', accessToken: 'second', expiresOn: null },
    ]);
    const source = createTokenSource(() => Promise.resolve(acquirer));
    await source.getToken();
    await source.signOut();

    expect(source.currentAccount()).toBeNull();
    expect(acquirer.signOuts).toBe(1);
    expect(await source.getToken()).toBe('second');
    expect(source.currentAccount()?.username).toBe('bo@ssr.example');
  });

  it('a failed start of the sign-in method is retried on the next call, not remembered', async () => {
    let attempts = 0;
    const source = createTokenSource(() => {
      attempts += 1;
      return attempts === 1
        ? Promise.reject(new Error('Office is not ready'))
        : Promise.resolve(scriptedAcquirer([{ ...anna, accessToken: 'late', expiresOn: null }]));
    });

    await expect(source.getToken()).rejects.toThrow('Office is not ready');
    expect(await source.getToken()).toBe('late');
  });
});

describe('appRolesFromAccessToken', () => {
  it.each([
    ['a token with roles', jwt({ roles: ['SSR.Admin'] }), ['SSR.Admin']],
    ['a token without roles', jwt({ scp: 'access_as_user' }), []],
    ['roles that are not strings are dropped', jwt({ roles: ['SSR.Reader', 7] }), ['SSR.Reader']],
    ['an opaque token', 'opaque-token', []],
    ['a token whose payload is not JSON', 'a.bm90IGpzb24.c', []],
  ])('%s', (_case, token, roles) => {
    expect(appRolesFromAccessToken(token)).toEqual(roles);
  });
});
