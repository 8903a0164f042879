import type { SheetPlan } from './sheet-plan';
import { sheetGrid } from './sheet-plan';
import type { WorkbookPort } from './port';

/** What building a planned sheet did, for the pane to say. */
export type SheetWriteResult =
  /** There was no such sheet. */
  | { outcome: 'created' }
  /** The sheet was rebuilt where it stood; `kept` typed cells were carried to where they belong. */
  | { outcome: 'updated'; kept: number }
  /** What was typed could not all be placed in the new layout: the old sheet was kept under `keptAs`. */
  | { outcome: 'replaced'; keptAs: string };

/**
 * Build a planned sheet: the key column and row hidden, the plan from B2, its formats and charts.
 * Today it builds afresh; rebuilding in place, keeping what the team typed, comes with the
 * rebuild of an existing sheet.
 */
export async function writeSheetPlan(workbook: WorkbookPort, plan: SheetPlan): Promise<SheetWriteResult> {
  await workbook.resetSheet(plan.sheet);
  await workbook.formatColumns(plan.sheet, [{ hidden: true }, ...plan.columns]);
  await workbook.writeRange(plan.sheet, 'A1', sheetGrid(plan));
  await workbook.formatRange(plan.sheet, 'A1', { rowsHidden: true });
  for (const { address, format } of plan.formats) await workbook.formatRange(plan.sheet, address, format);
  for (const chart of plan.charts) await workbook.addChart(chart);
  await workbook.activateSheet(plan.sheet);
  return { outcome: 'created' };
}
