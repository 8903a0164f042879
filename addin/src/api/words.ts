import type { Lang } from '@ssr/shared';

/**
 * What the API client says itself when no problem came from the API: no answer, or one it
 * cannot read. The browser's own words ("Failed to fetch") are English whatever the pane's
 * language, so they stay out of what the user reads and go to the log instead.
 */
export interface ClientWords {
  networkTitle: string;
  networkDetail: string;
  unreadableTitle: string;
  unreadableDetail: string;
}

export const CLIENT_WORDS: Readonly<Record<Lang, ClientWords>> = {
  sv: {
    networkTitle: 'Ingen kontakt med API:t',
    networkDetail: 'API:t svarade inte.',
    unreadableTitle: 'Svaret från API:t gick inte att läsa',
    unreadableDetail: 'API:t svarade med något som tillägget inte känner igen.',
  },
  en: {
    networkTitle: 'The API cannot be reached',
    networkDetail: 'The API did not answer.',
    unreadableTitle: 'The API sent an answer the add-in cannot read',
    unreadableDetail: 'The API answered with something the add-in does not recognise.',
  },
};
