/**
 * The two languages everything a user reads comes in: Swedish first, English when Office's
 * display language is English. Text that the shared code produces (SCB import messages,
 * invoice lines, validation messages) takes one of these.
 */
export type Lang = 'sv' | 'en';

export const LANGS: readonly Lang[] = ['sv', 'en'];

/** `sv-SE`, `en-GB`, `EN`… as one of the two; anything not English reads as Swedish. */
export function langOf(tag: string | null | undefined): Lang {
  return (tag ?? '').trim().toLowerCase().startsWith('en') ? 'en' : 'sv';
}
