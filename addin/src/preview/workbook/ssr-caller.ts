import { isFormattedNumber } from '../../custom-functions/cell-value';
import { SSR_NAMESPACE } from '../formula/locale';
import type { FormulaValue, ScalarValue } from '../formula/values';
import { cellError, isCellError } from '../formula/values';
import type { FunctionCaller } from './recalc';

/** The custom functions by id (`FEE`, `NET`, …), as the functions module exports them. */
export type FunctionRegistry = Readonly<Record<string, (...args: never[]) => Promise<unknown>>>;

/**
 * What a function threw, as a cell shows it. The preview gives the functions its own cell
 * errors (runtime/preview.tsx), so an error arrives as one; anything else is a defect, shown
 * as #VALUE! with its message.
 */
function asCellError(thrown: unknown) {
  if (isCellError(thrown)) return thrown;
  return cellError('#VALUE!', thrown instanceof Error ? thrown.message : String(thrown));
}

function asScalar(value: unknown): ScalarValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  // A money cell (Excel's DoubleCellValue) keeps its format: the grid shows it as Excel would.
  if (isFormattedNumber(value)) return value;
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
    const prefix = `${SSR_NAMESPACE}.`;
    if (!name.startsWith(prefix)) return undefined;
    const fn = registry[name.slice(prefix.length)] as ((...values: ScalarValue[]) => Promise<unknown>) | undefined;
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
