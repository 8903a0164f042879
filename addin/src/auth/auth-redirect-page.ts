import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';

// The page a sign-in popup returns to (auth-redirect.html): MSAL v5 needs it to pass the
// answer back to the window that opened the popup.
broadcastResponseToMainFrame().catch((error: unknown) => {
  console.error('[auth] Could not hand the sign-in answer back to the add-in:', error);
});
