import { OfficeWorkbook } from '../excel/office/workbook';
import { pickLanguage } from '../i18n';
import { mountPane } from '../pane/PaneRoot';
import type { AddinRoot } from './root';
import { paneServices } from './services';

/** The task pane inside Excel, on the user's workbook; loaded when Excel shows the pane. */
export function mountExcelPane(element: HTMLElement, root: AddinRoot, displayLanguage: string | undefined): void {
  mountPane(element, {
    language: pickLanguage(displayLanguage, window.location.search),
    services: paneServices(root, new OfficeWorkbook()),
  });
}
