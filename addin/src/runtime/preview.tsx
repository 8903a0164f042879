import { SSR_FUNCTIONS } from '../custom-functions';
import type { CellErrorKind } from '../custom-functions';
import { pickLanguage } from '../i18n';
import { mountPane } from '../pane/PaneRoot';
import type { PaneServices } from '../pane/shell/services';
import { cellError } from '../preview/formula/values';
import { PreviewLayout } from '../preview/ui/PreviewLayout';
import type { FunctionRegistry } from '../preview/workbook/ssr-caller';
import { ssrFunctionCaller } from '../preview/workbook/ssr-caller';
import { MemoryWorkbook } from '../preview/workbook/workbook';
import type { AddinRoot } from './root';
import { configureCellFunctions } from './root';
import { paneServices } from './services';

/** In preview mode a function's error is the in-memory workbook's own error value, as Excel would show it. */
function previewCellError(kind: CellErrorKind, message: string) {
  return cellError(kind === 'value' ? '#VALUE!' : '#N/A', message);
}

/**
 * Preview mode: no Excel, so the in-memory workbook stands in for it, and the very custom
 * functions Excel runs answer its SSR.* cells.
 */
export function previewServices(root: AddinRoot, functions: FunctionRegistry = SSR_FUNCTIONS): { services: PaneServices; workbook: MemoryWorkbook } {
  configureCellFunctions(root, previewCellError);
  const workbook = new MemoryWorkbook(ssrFunctionCaller(functions));
  return { services: paneServices(root, workbook), workbook };
}

/** The pane in a plain browser, with the preview workbook drawn beside it. */
export function mountPreview(element: HTMLElement, root: AddinRoot): void {
  const { services, workbook } = previewServices(root);
  mountPane(element, {
    language: pickLanguage(undefined, window.location.search),
    services,
    layout: (pane) => <PreviewLayout pane={pane} workbook={workbook} />,
  });
}
