import { useEffect, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import type { CellPosition } from '../../excel/address';
import { cellAddress } from '../../excel/address';
import { usedExtent } from '../workbook/model';
import type { MemoryWorkbook } from '../workbook/workbook';

export interface SheetGridProps {
  workbook: MemoryWorkbook;
  sheet: string;
  selected: CellPosition;
  onSelect: (position: CellPosition) => void;
  onStartEdit: (initial?: string) => void;
  onClear: () => void;
}

const DEFAULT_WIDTH_PX = 88;

/** The grid's extent, focus that follows the selection, and Excel's keys to move, edit and clear. */
export function useSheetGrid({ workbook, sheet, selected, onSelect, onStartEdit, onClear }: SheetGridProps) {
  const container = useRef<HTMLDivElement>(null);
  const model = workbook.getSheet(sheet);
  const extent = model ? usedExtent(model) : { rows: 0, columns: 0 };
  // Empty rows and columns past the used range and the selection, to type into.
  const rows = Math.max(extent.rows + 3, 20, selected.row + 2);
  const columns = Math.max(extent.columns + 1, 8, selected.column + 2);
  const visibleColumns = Array.from({ length: columns }, (_, column) => column).filter((column) => !model?.hiddenColumns.has(column));
  const visibleRows = Array.from({ length: rows }, (_, row) => row).filter((row) => !model?.hiddenRows.has(row));
  const selectedAddress = cellAddress(selected);

  useEffect(() => {
    const active = container.current?.ownerDocument.activeElement;
    // Follow the selection with focus only when focus is already in the grid (arrow keys).
    if (active && container.current?.contains(active)) {
      container.current.querySelector<HTMLElement>(`[data-address="${selectedAddress}"]`)?.focus();
    }
  }, [selectedAddress]);

  /** A column's width in pixels; widths are kept in points (a pixel is 0.75 pt). */
  const columnWidthPx = (column: number) => Math.round((model?.columnWidths.get(column) ?? DEFAULT_WIDTH_PX * 0.75) / 0.75);

  const onKeyDown = (event: KeyboardEvent<HTMLTableCellElement>) => {
    const move = (dr: number, dc: number) => {
      event.preventDefault();
      onSelect({ row: Math.max(0, selected.row + dr), column: Math.max(0, selected.column + dc) });
    };
    if (event.key === 'ArrowDown') move(1, 0);
    else if (event.key === 'ArrowUp') move(-1, 0);
    else if (event.key === 'ArrowRight' || (event.key === 'Tab' && !event.shiftKey)) move(0, 1);
    else if (event.key === 'ArrowLeft' || (event.key === 'Tab' && event.shiftKey)) move(0, -1);
    else if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      onStartEdit();
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      onClear();
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      onStartEdit(event.key);
    }
  };

  return { container, rows, columns, visibleRows, visibleColumns, columnWidthPx, onKeyDown };
}
