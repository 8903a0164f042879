import type { Snapshot } from '@ssr/shared';
import { SnapshotUnavailableError } from '../snapshot/client';
import type { SnapshotClient } from '../snapshot/client';
import { cellError } from './office';
import type { CellError } from './office';
import { FunctionProblem } from './problems';
import type { Table } from './compute';

/** What the SSR.* functions run on: the shared snapshot cache and the clock (read here only). */
export interface FunctionsContext {
  snapshots: SnapshotClient;
  now: () => number;
}

let context: FunctionsContext | undefined;

/** Set once by the page (main.ts), or by a test, before Excel calls any function. */
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
