import type { Messages } from '../../i18n';

/** How old a snapshot is, in the largest unit that reads well. */
export function formatAge(ms: number, t: Messages): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 120) return t.age.seconds(seconds);
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return t.age.minutes(minutes);
  return t.age.hours(Math.round(minutes / 60));
}
