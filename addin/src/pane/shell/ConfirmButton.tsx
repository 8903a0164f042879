import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalXS, rowGap: tokens.spacingVerticalXXS },
});

/**
 * An action that cannot be undone from the pane (removing a claim, withdrawing a draft): the
 * first press asks, the second does it. `label` names the row it acts on, for screen readers,
 * since every row's button reads the same.
 */
export function ConfirmButton({
  text,
  label,
  question,
  confirm,
  cancel,
  disabled,
  onConfirm,
}: {
  text: string;
  label: string;
  question: string;
  confirm: string;
  cancel: string;
  disabled: boolean;
  onConfirm: () => void;
}) {
  const styles = useStyles();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <Button size="small" aria-label={label} disabled={disabled} onClick={() => setAsking(true)}>
        {text}
      </Button>
    );
  }
  return (
    <div className={styles.row} role="group" aria-label={label}>
      <Text size={200}>{question}</Text>
      <Button
        size="small"
        appearance="primary"
        disabled={disabled}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirm}
      </Button>
      <Button size="small" onClick={() => setAsking(false)}>
        {cancel}
      </Button>
    </div>
  );
}
