import type { sv } from './sv';

/** The shape of the message catalogue: Swedish defines it, every language fills it. */
export type Messages = typeof sv;

export type Language = 'sv' | 'en';
