import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { parseRangeAddress } from '../../excel/address';
import type { MemoryWorkbook } from '../workbook/workbook';
import { cellValue } from '../workbook/model';
import type { ChartSpec } from '../../excel/port';
import { useLanguage } from '../../i18n';
import { numberOf } from '../formula/values';
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
  // Label, bar, amount; at the pane's width the label and amount give way before the bar does.
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 130px) minmax(40px, 1fr) minmax(0, 130px)',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    overflowWrap: 'anywhere',
  },
  bar: { height: '16px', backgroundColor: tokens.colorBrandBackground, borderRadius: tokens.borderRadiusSmall },
  value: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
});

/** A clustered column chart, drawn as bars: labels from the first column of the source, values from the second. */
export function ChartView({ workbook, chart }: { workbook: MemoryWorkbook; chart: ChartSpec }) {
  const styles = useStyles();
  const lang = useLanguage();
  const sheet = workbook.getSheet(chart.sheet);
  const bounds = parseRangeAddress(chart.source);
  if (!sheet || !bounds) return null;
  const points = [];
  for (let row = bounds.top; row <= bounds.bottom; row += 1) {
    const label = cellValue(sheet, { row, column: bounds.left });
    const value = cellValue(sheet, { row, column: bounds.left + 1 });
    const format = sheet.cells.get(`${row}:${bounds.left + 1}`)?.numberFormat;
    points.push({ label: displayValue(label, undefined, lang), value: numberOf(value) ?? 0, shown: displayValue(value, format, lang) });
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
