/// <reference types="office-js" />
import type { WorkbookPort } from '../excel/port';
import type { RegisterCheck, RegisterSync, Trigger } from './register-sync';
import { createRegisterSync, every, onPaneFocus, REVALIDATE_EVERY_MS } from './register-sync';
import { provideRegisterSync } from './ribbon';
import type { AddinRoot } from './root';

/*
 * What the add-in does in Excel besides the pane, in its shared runtime: keep the SSR sheets
 * current with the register (at open, every minute, when the pane gains focus), answer the
 * ribbon's recalculate button, and ask Excel to load the add-in with a workbook that has
 * SSR cells, so that the check at open happens without anyone opening the pane.
 */

/** The sheets a check or a recalculation touched (none when it found nothing to do). */
export function recalculatedSheets(result: RegisterCheck): string[] {
  return result.outcome === 'current' ? [] : result.sheets;
}

export { RECALCULATE_ACTION } from './ribbon';

function logFailure(what: string) {
  return (error: unknown) => console.error(`SSR: ${what}`, error);
}

/** The checks while the workbook is open: about every minute, and when the pane gains focus. */
export function defaultTriggers(): Trigger[] {
  return [every(REVALIDATE_EVERY_MS), onPaneFocus(window, document)];
}

export interface ExcelRuntime {
  sync: RegisterSync;
  /** Settles when the check at open is done (failures are logged, not thrown). */
  opened: Promise<void>;
}

export function startExcelRuntime(root: Pick<AddinRoot, 'snapshots' | 'tokenSource'>, workbook: WorkbookPort, triggers: readonly Trigger[] = defaultTriggers()): ExcelRuntime {
  const { tokenSource } = root;
  // Whenever SSR cells are found (at open, by a check, after the pane built a sheet), Excel is
  // asked to load the add-in with this workbook from now on, so the check at open happens next
  // time too (the setting is saved in the document; SharedRuntime 1.1). Once per runtime.
  let loadsWithDocument: Promise<void> | undefined;
  const loadWithDocument = () => {
    if (loadsWithDocument || typeof Office.addin?.setStartupBehavior !== 'function') return;
    loadsWithDocument = Office.addin.setStartupBehavior(Office.StartupBehavior.load).catch((error: unknown) => {
      loadsWithDocument = undefined;
      logFailure('Excel could not be asked to load the add-in with this workbook.')(error);
    });
  };
  const sync = createRegisterSync({
    workbook,
    snapshots: root.snapshots,
    triggers,
    // Without sign-in settings (local dev mode) there is no prompt to fear.
    mayCheckInBackground: () => tokenSource === null || tokenSource.currentAccount() !== null,
    onSsrCells: loadWithDocument,
  });
  provideRegisterSync(sync);

  const opened = sync
    .check()
    .then(() => loadsWithDocument)
    .catch(logFailure('the check of the SSR cells at open failed.'));
  return { sync, opened };
}

/**
 * The pane's workbook: the same one, whose recalculation goes through the sync, so the
 * recalculation after a save also stores the version (and the next check does not repeat it).
 */
export function paneWorkbook(workbook: WorkbookPort, sync: RegisterSync): WorkbookPort {
  const recalculate = async () => recalculatedSheets(await sync.recalculateNow());
  return new Proxy(workbook, {
    get: (target, key, receiver) => (key === 'recalculate' ? recalculate : (Reflect.get(target, key, receiver) as unknown)),
  });
}
