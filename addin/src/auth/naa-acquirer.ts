/// <reference types="office-js" />
import {
  BrowserAuthError,
  BrowserAuthErrorCodes,
  createNestablePublicClientApplication,
  InteractionRequiredAuthError,
} from '@azure/msal-browser';
import type { AccountInfo, AuthenticationResult, IPublicClientApplication } from '@azure/msal-browser';
import type { AuthConfig } from './config';
import { addinPageUrl, authPages, msalConfiguration } from './msal-config';
import { signInErrorFromMsal } from './sign-in-errors';
import type { AcquiredToken, TokenAcquirer } from './token-source';

/**
 * Nested app authentication: Excel brokers the sign-in, so a person already signed in to
 * Office gets a token without a prompt. The steps follow Microsoft's guidance for Excel:
 * the Office account's UPN as login hint (required in Excel on the web), silent first,
 * a popup only when the identity platform says interaction is required. Where Office turns
 * out to offer no bridge after all, or the popup is blocked, `dialogFallback` (the Office
 * dialog) takes over.
 */
export async function createNestedAppAcquirer(
  config: AuthConfig,
  origin: string,
  dialogFallback: () => Promise<TokenAcquirer>,
): Promise<TokenAcquirer> {
  const pca = await createNestablePublicClientApplication(
    msalConfiguration(config, addinPageUrl(origin, authPages.redirect)),
  );
  // Without the host's bridge MSAL hands back its standard client, whose popups cannot report
  // back to an add-in's frame (storage partitioning); the Office dialog can.
  if (!hasNestedAppAuthBridge()) {
    console.warn('[auth] Office offers no nested app authentication bridge; signing in through the Office dialog.');
    return dialogFallback();
  }
  const scopes = [config.apiScope];
  let fallback: TokenAcquirer | null = null;

  const interactively = async (loginHint: string | undefined): Promise<AuthenticationResult> => {
    try {
      return await pca.acquireTokenPopup({ scopes, ...(loginHint ? { loginHint } : {}) });
    } catch (error) {
      if (error instanceof BrowserAuthError && error.errorCode === BrowserAuthErrorCodes.popupWindowError) {
        throw new PopupBlocked(error);
      }
      throw signInErrorFromMsal(error);
    }
  };

  return {
    async acquireToken({ forceRefresh }) {
      if (fallback !== null) return fallback.acquireToken({ forceRefresh });
      const loginHint = await officeLoginHint();
      const account = knownAccount(pca, loginHint);
      try {
        let result: AuthenticationResult;
        try {
          result = account
            ? await pca.acquireTokenSilent({ scopes, account, forceRefresh })
            : await pca.ssoSilent({ scopes, ...(loginHint ? { loginHint } : {}) });
        } catch (silentError) {
          if (!(silentError instanceof InteractionRequiredAuthError)) throw signInErrorFromMsal(silentError);
          result = await interactively(loginHint);
        }
        return acquiredToken(result);
      } catch (error) {
        if (!(error instanceof PopupBlocked)) throw error;
        console.warn('[auth] The sign-in popup was blocked; signing in through the Office dialog instead.');
        fallback = await dialogFallback();
        return fallback.acquireToken({ forceRefresh: true });
      }
    },
    async signOut() {
      if (fallback !== null) {
        await fallback.signOut();
        fallback = null;
      }
      // Under nested app authentication the add-in acts as the account signed in to Office:
      // MSAL supports neither logout nor clearing its cache there, so there is nothing more
      // to end. Another account means switching accounts in Office itself.
    },
  };
}

/** MSAL's own test for nested app authentication: the host has put its bridge on `window`. */
function hasNestedAppAuthBridge(): boolean {
  return typeof window !== 'undefined' && 'nestedAppAuthBridge' in window && window.nestedAppAuthBridge !== undefined;
}

class PopupBlocked extends Error {
  constructor(cause: unknown) {
    super('The sign-in popup was blocked', { cause });
  }
}

function knownAccount(pca: IPublicClientApplication, loginHint: string | undefined): AccountInfo | null {
  const accounts = pca.getAllAccounts();
  const hinted = loginHint
    ? accounts.find((account) => account.username.toLowerCase() === loginHint.toLowerCase())
    : undefined;
  return hinted ?? pca.getActiveAccount() ?? accounts[0] ?? null;
}

/** The UPN of the person signed in to Office, where the host tells it. */
async function officeLoginHint(): Promise<string | undefined> {
  try {
    const context = await Office.auth.getAuthContext();
    return context.userPrincipalName || undefined;
  } catch (error) {
    // Older hosts lack getAuthContext; sign-in still works, only without the hint.
    console.warn('[auth] No login hint from Office:', error);
    return undefined;
  }
}

export function acquiredToken(result: AuthenticationResult): AcquiredToken {
  return {
    accessToken: result.accessToken,
    expiresOn: result.expiresOn,
    username: result.account?.username ?? '',
    name: result.account?.name ?? null,
  };
}
