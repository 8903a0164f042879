import type { FieldError } from '@ssr/shared';
import { parseSek } from '@ssr/shared';
import type { Notice } from './notice';

/** What every write form takes from its view, besides the data it offers to choose from. */
export interface FormProps {
  /** Work is running: the submit button waits. */
  busy: boolean;
  /** Why the user's role does not allow the write; the form is then disabled, with the reason beside its button. */
  blocked: string | undefined;
  /** Runs the form's write as the view's task, which shows its notice and reloads what the view lists. */
  run: (work: () => Promise<Notice | undefined>) => void;
}

/** The first message per field, by the field's top-level name: what a form shows under each input. */
export function messagesByField(errors: readonly FieldError[]): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const error of errors) {
    const field = error.path.split(/[.[]/)[0] ?? '';
    byField[field] ??= error.message;
  }
  return byField;
}

/** Kronor as typed (`280 000`, `1,50`, `125000.5`) to whole öre, or undefined. */
export function kronorInput(text: string): number | undefined {
  return text.trim() === '' ? undefined : parseSek(text);
}

/** Today as an ISO date in the user's time zone. */
export function isoToday(now: number): string {
  const date = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
