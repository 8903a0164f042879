import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OfficeWorkbook } from '../../../addin/src/excel/office/workbook';
import { paneWorkbook, RECALCULATE_ACTION, startExcelRuntime } from '../../../addin/src/runtime/excel-runtime';
import { associateRibbonActions } from '../../../addin/src/runtime/ribbon';
import { createRegisterSync, every, onPaneFocus, REVALIDATE_EVERY_MS } from '../../../addin/src/runtime/register-sync';
import type { Interval, RegisterSync, Trigger } from '../../../addin/src/runtime/register-sync';
import { createSnapshotClient } from '../../../addin/src/snapshot/client';
import type { SnapshotClient } from '../../../addin/src/snapshot/client';
import { memoryStorage, SNAPSHOT_STORAGE_KEY } from '../../../addin/src/snapshot/storage';
import { startStack } from '../../support/stack';
import type { Stack } from '../../support/stack';
import type { FakeWorkbook } from './fake-excel';
import { createFakeExcel } from './fake-excel';

// The SSR sheets follow the register: the version the cells were computed from is kept in the
// workbook and compared with the API's at open, on a timer and on focus. Real API and storage
// over real HTTP; Excel is the office-addin-mock stand-in; the timer and focus are triggers the
// test fires itself.

const globals = globalThis as { Excel?: unknown; Office?: unknown };
let stack: Stack;
let model: FakeWorkbook;
let workbook: OfficeWorkbook;
let snapshots: SnapshotClient;
let sync: RegisterSync | undefined;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack.stop();
});

beforeEach(async () => {
  const fake = createFakeExcel();
  model = fake.model;
  globals.Excel = fake.Excel;
  workbook = new OfficeWorkbook();
  snapshots = createSnapshotClient({ baseUrl: stack.apiUrl, storage: memoryStorage() });
  await workbook.resetSheet('Budget 2025');
  await workbook.writeRange('Budget 2025', 'A1', [['nacka', { formula: '=SSR.FEE(A1,2025)' }]]);
  await workbook.resetSheet('Anteckningar');
  await workbook.writeRange('Anteckningar', 'A1', [[{ formula: '=SUM(1,2)' }]]);
});

afterEach(() => {
  sync?.stop();
  sync = undefined;
  delete globals.Excel;
  delete globals.Office;
});

async function apiVersion(): Promise<string> {
  return ((await (await fetch(`${stack.apiUrl}/snapshot`)).json()) as { version: string }).version;
}

/** A colleague's save: the register changes, and with it the snapshot's version. */
async function colleagueSaves(invoiceReference: string): Promise<void> {
  const response = await fetch(`${stack.apiUrl}/members/nacka`);
  const member = (await response.json()) as Record<string, unknown>;
  const saved = await fetch(`${stack.apiUrl}/members/nacka`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', 'If-Match': response.headers.get('ETag') ?? '' },
    body: JSON.stringify({ ...member, invoiceReference }),
  });
  expect(saved.status).toBe(200);
}

/** A trigger the test fires by hand, as the minute timer or the pane's focus would. */
function manualTrigger(): { trigger: Trigger; fire(): void } {
  let fire: (() => void) | undefined;
  return {
    trigger: (callback) => {
      fire = callback;
      return () => (fire = undefined);
    },
    fire: () => fire?.(),
  };
}

const recalculated = () => model.sheetCalculations.map((calculation) => calculation.sheet);

describe('the check at open', () => {
  it('recalculates the SSR sheets and stores the API’s version when the stored one differs', async () => {
    await workbook.writeRegisterStamp({ version: 'last-month', readAt: Date.parse('2026-11-01T08:00:00Z') });
    sync = createRegisterSync({ workbook, snapshots });
    const result = await sync.check();
    const version = await apiVersion();
    expect(result).toEqual({ outcome: 'recalculated', version, sheets: ['Budget 2025'] });
    expect(recalculated()).toEqual(['Budget 2025']);
    expect(model.calculations).toEqual([]);
    expect((await workbook.readRegisterStamp())?.version).toBe(version);
  });

  it('recalculates a workbook that has no stored version yet (saved before the add-in kept one)', async () => {
    sync = createRegisterSync({ workbook, snapshots });
    expect((await sync.check()).outcome).toBe('recalculated');
    expect(recalculated()).toEqual(['Budget 2025']);
    expect((await workbook.readRegisterStamp())?.version).toBe(await apiVersion());
  });

  it('leaves the cells alone when the stored version is the API’s', async () => {
    const version = await apiVersion();
    await workbook.writeRegisterStamp({ version, readAt: 1 });
    const parts = structuredClone(model.xmlParts);
    sync = createRegisterSync({ workbook, snapshots });
    expect(await sync.check()).toEqual({ outcome: 'current', version });
    expect(model.sheetCalculations).toEqual([]);
    // Nothing written either: the workbook is not marked as changed by a check.
    expect(model.xmlParts).toEqual(parts);
  });

  it('a workbook without SSR formulas gets no stamp', async () => {
    await workbook.resetSheet('Budget 2025');
    sync = createRegisterSync({ workbook, snapshots });
    expect(await sync.check()).toMatchObject({ outcome: 'recalculated', sheets: [] });
    expect(model.xmlParts).toEqual([]);
  });

  it('a workbook without SSR formulas is scanned once per register version, not at every tick', async () => {
    await workbook.resetSheet('Budget 2025');
    sync = createRegisterSync({ workbook, snapshots });
    await sync.check();
    const syncs = model.syncs;
    expect(await sync.check()).toMatchObject({ outcome: 'recalculated', sheets: [] });
    expect(model.syncs).toBe(syncs);
  });

  it('offline, a saved copy never rolls the cells back nor replaces the stored version', async () => {
    // This computer saved a copy of the register earlier; the workbook was since computed from a newer one.
    const storage = memoryStorage();
    const online = createSnapshotClient({ baseUrl: stack.apiUrl, storage });
    await online.get();
    await expect.poll(() => storage.getItem(SNAPSHOT_STORAGE_KEY)).not.toBeNull();
    const offline = createSnapshotClient({ baseUrl: 'http://127.0.0.1:9/api', storage });
    await workbook.writeRegisterStamp({ version: 'newer-than-the-saved-copy', readAt: 2 });
    sync = createRegisterSync({ workbook, snapshots: offline });
    expect(await sync.check()).toMatchObject({ outcome: 'offline', sheets: [] });
    expect(model.sheetCalculations).toEqual([]);
    expect((await workbook.readRegisterStamp())?.version).toBe('newer-than-the-saved-copy');
    // Asked for (the ribbon button), the cells compute from the saved copy; the stored version stays.
    expect(await sync.recalculateNow()).toMatchObject({ outcome: 'offline', sheets: ['Budget 2025'] });
    expect((await workbook.readRegisterStamp())?.version).toBe('newer-than-the-saved-copy');
  });
});

describe('while the workbook is open', () => {
  it('a colleague’s save reaches the cells at the next tick or focus: only then are the SSR sheets recalculated', async () => {
    const timer = manualTrigger();
    const focus = manualTrigger();
    sync = createRegisterSync({ workbook, snapshots, triggers: [timer.trigger, focus.trigger] });
    await sync.check();
    const before = await apiVersion();
    model.sheetCalculations = [];

    // Nothing changed: a tick asks the API and leaves the cells.
    timer.fire();
    expect(await sync.check()).toEqual({ outcome: 'current', version: before });
    expect(model.sheetCalculations).toEqual([]);

    await colleagueSaves('Ändrad av en kollega');
    const after = await apiVersion();
    expect(after).not.toBe(before);
    focus.fire();
    // The check the focus started is the one this waits for.
    expect(await sync.check()).toEqual({ outcome: 'recalculated', version: after, sheets: ['Budget 2025'] });
    expect(recalculated()).toEqual(['Budget 2025']);
    expect((await workbook.readRegisterStamp())?.version).toBe(after);

    model.sheetCalculations = [];
    timer.fire();
    expect((await sync.check()).outcome).toBe('current');
    expect(model.sheetCalculations).toEqual([]);
  });

  it('while nobody is signed in, the timer and focus do not call the API (no sign-in prompt every minute)', async () => {
    const timer = manualTrigger();
    let signedIn = false;
    const requests: string[] = [];
    const counted = createSnapshotClient({
      baseUrl: stack.apiUrl,
      storage: memoryStorage(),
      fetch: (input, init) => {
        requests.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
        return fetch(input, init);
      },
    });
    sync = createRegisterSync({ workbook, snapshots: counted, triggers: [timer.trigger], mayCheckInBackground: () => signedIn });
    timer.fire();
    expect(requests).toEqual([]);
    expect(model.sheetCalculations).toEqual([]);
    signedIn = true;
    timer.fire();
    expect((await sync.check()).outcome).toBe('recalculated');
    expect(requests).toHaveLength(1);
  });

  it('once stopped, the triggers no longer check', async () => {
    const timer = manualTrigger();
    sync = createRegisterSync({ workbook, snapshots, triggers: [timer.trigger] });
    sync.stop();
    await workbook.writeRegisterStamp({ version: 'old', readAt: 1 });
    timer.fire();
    expect((await workbook.readRegisterStamp())?.version).toBe('old');
  });

  it('the timer fires about every minute, and stops', () => {
    const intervals: { ms: number; callback: () => void; cleared: boolean }[] = [];
    const clock: Interval = {
      setInterval: (callback, ms) => intervals.push({ ms, callback, cleared: false }) - 1,
      clearInterval: (handle) => {
        const entry = intervals[handle as number];
        if (entry) entry.cleared = true;
      },
    };
    let fired = 0;
    const stop = every(REVALIDATE_EVERY_MS, clock)(() => (fired += 1));
    expect(intervals.map(({ ms }) => ms)).toEqual([60_000]);
    intervals[0]?.callback();
    expect(fired).toBe(1);
    stop();
    expect(intervals[0]?.cleared).toBe(true);
  });

  it('focus, and the page becoming visible, fire the check; hiding does not', () => {
    const target = new EventTarget();
    const page = Object.assign(new EventTarget(), { visibilityState: 'visible' });
    let fired = 0;
    const stop = onPaneFocus(target, page)(() => (fired += 1));
    target.dispatchEvent(new Event('focus'));
    page.dispatchEvent(new Event('visibilitychange'));
    page.visibilityState = 'hidden';
    page.dispatchEvent(new Event('visibilitychange'));
    expect(fired).toBe(2);
    stop();
    target.dispatchEvent(new Event('focus'));
    expect(fired).toBe(2);
  });
});

describe('in Excel’s shared runtime', () => {
  /** Office.js as the runtime uses it: the ribbon's actions and the add-in's startup behaviour. */
  function installOffice() {
    const actions = new Map<string, (event?: { completed(): void }) => void>();
    const startup: string[] = [];
    globals.Office = {
      actions: { associate: (id: string, action: (event?: { completed(): void }) => void) => actions.set(id, action) },
      addin: { setStartupBehavior: (behavior: string) => Promise.resolve(void startup.push(behavior)) },
      StartupBehavior: { load: 'Load', none: 'None' },
    };
    return { actions, startup };
  }

  it('checks at open, asks Excel to load the add-in with this workbook, and the ribbon button recalculates the SSR sheets', async () => {
    const office = installOffice();
    // The page associates the button's action before the runtime starts; a press waits for it.
    associateRibbonActions();
    const action = office.actions.get(RECALCULATE_ACTION);
    expect(action).toBeDefined();
    await workbook.writeRegisterStamp({ version: await apiVersion(), readAt: 1 });
    const runtime = startExcelRuntime({ snapshots, tokenSource: null }, workbook, []);
    sync = runtime.sync;
    await runtime.opened;
    expect(model.sheetCalculations).toEqual([]);
    expect(office.startup).toEqual(['Load']);

    const completed = new Promise<void>((resolve) => action?.({ completed: resolve }));
    await completed;
    expect(recalculated()).toEqual(['Budget 2025']);
    expect(model.calculations).toEqual([]);
  });

  it('the pane’s recalculation after a save stores the version, so the next check has nothing to do', async () => {
    installOffice();
    const runtime = startExcelRuntime({ snapshots, tokenSource: null }, workbook, []);
    sync = runtime.sync;
    await runtime.opened;
    await colleagueSaves('Sparad i rutan');
    model.sheetCalculations = [];
    expect(await paneWorkbook(workbook, runtime.sync).recalculate()).toEqual(['Budget 2025']);
    expect((await workbook.readRegisterStamp())?.version).toBe(await apiVersion());
    expect((await runtime.sync.check()).outcome).toBe('current');
    expect(recalculated()).toEqual(['Budget 2025']);
  });

  it('a workbook without SSR cells is not set to load the add-in, until the pane builds an SSR sheet in it', async () => {
    const office = installOffice();
    await workbook.resetSheet('Budget 2025');
    const runtime = startExcelRuntime({ snapshots, tokenSource: null }, workbook, []);
    sync = runtime.sync;
    await runtime.opened;
    expect(office.startup).toEqual([]);
    await workbook.writeRange('Budget 2025', 'A1', [['nacka', { formula: '=SSR.FEE(A1,2025)' }]]);
    await paneWorkbook(workbook, runtime.sync).recalculate();
    await expect.poll(() => office.startup).toEqual(['Load']);
  });
});
