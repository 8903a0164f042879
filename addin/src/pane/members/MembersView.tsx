import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMessages } from '../../i18n';
import { GuardedButton } from '../shell/GuardedButton';
import { NoticeBar } from '../shell/NoticeBar';
import { Progress } from '../shell/Progress';
import { ViewSection } from '../shell/ViewSection';
import { YearField } from '../shell/YearField';
import { ConflictCard } from './ConflictCard';
import { OutcomeTable } from './OutcomeTable';
import { ReviewSummary } from './ReviewSummary';
import { TermsHistory } from './TermsHistory';
import { useMembersWorkflow } from './useMembersWorkflow';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** Members: load the register into a table, review the sheet's edits, save them row by row, settle conflicts. */
export function MembersView() {
  const t = useMessages();
  const styles = useStyles();
  const members = useMembersWorkflow();
  const { task, reviewed, changes, conflicts, unsaved } = members;
  const busy = task.busy !== undefined;

  return (
    <ViewSection id="members" heading={t.members.heading} intro={t.members.intro}>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy} onClick={() => members.load(false)}>
          {t.members.load}
        </Button>
        <Button disabled={busy} onClick={members.review}>
          {t.members.review}
        </Button>
        {reviewed && changes.length > 0 ? (
          <GuardedButton
            appearance="primary"
            blocked={members.saveBlocked}
            disabled={busy || (members.termsChanging && members.changesFrom === undefined)}
            onClick={members.save}
          >
            {t.members.save(changes.length)}
          </GuardedButton>
        ) : null}
      </div>
      {reviewed && members.termsChanging ? (
        <>
          <YearField label={t.members.changesFrom} value={members.changesFromText} onChange={members.setChangesFromText} />
          <Text size={200}>{t.members.changesFromHint(members.nextYear)}</Text>
        </>
      ) : null}
      {task.busy ? <Progress busy={task.busy} /> : null}
      {unsaved !== undefined ? (
        <NoticeBar
          notice={{ intent: 'warning', title: t.members.unsavedTitle, body: t.members.unsavedBody(unsaved) }}
          actions={
            <>
              <Button onClick={() => members.load(true)}>{t.members.loadAnyway}</Button>
              <Button onClick={members.cancelLoad}>{t.common.cancel}</Button>
            </>
          }
        />
      ) : null}
      {task.notice ? <NoticeBar notice={task.notice} onDismiss={() => task.setNotice(undefined)} /> : null}
      {reviewed && reviewed.review.entries.length > 0 ? (
        <ReviewSummary review={reviewed.review} deleteNeedsAdmin={members.deleteNeedsAdmin} changesFrom={members.changesFrom} />
      ) : null}
      {members.outcomes.length > 0 ? <OutcomeTable outcomes={members.outcomes} /> : null}
      {conflicts.length > 0 ? <NoticeBar notice={members.conflictsNotice} /> : null}
      <TermsHistory members={members.register} />
      {conflicts.map((conflict) => (
        <ConflictCard
          key={`${conflict.action}-${conflict.id}`}
          conflict={conflict}
          disabled={busy || !members.canSettle}
          onKeepMine={() => members.settle(conflict, 'mine')}
          onKeepServer={() => members.settle(conflict, 'server')}
        />
      ))}
    </ViewSection>
  );
}
