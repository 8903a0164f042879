import type { WorkbookPort } from '../excel/port';
import type { SnapshotClient, SnapshotRead } from '../snapshot/client';
import { SnapshotUnavailableError } from '../snapshot/client';

/*
 * Cells never show an older register without saying so. Excel does not recompute custom
 * functions when a saved workbook opens (they are neither volatile nor streaming), so the
 * workbook keeps the register version its SSR.* cells were computed from (a RegisterStamp).
 * At open, on a timer and when the pane gains focus, this asks the API (a conditional request)
 * and, when the version differs from the stamp, recalculates the sheets that hold SSR.*
 * formulas and stores the new version.
 */

/** About a minute: a colleague's save reaches every open budget within it. */
export const REVALIDATE_EVERY_MS = 60_000;

export type RegisterCheck =
  /** The cells were computed from the API's version: nothing to do. */
  | { outcome: 'current'; version: string }
  | { outcome: 'recalculated'; version: string; sheets: string[] }
  /**
   * No register could be had (signed out, refused, offline with nothing saved): a check leaves the
   * cells as they are; recalculating on demand still does, so they say why they have no values.
   */
  | { outcome: 'unavailable'; error: SnapshotUnavailableError; sheets: string[] }
  /**
   * The API did not answer and a saved copy stood in. A check leaves the cells and the stored
   * version alone: the saved copy may be older than what the cells show (a colleague saved the
   * workbook from a newer register). Recalculating on demand uses it, but stores no version.
   */
  | { outcome: 'offline'; version: string; sheets: string[] };

/** Something that asks for a check now and then (a timer, focus); gives back how to stop it. */
export type Trigger = (fire: () => void) => () => void;

export interface Interval {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

const globalInterval: Interval = {
  setInterval: (callback, ms) => globalThis.setInterval(callback, ms),
  clearInterval: (handle) => globalThis.clearInterval(handle as ReturnType<typeof setInterval>),
};

export function every(ms: number, clock: Interval = globalInterval): Trigger {
  return (fire) => {
    const handle = clock.setInterval(fire, ms);
    return () => clock.clearInterval(handle);
  };
}

/** What `window` and `document` offer for listening (an EventTarget in tests). */
export interface Listenable {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

/** The page becoming visible or gaining focus: the user is back in the pane. */
export function onPaneFocus(target: Listenable, page: Listenable & { readonly visibilityState: string }): Trigger {
  return (fire) => {
    const visible = () => {
      if (page.visibilityState === 'visible') fire();
    };
    target.addEventListener('focus', fire);
    page.addEventListener('visibilitychange', visible);
    return () => {
      target.removeEventListener('focus', fire);
      page.removeEventListener('visibilitychange', visible);
    };
  };
}

export interface RegisterSyncOptions {
  workbook: WorkbookPort;
  snapshots: SnapshotClient;
  triggers?: readonly Trigger[];
  /**
   * Whether a triggered check may call the API now. False while nobody is signed in: a timer
   * must never open a sign-in prompt every minute (the check at open and the button may).
   */
  mayCheckInBackground?: () => boolean;
  /** A check that failed for another reason than the register being unavailable (a workbook error). */
  onError?: (error: unknown) => void;
  /** A check or recalculation found SSR cells in the workbook (each time it does). */
  onSsrCells?: () => void;
}

export interface RegisterSync {
  /** Compare the workbook's stamp with the API's version; recalculate the SSR sheets when they differ. */
  check(): Promise<RegisterCheck>;
  /** Recalculate the SSR sheets now, whatever the stamp says (the ribbon button), and store the version. */
  recalculateNow(): Promise<RegisterCheck>;
  stop(): void;
}

export function createRegisterSync(options: RegisterSyncOptions): RegisterSync {
  const { workbook, snapshots } = options;
  const onError = options.onError ?? ((error: unknown) => console.error('SSR: the workbook could not be brought up to date with the register.', error));
  const onSsrCells = options.onSsrCells ?? (() => undefined);
  let running: Promise<RegisterCheck> | undefined;
  /** The version at which the workbook was last found to hold no SSR cells: no need to look again. */
  let noSsrCellsAt: string | undefined;

  async function recalculate(): Promise<string[]> {
    const sheets = await workbook.recalculate();
    if (sheets.length > 0) onSsrCells();
    return sheets;
  }

  async function compare(force: boolean): Promise<RegisterCheck> {
    let read: SnapshotRead;
    try {
      read = await snapshots.refresh();
    } catch (error) {
      if (!(error instanceof SnapshotUnavailableError)) throw error;
      return { outcome: 'unavailable', error, sheets: force ? await recalculate() : [] };
    }
    const version = read.snapshot.version;
    if (read.offline) return { outcome: 'offline', version, sheets: force ? await recalculate() : [] };
    // Nothing to look at again: the workbook held no SSR cells at this version (a cell typed
    // since computes from the current register when it is entered).
    if (!force && noSsrCellsAt === version) return { outcome: 'recalculated', version, sheets: [] };
    if (!force && (await workbook.readRegisterStamp())?.version === version) {
      onSsrCells();
      return { outcome: 'current', version };
    }
    const sheets = await recalculate();
    // A workbook without SSR cells gets no stamp: nothing to keep current, and no change to save.
    if (sheets.length > 0) await workbook.writeRegisterStamp({ version, readAt: read.fetchedAt });
    noSsrCellsAt = sheets.length > 0 ? undefined : version;
    return { outcome: 'recalculated', version, sheets };
  }

  /** One at a time: a focus during the timer's check waits for it rather than recalculating twice. */
  function serial(force: boolean): Promise<RegisterCheck> {
    const next = (running ?? Promise.resolve()).catch(() => undefined).then(() => compare(force));
    const settled = next.finally(() => {
      if (running === settled) running = undefined;
    });
    running = settled;
    return settled;
  }

  const mayCheckInBackground = options.mayCheckInBackground ?? (() => true);
  const fire = () => {
    // A check already under way answers this trigger too.
    if (running || !mayCheckInBackground()) return;
    serial(false).catch(onError);
  };
  const stops = (options.triggers ?? []).map((trigger) => trigger(fire));

  return {
    check: () => running ?? serial(false),
    recalculateNow: () => serial(true),
    stop: () => {
      for (const stop of stops.splice(0)) stop();
    },
  };
}
