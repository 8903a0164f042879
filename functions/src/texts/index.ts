import type { Lang } from '@ssr/shared';
import { en } from './en';
import { sv } from './sv';
import type { ApiTexts } from './types';

export type { ApiTexts } from './types';

/** What the API says to people (problem titles, details, field messages), in their language. */
export function apiTexts(lang: Lang): ApiTexts {
  return lang === 'en' ? en : sv;
}
