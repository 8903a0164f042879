import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { useMessages } from '../../i18n';
import type { Notice } from './notice';
import { useFactShown } from './notice-facts';

const useStyles = makeStyles({
  details: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
  action: { display: 'block', marginTop: tokens.spacingVerticalXS },
});

/**
 * A notice as a Fluent MessageBar: title, what happened, what to do, and the field-level reasons.
 * A notice with a `fact` hides while another notice says the same (a `standing` one of the
 * pane, or a newer one).
 */
export function NoticeBar({
  notice,
  onDismiss,
  actions,
  standing = false,
}: {
  notice: Notice;
  onDismiss?: () => void;
  actions?: ReactNode;
  standing?: boolean;
}) {
  const t = useMessages();
  const styles = useStyles();
  const shown = useFactShown(notice.fact, standing, [notice.title, notice.body, notice.action, ...(notice.details ?? [])].join('\n'));
  if (!shown) return null;
  return (
    <MessageBar intent={notice.intent} layout="multiline">
      <MessageBarBody>
        {notice.title ? <MessageBarTitle>{notice.title}</MessageBarTitle> : null}
        {notice.body}
        {notice.details && notice.details.length > 0 ? (
          <ul className={styles.details}>
            {notice.details.map((detail) => (
              <li key={detail}>{detail}</li>
            ))}
          </ul>
        ) : null}
        {notice.action ? <span className={styles.action}>{notice.action}</span> : null}
      </MessageBarBody>
      {onDismiss || actions ? (
        <MessageBarActions
          containerAction={
            onDismiss ? <Button aria-label={t.app.dismiss} appearance="transparent" icon={<DismissRegular />} onClick={onDismiss} /> : undefined
          }
        >
          {actions}
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
