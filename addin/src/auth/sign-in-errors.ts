import { BrowserAuthError, BrowserAuthErrorCodes } from '@azure/msal-browser';
import { SignInError } from './token-source';

/** Turns an MSAL failure from an interactive sign-in into a message the finance staff can act on. */
export function signInErrorFromMsal(error: unknown): SignInError {
  if (error instanceof SignInError) return error;
  if (error instanceof BrowserAuthError) {
    if (error.errorCode === BrowserAuthErrorCodes.userCancelled) {
      return new SignInError('cancelled', 'Inloggningen avbröts. Logga in för att hämta data från SSR:s register.', {
        cause: error,
      });
    }
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

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
