import type { FormulaValue, ScalarValue } from '../formula/values';
import { cellError, ERROR_CODES, isCellError } from '../formula/values';
import type { ErrorCode } from '../formula/values';
import type { FunctionCaller } from './recalc';

/** The custom functions by id (`FEE`, `NET`, …), as the functions module exports them. */
export type FunctionRegistry = Readonly<Record<string, (...args: never[]) => Promise<unknown>>>;

/**
 * Excel's cell errors as the custom functions throw them: CustomFunctions.Error carries the
 * code ("#N/A") and the message the cell shows on hover.
 */
function asCellError(thrown: unknown) {
  const record = typeof thrown === 'object' && thrown !== null ? (thrown as { code?: unknown; message?: unknown }) : {};
  const code = typeof record.code === 'string' && (ERROR_CODES as readonly string[]).includes(record.code) ? (record.code as ErrorCode) : '#VALUE!';
  const message = typeof record.message === 'string' ? record.message : String(thrown);
  return cellError(code, message);
}

function asScalar(value: unknown): ScalarValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (isCellError(value)) return value;
  return asCellError(value);
}

/**
 * Answers `SSR.<ID>(…)` in the in-memory workbook with the very functions Excel runs: the
 * arguments as Excel passes them (null for one left out), the result or the error as a cell
 * shows it. Other names are unknown (#NAME?).
 */
export function ssrFunctionCaller(registry: FunctionRegistry): FunctionCaller {
  return (name, args) => {
    if (!name.startsWith('SSR.')) return undefined;
    const fn = registry[name.slice(4)] as ((...values: ScalarValue[]) => Promise<unknown>) | undefined;
    if (!fn) return undefined;
    const run = async (): Promise<FormulaValue> => {
      try {
        const result = await fn(...args);
        if (Array.isArray(result)) return result.map((row: unknown) => (Array.isArray(row) ? row.map(asScalar) : [asScalar(row)]));
        return asScalar(result);
      } catch (error) {
        return asCellError(error);
      }
    };
    return run();
  };
}

/**
 * Preview mode has no Excel, so no CustomFunctions global; the functions build their cell
 * errors with it. This stand-in gives them the error type (code and message) and nothing
 * else, so the functions still see no custom-functions runtime to register with.
 */
export function installCustomFunctionsStandIn(target: object = globalThis): void {
  const holder = target as { CustomFunctions?: unknown };
  if (holder.CustomFunctions !== undefined) return;
  class StandInError extends Error {
    constructor(
      readonly code: string,
      message?: string,
    ) {
      super(message ?? code);
    }
  }
  holder.CustomFunctions = {
    Error: StandInError,
    ErrorCode: {
      invalidValue: '#VALUE!',
      notAvailable: '#N/A',
      divisionByZero: '#DIV/0!',
      invalidNumber: '#NUM!',
      nullReference: '#NULL!',
      invalidName: '#NAME?',
      invalidReference: '#REF!',
    },
  };
}
