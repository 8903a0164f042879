import { Field, Input } from '@fluentui/react-components';
import { parseYear } from '@ssr/shared';
import { useMessages } from '../../i18n';

/** A labelled year input that says what is wrong with what was typed. */
export function YearField({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  const t = useMessages();
  const invalid = parseYear(value) === undefined;
  return (
    <Field label={label} validationMessage={invalid ? t.common.yearInvalid : undefined} validationState={invalid ? 'error' : 'none'}>
      <Input inputMode="numeric" value={value} onChange={(_, data) => onChange(data.value)} />
    </Field>
  );
}
