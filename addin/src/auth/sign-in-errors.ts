import { BrowserAuthError, BrowserAuthErrorCodes, ClientAuthError, ClientAuthErrorCodes } from '@azure/msal-browser';
import { SignInError } from './token-source';

/** Turns an MSAL failure from an interactive sign-in into a message the finance staff can act on. */
export function signInErrorFromMsal(error: unknown): SignInError {
  if (error instanceof SignInError) return error;
  // Under nested app authentication Office reports a cancelled prompt as a ClientAuthError.
  if (error instanceof ClientAuthError && error.errorCode === ClientAuthErrorCodes.userCanceled) {
    return cancelled(error);
  }
  if (error instanceof ClientAuthError && error.errorCode === ClientAuthErrorCodes.noNetworkConnectivity) {
    return new SignInError('unavailable', 'Ingen nätverksanslutning: inloggningen kunde inte göras. Försök igen när datorn är ansluten.', {
      cause: error,
    });
  }
  if (error instanceof BrowserAuthError) {
    if (error.errorCode === BrowserAuthErrorCodes.userCancelled) return cancelled(error);
    if (
      error.errorCode === BrowserAuthErrorCodes.popupWindowError ||
      error.errorCode === BrowserAuthErrorCodes.emptyWindowError
    ) {
      return new SignInError(
        'blocked',
        'Inloggningsfönstret kunde inte öppnas. Tillåt popup-fönster för tillägget och försök igen.',
        { cause: error },
      );
    }
  }
  return new SignInError('failed', `Inloggningen misslyckades: ${describe(error)}`, { cause: error });
}

function cancelled(cause: unknown): SignInError {
  return new SignInError('cancelled', 'Inloggningen avbröts. Logga in för att hämta data från SSR:s register.', { cause });
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
