import type { ApiProblem } from '../../api/problem';
import type { Health, Role } from '@ssr/shared';
import type { SignedInAccount } from '../../auth';
import type { WorkbookPort } from '../../excel/port';
import { useMessages } from '../../i18n';
import type { SnapshotRead } from '../../snapshot/client';
import { accountLabel, useSignedInAccount } from '../shell/account';
import { errorNotice } from '../shell/notice';
import { roleFromAppRoles } from '../shell/roles';
import { useServices } from '../shell/services';
import { useSession } from '../shell/session';
import { useTask } from '../shell/useTask';

/** What the status table shows, as plain data. */
export interface StatusFacts {
  mode: WorkbookPort['kind'];
  checking: boolean;
  health: Health | undefined;
  healthProblem: ApiProblem | undefined;
  /** False in local dev mode, where nobody signs in and /health names the dev user. */
  signsIn: boolean;
  account: SignedInAccount | null;
  role: Role | undefined;
  /** Whether /health has given the user's roles (none is an answer too). */
  rolesKnown: boolean;
  snapshot: SnapshotRead | undefined;
  snapshotAgeMs: number | undefined;
}

/** Status: is the API there, is storage there, who am I, which snapshot do the formulas use. */
export function useStatus() {
  const t = useMessages();
  const { workbook, now, tokenSource } = useServices();
  const account = useSignedInAccount(tokenSource);
  const session = useSession();
  const task = useTask();
  const { snapshot } = session;

  const facts: StatusFacts = {
    mode: workbook.kind,
    checking: session.checking,
    health: session.health,
    healthProblem: session.healthProblem,
    signsIn: tokenSource !== null,
    account,
    // The strongest of the effective roles, as the API says (the token's app roles until it has).
    role: session.role ?? (session.roles === undefined && account ? roleFromAppRoles(account.appRoles) : undefined),
    rolesKnown: session.roles !== undefined,
    snapshot,
    snapshotAgeMs: snapshot ? now() - snapshot.fetchedAt : undefined,
  };

  const refresh = () =>
    void task.run(t.common.working, async () => {
      await session.refreshAfterWrite();
      return { intent: 'success', body: t.status.refreshed };
    });

  // Offered only when they apply: sign out while signed in, sign in while not.
  const signOut =
    tokenSource && account
      ? () =>
          void task.run(t.status.signingOut, async () => {
            await tokenSource.signOut();
            return { intent: 'success', body: t.status.signedOut };
          })
      : undefined;

  const signIn =
    tokenSource && !account
      ? () =>
          void task.run(t.status.signingIn, async () => {
            try {
              await tokenSource.getToken();
            } catch (error) {
              return errorNotice(error, t, t.status.signInFailed, t.status.signInRetry);
            }
            await session.recheck();
            const signedIn = tokenSource.currentAccount();
            return signedIn ? { intent: 'success', body: t.status.signedInAs(accountLabel(signedIn)) } : undefined;
          })
      : undefined;

  return {
    task,
    facts,
    snapshotError: session.snapshotError,
    recheck: () => void session.recheck(),
    refresh,
    signIn,
    signOut,
  };
}
