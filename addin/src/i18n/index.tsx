import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import { en } from './en';
import type { Language, Messages } from './messages';
import { sv } from './sv';

export type { Language, Messages } from './messages';

export const CATALOGUES: Readonly<Record<Language, Messages>> = { sv, en };

/** Where preview mode keeps the language last chosen with its switch. */
export const LANGUAGE_STORAGE_KEY = 'ssr.language';

/**
 * Swedish first; English when Office's display language is English (`en-US`, `en-GB`…). In a
 * plain browser there is no Office: `?lang=en` asks for English, and otherwise the language
 * last chosen with preview mode's switch (`stored`) holds.
 */
export function pickLanguage(officeDisplayLanguage: string | undefined, search = '', stored?: string | null): Language {
  const asked = new URLSearchParams(search).get('lang') ?? officeDisplayLanguage ?? stored ?? '';
  return asked.toLowerCase().startsWith('en') ? 'en' : 'sv';
}

const MessagesContext = createContext<{ language: Language; messages: Messages }>({ language: 'sv', messages: sv });

export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  return <MessagesContext.Provider value={{ language, messages: CATALOGUES[language] }}>{children}</MessagesContext.Provider>;
}

/** The catalogue of the pane's language: `const t = useMessages(); t.members.load`. */
export function useMessages(): Messages {
  return useContext(MessagesContext).messages;
}

export function useLanguage(): Language {
  return useContext(MessagesContext).language;
}
