/// <reference types="office-js" />
import { registerCustomFunctions } from './custom-functions';
import { hasCustomFunctionsRuntime } from './custom-functions/office';
import { createRuntimeSnapshotClient } from './custom-functions/runtime';
import { mountPane } from './pane/mount';

/*
 * The add-in's one page (shared runtime): Excel loads it for the custom functions when a
 * workbook opens, and shows it as the task pane. Both use one snapshot client, so 10 000
 * cells and the pane share one cache and one request. Outside Office (a plain browser) only
 * the pane starts, in preview mode.
 */

function start(): void {
  const snapshots = createRuntimeSnapshotClient();
  // Registration configures the functions; in preview mode the pane's services configure them
  // for the in-memory workbook (mount.tsx).
  if (hasCustomFunctionsRuntime()) registerCustomFunctions({ snapshots, now: Date.now });
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no element with id "root" to mount the task pane in.');
  mountPane(root, { snapshots });
}

if (typeof Office === 'undefined') {
  start();
} else {
  Office.onReady()
    .then(start)
    .catch((error: unknown) => console.error('SSR: the add-in could not start.', error));
}
