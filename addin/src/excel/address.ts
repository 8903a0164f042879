/** A1 addresses: zero-based rows and columns inside the program, letters and 1-based rows outside. */

export interface CellPosition {
  row: number;
  column: number;
}

export interface RangeBounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Column index (0-based) to letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(column: number): string {
  let n = column + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Letters to a column index (0-based): A → 0, AA → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellAddress(position: CellPosition): string {
  return `${columnLetters(position.column)}${position.row + 1}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

export function parseCellAddress(text: string): CellPosition | undefined {
  const match = CELL.exec(text.trim());
  if (!match) return undefined;
  const row = Number(match[2]) - 1;
  if (row < 0) return undefined;
  return { row, column: columnIndex(match[1] ?? '') };
}

/** `B2:D9` or a single cell `B2`; corners in any order. */
export function parseRangeAddress(text: string): RangeBounds | undefined {
  const [first, second, ...rest] = text.split(':');
  if (first === undefined || rest.length > 0) return undefined;
  const a = parseCellAddress(first);
  const b = second === undefined ? a : parseCellAddress(second);
  if (!a || !b) return undefined;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
}

export function rangeAddress(bounds: RangeBounds): string {
  const start = cellAddress({ row: bounds.top, column: bounds.left });
  const end = cellAddress({ row: bounds.bottom, column: bounds.right });
  return start === end ? start : `${start}:${end}`;
}

/** The range that a block of `rows` × `columns` cells fills from a top-left cell. */
export function blockAddress(topLeft: CellPosition, rows: number, columns: number): string {
  return rangeAddress({
    top: topLeft.row,
    left: topLeft.column,
    bottom: topLeft.row + Math.max(rows, 1) - 1,
    right: topLeft.column + Math.max(columns, 1) - 1,
  });
}
