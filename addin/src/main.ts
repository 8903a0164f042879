import { detectHost } from './runtime/host';
import { hasCustomFunctionsRuntime, whenOfficeReady } from './runtime/office';
import { associateRibbonActions } from './runtime/ribbon';
import { pageRoot, registerCustomFunctions } from './runtime/root';

/*
 * The add-in's one page (shared runtime): Excel loads it for the custom functions when a
 * workbook opens, and shows it as the task pane. This entry holds what the functions need
 * (the engine, the snapshot client, the functions) and registers them first; the pane (React,
 * Fluent, the views) is loaded after, and preview mode's workbook only outside Excel.
 */

async function showPane(root: HTMLElement): Promise<void> {
  const host = await detectHost().catch((error: unknown) => {
    console.error('SSR pane: Office did not say which host it runs in; starting in preview mode.', error);
    return { host: 'none' as const, displayLanguage: undefined };
  });
  if (host.host === 'excel') {
    const { mountExcelPane } = await import('./runtime/excel-pane');
    mountExcelPane(root, pageRoot(), host.displayLanguage);
  } else {
    const { mountPreview } = await import('./runtime/preview');
    mountPreview(root, pageRoot());
  }
}

function start(): void {
  if (hasCustomFunctionsRuntime()) {
    registerCustomFunctions(pageRoot());
    associateRibbonActions();
  }
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no element with id "root" to mount the task pane in.');
  showPane(root).catch((error: unknown) => {
    console.error('SSR: the task pane could not be loaded.', error);
    root.textContent = error instanceof Error ? error.message : String(error);
  });
}

whenOfficeReady(start, 'the add-in');
