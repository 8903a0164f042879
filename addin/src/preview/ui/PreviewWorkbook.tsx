import { Button, Spinner, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState, useSyncExternalStore } from 'react';
import type { CellPosition } from '../../excel/address';
import { cellAddress } from '../../excel/address';
import type { FormulaLocale } from '../formula/locale';
import { formulaLocale, INVARIANT, localName } from '../formula/locale';
import { translateFormula } from '../formula/parse';
import type { FormulaValue } from '../formula/values';
import { isCellError, numberOf, topLeft } from '../formula/values';
import { tableRowAt } from '../workbook/tables';
import type { MemoryWorkbook } from '../workbook/workbook';
import { useLanguage, useMessages } from '../../i18n';
import { CellBar } from './CellBar';
import { ChartView } from './ChartView';
import { FormulaBox } from './FormulaBox';
import { SheetGrid } from './SheetGrid';

const useStyles = makeStyles({
  workbook: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM, minWidth: 0 },
  // Many sheets scroll sideways in their own strip, as Excel's sheet tabs do.
  tabs: { overflowX: 'auto', minWidth: 0 },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, minHeight: '32px' },
  grow: { flexGrow: 1, flexBasis: '200px', minWidth: 0 },
  grid: { minWidth: 0 },
  charts: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 360px), 560px))', gap: tokens.spacingHorizontalM },
});

/** What typing would reproduce the value, in the formula bar's language: `12,5` and SANT in Swedish. */
function inputText(value: FormulaValue, locale: FormulaLocale): string {
  const scalar = topLeft(value);
  if (scalar === null) return '';
  if (isCellError(scalar)) return scalar.error;
  if (typeof scalar === 'boolean') {
    const name = scalar ? 'TRUE' : 'FALSE';
    return localName(locale, name) ?? name;
  }
  const n = numberOf(scalar);
  if (n !== undefined) return String(n).replace('.', locale.decimalSeparator);
  return typeof scalar === 'string' ? scalar : '';
}

/** Preview mode's stand-in for Excel's window: sheet tabs, formula bar, the grid, charts, a formula box. */
export function PreviewWorkbook({ workbook }: { workbook: MemoryWorkbook }) {
  const t = useMessages();
  const locale = formulaLocale(useLanguage());
  const styles = useStyles();
  useSyncExternalStore(workbook.subscribe, workbook.getVersion);
  const input = useRef<HTMLInputElement>(null);
  const grid = useRef<HTMLDivElement>(null);
  const sheets = workbook.listSheets().filter((sheet) => !sheet.hidden);
  const active = sheets.some((sheet) => sheet.name === workbook.activeSheet) ? workbook.activeSheet : (sheets[0]?.name ?? workbook.activeSheet);
  const [selection, setSelection] = useState<Record<string, CellPosition>>({});
  const selected = selection[active] ?? { row: 0, column: 0 };
  const address = cellAddress(selected);
  const key = `${active}!${address}`;
  const cell = workbook.getCell(active, selected);
  // The bar shows what Excel's formulasLocal would: the formula in the pane's language.
  const content = cell?.formula !== undefined ? translateFormula(cell.formula, INVARIANT, locale) : cell ? inputText(cell.value, locale) : '';
  const [draft, setDraft] = useState<{ key: string; text: string } | undefined>();
  const shown = draft?.key === key ? draft.text : content;
  const inTable = tableRowAt(workbook.tablesOn(active), selected);
  const charts = workbook.getSheet(active)?.charts ?? [];

  const select = (position: CellPosition) => {
    setDraft(undefined);
    setSelection((current) => ({ ...current, [active]: position }));
  };

  const focusCell = (position: CellPosition) => {
    // After the re-render, so the newly selected cell is the one that takes focus.
    setTimeout(() => grid.current?.querySelector<HTMLElement>(`[data-address="${cellAddress(position)}"]`)?.focus(), 0);
  };

  const startEdit = (initial?: string) => {
    setDraft({ key, text: initial ?? content });
    setTimeout(() => input.current?.focus(), 0);
  };

  const commit = async () => {
    const text = shown;
    setDraft(undefined);
    const next = { row: selected.row + 1, column: selected.column };
    setSelection((current) => ({ ...current, [active]: next }));
    focusCell(next);
    await workbook.setCellInput(active, selected, text, locale);
  };

  return (
    <section className={styles.workbook} aria-label={t.preview.workbook} data-calculating={workbook.calculating ? 'true' : 'false'}>
      <TabList className={styles.tabs} size="small" selectedValue={active} onTabSelect={(_, data) => workbook.setActiveSheet(String(data.value))} aria-label={t.preview.sheets}>
        {sheets.map((sheet) => (
          <Tab key={sheet.name} value={sheet.name}>
            {sheet.name}
          </Tab>
        ))}
      </TabList>
      <div className={styles.toolbar}>
        <div className={styles.grow}>
          <CellBar
            ref={input}
            address={address}
            draft={shown}
            onDraft={(text) => setDraft({ key, text })}
            onCommit={() => void commit()}
            onCancel={() => {
              setDraft(undefined);
              focusCell(selected);
            }}
          />
        </div>
        {inTable ? (
          <Button size="small" onClick={() => void workbook.deleteTableRow(inTable.table.name, inTable.index)}>
            {t.preview.deleteRow}
          </Button>
        ) : null}
        {workbook.calculating ? <Spinner size="extra-tiny" label={t.preview.calculating} /> : null}
      </div>
      <div ref={grid} className={styles.grid}>
        <SheetGrid
          key={active}
          workbook={workbook}
          sheet={active}
          selected={selected}
          onSelect={select}
          onStartEdit={startEdit}
          onClear={() => void workbook.setCellInput(active, selected, '')}
        />
      </div>
      {charts.length > 0 ? (
        <div className={styles.charts}>
          {charts.map((chart) => (
            <ChartView key={chart.name} workbook={workbook} chart={chart} />
          ))}
        </div>
      ) : null}
      <FormulaBox workbook={workbook} />
    </section>
  );
}
