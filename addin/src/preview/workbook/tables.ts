import type { CellPosition } from '../../excel/address';
import type { MemoryTable } from './model';

/** The table that a value typed at `position` extends: the row just below it, inside its columns. */
export function tableRowForEdit(tables: readonly MemoryTable[], position: CellPosition): MemoryTable | undefined {
  return tables.find(
    (table) =>
      position.row === table.top + table.rows + 1 && position.column >= table.left && position.column < table.left + table.columns,
  );
}

/** The table and its 0-based data row under a cell, if any. */
export function tableRowAt(tables: readonly MemoryTable[], position: CellPosition): { table: MemoryTable; index: number } | undefined {
  for (const table of tables) {
    const index = position.row - table.top - 1;
    if (index >= 0 && index < table.rows && position.column >= table.left && position.column < table.left + table.columns) {
      return { table, index };
    }
  }
  return undefined;
}
