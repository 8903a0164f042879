import { Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { InputOnChangeData } from '@fluentui/react-components';
import { forwardRef } from 'react';
import type { ChangeEvent, KeyboardEvent } from 'react';
import { useMessages } from '../../i18n';

const useStyles = makeStyles({
  bar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  address: { minWidth: '48px', fontFamily: tokens.fontFamilyMonospace },
  input: { flexGrow: 1, fontFamily: tokens.fontFamilyMonospace },
});

/** Excel's formula bar: the selected cell's address and contents (its formula, if it has one), editable. */
export const CellBar = forwardRef<HTMLInputElement, {
  address: string;
  draft: string;
  onDraft: (value: string) => void;
  onCommit: () => void;
  onCancel: () => void;
}>(function CellBar({ address, draft, onDraft, onCommit, onCancel }, ref) {
  const t = useMessages();
  const styles = useStyles();
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      onCommit();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  };
  return (
    <div className={styles.bar}>
      <Text className={styles.address} aria-label={t.preview.cell}>
        {address}
      </Text>
      <Input
        ref={ref}
        className={styles.input}
        aria-label={t.preview.content(address)}
        title={t.preview.contentHint}
        value={draft}
        onChange={(_: ChangeEvent<HTMLInputElement>, data: InputOnChangeData) => onDraft(data.value)}
        onKeyDown={onKeyDown}
      />
    </div>
  );
});
