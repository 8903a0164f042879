import type { Snapshot } from '@ssr/shared';
import { SnapshotUnavailableError } from '../snapshot/client';
import type { SnapshotClient } from '../snapshot/client';
import { FunctionProblem } from './problems';
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

/** "A year left out is the current calendar year", in the user's time zone. */
export function currentYear(): number {
  return new Date(configured().now()).getFullYear();
}

function asCellError(error: unknown): CellError {
  const { cellError } = configured();
  if (error instanceof FunctionProblem) return cellError(error.kind, error.message);
  if (error instanceof SnapshotUnavailableError) return cellError('not-available', error.message);
  // A defect, not a user's mistake: log it with its stack and still settle the cell.
  console.error('SSR: a custom function failed unexpectedly.', error);
  return cellError('value', `The SSR add-in failed: ${error instanceof Error ? error.message : String(error)}`);
}

/** Reads a cell's arguments and returns the computation to run on the snapshot. */
export type CellComputation<T> = () => (snapshot: Snapshot) => T;

/**
 * One cell: read the arguments (a bad one never waits for the network), then compute on the
 * snapshot. The promise always settles: with the value, or rejected with a
 * CustomFunctions.Error (#VALUE! or #N/A with its message).
 */
export async function cell<T>(prepare: CellComputation<T>): Promise<T> {
  try {
    const compute = prepare();
    const { snapshot } = await configured().snapshots.get();
    return compute(snapshot);
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

/** The same for a spilled table, whose cells may each hold an error. */
export async function tableCell(prepare: CellComputation<Table>): Promise<(string | number | CellError)[][]> {
  const table = await cell(prepare);
  return table.map((row) => row.map((value) => (value instanceof FunctionProblem ? asCellError(value) : value)));
}
