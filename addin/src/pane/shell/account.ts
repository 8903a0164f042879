import { useCallback, useSyncExternalStore } from 'react';
import type { SignedInAccount, TokenSource } from '../../auth';

const noSubscription = () => () => undefined;

/** Who is signed in now, kept current as the token source signs in and out; null without sign-in. */
export function useSignedInAccount(tokenSource: TokenSource | null): SignedInAccount | null {
  const subscribe = useCallback((listener: () => void) => tokenSource?.onAccountChanged(listener) ?? noSubscription(), [tokenSource]);
  const snapshot = useCallback(() => tokenSource?.currentAccount() ?? null, [tokenSource]);
  return useSyncExternalStore(subscribe, snapshot);
}

/** The account as people know it: the name, with the sign-in name to tell two Anna Svenssons apart. */
export function accountLabel(account: SignedInAccount): string {
  return account.name && account.name !== account.username ? `${account.name} (${account.username})` : account.username;
}
