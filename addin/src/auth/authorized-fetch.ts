import type { TokenSource } from './token-source';

export type Fetch = typeof fetch;

/**
 * A fetch that sends `Authorization: Bearer <token>` from the token source. When the API
 * answers 401 (the token expired or was revoked since it was cached), it asks the source
 * for a fresh token once and repeats the request once; whatever the second answer is, it
 * is returned — there is never a third attempt. Without a token source (local dev mode,
 * where the dev host acts as the dev user) requests pass through untouched.
 */
export function createAuthorizedFetch(tokenSource: TokenSource | null, fetchImpl: Fetch): Fetch {
  if (tokenSource === null) return fetchImpl;

  return async (input, init) => {
    // A Request's body can be read once; keep a pristine copy for the retry.
    const spare = input instanceof Request ? input.clone() : null;
    const token = await tokenSource.getToken();
    const first = await sendWithToken(fetchImpl, input, init, token);
    if (first.status !== 401 || !canResend(init)) return first;

    // Release the 401's body so the connection can be reused.
    await first.body?.cancel();
    const freshToken = await tokenSource.getToken({ forceRefresh: true, rejectedToken: token });
    return sendWithToken(fetchImpl, spare ?? input, init, freshToken);
  };
}

function sendWithToken(
  fetchImpl: Fetch,
  input: RequestInfo | URL,
  init: RequestInit | undefined,
  token: string,
): Promise<Response> {
  const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
  headers.set('Authorization', `Bearer ${token}`);
  if (input instanceof Request) return fetchImpl(new Request(input, { ...init, headers }));
  return fetchImpl(input, { ...init, headers });
}

/** A streamed body is gone after the first attempt; such a request is not repeated. */
function canResend(init: RequestInit | undefined): boolean {
  return !(init?.body instanceof ReadableStream);
}
