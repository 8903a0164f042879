import { Button, Divider, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Register } from '@ssr/shared';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { StoredFeeRule } from '../../api/client';
import { useMessages } from '../../i18n';
import type { Notice } from '../shell/notice';
import { problemNotice } from '../shell/notice';
import { NoticeBar } from '../shell/NoticeBar';
import { Progress } from '../shell/Progress';
import { blockedReason } from '../shell/roles';
import { useServices } from '../shell/services';
import { useSession } from '../shell/session';
import { useTask } from '../shell/useTask';
import { ApproveForm } from './ApproveForm';
import { ProposeForm } from './ProposeForm';
import { ViewSection } from '../shell/ViewSection';
import { VersionCard } from './VersionCard';

const useStyles = makeStyles({
  versions: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** Fee rules (R7): each version with its status, who approved it and who is pending; admins propose, approve and withdraw. */
export function FeeRulesView() {
  const t = useMessages();
  const styles = useStyles();
  const { api } = useServices();
  const session = useSession();
  const task = useTask();
  const [rules, setRules] = useState<StoredFeeRule[] | undefined>();
  const snapshot = session.snapshot?.snapshot;
  const members = snapshot?.members ?? [];
  // A draft's impact is computed from the register's members and figures and the versions listed here,
  // which include a draft proposed since the register was last read.
  const register = useMemo((): Register | undefined => {
    if (!snapshot || !rules) return undefined;
    return { members: snapshot.members, populations: snapshot.populations, feeRules: rules.map((stored) => stored.rule) };
  }, [snapshot, rules]);

  const reload = useCallback(async (): Promise<Notice | undefined> => {
    const result = await api.feeRules();
    if (!result.ok) return problemNotice(result.problem, t);
    setRules(result.value);
    return undefined;
  }, [api, t]);

  const { run } = task;
  useEffect(() => {
    void run(t.feeRules.loading, reload);
  }, [run, reload, t]);

  const write = (work: () => Promise<Notice | undefined>) =>
    void task.run(t.common.working, async () => {
      const notice = await work();
      if (notice?.intent === 'success') {
        const failed = await reload();
        await session.refreshAfterWrite();
        return failed ?? notice;
      }
      return notice;
    });

  const withdraw = (stored: StoredFeeRule) =>
    write(async () => {
      const result = await api.withdrawFeeRule(stored.rule.id, stored.etag);
      if (!result.ok) return problemNotice(result.problem, t);
      return { intent: 'success', body: t.feeRules.withdrawn(stored.rule.id) };
    });

  // R7 versions and approvals are the admins' to record; others see the forms, disabled, and why.
  const blocked = blockedReason(session, 'admin', t);
  return (
    <ViewSection id="fee-rules" heading={t.feeRules.heading} intro={t.feeRules.intro}>
      {task.busy ? <Progress busy={task.busy} /> : null}
      {task.notice ? <NoticeBar notice={task.notice} onDismiss={() => task.setNotice(undefined)} /> : null}
      {rules && rules.length === 0 ? <Text>{t.feeRules.none}</Text> : null}
      {rules && rules.length > 0 ? (
        <div className={styles.versions}>
          {rules.map((stored) => (
            <VersionCard
              key={stored.rule.id}
              stored={stored}
              members={members}
              register={register}
              withdrawDisabled={task.busy !== undefined || blocked !== undefined}
              onWithdraw={() => withdraw(stored)}
            />
          ))}
        </div>
      ) : null}
      {rules ? (
        <>
          <Divider />
          <ProposeForm key={rules.map((stored) => stored.rule.id).join(' ')} rules={rules} busy={task.busy !== undefined} blocked={blocked} run={write} />
          {rules.length > 0 ? (
            <>
              <Divider />
              <ApproveForm rules={rules} members={members} busy={task.busy !== undefined} blocked={blocked} run={write} />
            </>
          ) : null}
        </>
      ) : null}
      {rules === undefined && !task.busy ? (
        <div>
          <Button onClick={() => void task.run(t.feeRules.loading, reload)}>{t.status.recheck}</Button>
        </div>
      ) : null}
    </ViewSection>
  );
}
