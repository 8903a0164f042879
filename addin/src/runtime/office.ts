/// <reference types="office-js" />
/// <reference types="custom-functions-runtime" />
/// <reference types="office-runtime" />
import type { CellErrorKind } from '../custom-functions';
import { memoryStorage, webStorage } from '../snapshot/storage';
import type { SnapshotStorage } from '../snapshot/storage';

/*
 * The Office globals the custom functions need, read in this one module of the composition
 * root so that the functions themselves run anywhere: CustomFunctions.Error for cell errors,
 * CustomFunctions.associate, OfficeRuntime.storage for the saved snapshot. Tests install a
 * stand-in for CustomFunctions (a stand-in for Excel).
 */

/** A cell error as Excel shows it: #VALUE! (bad argument) or #N/A (not available), with its message. */
export function officeCellError(kind: CellErrorKind, message: string): CustomFunctions.Error {
  const code = kind === 'value' ? CustomFunctions.ErrorCode.invalidValue : CustomFunctions.ErrorCode.notAvailable;
  return new CustomFunctions.Error(code, message);
}

/** True inside Excel's custom functions runtime (the shared runtime of this add-in). */
export function hasCustomFunctionsRuntime(): boolean {
  return typeof CustomFunctions !== 'undefined' && typeof CustomFunctions.associate === 'function';
}

/** OfficeRuntime.storage where the host has it, localStorage otherwise, memory as a last resort. */
export function hostSnapshotStorage(): SnapshotStorage {
  if (typeof OfficeRuntime !== 'undefined' && typeof OfficeRuntime.storage !== 'undefined') {
    return OfficeRuntime.storage;
  }
  if (typeof localStorage !== 'undefined') return webStorage(localStorage);
  return memoryStorage();
}

/** Tell Excel which JavaScript function implements each id of functions.json. */
export function associateCustomFunctions(functions: Readonly<Record<string, (...args: never[]) => unknown>>): void {
  for (const [id, implementation] of Object.entries(functions)) CustomFunctions.associate(id, implementation);
}

/** Run `start` once Office.js is ready, or at once in a plain browser, where there is no Office. */
export function whenOfficeReady(start: () => void, what: string): void {
  if (typeof Office === 'undefined') {
    start();
    return;
  }
  Office.onReady()
    .then(start)
    .catch((error: unknown) => console.error(`SSR: ${what} could not start.`, error));
}
