import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDialogAcquirer } from '../../../addin/src/auth/dialog-acquirer';
import { createAcquirer } from '../../../addin/src/auth/index';
import { SignInError } from '../../../addin/src/auth/token-source';
import { installOfficeDialogStandIn, removeOfficeStandIn } from './office-dialog-stand-in';
import type { DialogStandIn } from './office-dialog-stand-in';

const origin = 'https://ssrbudget.z1.web.core.windows.net';
const tokenMessage = JSON.stringify({
  kind: 'token',
  accessToken: 'eyJ.token.sig',
  expiresOn: '2025-02-14T10:00:00.000Z',
  username: 'anna.ekonom@ssr.example',
  name: 'Anna Ekonom',
});

let office: DialogStandIn;

beforeEach(() => {
  office = installOfficeDialogStandIn();
});

afterEach(() => {
  removeOfficeStandIn();
});

async function signInFailure(forceRefresh = false): Promise<SignInError> {
  const error: unknown = await createDialogAcquirer(origin)
    .acquireToken({ forceRefresh })
    .then(
      () => undefined,
      (reason: unknown) => reason,
    );
  if (!(error instanceof SignInError)) throw new Error(`expected a SignInError, got ${String(error)}`);
  return error;
}

describe('the Office dialog fallback (no nested app authentication)', () => {
  it('opens the add-in’s own dialog page and returns the token the page sends back', async () => {
    office.script = { kind: 'messages', messages: [{ message: tokenMessage, origin }] };
    const token = await createDialogAcquirer(origin).acquireToken({ forceRefresh: false });

    expect(token).toEqual({
      accessToken: 'eyJ.token.sig',
      expiresOn: new Date('2025-02-14T10:00:00.000Z'),
      username: 'anna.ekonom@ssr.example',
      name: 'Anna Ekonom',
    });
    expect(office.openedUrls).toEqual([`${origin}/auth-dialog.html?action=sign-in`]);
    expect(office.closedCount).toBe(1);
  });

  it('asks the page to skip its cache when the API refused the last token', async () => {
    office.script = { kind: 'messages', messages: [{ message: tokenMessage, origin }] };
    await createDialogAcquirer(origin).acquireToken({ forceRefresh: true });

    expect(office.openedUrls).toEqual([`${origin}/auth-dialog.html?action=sign-in&forceRefresh=1`]);
  });

  it('ignores a message from another origin and takes the one from its own page', async () => {
    office.script = {
      kind: 'messages',
      messages: [
        { message: tokenMessage.replace('eyJ.token.sig', 'forged'), origin: 'https://evil.example' },
        { message: tokenMessage, origin },
      ],
    };
    const token = await createDialogAcquirer(origin).acquireToken({ forceRefresh: false });

    expect(token.accessToken).toBe('eyJ.token.sig');
  });

  it('a dialog closed by the person is a cancelled sign-in, in Swedish', async () => {
    office.script = { kind: 'closed-by-user' };
    const error = await signInFailure();

    expect(error.failure).toBe('cancelled');
    expect(error.message).toBe('Inloggningen avbröts. Logga in för att hämta data från SSR:s register.');
  });

  it('a dialog the browser blocks says to allow popups', async () => {
    office.script = { kind: 'fail-to-open', code: 12009, message: 'The user chose to ignore the dialog box.' };
    const error = await signInFailure();

    expect(error.failure).toBe('blocked');
    expect(error.message).toContain('Tillåt popup-fönster');
  });

  it('an error reported by the dialog page is passed on with its text', async () => {
    office.script = { kind: 'messages', messages: [{ message: JSON.stringify({ kind: 'error', message: 'AADSTS50105: not assigned' }), origin }] };
    const error = await signInFailure();

    expect(error.failure).toBe('failed');
    expect(error.message).toBe('Inloggningen misslyckades: AADSTS50105: not assigned');
  });

  it('a malformed message is a failed sign-in, not a token', async () => {
    office.script = { kind: 'messages', messages: [{ message: '{"kind":"token","accessToken":""}', origin }] };
    const error = await signInFailure();

    expect(error.failure).toBe('failed');
    expect(error.cause).toBeInstanceOf(Error);
    expect((error.cause as Error).message).toContain('accessToken');
  });

  it('sign-out opens the dialog with the sign-out action and settles when the page confirms', async () => {
    office.script = { kind: 'messages', messages: [{ message: JSON.stringify({ kind: 'signed-out' }), origin }] };
    await createDialogAcquirer(origin).signOut();

    expect(office.openedUrls).toEqual([`${origin}/auth-dialog.html?action=sign-out`]);
  });
});

describe('choosing the sign-in method', () => {
  const config = {
    clientId: '11111111-2222-3333-4444-555555555555',
    tenantId: 'ssr.onmicrosoft.com',
    apiScope: 'api://11111111-2222-3333-4444-555555555555/access_as_user',
  };

  it('uses the Office dialog where Office does not support NestedAppAuth 1.1', async () => {
    office.script = { kind: 'messages', messages: [{ message: tokenMessage, origin }] };
    const acquirer = await createAcquirer(config, origin);
    await acquirer.acquireToken({ forceRefresh: false });

    expect(office.openedUrls).toEqual([`${origin}/auth-dialog.html?action=sign-in`]);
  });

  it('outside Office there is no sign-in, and it says so', async () => {
    removeOfficeStandIn();
    await expect(createAcquirer(config, origin)).rejects.toThrow('Inloggning fungerar bara när tillägget körs i Excel.');
  });
});
