import type { CellPosition } from '../../excel/address';
import type { FormulaValue, ScalarValue } from '../formula/values';
import type { ChartSpec } from '../../excel/port';

/** The in-memory workbook's data: sheets of sparse cells, tables over them, charts on them. */

export interface MemoryCell {
  /** The formula as typed, `=` included; absent for a plain value. */
  formula?: string;
  /** A plain value, or the last computed result of the formula. */
  value: FormulaValue;
  numberFormat?: string;
  bold?: boolean;
}

export interface MemorySheet {
  name: string;
  hidden: boolean;
  cells: Map<string, MemoryCell>;
  columnWidths: Map<number, number>;
  hiddenColumns: Set<number>;
  hiddenRows: Set<number>;
  charts: ChartSpec[];
  /** Values spilled by a formula into the empty cells below and right of it, by cell key. */
  spills: Map<string, ScalarValue>;
}

export interface MemoryTable {
  name: string;
  sheet: string;
  top: number;
  left: number;
  columns: number;
  /** Data rows below the header row. */
  rows: number;
}

export function cellKey(position: CellPosition): string {
  return `${position.row}:${position.column}`;
}

export function keyPosition(key: string): CellPosition {
  const [row, column] = key.split(':').map(Number);
  return { row: row ?? 0, column: column ?? 0 };
}

export function emptySheet(name: string, hidden = false): MemorySheet {
  return { name, hidden, cells: new Map(), columnWidths: new Map(), hiddenColumns: new Set(), hiddenRows: new Set(), charts: [], spills: new Map() };
}

/** The used area of a sheet: from A1 to the last row and column holding a value, a formula or a format. */
export function usedExtent(sheet: MemorySheet): { rows: number; columns: number } {
  let rows = 0;
  let columns = 0;
  for (const key of [...sheet.cells.keys(), ...sheet.spills.keys()]) {
    const { row, column } = keyPosition(key);
    rows = Math.max(rows, row + 1);
    columns = Math.max(columns, column + 1);
  }
  return { rows, columns };
}

/** What a cell holds, as a formula reading it sees it: its own value, or what spilled into it. */
export function cellValue(sheet: MemorySheet | undefined, position: CellPosition): ScalarValue {
  const key = cellKey(position);
  const value = sheet?.cells.get(key)?.value ?? null;
  if (value === null) return sheet?.spills.get(key) ?? null;
  return Array.isArray(value) ? (value[0]?.[0] ?? null) : value;
}
