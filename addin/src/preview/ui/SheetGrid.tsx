import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import type { CellPosition } from '../../excel/address';
import { cellAddress, columnLetters } from '../../excel/address';
import { isCellError, topLeft } from '../formula/values';
import type { MemoryWorkbook } from '../workbook/workbook';
import { usedExtent } from '../workbook/model';
import { useMessages } from '../../i18n';
import { displayValue, rawValue } from './display';

const useStyles = makeStyles({
  scroller: { overflow: 'auto', maxHeight: '60vh', border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, fontFamily: tokens.fontFamilyBase, tableLayout: 'fixed' },
  heading: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    position: 'sticky',
  },
  // Column letters stay on top when scrolling down, row numbers on the left when scrolling across.
  columnHeading: { top: 0, zIndex: 1 },
  rowHeading: { left: 0, zIndex: 1, minWidth: '32px', textAlign: 'right' },
  corner: { top: 0, zIndex: 2 },
  cell: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    padding: `1px ${tokens.spacingHorizontalXS}`,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    height: '20px',
    cursor: 'cell',
    ':focus-visible': { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
  },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  bold: { fontWeight: tokens.fontWeightSemibold },
  error: { color: tokens.colorPaletteRedForeground1 },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px', backgroundColor: tokens.colorBrandBackground2 },
});

const DEFAULT_WIDTH_PX = 88;

/** The active sheet as a grid: computed values shown, the selected cell highlighted, keys to move and edit. */
export function SheetGrid({
  workbook,
  sheet,
  selected,
  onSelect,
  onStartEdit,
  onClear,
}: {
  workbook: MemoryWorkbook;
  sheet: string;
  selected: CellPosition;
  onSelect: (position: CellPosition) => void;
  onStartEdit: (initial?: string) => void;
  onClear: () => void;
}) {
  const t = useMessages();
  const styles = useStyles();
  const container = useRef<HTMLDivElement>(null);
  const model = workbook.getSheet(sheet);
  const extent = model ? usedExtent(model) : { rows: 0, columns: 0 };
  const rows = Math.max(extent.rows + 3, 20, selected.row + 2);
  const columns = Math.max(extent.columns + 1, 8, selected.column + 2);
  const visibleColumns = Array.from({ length: columns }, (_, column) => column).filter((column) => !model?.hiddenColumns.has(column));
  const selectedAddress = cellAddress(selected);

  useEffect(() => {
    const active = container.current?.ownerDocument.activeElement;
    // Follow the selection with focus only when focus is already in the grid (arrow keys).
    if (active && container.current?.contains(active)) {
      container.current.querySelector<HTMLElement>(`[data-address="${selectedAddress}"]`)?.focus();
    }
  }, [selectedAddress]);

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

  return (
    <div ref={container} className={styles.scroller}>
      <table className={styles.table} role="grid" aria-label={t.preview.grid(sheet)} aria-rowcount={rows} aria-colcount={columns}>
        <thead>
          <tr>
            <th className={mergeClasses(styles.heading, styles.rowHeading, styles.corner)} aria-hidden="true" />
            {visibleColumns.map((column) => (
              <th
                key={column}
                scope="col"
                className={mergeClasses(styles.heading, styles.columnHeading)}
                style={{ width: `${Math.round((model?.columnWidths.get(column) ?? DEFAULT_WIDTH_PX * 0.75) / 0.75)}px` }}
              >
                {columnLetters(column)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, row) => (
            <tr key={row}>
              <th scope="row" className={mergeClasses(styles.heading, styles.rowHeading)}>
                {row + 1}
              </th>
              {visibleColumns.map((column) => {
                const position = { row, column };
                const address = cellAddress(position);
                const cell = workbook.getCell(sheet, position);
                const value = cell ? topLeft(cell.value) : null;
                const isSelected = row === selected.row && column === selected.column;
                return (
                  <td
                    key={column}
                    role="gridcell"
                    tabIndex={isSelected ? 0 : -1}
                    aria-selected={isSelected}
                    data-address={address}
                    data-value={cell ? rawValue(cell.value) : ''}
                    {...(cell?.formula ? { 'data-formula': cell.formula } : {})}
                    title={isCellError(value) ? (value.message ?? value.error) : undefined}
                    className={mergeClasses(
                      styles.cell,
                      typeof value === 'number' && styles.number,
                      cell?.bold && styles.bold,
                      isCellError(value) && styles.error,
                      isSelected && styles.selected,
                    )}
                    onClick={() => onSelect(position)}
                    onDoubleClick={() => onStartEdit()}
                    onKeyDown={onKeyDown}
                  >
                    {cell ? displayValue(cell.value, cell.numberFormat) : ''}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
