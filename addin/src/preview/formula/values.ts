/** The values a cell or a formula can hold, as Excel has them. */

export const ERROR_CODES = ['#N/A', '#VALUE!', '#REF!', '#NAME?', '#DIV/0!', '#NUM!', '#CALC!', '#BUSY!'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface CellError {
  readonly error: ErrorCode;
  /** Why, in words: what a custom function said, or what the evaluator could not read. */
  readonly message?: string;
}

export type ScalarValue = number | string | boolean | null | CellError;
/** A spilled result, such as the table SSR.FEES returns; rows of cells. */
export type MatrixValue = ScalarValue[][];
export type FormulaValue = ScalarValue | MatrixValue;

export function cellError(error: ErrorCode, message?: string): CellError {
  return message === undefined ? { error } : { error, message };
}

export function isCellError(value: unknown): value is CellError {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { error?: unknown }).error === 'string' &&
    (ERROR_CODES as readonly string[]).includes((value as { error: string }).error)
  );
}

export function isMatrix(value: FormulaValue): value is MatrixValue {
  return Array.isArray(value);
}

/** The value a single cell shows for a result: a spilled table shows its first cell here. */
export function topLeft(value: FormulaValue): ScalarValue {
  if (!isMatrix(value)) return value;
  return value[0]?.[0] ?? null;
}

/** Excel's coercion for arithmetic: empty is 0, TRUE is 1, numeric text is its number. */
export function toNumber(value: ScalarValue): number | CellError {
  if (value === null) return 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    const n = trimmed === '' ? Number.NaN : Number(trimmed);
    return Number.isFinite(n) ? n : cellError('#VALUE!');
  }
  return value;
}

export function toText(value: ScalarValue): string | CellError {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  return value;
}
