import type { FormattedNumber } from '../../custom-functions/cell-value';
import { isFormattedNumber } from '../../custom-functions/cell-value';

/** The values a cell or a formula can hold, as Excel has them. */

export const ERROR_CODES = ['#N/A', '#VALUE!', '#REF!', '#NAME?', '#DIV/0!', '#NUM!', '#CALC!', '#BUSY!', '#SPILL!'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface CellError {
  readonly error: ErrorCode;
  /** Why, in words: what a custom function said, or what the evaluator could not read. */
  readonly message?: string;
}

/** A number with its own number format (a money cell) is a number to every formula that reads it. */
export type ScalarValue = number | FormattedNumber | string | boolean | null | CellError;
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

/** The number a cell holds, plain or formatted; undefined for anything else. */
export function numberOf(value: ScalarValue): number | undefined {
  if (typeof value === 'number') return value;
  return isFormattedNumber(value) ? value.basicValue : undefined;
}

/** A formatted number as the plain number it is, as Excel passes one to a function's number parameter. */
export function plain(value: ScalarValue): Exclude<ScalarValue, FormattedNumber> {
  return isFormattedNumber(value) ? value.basicValue : value;
}

/** Excel's coercion for arithmetic: empty is 0, TRUE is 1, numeric text is its number. */
export function toNumber(value: ScalarValue): number | CellError {
  if (value === null) return 0;
  const n = numberOf(value);
  if (n !== undefined) return n;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    const parsed = trimmed === '' ? Number.NaN : Number(trimmed);
    return Number.isFinite(parsed) ? parsed : cellError('#VALUE!');
  }
  return isCellError(value) ? value : cellError('#VALUE!');
}

export function toText(value: ScalarValue): string | CellError {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const n = numberOf(value);
  if (n !== undefined) return String(n);
  if (typeof value === 'string') return value;
  return isCellError(value) ? value : cellError('#VALUE!');
}
