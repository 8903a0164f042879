import { OfficeWorkbook } from '../excel/office/workbook';
import { pickLanguage } from '../i18n';
import { mountPane } from '../pane/PaneRoot';
import { paneWorkbook, startExcelRuntime } from './excel-runtime';
import { functionNamespace } from './namespace';
import type { AddinRoot } from './root';
import { paneServices } from './services';

/**
 * The add-in inside Excel, on the user's workbook: loaded with the workbook (shared runtime),
 * it keeps the SSR sheets current and draws the task pane for when Excel shows it.
 */
export function mountExcelPane(element: HTMLElement, root: AddinRoot, displayLanguage: string | undefined): void {
  const workbook = new OfficeWorkbook({ namespace: functionNamespace(window.location.origin) });
  const { sync } = startExcelRuntime(root, workbook);
  mountPane(element, {
    language: pickLanguage(displayLanguage, window.location.search),
    services: paneServices(root, paneWorkbook(workbook, sync)),
  });
}
