import { Field, ProgressBar } from '@fluentui/react-components';

export interface Busy {
  label: string;
  /** 0–1 when the share done is known; absent for work of unknown length. */
  value?: number;
}

/** Progress for work that takes more than a moment: a labelled bar, determinate when it can be. */
export function Progress({ busy }: { busy: Busy }) {
  return (
    <Field validationMessage={busy.label} validationState="none">
      <ProgressBar aria-label={busy.label} {...(busy.value === undefined ? {} : { value: busy.value })} thickness="large" />
    </Field>
  );
}
