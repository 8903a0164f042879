/// <reference types="office-js" />
import { registerCustomFunctions } from './index';
import { hasCustomFunctionsRuntime } from './office';
import { createRuntimeSnapshotClient } from './runtime';

/*
 * functions.js: the custom functions without the task pane, for the manifest's <Script>.
 * In the shared runtime Excel runs the page (main.ts), which registers the same functions;
 * registration happens once per runtime whichever loads first.
 */

function start(): void {
  if (hasCustomFunctionsRuntime()) registerCustomFunctions({ snapshots: createRuntimeSnapshotClient(), now: Date.now });
}

if (typeof Office === 'undefined') {
  start();
} else {
  Office.onReady()
    .then(start)
    .catch((error: unknown) => console.error('SSR: the custom functions could not start.', error));
}
