import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useMessages } from '../../i18n';
import { problemNotice } from '../shell/notice';
import { NoticeBar } from '../shell/NoticeBar';
import { Progress } from '../shell/Progress';
import { snapshotFailureNotice, snapshotOfflineNotice } from '../shell/snapshot-notice';
import { ViewSection } from '../shell/ViewSection';
import { StatusTable } from './StatusTable';
import { useStatus } from './useStatus';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** Status: is the API there, is storage there, who am I, which snapshot do the formulas use. */
export function StatusView() {
  const t = useMessages();
  const styles = useStyles();
  const { task, facts, snapshotError, recheck, refresh, signIn, signOut } = useStatus();
  const { healthProblem, snapshot } = facts;
  const busy = task.busy !== undefined;

  return (
    <ViewSection id="status" heading={t.status.heading}>
      <StatusTable facts={facts} />
      <div className={styles.actions}>
        <Button disabled={facts.checking} onClick={recheck}>
          {facts.checking ? t.status.checking : t.status.recheck}
        </Button>
        <Button disabled={busy} onClick={refresh}>
          {t.status.refreshSnapshot}
        </Button>
        {signOut ? (
          <Button disabled={busy} onClick={signOut}>
            {t.status.signOut}
          </Button>
        ) : null}
        {signIn ? (
          <Button appearance="primary" disabled={busy} onClick={signIn}>
            {t.status.signInAction}
          </Button>
        ) : null}
      </div>
      {task.busy ? <Progress busy={task.busy} /> : null}
      {task.notice ? <NoticeBar notice={task.notice} onDismiss={() => task.setNotice(undefined)} /> : null}
      {healthProblem ? <NoticeBar notice={problemNotice(healthProblem, t)} /> : null}
      {snapshotError === undefined ? null : <NoticeBar notice={snapshotFailureNotice(snapshotError, t)} />}
      {snapshot?.offline && snapshot.problemCode && snapshotError === undefined ? <NoticeBar notice={snapshotOfflineNotice(snapshot.problemCode, t)} /> : null}
    </ViewSection>
  );
}
