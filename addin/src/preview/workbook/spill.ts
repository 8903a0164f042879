import type { FormulaValue, ScalarValue } from '../formula/values';
import { cellError, isMatrix } from '../formula/values';
import type { MemorySheet } from './model';
import { cellKey, keyPosition } from './model';

/** Where a sheet's spilled tables land, and the anchors that could not spill. */
export interface SpillLayout {
  spills: Map<string, ScalarValue>;
  /** Anchor cell keys whose range holds something else: they show #SPILL!. */
  blocked: Set<string>;
}

export const SPILL_BLOCKED = cellError('#SPILL!');

/**
 * Lay out the tables that formulas return, as Excel's dynamic arrays do: each fills the cells
 * below and right of its formula; a cell in the way (a value, a formula, another spill) stops
 * it, and the formula shows #SPILL! instead. Anchors are laid out top to bottom, left to right.
 */
export function layOutSpills(sheet: MemorySheet, results: ReadonlyMap<string, FormulaValue>): SpillLayout {
  const spills = new Map<string, ScalarValue>();
  const blocked = new Set<string>();
  const anchors = [...results]
    .filter((entry): entry is [string, ScalarValue[][]] => isMatrix(entry[1]))
    .map(([key, matrix]) => ({ key, at: keyPosition(key), matrix }))
    .sort((a, b) => a.at.row - b.at.row || a.at.column - b.at.column);
  for (const { key, at, matrix } of anchors) {
    const targets: [string, ScalarValue][] = [];
    matrix.forEach((row, r) =>
      row.forEach((value, c) => {
        if (r > 0 || c > 0) targets.push([cellKey({ row: at.row + r, column: at.column + c }), value]);
      }),
    );
    const inTheWay = targets.some(([target]) => {
      const cell = sheet.cells.get(target);
      return spills.has(target) || cell?.formula !== undefined || (cell !== undefined && cell.value !== null);
    });
    if (inTheWay) blocked.add(key);
    else for (const [target, value] of targets) spills.set(target, value);
  }
  return { spills, blocked };
}

export function sameSpills(a: ReadonlyMap<string, ScalarValue>, b: ReadonlyMap<string, ScalarValue>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of a) {
    if (!b.has(key) || JSON.stringify(b.get(key)) !== JSON.stringify(value)) return false;
  }
  return true;
}
