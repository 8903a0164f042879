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
  legend: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  legendItem: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  swatch: { width: '12px', height: '12px', borderRadius: tokens.borderRadiusSmall },
});

interface Point {
  label: string;
  values: { value: number; shown: string }[];
}

/** The chart's categories and their values, one per series, read as Excel reads the source. */
function pointsOf(workbook: MemoryWorkbook, chart: ChartSpec, lang: ReturnType<typeof useLanguage>): Point[] {
  const sheet = workbook.getSheet(chart.sheet);
  const bounds = parseRangeAddress(chart.source);
  if (!sheet || !bounds) return [];
  const byRows = chart.seriesBy === 'rows';
  const categories = byRows ? bounds.right - bounds.left + 1 : bounds.bottom - bounds.top + 1;
  const series = byRows ? bounds.bottom - bounds.top : bounds.right - bounds.left;
  const at = (category: number, index: number) =>
    byRows ? { row: bounds.top + index, column: bounds.left + category } : { row: bounds.top + category, column: bounds.left + index };
  return Array.from({ length: categories }, (_, category) => ({
    label: displayValue(cellValue(sheet, at(category, 0)), undefined, lang),
    values: Array.from({ length: series }, (_, s) => {
      const position = at(category, s + 1);
      const value = cellValue(sheet, position);
      const format = sheet.cells.get(`${position.row}:${position.column}`)?.numberFormat;
      return { value: numberOf(value) ?? 0, shown: displayValue(value, format, lang) };
    }),
  }));
}

const SERIES_COLOURS = [tokens.colorBrandBackground, tokens.colorPaletteMarigoldBackground3, tokens.colorPaletteTealBackground2, tokens.colorPaletteBerryBackground2];

/** A clustered column chart, drawn as bars: a category per line, a bar per series, a legend when there are several. */
export function ChartView({ workbook, chart }: { workbook: MemoryWorkbook; chart: ChartSpec }) {
  const styles = useStyles();
  const lang = useLanguage();
  const points = pointsOf(workbook, chart, lang);
  if (points.length === 0) return null;
  const names = chart.seriesNames ?? [];
  const seriesCount = points[0]?.values.length ?? 0;
  const max = Math.max(1, ...points.flatMap((point) => point.values.map((each) => each.value)));
  const colour = (index: number) => SERIES_COLOURS[index % SERIES_COLOURS.length];
  return (
    <figure className={styles.chart} role="img" aria-label={chart.title}>
      <Text as="h3" weight="semibold">
        {chart.title}
      </Text>
      {seriesCount > 1 ? (
        <div className={styles.legend}>
          {Array.from({ length: seriesCount }, (_, index) => (
            <span key={index} className={styles.legendItem}>
              <span className={styles.swatch} style={{ backgroundColor: colour(index) }} />
              <Text size={200}>{names[index] ?? String(index + 1)}</Text>
            </span>
          ))}
        </div>
      ) : null}
      {points.map((point) =>
        point.values.map((each, index) => (
          <div key={`${point.label}|${index}`} className={styles.row}>
            <Text>{index === 0 ? point.label : ''}</Text>
            <div className={styles.bar} style={{ width: `${(Math.max(0, each.value) / max) * 100}%`, backgroundColor: colour(index) }} />
            <Text className={styles.value}>{each.shown}</Text>
          </div>
        )),
      )}
    </figure>
  );
}
