import { SSR_FUNCTIONS } from '../custom-functions';
import type { CellErrorKind } from '../custom-functions';
import { LANGUAGE_STORAGE_KEY, pickLanguage } from '../i18n';
import type { Language } from '../i18n';
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
export function previewServices(
  root: AddinRoot,
  functions: FunctionRegistry = SSR_FUNCTIONS,
  language: () => Language = () => 'sv',
): { services: PaneServices; workbook: MemoryWorkbook } {
  // The preview shows formatted numbers as Excel with data types does.
  configureCellFunctions(root, previewCellError, { language, dataTypes: true });
  const workbook = new MemoryWorkbook(ssrFunctionCaller(functions));
  return { services: paneServices(root, workbook), workbook };
}

function storedLanguage(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch (error) {
    console.warn('SSR preview: the chosen language could not be read; starting from the address and defaults.', error);
    return null;
  }
}

/** Keep the chosen language for a reload: in storage, and in the address, which a shared link carries. */
function keepLanguage(language: Language): void {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch (error) {
    console.warn('SSR preview: the chosen language could not be stored; the address still carries it.', error);
  }
  const url = new URL(window.location.href);
  url.searchParams.set('lang', language);
  window.history.replaceState(window.history.state, '', url);
}

/** The pane in a plain browser, with the preview workbook drawn beside it. */
export function mountPreview(element: HTMLElement, root: AddinRoot): void {
  const language = pickLanguage(undefined, window.location.search, storedLanguage());
  let cellsLanguage = language;
  const { services, workbook } = previewServices(root, SSR_FUNCTIONS, () => cellsLanguage);
  mountPane(element, {
    language,
    services,
    layout: (pane) => (
      <PreviewLayout
        pane={pane}
        workbook={workbook}
        language={language}
        onLanguage={(next) => {
          keepLanguage(next);
          cellsLanguage = next;
          // Cells compute again, so what the functions say comes in the new language too.
          void workbook.recalculate();
        }}
      />
    ),
  });
}
