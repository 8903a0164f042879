/// <reference types="office-js" />
import { dialogRequestQuery, parseDialogMessage } from './dialog-protocol';
import type { DialogMessage, DialogRequest } from './dialog-protocol';
import { addinPageUrl, authPages } from './msal-config';
import { SignInError } from './token-source';
import type { TokenAcquirer } from './token-source';

/** Office's code for "the person closed the dialog". */
const dialogClosedByUser = 12006;
/** Codes for "the dialog could not be shown" (one already open; refused or blocked by the browser). */
const dialogBlocked = new Set([12007, 12009, 12011]);

/**
 * The documented fallback where Office lacks nested app authentication (older builds;
 * Excel on the web with a workbook that is not on SharePoint or OneDrive): sign in with
 * MSAL's standard flow inside an Office dialog — a top-level window on the add-in's own
 * origin, where the redirect flow works — and hand the token back to the pane.
 */
export function createDialogAcquirer(origin: string): TokenAcquirer {
  return {
    async acquireToken({ forceRefresh }) {
      const message = await runDialog(origin, { action: 'sign-in', forceRefresh });
      if (message.kind === 'token') {
        return {
          accessToken: message.accessToken,
          expiresOn: message.expiresOn === null ? null : new Date(message.expiresOn),
          username: message.username,
          name: message.name,
        };
      }
      if (message.kind === 'error') {
        throw new SignInError('failed', `Inloggningen misslyckades: ${message.message}`);
      }
      throw new SignInError('failed', 'Inloggningsfönstret svarade inte med någon inloggning. Försök igen.');
    },
    async signOut() {
      const message = await runDialog(origin, { action: 'sign-out', forceRefresh: false });
      if (message.kind === 'error') throw new SignInError('failed', `Utloggningen misslyckades: ${message.message}`);
    },
  };
}

/** Opens the sign-in dialog and settles with its one message, or rejects when it fails or is closed. */
function runDialog(origin: string, request: DialogRequest): Promise<DialogMessage> {
  const url = `${addinPageUrl(origin, authPages.dialog)}?${dialogRequestQuery(request)}`;
  return new Promise<DialogMessage>((resolve, reject) => {
    Office.context.ui.displayDialogAsync(url, { height: 60, width: 30 }, (opened) => {
      if (opened.status === Office.AsyncResultStatus.Failed) {
        const { code, message } = opened.error;
        reject(
          dialogBlocked.has(code)
            ? new SignInError(
                'blocked',
                'Inloggningsfönstret kunde inte öppnas. Tillåt popup-fönster för tillägget (eller stäng ett annat öppet tilläggsfönster) och försök igen.',
              )
            : new SignInError('unavailable', `Inloggningsfönstret kunde inte öppnas (${code}: ${message}).`),
        );
        return;
      }
      const dialog = opened.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
        if (!('message' in arg)) return;
        // Only the add-in's own dialog page may hand over a token (DialogOrigin 1.1 tells the sender).
        if (arg.origin !== undefined && arg.origin !== origin) {
          console.warn(`[auth] Ignored a dialog message from ${arg.origin}.`);
          return;
        }
        dialog.close();
        try {
          resolve(parseDialogMessage(arg.message));
        } catch (error) {
          reject(new SignInError('failed', 'Inloggningsfönstret svarade med något oväntat.', { cause: error }));
        }
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, (arg) => {
        if (!('error' in arg)) return;
        reject(
          arg.error === dialogClosedByUser
            ? new SignInError('cancelled', 'Inloggningen avbröts. Logga in för att hämta data från SSR:s register.')
            : new SignInError('failed', `Inloggningsfönstret stängdes oväntat (${arg.error}).`),
        );
      });
    });
  });
}
