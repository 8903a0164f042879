import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useLanguage, useMessages } from '../../i18n';
import type { Messages } from '../../i18n';
import { useServices } from '../shell/services';
import { useSession } from '../shell/session';
import type { Notice } from '../shell/notice';
import { problemNotice } from '../shell/notice';
import { NoticeBar } from '../shell/NoticeBar';
import { Progress } from '../shell/Progress';
import { GuardedButton } from '../shell/GuardedButton';
import { blockedReason } from '../shell/roles';
import { useTask } from '../shell/useTask';
import type { StoredMember } from '../../api/client';
import { readBaseline, writeBaseline } from './baseline';
import { MEMBERS_SHEET } from './columns';
import type { Conflict } from './ConflictCard';
import { ConflictCard } from './ConflictCard';
import { OutcomeTable } from './OutcomeTable';
import type { MembersReview } from './review';
import { countByKind, sendable } from './review';
import { ReviewTable } from './ReviewTable';
import type { SaveOutcome } from './save';
import { baselineAfter, keepMine, saveChanges } from './save';
import type { SheetReview } from './sheet';
import { loadMembersIntoSheet, reviewSheet, writeServerVersion } from './sheet';
import { ViewSection } from '../shell/ViewSection';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

function reviewProblem(reason: Exclude<SheetReview, { ok: true }>['reason'], t: Messages): Notice {
  const body = reason === 'no-table' ? t.members.noTable : reason === 'missing' ? t.members.baselineMissing : t.members.baselineDamaged;
  return { intent: 'warning', body };
}

function summaryText(review: MembersReview, t: Messages): string {
  const counts = countByKind(review);
  return [
    `${t.members.added}: ${counts.added}`,
    `${t.members.changed}: ${counts.changed}`,
    `${t.members.removed}: ${counts.removed}`,
    `${t.members.invalid}: ${counts.invalid}`,
    `${t.members.unchanged}: ${review.unchanged}`,
  ].join(' · ');
}

/** Members: load the register into a table, review the sheet's edits, save them row by row, settle conflicts. */
export function MembersView() {
  const t = useMessages();
  const language = useLanguage();
  const styles = useStyles();
  const { api, workbook } = useServices();
  const session = useSession();
  const task = useTask();
  const [review, setReview] = useState<{ review: MembersReview; baseline: Map<string, StoredMember> } | undefined>();
  const [outcomes, setOutcomes] = useState<SaveOutcome[]>([]);
  const [unsaved, setUnsaved] = useState<number | undefined>();

  const load = (confirmed: boolean) =>
    task.run(t.members.loading, async () => {
      setUnsaved(undefined);
      if (!confirmed) {
        const current = await reviewSheet(workbook, t.members.duplicateId);
        const pending = current.ok ? current.review.entries.length : 0;
        if (pending > 0) {
          setUnsaved(pending);
          return undefined;
        }
      }
      const result = await api.listMembers();
      if (!result.ok) return problemNotice(result.problem, t);
      await loadMembersIntoSheet(workbook, result.value, language);
      setReview(undefined);
      setOutcomes([]);
      return { intent: 'success', body: t.members.loaded(result.value.length, MEMBERS_SHEET) };
    });

  const runReview = () =>
    task.run(t.members.reviewing, async () => {
      setOutcomes([]);
      const result = await reviewSheet(workbook, t.members.duplicateId);
      if (!result.ok) {
        setReview(undefined);
        return reviewProblem(result.reason, t);
      }
      setReview(result);
      if (result.review.missingColumns.length > 0) return { intent: 'warning', body: t.members.missingColumns(result.review.missingColumns.join(', ')) };
      if (result.review.entries.length === 0) return { intent: 'success', body: t.members.noChanges };
      return undefined;
    });

  const save = () =>
    task.run(t.members.saving(0, 0), async (progress) => {
      if (!review) return undefined;
      const changes = sendable(review.review);
      const results = await saveChanges(api, changes, (done, total) => progress(t.members.saving(done, total), done / total));
      await writeBaseline(workbook, [...baselineAfter(review.baseline, results).values()]);
      setOutcomes(results);
      setReview(undefined);
      await session.refreshAfterWrite();
      const saved = results.filter((outcome) => outcome.status === 'saved').length;
      const conflicts = results.filter((outcome) => outcome.status === 'conflict').length;
      const failed = results.length - saved - conflicts;
      if (saved === results.length) return { intent: 'success', body: t.members.allSaved(saved) };
      const summary = t.members.savedSummary(saved, conflicts, failed);
      const firstFailure = results.find((outcome) => outcome.status === 'failed');
      if (firstFailure?.status === 'failed') {
        // The API's own words say why (a missing role, a clash); the summary says how much got through.
        const problem = problemNotice(firstFailure.problem, t);
        return { ...problem, body: problem.body || summary, details: [...(problem.details ?? []), summary] };
      }
      // The conflicts themselves follow, with their own title and what to do.
      return { intent: 'warning', body: summary };
    });

  const settle = (conflict: Conflict, choice: 'mine' | 'server') =>
    task.run(t.common.working, async () => {
      const current = await readBaseline(workbook);
      const baseline = current.ok ? current.members : new Map<string, StoredMember>();
      let outcome: SaveOutcome;
      if (choice === 'mine') {
        outcome = await keepMine(api, conflict);
        if (outcome.status === 'failed') return problemNotice(outcome.problem, t);
        if (outcome.status === 'conflict') {
          setOutcomes((list) => list.map((item) => (item === conflict ? outcome : item)));
          return { intent: 'warning', title: t.members.conflictsTitle, body: t.members.conflictsBody };
        }
        await writeBaseline(workbook, [...baselineAfter(baseline, [outcome]).values()]);
      } else {
        await writeServerVersion(workbook, conflict.server);
        baseline.set(conflict.id, conflict.server);
        await writeBaseline(workbook, [...baseline.values()]);
        outcome = { action: conflict.action, id: conflict.id, status: 'saved', stored: conflict.server };
      }
      setOutcomes((list) => list.map((item) => (item === conflict ? outcome : item)));
      await session.refreshAfterWrite();
      const name = conflict.server.member.name;
      return { intent: 'success', body: choice === 'mine' ? t.members.keptMine(name) : t.members.keptServer(name) };
    });

  const changes = review ? sendable(review.review) : [];
  const conflicts = outcomes.filter((outcome): outcome is Conflict => outcome.status === 'conflict');
  const removes = changes.some((entry) => entry.kind === 'removed');
  const role = session.role;
  const saveBlocked = blockedReason(session, 'editor', t);

  return (
    <ViewSection id="members" heading={t.members.heading} intro={t.members.intro}>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={task.busy !== undefined} onClick={() => void load(false)}>
          {t.members.load}
        </Button>
        <Button disabled={task.busy !== undefined} onClick={() => void runReview()}>
          {t.members.review}
        </Button>
        {review && changes.length > 0 ? (
          <GuardedButton appearance="primary" blocked={saveBlocked} disabled={task.busy !== undefined} onClick={() => void save()}>
            {t.members.save(changes.length)}
          </GuardedButton>
        ) : null}
      </div>
      {task.busy ? <Progress busy={task.busy} /> : null}
      {unsaved !== undefined ? (
        <NoticeBar
          notice={{ intent: 'warning', title: t.members.unsavedTitle, body: t.members.unsavedBody(unsaved) }}
          actions={
            <>
              <Button onClick={() => void load(true)}>{t.members.loadAnyway}</Button>
              <Button onClick={() => setUnsaved(undefined)}>{t.common.cancel}</Button>
            </>
          }
        />
      ) : null}
      {task.notice ? <NoticeBar notice={task.notice} onDismiss={() => task.setNotice(undefined)} /> : null}
      {review && review.review.entries.length > 0 ? (
        <>
          <Text weight="semibold">{summaryText(review.review, t)}</Text>
          {review.review.entries.some((entry) => entry.kind === 'invalid') ? <NoticeBar notice={{ intent: 'warning', body: t.members.invalidNote }} /> : null}
          {removes && role === 'editor' ? <NoticeBar notice={{ intent: 'info', body: t.members.deleteNeedsAdmin }} /> : null}
          <ReviewTable review={review.review} />
        </>
      ) : null}
      {outcomes.length > 0 ? <OutcomeTable outcomes={outcomes} /> : null}
      {conflicts.length > 0 ? <NoticeBar notice={{ intent: 'warning', title: t.members.conflictsTitle, body: t.members.conflictsBody }} /> : null}
      {conflicts.map((conflict) => (
        <ConflictCard
          key={`${conflict.action}-${conflict.id}`}
          conflict={conflict}
          disabled={task.busy !== undefined || !session.canEdit}
          onKeepMine={() => void settle(conflict, 'mine')}
          onKeepServer={() => void settle(conflict, 'server')}
        />
      ))}
    </ViewSection>
  );
}
