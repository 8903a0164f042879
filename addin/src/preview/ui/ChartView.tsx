import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { parseRangeAddress } from '../../excel/address';
import type { MemoryWorkbook } from '../workbook/workbook';
import { cellValue } from '../workbook/model';
import type { ChartSpec } from '../../excel/port';
import { displayValue } from './display';

const useStyles = makeStyles({
  chart: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    width: '100%',
    maxWidth: '560px',
    margin: 0,
    boxSizing: 'border-box',
  },
  row: { display: 'grid', gridTemplateColumns: '130px 1fr 130px', alignItems: 'center', gap: tokens.spacingHorizontalS },
  bar: { height: '16px', backgroundColor: tokens.colorBrandBackground, borderRadius: tokens.borderRadiusSmall },
  value: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
});

/** A clustered column chart, drawn as bars: labels from the first column of the source, values from the second. */
export function ChartView({ workbook, chart }: { workbook: MemoryWorkbook; chart: ChartSpec }) {
  const styles = useStyles();
  const sheet = workbook.getSheet(chart.sheet);
  const bounds = parseRangeAddress(chart.source);
  if (!sheet || !bounds) return null;
  const points = [];
  for (let row = bounds.top; row <= bounds.bottom; row += 1) {
    const label = cellValue(sheet, { row, column: bounds.left });
    const value = cellValue(sheet, { row, column: bounds.left + 1 });
    const format = sheet.cells.get(`${row}:${bounds.left + 1}`)?.numberFormat;
    points.push({ label: displayValue(label), value: typeof value === 'number' ? value : 0, shown: displayValue(value, format) });
  }
  const max = Math.max(1, ...points.map((point) => point.value));
  return (
    <figure className={styles.chart} role="img" aria-label={chart.title}>
      <Text as="h3" weight="semibold">
        {chart.title}
      </Text>
      {points.map((point) => (
        <div key={point.label} className={styles.row}>
          <Text>{point.label}</Text>
          <div className={styles.bar} style={{ width: `${(Math.max(0, point.value) / max) * 100}%` }} />
          <Text className={styles.value}>{point.shown}</Text>
        </div>
      ))}
    </figure>
  );
}
