import { LogLevel } from '@azure/msal-browser';
import type { Configuration } from '@azure/msal-browser';
import type { AuthConfig } from './config';

/**
 * Pages of the add-in that take part in sign-in, at the root of its origin (the build and
 * the dev server serve src/auth/*.html there); each must be a registered SPA redirect URI.
 */
export const authPages = {
  /** MSAL's redirect bridge: receives the answer of a sign-in popup and hands it back. */
  redirect: 'auth-redirect.html',
  /** The Office dialog used where nested app authentication is not supported. */
  dialog: 'auth-dialog.html',
} as const;

/** `https://host[:port]/<page>` on the add-in's own origin. */
export function addinPageUrl(origin: string, page: string): string {
  return `${origin}/${page}`;
}

/** MSAL settings shared by the task pane (nested) and the fallback dialog (standard). */
export function msalConfiguration(config: AuthConfig, redirectUri: string): Configuration {
  return {
    auth: {
      clientId: config.clientId,
      authority: `https://login.microsoftonline.com/${config.tenantId}`,
      redirectUri,
      postLogoutRedirectUri: redirectUri,
    },
    // localStorage, as Microsoft's add-in samples do, so a reload of the pane or of the
    // shared runtime keeps the account instead of asking again.
    cache: { cacheLocation: 'localStorage' },
    system: {
      loggerOptions: {
        logLevel: LogLevel.Warning,
        piiLoggingEnabled: false,
        loggerCallback: (level, message, containsPii) => {
          if (containsPii) return;
          if (level === LogLevel.Error) console.error(`[auth] ${message}`);
          else console.warn(`[auth] ${message}`);
        },
      },
    },
  };
}
