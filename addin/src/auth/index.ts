/// <reference types="office-js" />
import type {} from './vite-env';
import { readAuthConfig } from './config';
import type { AuthConfig } from './config';
import { createTokenSource, SignInError } from './token-source';
import type { SignedInAccount, TokenAcquirer, TokenSource } from './token-source';

export { createAuthorizedFetch } from './authorized-fetch';
export type { Fetch } from './authorized-fetch';
export { readAuthConfig } from './config';
export type { AuthConfig } from './config';
export { createTokenSource, SignInError } from './token-source';
export type { SignedInAccount, TokenRequest, TokenSource } from './token-source';

/** Nested app authentication as Microsoft documents the check for it. */
const nestedAppAuth = { set: 'NestedAppAuth', version: '1.1' } as const;

let shared: TokenSource | null | undefined;

/**
 * The one token source of this runtime. The task pane and the custom functions share a
 * runtime, so they share it too: one sign-in, one token cache. `null` in local dev mode
 * (the build has no VITE_AAD_* settings), where requests go out without a token.
 */
export function getTokenSource(): TokenSource | null {
  if (shared === undefined) {
    const config = readAuthConfig(import.meta.env);
    shared = config === null ? null : createTokenSource(() => createAcquirer(config, window.location.origin));
  }
  return shared;
}

/** Who is signed in, for the task pane; `null` before the first token and in dev mode. */
export function currentAccount(): SignedInAccount | null {
  return getTokenSource()?.currentAccount() ?? null;
}

/** Signs out (forgets the account and its tokens); nothing to do in dev mode. */
export async function signOut(): Promise<void> {
  await getTokenSource()?.signOut();
}

/**
 * Picks the sign-in method this Office supports: nested app authentication, else the Office
 * dialog. Called for the first token only; MSAL is loaded then, not with the page.
 */
export async function createAcquirer(config: AuthConfig, origin: string): Promise<TokenAcquirer> {
  if (typeof Office === 'undefined') {
    throw new SignInError('unavailable', 'Inloggning fungerar bara när tillägget körs i Excel.');
  }
  await Office.onReady();
  const dialog = async (): Promise<TokenAcquirer> => (await import('./dialog-acquirer')).createDialogAcquirer(origin);
  if (Office.context.requirements.isSetSupported(nestedAppAuth.set, nestedAppAuth.version)) {
    const { createNestedAppAcquirer } = await import('./naa-acquirer');
    return createNestedAppAcquirer(config, origin, dialog);
  }
  return dialog();
}
