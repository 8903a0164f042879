import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { LockClosedRegular } from '@fluentui/react-icons';
import { useId } from 'react';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  reason: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground2 },
  icon: { flexShrink: 0, fontSize: tokens.fontSizeBase400 },
});

/**
 * A write action. When the user's role does not allow it (`blocked` says why), the button is
 * disabled and the reason stands beside it, tied to it as its description, so the user learns
 * why before trying rather than from a refusal afterwards.
 */
export function GuardedButton({
  blocked,
  disabled,
  appearance,
  onClick,
  children,
}: {
  blocked: string | undefined;
  disabled: boolean;
  appearance?: 'primary' | 'secondary';
  onClick: () => void;
  children: ReactNode;
}) {
  const styles = useStyles();
  const reasonId = useId();
  return (
    <div className={styles.row}>
      <Button
        appearance={appearance ?? 'secondary'}
        disabled={disabled || blocked !== undefined}
        onClick={onClick}
        {...(blocked === undefined ? {} : { 'aria-describedby': reasonId })}
      >
        {children}
      </Button>
      {blocked === undefined ? null : (
        <Text id={reasonId} size={200} className={styles.reason}>
          <LockClosedRegular className={styles.icon} aria-hidden />
          {blocked}
        </Text>
      )}
    </div>
  );
}
