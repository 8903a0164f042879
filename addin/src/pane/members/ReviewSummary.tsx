import { Text } from '@fluentui/react-components';
import { useMessages } from '../../i18n';
import type { Messages } from '../../i18n';
import { NoticeBar } from '../shell/NoticeBar';
import type { MembersReview } from './review';
import { countByKind } from './review';
import { ReviewTable } from './ReviewTable';

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

/** A review with edits: how many of each kind, what will not be sent or needs an admin, and the rows. */
export function ReviewSummary({ review, deleteNeedsAdmin, changesFrom }: { review: MembersReview; deleteNeedsAdmin: boolean; changesFrom: number | undefined }) {
  const t = useMessages();
  return (
    <>
      <Text weight="semibold">{summaryText(review, t)}</Text>
      {review.entries.some((entry) => entry.kind === 'invalid') ? <NoticeBar notice={{ intent: 'warning', body: t.members.invalidNote }} /> : null}
      {deleteNeedsAdmin ? <NoticeBar notice={{ intent: 'info', body: t.members.deleteNeedsAdmin }} /> : null}
      <ReviewTable review={review} changesFrom={changesFrom} />
    </>
  );
}
