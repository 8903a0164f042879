import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { ApiProblem } from '../../api/problem';
import type { Health, Role } from '@ssr/shared';
import { strongestRole } from '@ssr/shared';
import type { SnapshotRead } from '../../snapshot/client';
import { SnapshotUnavailableError } from '../../snapshot/client';
import { useServices } from './services';

/**
 * Who is using the pane and what it currently knows: the API's health (with the user and
 * role), and the shared snapshot the formulas compute from.
 */
export interface Session {
  health?: Health;
  healthProblem?: ApiProblem;
  checking: boolean;
  snapshot?: SnapshotRead;
  /** Why the last snapshot read failed: a SnapshotUnavailableError (by its code), or a defect. */
  snapshotError?: unknown;
  /** The user's effective roles as /health gave them; undefined while the pane does not know. */
  roles?: readonly Role[];
  /** The strongest of `roles`. */
  role?: Role;
  /** False only when the pane knows the user lacks the editor role; unknown roles let the user try, and the API decides. */
  canEdit: boolean;
  /** False only when the pane knows the user lacks the admin role. */
  isAdmin: boolean;
  /**
   * The API gave no answer at all: formulas run on the saved copy, nothing can be saved. An API
   * that answers with a refusal, a server error or data it cannot read is not "out of reach":
   * its own notice says what it answered.
   */
  offline: boolean;
  recheck(): Promise<void>;
  /** After a write: fetch the new snapshot, then recalculate, so the cells show the new values. */
  refreshAfterWrite(): Promise<void>;
}

/** Whether the last snapshot read found no API at all; a later read's refusal (401, 403) outdates the saved copy's reason. */
function snapshotUnreachable(snapshot: SnapshotRead | undefined, error: unknown): boolean {
  if (error instanceof SnapshotUnavailableError) return error.code === 'unreachable';
  return snapshot?.offline === true && snapshot.problemCode === 'unreachable';
}

const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() outside <SessionProvider>');
  return session;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const { api, snapshots, workbook, tokenSource } = useServices();
  const [health, setHealth] = useState<Health | undefined>();
  const [healthProblem, setHealthProblem] = useState<ApiProblem | undefined>();
  const [checking, setChecking] = useState(true);
  const [snapshot, setSnapshot] = useState<SnapshotRead | undefined>(() => snapshots.peek());
  const [snapshotError, setSnapshotError] = useState<unknown>();

  const readSnapshot = useCallback(
    async (force: boolean) => {
      try {
        setSnapshot(await (force ? snapshots.refresh() : snapshots.get()));
        setSnapshotError(undefined);
      } catch (error) {
        // The client's own failures are expected (offline, refused); anything else is a defect.
        if (!(error instanceof SnapshotUnavailableError)) console.error('SSR pane: reading the snapshot failed.', error);
        setSnapshotError(error);
      }
    },
    [snapshots],
  );

  const checkHealth = useCallback(async () => {
    const result = await api.health();
    if (result.ok) {
      setHealth(result.value);
      setHealthProblem(undefined);
    } else {
      setHealthProblem(result.problem);
    }
  }, [api]);

  // `checking` starts true, so the first check on mount has nothing to set before it awaits.
  const check = useCallback(async () => {
    try {
      await Promise.all([checkHealth(), readSnapshot(true)]);
    } finally {
      setChecking(false);
    }
  }, [checkHealth, readSnapshot]);

  const recheck = useCallback(async () => {
    setChecking(true);
    await check();
  }, [check]);

  // The roles are the signed-in user's: ask again when someone else signs in, forget them on sign-out.
  useEffect(
    () =>
      tokenSource?.onAccountChanged(() => {
        if (tokenSource.currentAccount() !== null) {
          void checkHealth();
          return;
        }
        setHealth(undefined);
        setHealthProblem(undefined);
      }),
    [tokenSource, checkHealth],
  );

  const refreshAfterWrite = useCallback(async () => {
    await readSnapshot(true);
    await workbook.recalculate();
  }, [readSnapshot, workbook]);

  useEffect(() => {
    void check();
  }, [check]);

  const value = useMemo<Session>(() => {
    const roles = health?.user.roles;
    const role = roles ? strongestRole(roles) : undefined;
    return {
      ...(health ? { health } : {}),
      ...(healthProblem ? { healthProblem } : {}),
      checking,
      ...(snapshot ? { snapshot } : {}),
      ...(snapshotError === undefined ? {} : { snapshotError }),
      ...(roles ? { roles } : {}),
      ...(role ? { role } : {}),
      // Without known roles the pane lets the user try; the API decides and says why (a 403 with its reason).
      canEdit: roles === undefined || roles.includes('editor'),
      isAdmin: roles === undefined || roles.includes('admin'),
      offline: healthProblem?.status === 0 || snapshotUnreachable(snapshot, snapshotError),
      recheck,
      refreshAfterWrite,
    };
  }, [health, healthProblem, checking, snapshot, snapshotError, recheck, refreshAfterWrite]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
