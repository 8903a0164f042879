import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { StrictMode } from 'react';
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { CATALOGUES, I18nProvider } from '../i18n';
import type { Language } from '../i18n';
import { App } from './App';
import type { PaneServices } from './shell/services';
import { ServicesProvider } from './shell/services';
import { SessionProvider } from './shell/session';

const useStyles = makeStyles({
  root: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  starting: { padding: tokens.spacingHorizontalXXL },
});

/** The services and the session every view reads. */
export function PaneProviders({ services, children }: { services: PaneServices; children: ReactNode }) {
  return (
    <ServicesProvider value={services}>
      <SessionProvider>{children}</SessionProvider>
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

function Starting({ label }: { label: string }) {
  const styles = useStyles();
  return <Spinner className={styles.starting} label={label} />;
}

export interface PaneMount {
  language: Language;
  /** Builds the services; may take a moment (preview mode loads its workbook). */
  services: () => PaneServices | Promise<PaneServices>;
  /** What surrounds the pane: nothing inside Excel, the preview workbook beside it in preview mode. */
  layout?: (pane: ReactNode, services: PaneServices) => ReactNode;
}

/**
 * Mount the task pane with the services the composition root gives it: a spinner while they
 * are built, the pane once they are, an error bar if they cannot be.
 */
export function mountPane(element: HTMLElement, { language, services, layout }: PaneMount): void {
  const reactRoot = createRoot(element);
  const text = CATALOGUES[language].app;
  const render = (content: ReactNode) => reactRoot.render(<PaneRoot language={language}>{content}</PaneRoot>);
  render(<Starting label={text.loading} />);
  Promise.resolve()
    .then(services)
    .then(
      (built) => render(<PaneProviders services={built}>{layout ? layout(<App />, built) : <App />}</PaneProviders>),
      (error: unknown) => {
        console.error('SSR pane: the pane could not start.', error);
        render(
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>{text.startFailed}</MessageBarTitle>
              {error instanceof Error ? error.message : String(error)}
            </MessageBarBody>
          </MessageBar>,
        );
      },
    )
    .catch((error: unknown) => console.error('SSR pane: the pane could not be drawn.', error));
}
