import type { SheetPlan } from './sheet-plan';
import { sheetGrid } from './sheet-plan';
import type { CellInput, CellReadValue, WorkbookPort } from './port';
import { defaultKeptName, freeSheetName, planRebuild, withCarried } from './rebuild';

/** What building a planned sheet did, for the pane to say. */
export type SheetWriteResult =
  /** There was no such sheet. */
  | { outcome: 'created' }
  /** The sheet was rebuilt where it stood; `kept` typed cells were carried to where they belong. */
  | { outcome: 'updated'; kept: number }
  /**
   * What was typed could not all be placed in the new layout: the old sheet was kept under
   * `keptAs`; what could be placed is in the new sheet too.
   */
  | { outcome: 'replaced'; keptAs: string };

export interface SheetWriteOptions {
  /**
   * The name for an old sheet that has to be kept, per attempt (1, 2… until one is free), in the
   * pane's language: `Budget 2027 (äldre)`, `Budget 2027 (äldre 2)`. Cleaned and cut to 31
   * characters by the writer.
   */
  keptName?: (sheet: string, attempt: number) => string;
}

/**
 * Build a planned sheet: the key column and row hidden, the plan from B2, its formats and charts.
 * When the sheet exists, what the team typed at the plan's input cells is carried to where each
 * (row key, column key) now sits, and the sheet is rebuilt where it stands. When something typed
 * has no place in the new plan, the old sheet is kept under a free name and the new one built
 * beside it (with what does have a place), so nothing typed is ever overwritten.
 */
export async function writeSheetPlan(workbook: WorkbookPort, plan: SheetPlan, options: SheetWriteOptions = {}): Promise<SheetWriteResult> {
  const old = await workbook.readSheet(plan.sheet);
  let grid = sheetGrid(plan);
  let result: SheetWriteResult = { outcome: 'created' };
  if (old) {
    const decision = planRebuild(old, plan);
    // What has a place goes into the new sheet either way, so the team types nothing twice.
    grid = withCarried(grid, decision.carried);
    if (decision.unplaced.length > 0) {
      const keptAs = freeSheetName(plan.sheet, await workbook.sheetNames(), options.keptName ?? defaultKeptName);
      await workbook.renameSheet(plan.sheet, keptAs);
      result = { outcome: 'replaced', keptAs };
    } else {
      result = { outcome: 'updated', kept: decision.carried.length };
    }
  }
  try {
    await workbook.resetSheet(plan.sheet);
    await workbook.formatColumns(plan.sheet, [{ hidden: true }, ...plan.columns]);
    await workbook.writeRange(plan.sheet, 'A1', grid);
    await workbook.formatRange(plan.sheet, 'A1', { rowsHidden: true });
    for (const { address, format } of plan.formats) await workbook.formatRange(plan.sheet, address, format);
    for (const chart of plan.charts) await workbook.addChart(chart);
  } catch (error) {
    // Excel refused a call (someone is editing a cell) after the sheet was cleared: what was typed
    // now lives only in `old`, so it goes back before the failure is reported. A kept sheet still has it.
    if (old && result.outcome === 'updated') await restore(workbook, plan.sheet, old, error);
    throw error;
  }
  await workbook.activateSheet(plan.sheet);
  return result;
}

/** Write the sheet's old content back, formulas as formulas; a failure to do so is reported with the first. */
async function restore(workbook: WorkbookPort, sheet: string, old: { values: CellReadValue[][]; formulas: string[][] }, cause: unknown): Promise<void> {
  const rows = Math.max(old.values.length, old.formulas.length);
  const grid: CellInput[][] = [];
  for (let r = 0; r < rows; r += 1) {
    const values = old.values[r] ?? [];
    const formulas = old.formulas[r] ?? [];
    const width = Math.max(values.length, formulas.length);
    const row: CellInput[] = [];
    for (let c = 0; c < width; c += 1) {
      const formula = formulas[c] ?? '';
      row.push(formula.startsWith('=') ? { formula } : (values[c] ?? null));
    }
    grid.push(row);
  }
  try {
    await workbook.resetSheet(sheet);
    await workbook.writeRange(sheet, 'A1', grid);
  } catch (error) {
    throw new AggregateError([cause, error], `Writing ${sheet} failed and its old content could not be written back`, { cause: error });
  }
}
