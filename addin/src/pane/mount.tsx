import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { StrictMode } from 'react';
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from '../api/client';
import { createAuthorizedFetch, getTokenSource } from '../auth';
import type { TokenSource } from '../auth';
import { detectHost } from '../excel/host';
import type { FunctionRegistry } from '../preview/workbook/ssr-caller';
import { installCustomFunctionsStandIn, ssrFunctionCaller } from '../preview/workbook/ssr-caller';
import { MemoryWorkbook } from '../preview/workbook/workbook';
import { OfficeWorkbook } from '../excel/office/workbook';
import { configureFunctions, SSR_FUNCTIONS } from '../custom-functions';
import { CATALOGUES, I18nProvider, pickLanguage } from '../i18n';
import type { Language } from '../i18n';
import { apiBaseUrl } from '../snapshot/api-base';
import type { SnapshotClient } from '../snapshot/client';
import { App } from './App';
import { PreviewWorkbook } from '../preview/ui/PreviewWorkbook';
import type { PaneServices } from './shell/services';
import { ServicesProvider } from './shell/services';
import { SessionProvider } from './shell/session';

export interface PaneDeps {
  snapshots: SnapshotClient;
  /** The API base; `/api` on the add-in's origin unless the build says otherwise. */
  apiBaseUrl?: string;
  /** The sign-in; by default the runtime's (`getTokenSource()`: none when the build has no sign-in settings). */
  tokenSource?: TokenSource | null;
  /** The fetch under the API client; the signed-in user's token is added on top (none in dev mode). */
  fetch?: typeof fetch;
  now?: () => number;
  /** The custom functions the preview workbook runs; the add-in's own by default. */
  functions?: FunctionRegistry;
}

const useStyles = makeStyles({
  root: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  preview: { display: 'grid', gridTemplateColumns: 'minmax(320px, 400px) minmax(0, 1fr)', alignItems: 'stretch', minHeight: '100vh' },
  pane: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minHeight: '100vh',
  },
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

function Layout({ services }: { services: PaneServices }) {
  const styles = useStyles();
  if (!services.preview) return <App />;
  return (
    <div className={styles.preview}>
      <aside className={styles.pane}>
        <App />
      </aside>
      <main>
        <PreviewWorkbook workbook={services.preview} />
      </main>
    </div>
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

/** The services of a host: Excel through Office.js, or the in-memory workbook of preview mode. */
export function paneServices(host: 'excel' | 'none', deps: PaneDeps): PaneServices {
  const now = deps.now ?? Date.now;
  const tokenSource = deps.tokenSource === undefined ? getTokenSource() : deps.tokenSource;
  const api = createApiClient({
    baseUrl: deps.apiBaseUrl ?? apiBaseUrl(),
    fetch: createAuthorizedFetch(tokenSource, deps.fetch ?? ((input, init) => fetch(input, init))),
  });
  if (host === 'excel') return { workbook: new OfficeWorkbook(), api, snapshots: deps.snapshots, tokenSource, now };
  // Preview: no Excel, so the same custom functions answer SSR.* in the in-memory workbook.
  installCustomFunctionsStandIn();
  configureFunctions({ snapshots: deps.snapshots, now });
  const preview = new MemoryWorkbook(ssrFunctionCaller(deps.functions ?? SSR_FUNCTIONS));
  return { workbook: preview, api, snapshots: deps.snapshots, tokenSource, now, preview };
}

/**
 * Mount the task pane. Inside Excel it works on the user's workbook; in a plain browser it
 * runs in preview mode, against an in-memory workbook drawn beside it.
 */
export function mountPane(root: HTMLElement, deps: PaneDeps): void {
  const reactRoot = createRoot(root);
  const early = pickLanguage(undefined, window.location.search);
  reactRoot.render(
    <PaneRoot language={early}>
      <Starting label={CATALOGUES[early].app.loading} />
    </PaneRoot>,
  );
  const start = (host: 'excel' | 'none', displayLanguage?: string) => {
    const language = pickLanguage(displayLanguage, window.location.search);
    const services = paneServices(host, deps);
    reactRoot.render(
      <PaneRoot language={language}>
        <PaneProviders services={services}>
          <Layout services={services} />
        </PaneProviders>
      </PaneRoot>,
    );
  };
  const failed = (error: unknown) => {
    console.error('SSR pane: the pane could not start.', error);
    const text = CATALOGUES[early].app;
    reactRoot.render(
      <PaneRoot language={early}>
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{text.startFailed}</MessageBarTitle>
            {error instanceof Error ? error.message : String(error)}
          </MessageBarBody>
        </MessageBar>
      </PaneRoot>,
    );
  };
  detectHost()
    .then(
      (info) => start(info.host, info.displayLanguage),
      (error: unknown) => {
        console.error('SSR pane: Office did not say which host it runs in; starting in preview mode.', error);
        start('none');
      },
    )
    .catch(failed);
}
