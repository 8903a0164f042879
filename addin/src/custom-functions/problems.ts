import type { CellErrorKind } from './context';

/**
 * Why a custom function cannot give a value: becomes a cell error (#VALUE! or #N/A) with
 * the message the user sees when hovering the cell.
 */
export class FunctionProblem extends Error {
  override readonly name = 'FunctionProblem';

  constructor(
    readonly kind: CellErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** A bad argument: #VALUE!. */
export function badArgument(message: string): FunctionProblem {
  return new FunctionProblem('value', message);
}

/** A figure that does not exist (yet): #N/A. */
export function notAvailable(message: string): FunctionProblem {
  return new FunctionProblem('not-available', message);
}

/** How an argument reads back in a message: text quoted, numbers as they are. */
export function shown(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (Array.isArray(value)) return 'a range';
  return String(value);
}
