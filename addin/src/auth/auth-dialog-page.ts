/// <reference types="office-js" />
import type {} from './vite-env';
import {
  createStandardPublicClientApplication,
  InteractionRequiredAuthError,
} from '@azure/msal-browser';
import type { AuthenticationResult, IPublicClientApplication } from '@azure/msal-browser';
import { readAuthConfig } from './config';
import type { AuthConfig } from './config';
import { parseDialogRequest } from './dialog-protocol';
import type { DialogMessage } from './dialog-protocol';
import { addinPageUrl, authPages, msalConfiguration } from './msal-config';
import { describe } from './sign-in-errors';

/**
 * The page inside the fallback Office dialog (auth-dialog.html). It runs MSAL's standard
 * redirect flow in its own top-level window, then sends the token to the task pane with
 * `messageParent`. Loaded inside a hidden iframe (MSAL renewing silently with this page as
 * redirect target), it only relays the answer to its opener, as MSAL v5 requires.
 */
async function runSignInDialog(): Promise<void> {
  if (window.self !== window.top) {
    const { broadcastResponseToMainFrame } = await import('@azure/msal-browser/redirect-bridge');
    await broadcastResponseToMainFrame();
    return;
  }
  await Office.onReady();
  const config = readAuthConfig(import.meta.env);
  if (config === null) {
    send({ kind: 'error', message: 'Tillägget är byggt utan inloggning (lokalt utvecklingsläge).' });
    return;
  }
  const dialogUrl = addinPageUrl(window.location.origin, authPages.dialog);
  const pca = await createStandardPublicClientApplication(msalConfiguration(config, dialogUrl));
  const request = parseDialogRequest(window.location.search);

  if (request.action === 'sign-out') {
    if (new URLSearchParams(window.location.search).get('done') === '1') {
      send({ kind: 'signed-out' });
      return;
    }
    const account = pca.getActiveAccount() ?? pca.getAllAccounts()[0] ?? null;
    if (account === null) {
      send({ kind: 'signed-out' });
      return;
    }
    await pca.logoutRedirect({ account, postLogoutRedirectUri: `${dialogUrl}?action=sign-out&done=1` });
    return;
  }

  const returning = await pca.handleRedirectPromise();
  if (returning !== null) {
    pca.setActiveAccount(returning.account);
    send(tokenMessage(returning));
    return;
  }
  const silent = await trySilently(pca, config, request.forceRefresh);
  if (silent !== null) {
    send(tokenMessage(silent));
    return;
  }
  // Navigates to the sign-in page; the answer comes back to this page (handleRedirectPromise above).
  await pca.acquireTokenRedirect({ scopes: [config.apiScope], redirectUri: dialogUrl, prompt: 'select_account' });
}

async function trySilently(
  pca: IPublicClientApplication,
  config: AuthConfig,
  forceRefresh: boolean,
): Promise<AuthenticationResult | null> {
  const account = pca.getActiveAccount() ?? pca.getAllAccounts()[0] ?? null;
  if (account === null) return null;
  try {
    return await pca.acquireTokenSilent({ scopes: [config.apiScope], account, forceRefresh });
  } catch (error) {
    if (error instanceof InteractionRequiredAuthError) return null;
    throw error;
  }
}

function tokenMessage(result: AuthenticationResult): DialogMessage {
  return {
    kind: 'token',
    accessToken: result.accessToken,
    expiresOn: result.expiresOn?.toISOString() ?? null,
    username: result.account?.username ?? '',
    name: result.account?.name ?? null,
  };
}

function send(message: DialogMessage): void {
  const text = JSON.stringify(message);
  // Name the task pane's origin as the only recipient where Office can enforce it.
  if (Office.context.requirements.isSetSupported('DialogOrigin', '1.1')) {
    Office.context.ui.messageParent(text, { targetOrigin: window.location.origin });
  } else {
    Office.context.ui.messageParent(text);
  }
}

runSignInDialog().catch((error: unknown) => {
  console.error('[auth] Sign-in dialog failed:', error);
  // The pane is waiting for one message; tell it what went wrong rather than leave it hanging.
  Office.onReady()
    .then(() => send({ kind: 'error', message: describe(error) }))
    .catch((officeError: unknown) => console.error('[auth] Could not report to the task pane:', officeError));
});
