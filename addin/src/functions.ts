import { hasCustomFunctionsRuntime, whenOfficeReady } from './runtime/office';
import { pageRoot, registerCustomFunctions } from './runtime/root';

/*
 * functions.js: the custom functions without the task pane, for the manifest's <Script>.
 * In the shared runtime Excel runs the page (main.ts), which registers the same functions
 * on the same root; registration happens once per runtime whichever loads first.
 */

function start(): void {
  if (hasCustomFunctionsRuntime()) registerCustomFunctions(pageRoot());
}

whenOfficeReady(start, 'the custom functions');
