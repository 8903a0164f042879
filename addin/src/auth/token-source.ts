import { appRolesFromAccessToken } from './access-token-claims';

/** The signed-in person, as the task pane shows them. */
export interface SignedInAccount {
  /** The sign-in name, usually the e-mail address. */
  readonly username: string;
  readonly name: string | null;
  /** App roles in the last access token (`SSR.Reader`, `SSR.Editor`, `SSR.Admin`); for display only — the API decides. */
  readonly appRoles: readonly string[];
}

export interface TokenRequest {
  /** Skip every cache and ask the identity platform for a new token (after the API said 401). */
  readonly forceRefresh?: boolean;
  /**
   * The token the API just refused. If the source has meanwhile renewed it (another request
   * met the same 401 a moment earlier), the newer token is returned without a new sign-in.
   */
  readonly rejectedToken?: string;
}

/** What the pane and the custom functions share: one per runtime. */
export interface TokenSource {
  /** A bearer token for the API: silently when possible, with a sign-in prompt when needed. */
  getToken(request?: TokenRequest): Promise<string>;
  /** Who is signed in, once a token has been obtained; `null` before that. */
  currentAccount(): SignedInAccount | null;
  /** Forgets the account and its tokens. */
  signOut(): Promise<void>;
  /** Calls `listener` whenever `currentAccount()` changes; returns the unsubscribe function. */
  onAccountChanged(listener: () => void): () => void;
}

/** A token as one sign-in method hands it over. */
export interface AcquiredToken {
  readonly accessToken: string;
  /** When the token stops being accepted; `null` if unknown (then it is used until a 401). */
  readonly expiresOn: Date | null;
  readonly username: string;
  readonly name: string | null;
}

/** One way of getting tokens: nested app authentication, or the Office dialog fallback. */
export interface TokenAcquirer {
  acquireToken(request: { readonly forceRefresh: boolean }): Promise<AcquiredToken>;
  signOut(): Promise<void>;
}

export type SignInFailure = 'cancelled' | 'blocked' | 'unavailable' | 'failed';

/** Sign-in did not give a token; the message is for the finance staff (Swedish). */
export class SignInError extends Error {
  override readonly name = 'SignInError';
  constructor(
    readonly failure: SignInFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface TokenSourceOptions {
  /** Milliseconds since the epoch; injectable so expiry can be tested without waiting. */
  readonly now?: () => number;
  /** A cached token this close to expiry is renewed before use. */
  readonly renewBeforeExpiryMs?: number;
}

/**
 * Wraps a sign-in method with what every caller needs: a memory cache until shortly before
 * expiry, and one request in flight at a time, so that a recalculation of 10 000 cells or
 * five pane requests that all see a 401 cause one sign-in, not many. The acquirer is
 * created on first use (MSAL and Office must be ready first); a failed creation is retried
 * on the next call rather than remembered.
 */
export function createTokenSource(
  createAcquirer: () => Promise<TokenAcquirer>,
  options: TokenSourceOptions = {},
): TokenSource {
  const now = options.now ?? Date.now;
  const renewBeforeExpiryMs = options.renewBeforeExpiryMs ?? 5 * 60_000;
  let acquirer: Promise<TokenAcquirer> | null = null;
  let cached: AcquiredToken | null = null;
  let account: SignedInAccount | null = null;
  const inFlight = new Map<boolean, Promise<string>>();
  const listeners = new Set<() => void>();

  const getAcquirer = (): Promise<TokenAcquirer> => {
    acquirer ??= createAcquirer().catch((error: unknown) => {
      acquirer = null;
      throw error;
    });
    return acquirer;
  };

  const setAccount = (next: SignedInAccount | null): void => {
    account = next;
    for (const listener of listeners) listener();
  };

  const isFresh = (token: AcquiredToken): boolean =>
    token.expiresOn === null || token.expiresOn.getTime() - renewBeforeExpiryMs > now();

  const acquire = async (forceRefresh: boolean): Promise<string> => {
    const token = await (await getAcquirer()).acquireToken({ forceRefresh });
    cached = token;
    const appRoles = appRolesFromAccessToken(token.accessToken);
    if (
      account?.username !== token.username ||
      account.name !== token.name ||
      account.appRoles.join() !== appRoles.join()
    ) {
      setAccount({ username: token.username, name: token.name, appRoles });
    }
    return token.accessToken;
  };

  return {
    getToken(request = {}) {
      const forceRefresh = request.forceRefresh ?? false;
      const renewedSinceRejection =
        request.rejectedToken !== undefined && cached?.accessToken !== request.rejectedToken;
      if ((!forceRefresh || renewedSinceRejection) && cached !== null && isFresh(cached)) {
        return Promise.resolve(cached.accessToken);
      }
      const running = inFlight.get(forceRefresh);
      if (running) return running;
      const started = acquire(forceRefresh).finally(() => inFlight.delete(forceRefresh));
      inFlight.set(forceRefresh, started);
      return started;
    },
    currentAccount: () => account,
    async signOut() {
      cached = null;
      if (acquirer !== null) await (await acquirer).signOut();
      setAccount(null);
    },
    onAccountChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
