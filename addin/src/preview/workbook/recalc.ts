import type { CellPosition } from '../../excel/address';
import type { EvaluationContext } from '../formula/evaluate';
import { evaluate } from '../formula/evaluate';
import type { FormulaLocale } from '../formula/locale';
import { INVARIANT } from '../formula/locale';
import { parseFormula } from '../formula/parse';
import type { FormulaValue, ScalarValue } from '../formula/values';
import { cellError, topLeft } from '../formula/values';
import type { MemorySheet } from './model';
import { cellKey, cellValue } from './model';

/** Calls a function the evaluator does not know (SSR.*); undefined when the name is unknown. */
export type FunctionCaller = (name: string, args: ScalarValue[]) => Promise<FormulaValue> | undefined;

function findSheet(sheets: ReadonlyMap<string, MemorySheet>, name: string): MemorySheet | undefined {
  return sheets.get(name) ?? [...sheets.values()].find((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
}

/**
 * Recompute every formula of the workbook. Cells are evaluated one at a time, each once,
 * following references on demand; a cell met again on its own chain is circular (#REF!).
 * One chain at a time is what keeps a memoised, still-running cell from waiting on itself.
 * Returns the new values by sheet and cell key; the caller applies them if still wanted.
 */
export async function recalculate(
  sheets: ReadonlyMap<string, MemorySheet>,
  call: FunctionCaller,
): Promise<Map<string, Map<string, FormulaValue>>> {
  const results = new Map<string, Map<string, FormulaValue>>();
  const memo = new Map<string, Promise<FormulaValue>>();

  const resultsOf = (sheet: string): Map<string, FormulaValue> => {
    let map = results.get(sheet);
    if (!map) {
      map = new Map();
      results.set(sheet, map);
    }
    return map;
  };

  const valueOf = (sheetName: string, position: CellPosition, chain: ReadonlySet<string>): Promise<FormulaValue> => {
    const sheet = findSheet(sheets, sheetName);
    if (!sheet) return Promise.resolve(cellError('#REF!'));
    const key = cellKey(position);
    const cell = sheet.cells.get(key);
    if (cell?.formula === undefined) return Promise.resolve(cellValue(sheet, position));
    const id = `${sheet.name}!${key}`;
    if (chain.has(id)) return Promise.resolve(cellError('#REF!'));
    const known = memo.get(id);
    if (known) return known;
    const formula = cell.formula;
    const running = (async (): Promise<FormulaValue> => {
      const parsed = parseFormula(formula);
      if (!parsed.ok) return cellError('#NAME?');
      const inner = new Set(chain).add(id);
      const context: EvaluationContext = {
        cell: async (ref, at) => topLeft(await valueOf(ref ?? sheet.name, at, inner)),
        call,
      };
      try {
        return await evaluate(parsed.expr, context);
      } catch (error) {
        // A function that throws something other than a cell error still gives the cell a value.
        return cellError('#VALUE!', error instanceof Error ? error.message : String(error));
      }
    })();
    memo.set(id, running);
    return running.then((value) => {
      resultsOf(sheet.name).set(key, value);
      return value;
    });
  };

  for (const sheet of sheets.values()) {
    for (const [key, cell] of sheet.cells) {
      if (cell.formula === undefined) continue;
      const [row, column] = key.split(':').map(Number);
      await valueOf(sheet.name, { row: row ?? 0, column: column ?? 0 }, new Set());
    }
  }
  return results;
}

/** Evaluate a formula that lives in no cell (the formula box), reading the cells as they stand. */
export async function evaluateDetached(
  formula: string,
  sheets: ReadonlyMap<string, MemorySheet>,
  currentSheet: string,
  call: FunctionCaller,
  locale: FormulaLocale = INVARIANT,
): Promise<FormulaValue> {
  const parsed = parseFormula(formula, locale);
  if (!parsed.ok) return cellError('#NAME?');
  const context: EvaluationContext = {
    cell: (ref, at) => Promise.resolve(cellValue(findSheet(sheets, ref ?? currentSheet), at)),
    call,
  };
  return evaluate(parsed.expr, context);
}
