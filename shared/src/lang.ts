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

/** The months' names in each language; the short forms are their first three letters (`jan`, `Jan`). */
export const MONTH_NAMES: Readonly<Record<Lang, readonly string[]>> = {
  sv: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** Month `index` (0–11) in the language: `dec`/`Dec`, or with `long` `december`/`December`. */
export function monthName(index: number, lang: Lang, month: 'short' | 'long' = 'short'): string {
  const name = MONTH_NAMES[lang][index] ?? '';
  return month === 'long' ? name : name.slice(0, 3);
}

/** `2024-12-31` as a person reads it: `31 dec 2024` (sv), `31 Dec 2024` (en); with `long`, `31 december 2024`. */
export function formatDate(isoDate: string, lang: Lang, month: 'short' | 'long' = 'short'): string {
  return `${Number(isoDate.slice(8, 10))} ${monthName(Number(isoDate.slice(5, 7)) - 1, lang, month)} ${isoDate.slice(0, 4)}`;
}
