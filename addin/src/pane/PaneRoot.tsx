import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { StrictMode, useLayoutEffect } from 'react';
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { CATALOGUES, I18nProvider, useLanguage } from '../i18n';
import type { Language } from '../i18n';
import { App } from './App';
import type { PaneServices } from './shell/services';
import { NoticeFacts } from './shell/notice-facts';
import { ServicesProvider } from './shell/services';
import { SessionProvider } from './shell/session';

const useStyles = makeStyles({
  root: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
});

/** The services and the session every view reads. */
export function PaneProviders({ services, children }: { services: PaneServices; children: ReactNode }) {
  const language = useLanguage();
  // The API words its problems in the pane's language. A layout effect runs before any view's
  // effect asks the API for something, and again when the language is switched.
  useLayoutEffect(() => services.api.setLanguage(language), [services.api, language]);
  return (
    <ServicesProvider value={services}>
      <SessionProvider>
        <NoticeFacts>{children}</NoticeFacts>
      </SessionProvider>
    </ServicesProvider>
  );
}

/** Fluent and the message catalogue around the pane (tests render views inside it too). */
export function PaneRoot({ language, children }: { language: Language; children: ReactNode }) {
  const styles = useStyles();
  return (
    <StrictMode>
      <FluentProvider theme={webLightTheme} className={styles.root} lang={language}>
        <I18nProvider language={language}>{children}</I18nProvider>
      </FluentProvider>
    </StrictMode>
  );
}

export interface PaneMount {
  language: Language;
  services: PaneServices;
  /** What surrounds the pane: nothing inside Excel, the preview workbook beside it in preview mode. */
  layout?: (pane: ReactNode) => ReactNode;
}

function StartFailed({ language, error }: { language: Language; error: unknown }) {
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{CATALOGUES[language].app.startFailed}</MessageBarTitle>
        {error instanceof Error ? error.message : String(error)}
      </MessageBarBody>
    </MessageBar>
  );
}

/** Mount the task pane with the services the composition root gives it; an error bar in its place if it fails. */
export function mountPane(element: HTMLElement, { language, services, layout }: PaneMount): void {
  let failed = false;
  const reactRoot = createRoot(element, {
    // React 19 reports an error no boundary caught here, after unmounting the tree: say so instead of a blank pane.
    onUncaughtError: (error) => {
      console.error('SSR pane: the pane failed.', error);
      if (failed) return;
      failed = true;
      reactRoot.render(
        <PaneRoot language={language}>
          <StartFailed language={language} error={error} />
        </PaneRoot>,
      );
    },
  });
  reactRoot.render(
    <PaneRoot language={language}>
      <PaneProviders services={services}>{layout ? layout(<App />) : <App />}</PaneProviders>
    </PaneRoot>,
  );
}
