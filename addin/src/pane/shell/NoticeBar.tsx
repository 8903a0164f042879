import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { useMessages } from '../../i18n';
import type { Notice } from './notice';

const useStyles = makeStyles({
  details: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
  action: { display: 'block', marginTop: tokens.spacingVerticalXS },
});

/** A notice as a Fluent MessageBar: title, what happened, what to do, and the field-level reasons. */
export function NoticeBar({ notice, onDismiss, actions }: { notice: Notice; onDismiss?: () => void; actions?: ReactNode }) {
  const t = useMessages();
  const styles = useStyles();
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
