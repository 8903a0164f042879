import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { columnLetters } from '../../excel/address';
import { useMessages } from '../../i18n';
import { SheetCell } from './SheetCell';
import type { SheetGridProps } from './useSheetGrid';
import { useSheetGrid } from './useSheetGrid';

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
});

/** The active sheet as a grid: computed values shown, the selected cell highlighted, keys to move and edit. */
export function SheetGrid(props: SheetGridProps) {
  const { workbook, sheet, selected, onSelect, onStartEdit } = props;
  const t = useMessages();
  const styles = useStyles();
  const { container, rows, columns, visibleRows, visibleColumns, columnWidthPx, onKeyDown } = useSheetGrid(props);

  return (
    <div ref={container} className={styles.scroller}>
      <table className={styles.table} role="grid" aria-label={t.preview.grid(sheet)} aria-rowcount={rows} aria-colcount={columns}>
        <thead>
          <tr>
            <th className={mergeClasses(styles.heading, styles.rowHeading, styles.corner)} aria-hidden="true" />
            {visibleColumns.map((column) => (
              <th key={column} scope="col" className={mergeClasses(styles.heading, styles.columnHeading)} style={{ width: `${columnWidthPx(column)}px` }}>
                {columnLetters(column)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {visibleRows.map((row) => (
            <tr key={row}>
              <th scope="row" className={mergeClasses(styles.heading, styles.rowHeading)}>
                {row + 1}
              </th>
              {visibleColumns.map((column) => (
                <SheetCell
                  key={column}
                  workbook={workbook}
                  sheet={sheet}
                  position={{ row, column }}
                  isSelected={row === selected.row && column === selected.column}
                  onSelect={onSelect}
                  onStartEdit={onStartEdit}
                  onKeyDown={onKeyDown}
                />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
