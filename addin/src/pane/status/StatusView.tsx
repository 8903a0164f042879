import { Badge, Button, Table, TableBody, TableCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { STORAGE_UNAVAILABLE_STATUS } from '../../api/shapes';
import type { SignedInAccount, TokenSource } from '../../auth';
import { useMessages } from '../../i18n';
import { formatAge } from '../shell/age';
import { errorNotice, problemNotice } from '../shell/notice';
import { NoticeBar } from '../shell/NoticeBar';
import { Progress } from '../shell/Progress';
import { useSignedInAccount } from '../shell/account';
import { roleFromAppRoles, roleName } from '../shell/roles';
import { snapshotFailureNotice, snapshotOfflineNotice } from '../shell/snapshot-notice';
import { useServices } from '../shell/services';
import { useSession } from '../shell/session';
import { useTask } from '../shell/useTask';
import { ViewSection } from '../shell/ViewSection';

/** The account as people know it: the name, with the sign-in name to tell two Anna Svenssons apart. */
function accountLabel(account: SignedInAccount): string {
  return account.name && account.name !== account.username ? `${account.name} (${account.username})` : account.username;
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  label: { fontWeight: tokens.fontWeightSemibold, width: '40%' },
});

/** Status: is the API there, is storage there, who am I, which snapshot do the formulas use. */
export function StatusView() {
  const t = useMessages();
  const styles = useStyles();
  const { workbook, now, tokenSource } = useServices();
  const account = useSignedInAccount(tokenSource);
  const session = useSession();
  const task = useTask();
  const { health, healthProblem, snapshot } = session;

  const apiState = session.checking && !health && !healthProblem ? (
    t.status.checking
  ) : healthProblem?.status === 0 ? (
    <Badge color="danger">{t.status.unreachable}</Badge>
  ) : (
    <Badge color="success">{t.status.reachable}</Badge>
  );
  const storageState =
    healthProblem?.status === STORAGE_UNAVAILABLE_STATUS ? (
      <Badge color="danger">{t.status.storageDown}</Badge>
    ) : health && !healthProblem ? (
      <Badge color="success">{t.status.storageOk}</Badge>
    ) : (
      t.status.unknown
    );
  // The strongest of the effective roles, as the API says (the token's app roles until it has).
  const role = session.role ?? (session.roles === undefined && account ? roleFromAppRoles(account.appRoles) : undefined);
  const roleState = role ? upperFirst(roleName(role, t)) : session.roles ? t.status.noRole : t.status.unknown;
  const who: [string, ReactNode][] = tokenSource
    ? [[t.status.user, account ? accountLabel(account) : t.status.notSignedIn]]
    : [
        [t.status.signIn, t.status.devMode],
        [t.status.user, health?.user.name ?? t.status.unknown],
      ];

  const rows: [string, ReactNode][] = [
    [t.status.mode, workbook.kind === 'office' ? t.status.modeExcel : t.status.modePreview],
    [t.status.api, apiState],
    [t.status.storage, storageState],
    ...who,
    [t.status.role, roleState],
    [
      t.status.snapshot,
      snapshot ? (
        <span title={snapshot.snapshot.version}>
          {snapshot.snapshot.version.slice(0, 12)}
          {snapshot.offline ? ` (${t.status.offline})` : ''}
        </span>
      ) : (
        t.status.unknown
      ),
    ],
    [t.status.age, snapshot ? formatAge(now() - snapshot.fetchedAt, t) : t.status.unknown],
  ];

  const refresh = () =>
    task.run(t.common.working, async () => {
      await session.refreshAfterWrite();
      return { intent: 'success', body: t.status.refreshed };
    });

  const signOut = (source: TokenSource) =>
    task.run(t.status.signingOut, async () => {
      await source.signOut();
      return { intent: 'success', body: t.status.signedOut };
    });

  const signIn = (source: TokenSource) =>
    task.run(t.status.signingIn, async () => {
      try {
        await source.getToken();
      } catch (error) {
        return errorNotice(error, t, t.status.signInFailed, t.status.signInRetry);
      }
      await session.recheck();
      const signedIn = source.currentAccount();
      return signedIn ? { intent: 'success', body: t.status.signedInAs(accountLabel(signedIn)) } : undefined;
    });

  return (
    <ViewSection id="status" heading={t.status.heading}>
      <Table size="small" aria-labelledby="status-heading">
        <TableBody>
          {rows.map(([label, value]) => (
            <TableRow key={label}>
              <TableCell className={styles.label}>{label}</TableCell>
              <TableCell>{value}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <div className={styles.actions}>
        <Button disabled={session.checking} onClick={() => void session.recheck()}>
          {session.checking ? t.status.checking : t.status.recheck}
        </Button>
        <Button disabled={task.busy !== undefined} onClick={() => void refresh()}>
          {t.status.refreshSnapshot}
        </Button>
        {tokenSource && account ? (
          <Button disabled={task.busy !== undefined} onClick={() => void signOut(tokenSource)}>
            {t.status.signOut}
          </Button>
        ) : null}
        {tokenSource && !account ? (
          <Button appearance="primary" disabled={task.busy !== undefined} onClick={() => void signIn(tokenSource)}>
            {t.status.signInAction}
          </Button>
        ) : null}
      </div>
      {task.busy ? <Progress busy={task.busy} /> : null}
      {task.notice ? <NoticeBar notice={task.notice} onDismiss={() => task.setNotice(undefined)} /> : null}
      {healthProblem ? <NoticeBar notice={problemNotice(healthProblem, t)} /> : null}
      {session.snapshotError === undefined ? null : <NoticeBar notice={snapshotFailureNotice(session.snapshotError, t)} />}
      {snapshot?.offline && snapshot.problemCode && session.snapshotError === undefined ? (
        <NoticeBar notice={snapshotOfflineNotice(snapshot.problemCode, t)} />
      ) : null}
    </ViewSection>
  );
}
