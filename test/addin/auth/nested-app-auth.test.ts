// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAcquirer } from '../../../addin/src/auth/index';
import { createNestedAppAcquirer } from '../../../addin/src/auth/naa-acquirer';
import { SignInError } from '../../../addin/src/auth/token-source';
import type { TokenAcquirer } from '../../../addin/src/auth/token-source';
import { installOfficeDialogStandIn, removeOfficeStandIn } from './office-dialog-stand-in';
import type { DialogStandIn } from './office-dialog-stand-in';

/**
 * Real MSAL (createNestablePublicClientApplication) against a stand-in for what Excel
 * provides a nested app: `window.nestedAppAuthBridge`, the host end of nested app
 * authentication, which answers MSAL's JSON messages (GetInitContext, GetToken,
 * GetTokenPopup) as Office does. The stand-in records every request and answers from a script.
 */
interface BridgeRequest {
  readonly method: string;
  readonly forceRefresh: boolean | undefined;
  readonly scope: string | undefined;
}

type TokenAnswer = { kind: 'token'; accessToken: string } | { kind: 'error'; status: string };

const config = {
  clientId: '0f8fad5b-d9cb-469f-a165-70867728950e',
  tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  apiScope: 'api://0f8fad5b-d9cb-469f-a165-70867728950e/access_as_user',
};
const origin = 'https://ssr-addin.example';
const person = { oid: '11111111-1111-4111-8111-111111111111', upn: 'anna.ekonom@ssr.example', name: 'Anna Ekonom' };

function unsignedJwt(claims: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`;
}

const idToken = unsignedJwt({
  aud: config.clientId,
  iss: `https://login.microsoftonline.com/${config.tenantId}/v2.0`,
  tid: config.tenantId,
  oid: person.oid,
  sub: person.oid,
  preferred_username: person.upn,
  name: person.name,
  iat: Math.floor(Date.now() / 1000),
  exp: Math.floor(Date.now() / 1000) + 3600,
});

let requests: BridgeRequest[];
let answers: Record<string, TokenAnswer[]>;
let office: DialogStandIn;

function installBridge(): void {
  const listeners: ((message: string) => void)[] = [];
  const reply = (message: Record<string, unknown>) =>
    setTimeout(() => {
      for (const listener of listeners) listener(JSON.stringify(message));
    }, 0);
  const bridge = {
    addEventListener: (_type: string, listener: (message: string) => void) => listeners.push(listener),
    postMessage(raw: string) {
      const request = JSON.parse(raw) as {
        method: string;
        requestId: string;
        tokenParams?: { forceRefresh?: boolean; scope?: string };
      };
      if (request.method === 'GetInitContext') {
        reply({
          messageType: 'NestedAppAuthResponse',
          requestId: request.requestId,
          success: true,
          initContext: { sdkName: 'office-stand-in', sdkVersion: '1.0', capabilities: { queryAccount: false } },
        });
        return;
      }
      requests.push({ method: request.method, forceRefresh: request.tokenParams?.forceRefresh, scope: request.tokenParams?.scope });
      const answer = answers[request.method]?.shift();
      if (answer === undefined) throw new Error(`The bridge stand-in has no answer left for ${request.method}`);
      if (answer.kind === 'error') {
        reply({ requestId: request.requestId, success: false, error: { status: answer.status, code: 'stand-in', description: answer.status } });
        return;
      }
      reply({
        requestId: request.requestId,
        success: true,
        token: { access_token: answer.accessToken, id_token: idToken, expires_in: 3600, scope: config.apiScope },
        account: {
          environment: 'login.microsoftonline.com',
          homeAccountId: `${person.oid}.${config.tenantId}`,
          localAccountId: person.oid,
          tenantId: config.tenantId,
          username: person.upn,
          name: person.name,
        },
      });
    },
  };
  Object.assign(window, { nestedAppAuthBridge: bridge });
}

beforeEach(() => {
  requests = [];
  answers = {};
  localStorage.clear();
  installBridge();
  office = installOfficeDialogStandIn();
  office.supportedSets.add('NestedAppAuth 1.1');
  Object.assign(Office, { auth: { getAuthContext: () => Promise.resolve({ userPrincipalName: person.upn }) } });
});

afterEach(() => {
  removeOfficeStandIn();
  Reflect.deleteProperty(window, 'nestedAppAuthBridge');
});

const noDialog = (): Promise<TokenAcquirer> => Promise.reject(new Error('the dialog must not be used here'));

describe('nested app authentication (Excel brokers the sign-in)', () => {
  it('gets the first token silently from the host, for the API scope, with the person signed in to Office', async () => {
    answers = { GetToken: [{ kind: 'token', accessToken: 'access-1' }] };
    const acquirer = await createNestedAppAcquirer(config, origin, noDialog);
    const token = await acquirer.acquireToken({ forceRefresh: false });

    expect(token).toMatchObject({ accessToken: 'access-1', username: person.upn, name: person.name });
    expect(token.expiresOn).toBeInstanceOf(Date);
    expect(requests).toEqual([{ method: 'GetToken', forceRefresh: undefined, scope: expect.stringContaining(config.apiScope) as string }]);
  });

  it('a forced refresh goes to the host again, saying so, instead of MSAL’s cache', async () => {
    answers = { GetToken: [{ kind: 'token', accessToken: 'access-1' }, { kind: 'token', accessToken: 'access-2' }] };
    const acquirer = await createNestedAppAcquirer(config, origin, noDialog);
    await acquirer.acquireToken({ forceRefresh: false });
    const renewed = await acquirer.acquireToken({ forceRefresh: true });

    expect(renewed.accessToken).toBe('access-2');
    expect(requests.map((request) => [request.method, request.forceRefresh])).toEqual([
      ['GetToken', undefined],
      ['GetToken', true],
    ]);
  });

  it('asks the person to sign in (host popup) only when the host says interaction is required', async () => {
    answers = {
      GetToken: [{ kind: 'error', status: 'USER_INTERACTION_REQUIRED' }],
      GetTokenPopup: [{ kind: 'token', accessToken: 'after-prompt' }],
    };
    const acquirer = await createNestedAppAcquirer(config, origin, noDialog);
    const token = await acquirer.acquireToken({ forceRefresh: false });

    expect(token.accessToken).toBe('after-prompt');
    expect(requests.map((request) => request.method)).toEqual(['GetToken', 'GetTokenPopup']);
  });

  it('a sign-in the person cancels is a SignInError, not a token', async () => {
    answers = {
      GetToken: [{ kind: 'error', status: 'USER_INTERACTION_REQUIRED' }],
      GetTokenPopup: [{ kind: 'error', status: 'USER_CANCEL' }],
    };
    const acquirer = await createNestedAppAcquirer(config, origin, noDialog);
    const failure: unknown = await acquirer.acquireToken({ forceRefresh: false }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(SignInError);
    expect((failure as SignInError).failure).toBe('cancelled');
    expect(requests.map((request) => request.method)).toEqual(['GetToken', 'GetTokenPopup']);
  });

  it('signing out ends nothing in Office: the next token is again the Office account’s, without a prompt', async () => {
    answers = { GetToken: [{ kind: 'token', accessToken: 'access-1' }] };
    const acquirer = await createNestedAppAcquirer(config, origin, noDialog);
    await acquirer.acquireToken({ forceRefresh: false });
    await acquirer.signOut();
    const again = await acquirer.acquireToken({ forceRefresh: false });

    expect(again).toMatchObject({ accessToken: 'access-1', username: person.upn });
    expect(requests.map((request) => request.method)).not.toContain('GetTokenPopup');
  });

  it('no network at the host is a SignInError that says so', async () => {
    answers = { GetToken: [{ kind: 'error', status: 'NO_NETWORK' }] };
    const acquirer = await createNestedAppAcquirer(config, origin, noDialog);
    const failure: unknown = await acquirer.acquireToken({ forceRefresh: false }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(SignInError);
    expect((failure as SignInError).failure).toBe('unavailable');
    expect((failure as SignInError).message).toContain('Ingen nätverksanslutning');
  });

  it('is what createAcquirer picks where Office supports NestedAppAuth 1.1: no dialog opens', async () => {
    answers = { GetToken: [{ kind: 'token', accessToken: 'access-1' }] };
    const acquirer = await createAcquirer(config, origin);
    expect((await acquirer.acquireToken({ forceRefresh: false })).accessToken).toBe('access-1');
    expect(office.openedUrls).toEqual([]);
  });

  it('falls back to the Office dialog where Office claims NestedAppAuth 1.1 but offers no bridge', async () => {
    Reflect.deleteProperty(window, 'nestedAppAuthBridge');
    office.script = {
      kind: 'messages',
      messages: [
        {
          message: JSON.stringify({ kind: 'token', accessToken: 'from-dialog', expiresOn: null, username: person.upn, name: null }),
          origin,
        },
      ],
    };
    const acquirer = await createAcquirer(config, origin);

    expect((await acquirer.acquireToken({ forceRefresh: false })).accessToken).toBe('from-dialog');
    expect(office.openedUrls).toEqual([`${origin}/auth-dialog.html?action=sign-in`]);
    expect(requests).toEqual([]);
  });
});
