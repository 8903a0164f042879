/// <reference types="office-js" />
import type { RegisterSync } from './register-sync';

/*
 * The ribbon's "Recalculate SSR sheets" button. Its action is associated as soon as the page
 * runs (before the pane's bundle loads): a press that starts the runtime fires the action at
 * once, and an action associated late would lose that first press. It waits for the runtime's
 * register sync, which the Excel runtime provides when it starts.
 */

/** The ribbon button's action: `<FunctionName>` of its ExecuteFunction in manifest.xml. */
export const RECALCULATE_ACTION = 'recalculateSsrSheets';

let current: RegisterSync | undefined;
const waiting: ((sync: RegisterSync) => void)[] = [];

/** The runtime's register sync, for the button; a press before it exists waits for it. */
export function provideRegisterSync(sync: RegisterSync): void {
  current = sync;
  for (const resume of waiting.splice(0)) resume(sync);
}

function registerSync(): Promise<RegisterSync> {
  return current ? Promise.resolve(current) : new Promise((resolve) => waiting.push(resolve));
}

/** Associate the button's action with Office, where the host has add-in commands. */
export function associateRibbonActions(): void {
  if (typeof Office === 'undefined' || typeof Office.actions?.associate !== 'function') return;
  Office.actions.associate(RECALCULATE_ACTION, (event?: Office.AddinCommands.Event) => {
    registerSync()
      .then((sync) => sync.recalculateNow())
      .catch((error: unknown) => console.error('SSR: recalculating the SSR sheets failed.', error))
      .finally(() => event?.completed());
  });
}
