import { langOf } from '@ssr/shared';
import type { Lang, Snapshot } from '@ssr/shared';
import { SnapshotUnavailableError } from '../snapshot/client';
import type { SnapshotClient, SnapshotRead } from '../snapshot/client';
import { isFormattedNumber } from './cell-value';
import type { FormattedNumber } from './cell-value';
import { FunctionProblem } from './problems';
import { registerUnavailableSv, unexpectedFailure } from './texts';
import type { Table } from './compute';

/** The two Excel errors the functions return: #VALUE! (bad argument) and #N/A (not available). */
export type CellErrorKind = 'value' | 'not-available';

/** An error as a cell shows it; what it is depends on who runs the functions. */
export type CellError = object;

/**
 * Builds a cell's error: Excel's CustomFunctions.Error inside Excel, the preview workbook's
 * own error value in preview mode. The composition root gives it, so the functions never
 * touch an Office global.
 */
export type CellErrorFactory = (kind: CellErrorKind, message: string) => CellError;

/** What the SSR.* functions run on: the shared snapshot cache, the clock (read here only), the cell errors. */
export interface FunctionsContext {
  snapshots: SnapshotClient;
  now: () => number;
  cellError: CellErrorFactory;
  /**
   * The language of what the cells say (errors, table headers, words, FEEBASIS): Office's
   * display language (`langOf(Office.context.displayLanguage)`), the pane's in preview mode.
   * Left out: English, as the cells spoke before they had a language.
   */
  language?: () => Lang;
  /**
   * Whether the host takes data types from custom functions, so money comes back as a
   * formatted number (`supportsDataTypes`). Left out: plain numbers, which every Excel takes.
   */
  dataTypes?: boolean;
}

/**
 * Excel takes a formatted number (a `Double` cell value with its number format) from a custom
 * function where custom functions have data types: the CustomFunctionsRuntime 1.4 requirement set
 * (Microsoft 365 and the web; not perpetual Office 2021/2024, whose ExcelApi may be newer). The
 * metadata allows it (`allowCustomDataForDataTypeAny`); any other Excel gets the plain number.
 */
export const DATA_TYPES_REQUIREMENT = { set: 'CustomFunctionsRuntime', version: '1.4' } as const;

/** Decide by the host's requirement sets, e.g. `supportsDataTypes((s, v) => Office.context.requirements.isSetSupported(s, v))`. */
export function supportsDataTypes(isSetSupported: (set: string, version: string) => boolean): boolean {
  return isSetSupported(DATA_TYPES_REQUIREMENT.set, DATA_TYPES_REQUIREMENT.version);
}

/** What Office says about the host the cells run in. */
export interface OfficeCellHost {
  /** `Office.context.displayLanguage`, e.g. `sv-SE`. */
  displayLanguage: string | undefined;
  /** `Office.context.requirements.isSetSupported`. */
  isSetSupported: (set: string, version: string) => boolean;
}

/**
 * The host's part of the context, for the composition root inside Excel:
 * `configureFunctions({ snapshots, now, cellError, ...cellHost({ displayLanguage, isSetSupported }) })`.
 */
export function cellHost(office: OfficeCellHost): Required<Pick<FunctionsContext, 'language' | 'dataTypes'>> {
  const lang = langOf(office.displayLanguage);
  return { language: () => lang, dataTypes: supportsDataTypes(office.isSetSupported) };
}

let context: FunctionsContext | undefined;

/** Set by the composition root (runtime/), or by a test, before any function is called. */
export function configureFunctions(next: FunctionsContext): void {
  context = next;
}

function configured(): FunctionsContext {
  if (!context) throw new Error('The SSR functions were called before configureFunctions().');
  return context;
}

/** The calendar year last asked for and the moments it spans (local time), so that most cells need no Date. */
let yearSpan: { year: number; fromMs: number; untilMs: number } | undefined;

/** "A year left out is the current calendar year", in the user's time zone. */
export function currentYear(): number {
  const now = configured().now();
  if (yearSpan && now >= yearSpan.fromMs && now < yearSpan.untilMs) return yearSpan.year;
  const year = new Date(now).getFullYear();
  yearSpan = { year, fromMs: new Date(year, 0, 1).getTime(), untilMs: new Date(year + 1, 0, 1).getTime() };
  return year;
}

/** The language the cells speak now. */
export function cellLanguage(): Lang {
  return configured().language?.() ?? 'en';
}

/** A formatted number as this host takes it: as it is where Excel has data types, its plain number elsewhere. */
export function presented(value: FormattedNumber): FormattedNumber | number {
  return configured().dataTypes === true ? value : value.basicValue;
}

function asCellError(error: unknown): CellError {
  const { cellError } = configured();
  const lang = cellLanguage();
  if (error instanceof FunctionProblem) return cellError(error.kind, error.messageIn(lang));
  if (error instanceof SnapshotUnavailableError) {
    return cellError('not-available', lang === 'en' ? error.message : registerUnavailableSv(error.code, error.detail));
  }
  // A defect, not a user's mistake: log it with its stack and still settle the cell.
  console.error('SSR: a custom function failed unexpectedly.', error);
  return cellError('value', unexpectedFailure(error instanceof Error ? error.message : String(error))[lang]);
}

/** Reads a cell's arguments and returns the computation to run on the snapshot. */
export type CellComputation<T> = () => (snapshot: Snapshot) => T;

/**
 * One cell: read the arguments (a bad one never waits for the network), then compute on the
 * snapshot. The promise always settles: with the value, or rejected with a
 * CustomFunctions.Error (#VALUE! or #N/A with its message).
 */
export function cell<T>(prepare: CellComputation<T>): Promise<T> {
  return settle(prepare, unchanged);
}

const unchanged = <T>(value: T): T => value;

/** A cell whose value is `finish` of what it computes: no closure per cell around the computation. */
function settle<T, R>(prepare: CellComputation<T>, finish: (value: T) => R): Promise<R> {
  try {
    const compute = prepare();
    const { snapshots } = configured();
    // A fresh snapshot in memory (every cell of a recalculation but the first): compute now, one settled promise.
    const snapshot = snapshots.fresh();
    if (snapshot) return Promise.resolve(finish(compute(snapshot)));
    return snapshots
      .get()
      .then((read) => finish(compute(read.snapshot)))
      .catch(rejectAsCellError);
  } catch (error) {
    return rejectAsCellError(error);
  }
}

function rejectAsCellError(error: unknown): Promise<never> {
  // Excel shows a rejection with a CustomFunctions.Error (not an Error subclass) as that error.
  // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
  return Promise.reject(asCellError(error));
}

/** The same, for a cell that needs the read itself (when the register was confirmed), not only the snapshot. */
export async function readCell<T>(prepare: () => (read: SnapshotRead) => T): Promise<T> {
  try {
    const compute = prepare();
    return compute(await configured().snapshots.get());
  } catch (error) {
    // Excel shows a rejection with a CustomFunctions.Error (not an Error subclass) as that error.
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    throw asCellError(error);
  }
}

/** A cell that needs no snapshot (SSR.LASTYEAR), with the same settling and errors. */
export async function plainCell<T>(compute: () => T): Promise<T> {
  try {
    return await Promise.resolve(compute());
  } catch (error) {
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    throw asCellError(error);
  }
}

/** A cell of kronor, a formatted number where the host takes one. */
export function moneyCell(prepare: CellComputation<FormattedNumber>): Promise<FormattedNumber | number> {
  return settle(prepare, presented);
}

/** The same for a spilled table, whose cells may each hold an error or a formatted number. */
export async function tableCell(prepare: CellComputation<Table>): Promise<(string | number | FormattedNumber | CellError)[][]> {
  const table = await cell(prepare);
  return table.map((row) =>
    row.map((value) => (value instanceof FunctionProblem ? asCellError(value) : isFormattedNumber(value) ? presented(value) : value)),
  );
}
