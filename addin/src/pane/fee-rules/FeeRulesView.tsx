import { Badge, Button, Divider, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { feeRuleApprovalState, formatSek } from '@ssr/shared';
import { useCallback, useEffect, useState } from 'react';
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
import { ConfirmButton } from '../shell/ConfirmButton';

/** Fee rules (R7): versions with status, adoption date and approvals; admins propose versions and record approvals. */
export function FeeRulesView() {
  const t = useMessages();
  const { api } = useServices();
  const session = useSession();
  const task = useTask();
  const [rules, setRules] = useState<StoredFeeRule[] | undefined>();
  const members = session.snapshot?.snapshot.members ?? [];

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

  const latest = rules?.at(-1)?.rule;
  // R7 versions and approvals are the admins' to record; others see the forms, disabled, and why.
  const blocked = blockedReason(session, 'admin', t);
  return (
    <ViewSection id="fee-rules" heading={t.feeRules.heading} intro={t.feeRules.intro}>
      {task.busy ? <Progress busy={task.busy} /> : null}
      {task.notice ? <NoticeBar notice={task.notice} onDismiss={() => task.setNotice(undefined)} /> : null}
      {rules && rules.length === 0 ? <Text>{t.feeRules.none}</Text> : null}
      {rules && rules.length > 0 ? (
        <Table size="small" aria-labelledby="fee-rules-heading">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t.feeRules.version}</TableHeaderCell>
              <TableHeaderCell>{t.feeRules.effectiveFrom}</TableHeaderCell>
              <TableHeaderCell>{t.feeRules.perInhabitant}</TableHeaderCell>
              <TableHeaderCell>{t.feeRules.singleFee}</TableHeaderCell>
              <TableHeaderCell>{t.feeRules.doubleFee}</TableHeaderCell>
              <TableHeaderCell>{t.feeRules.status}</TableHeaderCell>
              <TableHeaderCell>{t.feeRules.approvals}</TableHeaderCell>
              <TableHeaderCell>{t.feeRules.actions}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rules.map((stored) => {
              const { rule, status, approvalState } = stored;
              const state = approvalState ?? feeRuleApprovalState(rule, members);
              return (
                <TableRow key={rule.id}>
                  <TableCell>{rule.id}</TableCell>
                  <TableCell>{rule.effectiveFrom}</TableCell>
                  <TableCell>{formatSek(rule.perInhabitantOre)}</TableCell>
                  <TableCell>{formatSek(rule.singleFeeOre)}</TableCell>
                  <TableCell>{formatSek(rule.doubleFeeOre)}</TableCell>
                  <TableCell>
                    <Badge appearance="tint" color={status === 'adopted' ? 'success' : 'warning'}>
                      {status === 'draft' ? t.feeRules.draft : rule.adoptedOn ? t.feeRules.adoptedOn(rule.adoptedOn) : t.feeRules.adopted}
                    </Badge>
                  </TableCell>
                  <TableCell>{t.feeRules.approvalsOf(state.approved, state.required)}</TableCell>
                  <TableCell>
                    {status === 'draft' ? (
                      <ConfirmButton
                        text={t.feeRules.withdraw}
                        label={t.feeRules.withdrawLabel(rule.id)}
                        question={t.feeRules.withdrawQuestion}
                        confirm={t.feeRules.withdrawConfirm}
                        cancel={t.common.cancel}
                        disabled={task.busy !== undefined || blocked !== undefined}
                        onConfirm={() => withdraw(stored)}
                      />
                    ) : null}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      ) : null}
      {rules ? (
        <>
          <Divider />
          <ProposeForm key={latest?.id ?? 'none'} {...(latest ? { latest } : {})} busy={task.busy !== undefined} blocked={blocked} run={write} />
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
