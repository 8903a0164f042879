import { Badge, Button, Table, TableBody, TableCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { STORAGE_UNAVAILABLE_STATUS } from '../../api/shapes';
import { useMessages } from '../../i18n';
import { formatAge } from '../shell/age';
import { problemNotice } from '../shell/notice';
import { NoticeBar } from '../shell/NoticeBar';
import { Progress } from '../shell/Progress';
import { roleName } from '../shell/roles';
import { useServices } from '../shell/services';
import { useSession } from '../shell/session';
import { useTask } from '../shell/useTask';

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  label: { fontWeight: tokens.fontWeightSemibold, width: '40%' },
});

/** Status: is the API there, is storage there, who am I, which snapshot do the formulas use. */
export function StatusView() {
  const t = useMessages();
  const styles = useStyles();
  const { workbook, now } = useServices();
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
  // The strongest of the effective roles: what the pane lets the user do follows from it.
  const roleState = session.role ? upperFirst(roleName(session.role, t)) : session.roles ? t.status.noRole : t.status.unknown;

  const rows: [string, ReactNode][] = [
    [t.status.mode, workbook.kind === 'office' ? t.status.modeExcel : t.status.modePreview],
    [t.status.api, apiState],
    [t.status.storage, storageState],
    [t.status.user, health?.user.name ?? t.status.unknown],
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

  return (
    <section className={styles.view} aria-labelledby="status-heading">
      <Text as="h2" id="status-heading" size={500} weight="semibold">
        {t.status.heading}
      </Text>
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
      </div>
      {task.busy ? <Progress busy={task.busy} /> : null}
      {task.notice ? <NoticeBar notice={task.notice} onDismiss={() => task.setNotice(undefined)} /> : null}
      {healthProblem ? <NoticeBar notice={problemNotice(healthProblem, t)} /> : null}
      {session.snapshotError ? (
        <NoticeBar notice={{ intent: 'error', title: t.problems.snapshotTitle, body: session.snapshotError, action: t.problems.networkAction }} />
      ) : null}
    </section>
  );
}
