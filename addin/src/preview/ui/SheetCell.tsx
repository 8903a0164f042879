import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { KeyboardEvent } from 'react';
import type { CellPosition } from '../../excel/address';
import { cellAddress } from '../../excel/address';
import { useLanguage } from '../../i18n';
import { isCellError, numberOf, topLeft } from '../formula/values';
import type { MemoryWorkbook } from '../workbook/workbook';
import { displayValue, rawValue } from './display';

const useStyles = makeStyles({
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
  // Excel draws a spilled table's range with a thin blue frame; a tint says the same here.
  spilled: { backgroundColor: tokens.colorNeutralBackground1Hover },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px', backgroundColor: tokens.colorBrandBackground2 },
});

/** One cell of the grid: its value as formatted, the raw value and formula for tools, an error's message on hover. */
export function SheetCell({
  workbook,
  sheet,
  position,
  isSelected,
  onSelect,
  onStartEdit,
  onKeyDown,
}: {
  workbook: MemoryWorkbook;
  sheet: string;
  position: CellPosition;
  isSelected: boolean;
  onSelect: (position: CellPosition) => void;
  onStartEdit: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLTableCellElement>) => void;
}) {
  const styles = useStyles();
  const lang = useLanguage();
  const cell = workbook.shownCell(sheet, position);
  const value = cell ? topLeft(cell.value) : null;
  return (
    <td
      role="gridcell"
      tabIndex={isSelected ? 0 : -1}
      aria-selected={isSelected}
      data-address={cellAddress(position)}
      data-value={cell ? rawValue(cell.value) : ''}
      {...(cell?.formula ? { 'data-formula': cell.formula } : {})}
      {...(cell?.spilled ? { 'data-spilled': 'true' } : {})}
      title={isCellError(value) ? (value.message ?? value.error) : undefined}
      className={mergeClasses(
        styles.cell,
        numberOf(value) !== undefined && styles.number,
        cell?.spilled && styles.spilled,
        cell?.bold && styles.bold,
        isCellError(value) && styles.error,
        isSelected && styles.selected,
      )}
      onClick={() => onSelect(position)}
      onDoubleClick={() => onStartEdit()}
      onKeyDown={onKeyDown}
    >
      {cell ? displayValue(cell.value, cell.numberFormat, lang) : ''}
    </td>
  );
}
