import { Field, Input } from '@fluentui/react-components';
import { MAX_YEAR, MIN_YEAR } from '@ssr/shared';
import { useMessages } from '../../i18n';

/** A year as typed: the number when it is one the register accepts, undefined otherwise. */
export function parseYear(text: string): number | undefined {
  const year = /^\s*\d{4}\s*$/.test(text) ? Number(text) : Number.NaN;
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR ? year : undefined;
}

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
