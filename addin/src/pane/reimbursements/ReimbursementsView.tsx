import { Button, Divider, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReimbursementView } from '@ssr/shared';
import { formatSek, parseYear } from '@ssr/shared';
import { useCallback, useEffect, useState } from 'react';
import { useMessages } from '../../i18n';
import type { Notice } from '../shell/notice';
import { problemNotice } from '../shell/notice';
import { NoticeBar } from '../shell/NoticeBar';
import { Progress } from '../shell/Progress';
import { blockedReason } from '../shell/roles';
import { useServices } from '../shell/services';
import { useSession } from '../shell/session';
import { useTask } from '../shell/useTask';
import { YearField } from '../shell/YearField';
import { ConfirmButton } from '../shell/ConfirmButton';
import { RecordForm } from './RecordForm';
import { ViewSection } from '../shell/ViewSection';

// Claims as cards, not a table: six columns never fit a task pane of 320 px.
const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: 'anywhere',
  },
  line: { display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalM },
  amount: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, marginTop: tokens.spacingVerticalXS },
  total: { display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalM, padding: `0 ${tokens.spacingHorizontalM}` },
});

/** Reimbursements: record RSIB/RKK claims, list a year's claims, correct or remove one (editor). */
export function ReimbursementsView() {
  const t = useMessages();
  const styles = useStyles();
  const { api, now } = useServices();
  const session = useSession();
  const task = useTask();
  const [yearText, setYearText] = useState(String(new Date(now()).getFullYear()));
  const [listed, setListed] = useState<{ year: number; claims: ReimbursementView[] } | undefined>();
  const [editing, setEditing] = useState<ReimbursementView | undefined>();
  const members = session.snapshot?.snapshot.members ?? [];
  const names = new Map(members.map((member) => [member.id, member.name]));
  const year = parseYear(yearText);

  const list = useCallback(
    async (forYear: number | undefined): Promise<Notice | undefined> => {
      if (forYear === undefined) return undefined;
      const result = await api.reimbursements(forYear);
      if (!result.ok) return problemNotice(result.problem, t);
      setListed({ year: forYear, claims: result.value });
      return undefined;
    },
    [api, t],
  );

  const { run } = task;
  const [firstYear] = useState(year);
  useEffect(() => {
    void run(t.reimbursements.loading, () => list(firstYear));
  }, [run, list, firstYear, t]);

  const write = (work: () => Promise<Notice | undefined>) =>
    void task.run(t.common.working, async () => {
      const notice = await work();
      if (notice?.intent !== 'success') return notice;
      await session.refreshAfterWrite();
      return (await list(year)) ?? notice;
    });

  const blocked = blockedReason(session, 'editor', t);
  const busy = task.busy !== undefined;
  const remove = (claim: ReimbursementView) =>
    write(async () => {
      const result = await api.deleteReimbursement(claim.id, claim.etag);
      if (!result.ok) return problemNotice(result.problem, t);
      if (editing?.id === claim.id) setEditing(undefined);
      return { intent: 'success', body: t.reimbursements.removed };
    });

  const total = listed?.claims.reduce((sum, claim) => sum + claim.amountOre, 0) ?? 0;
  return (
    <ViewSection id="reimbursements" heading={t.reimbursements.heading} intro={t.reimbursements.intro}>
      {task.busy ? <Progress busy={task.busy} /> : null}
      {task.notice ? <NoticeBar notice={task.notice} onDismiss={() => task.setNotice(undefined)} /> : null}
      {/* The new claim's form stays as typed while a listed claim is corrected below. */}
      <RecordForm key="new" members={members} busy={busy} blocked={blocked} run={write} />
      <Divider />
      <Text as="h3" id="reimbursements-list-heading" weight="semibold">
        {t.reimbursements.listHeading}
      </Text>
      <YearField label={t.common.year} value={yearText} onChange={setYearText} />
      <div>
        <Button disabled={year === undefined || task.busy !== undefined} onClick={() => void task.run(t.reimbursements.loading, () => list(year))}>
          {t.reimbursements.show}
        </Button>
      </div>
      {listed && listed.claims.length === 0 ? <Text>{t.reimbursements.none(listed.year)}</Text> : null}
      {listed && listed.claims.length > 0 ? (
        <>
          <ul className={styles.list} aria-labelledby="reimbursements-list-heading">
            {listed.claims.map((claim) => {
              const name = names.get(claim.memberId) ?? claim.memberId;
              return (
                <li key={claim.id} className={styles.card}>
                  <div className={styles.line}>
                    <Text weight="semibold">{name}</Text>
                    <Text>{claim.function}</Text>
                  </div>
                  <div className={styles.line}>
                    <Text>
                      {claim.periodStart} – {claim.periodEnd}
                    </Text>
                    <Text className={styles.amount}>{formatSek(claim.amountOre)}</Text>
                  </div>
                  {claim.note === '' ? null : <Text>{claim.note}</Text>}
                  <div className={styles.actions}>
                    <Button
                      size="small"
                      aria-label={t.reimbursements.correctLabel(name, claim.function, claim.periodStart, claim.periodEnd)}
                      disabled={busy || blocked !== undefined}
                      onClick={() => setEditing(claim)}
                    >
                      {t.reimbursements.correct}
                    </Button>
                    <ConfirmButton
                      text={t.reimbursements.remove}
                      label={t.reimbursements.removeLabel(name, claim.function, claim.periodStart, claim.periodEnd)}
                      question={t.reimbursements.removeQuestion}
                      confirm={t.reimbursements.removeConfirm}
                      cancel={t.common.cancel}
                      disabled={busy || blocked !== undefined}
                      onConfirm={() => remove(claim)}
                    />
                  </div>
                </li>
              );
            })}
          </ul>
          <div className={styles.total}>
            <Text weight="semibold">{t.reimbursements.total}</Text>
            <Text weight="semibold" className={styles.amount}>
              {formatSek(total)}
            </Text>
          </div>
        </>
      ) : null}
      {editing ? (
        <>
          <Divider />
          <RecordForm
            key={`${editing.id}:${editing.etag}`}
            members={members}
            busy={busy}
            blocked={blocked}
            run={write}
            editing={editing}
            onDone={() => setEditing(undefined)}
          />
        </>
      ) : null}
    </ViewSection>
  );
}
