import { cellAddress } from './address';
import type { CellInput, CellReadValue } from './port';
import { isFormulaInput } from './port';
import type { SheetPlan } from './sheet-plan';
import { PLAN_ORIGIN } from './sheet-plan';

/**
 * What a rebuild keeps of a planned sheet the team has worked in. Pure: it reads the old sheet
 * as values and formulas from A1 and compares it with the new plan by identity (row key in
 * column A, column key in row 1), never by position, so rows and columns the team inserted or
 * moved, and years or members the new plan adds, do not lose a figure.
 *
 * Content the builder wrote (labels, formulas, recorded figures) is rebuilt; what the team typed
 * sits at an input cell of the plan and is carried to where that identity now sits. Anything
 * typed that has no such place is reported, so the caller keeps the old sheet instead of
 * overwriting it.
 */

/** The old sheet as `readSheet` gives it. */
export interface SheetContent {
  values: readonly (readonly CellReadValue[])[];
  formulas: readonly (readonly string[])[];
}

export interface CarriedCell {
  /** The identity of the cell, in the old and the new sheet. */
  row: string;
  column: string;
  /** Where it now sits in the plan (0-based; row 0 is sheet row 2, column 0 is column B). */
  planRow: number;
  planColumn: number;
  input: CellInput;
}

export type UnplacedReason =
  /** An input whose row key the new plan no longer has. */
  | 'row-gone'
  /** An input whose column key the new plan no longer has. */
  | 'column-gone'
  /** A constant typed over a cell where the plan computes a formula. */
  | 'over-formula'
  /**
   * A formula typed in an input whose cell moves: Excel already shifted its references when rows
   * or columns moved, so written at the new address it would point at other cells.
   */
  | 'formula-moved'
  /** A typed value where the new plan writes a value of its own (a proposal the pane chose for that year). */
  | 'over-planned'
  /** Something typed in a row or column without a key, outside what the plan knows. */
  | 'unkeyed';

export interface UnplacedCell {
  /** The cell's address on the old sheet (`E14`). */
  address: string;
  reason: UnplacedReason;
  text: string;
}

export interface RebuildDecision {
  carried: CarriedCell[];
  unplaced: UnplacedCell[];
}

function isEmpty(value: CellReadValue | undefined, formula: string | undefined): boolean {
  return (formula === undefined || formula === '') && (value === null || value === undefined || value === '');
}

function keyText(value: CellReadValue | undefined): string {
  return value === null || value === undefined ? '' : String(value).trim();
}

/** Decide, cell by cell, what of the old sheet goes into the new plan and what cannot. */
export function planRebuild(old: SheetContent, plan: SheetPlan): RebuildDecision {
  const rowIndex = new Map<string, number>();
  plan.rows.forEach((row, index) => {
    if (row.key !== '') rowIndex.set(row.key, index);
  });
  const columnIndex = new Map<string, number>();
  plan.columnKeys.forEach((key, index) => {
    if (key !== '') columnIndex.set(key, index);
  });
  const inputs = new Set(plan.inputs.map((input) => `${input.row}\u0000${input.column}`));
  const inputColumns = new Set(plan.inputs.map((input) => input.column));
  // Text the builder writes without a key (headers of an unkeyed row): seen again, it is the plan's own.
  const plannedConstants = new Set<string>();
  for (const row of plan.rows) for (const cell of row.cells) if (cell !== null && cell !== '' && !isFormulaInput(cell)) plannedConstants.add(String(cell));
  /**
   * Whether a cell whose row or column the new plan no longer has was an input of the old
   * layout. The old layout is not at hand, but it was built by the same planner, whose inputs
   * are whole families: the note column on every row, the year columns of a cost row. So a
   * vanished row's cell was an input when its column takes input on some row now, and a
   * vanished column's cell when the row takes input in a column of the same family (`year:…`)
   * now. A recorded reimbursement in a dropped year is therefore the builder's: that row takes
   * input only in the note column.
   */
  const family = (columnKey: string) => columnKey.split(':')[0] ?? columnKey;
  const inputFamiliesByRow = new Map<string, Set<string>>();
  for (const input of plan.inputs) {
    const families = inputFamiliesByRow.get(input.row) ?? new Set<string>();
    families.add(family(input.column));
    inputFamiliesByRow.set(input.row, families);
  }
  const inputFamilies = new Set([...inputColumns].map(family));

  const oldColumnKeys = (old.values[0] ?? []).map(keyText);
  const carried: CarriedCell[] = [];
  const unplaced: UnplacedCell[] = [];
  const rowCount = Math.max(old.values.length, old.formulas.length);

  for (let r = PLAN_ORIGIN.row; r < rowCount; r += 1) {
    const values = old.values[r] ?? [];
    const formulas = old.formulas[r] ?? [];
    const rowKey = keyText(values[0]);
    const width = Math.max(values.length, formulas.length);
    for (let c = PLAN_ORIGIN.column; c < width; c += 1) {
      const value = values[c];
      const formula = formulas[c];
      if (isEmpty(value, formula)) continue;
      const isFormula = formula?.startsWith('=') === true;
      const columnKey = oldColumnKeys[c] ?? '';
      const address = cellAddress({ row: r, column: c });
      const text = isFormula ? (formula ?? '') : keyText(value);
      const unplace = (reason: UnplacedReason) => unplaced.push({ address, reason, text });

      if (rowKey !== '' && columnKey !== '' && inputs.has(`${rowKey}\u0000${columnKey}`)) {
        const planRow = rowIndex.get(rowKey);
        const planColumn = columnIndex.get(columnKey);
        if (planRow === undefined || planColumn === undefined) continue; // an input always has both keys in its plan
        if (isFormula && (PLAN_ORIGIN.row + planRow !== r || PLAN_ORIGIN.column + planColumn !== c)) {
          unplace('formula-moved');
          continue;
        }
        const planned = plan.rows[planRow]?.cells[planColumn];
        if (planned !== undefined && planned !== null && planned !== '' && !isFormulaInput(planned)) {
          // The plan names a value here (the pane's choice for that year): it stands; a different one typed is reported.
          if (isFormula || keyText(value) !== String(planned)) unplace('over-planned');
          continue;
        }
        carried.push({ row: rowKey, column: columnKey, planRow, planColumn, input: isFormula ? { formula: formula ?? '' } : (value ?? null) });
        continue;
      }
      // A formula outside the inputs is the builder's own; rebuilt from the plan.
      if (isFormula) continue;

      if (rowKey === '' || columnKey === '') {
        if (!plannedConstants.has(keyText(value))) unplace('unkeyed');
        continue;
      }
      const planRow = rowIndex.get(rowKey);
      const planColumn = columnIndex.get(columnKey);
      if (planRow === undefined) {
        const wasInput = planColumn === undefined ? inputFamilies.has(family(columnKey)) : inputColumns.has(columnKey);
        if (wasInput) unplace('row-gone');
        continue;
      }
      if (planColumn === undefined) {
        if (inputFamiliesByRow.get(rowKey)?.has(family(columnKey)) === true) unplace('column-gone');
        continue;
      }
      const planned = plan.rows[planRow]?.cells[planColumn];
      if (planned !== undefined && isFormulaInput(planned)) {
        unplace('over-formula');
        continue;
      }
      // Else a label, a year, a recorded figure: the builder's, rewritten (in the pane's language, with today's figures).
    }
  }
  return { carried, unplaced };
}

/** The plan's grid (from A1, keys included) with what was carried written over it. */
export function withCarried(grid: readonly (readonly CellInput[])[], carried: readonly CarriedCell[]): CellInput[][] {
  const result = grid.map((row) => [...row]);
  for (const cell of carried) {
    const row = result[PLAN_ORIGIN.row + cell.planRow];
    if (!row) continue;
    const column = PLAN_ORIGIN.column + cell.planColumn;
    while (row.length <= column) row.push(null);
    row[column] = cell.input;
  }
  return result;
}

const FORBIDDEN = /[[\]:*?/\\]/g;
/** Excel's limit on a sheet name's length. */
export const SHEET_NAME_MAX = 31;

/** The kept sheet's name by default, Swedish as the sheets' defaults are: `SSR budget 2027 (äldre)`, `… (äldre 2)`. */
export function defaultKeptName(sheet: string, attempt: number): string {
  return attempt === 1 ? `${sheet} (äldre)` : `${sheet} (äldre ${attempt})`;
}

/**
 * A free name for the kept sheet: `keptName(sheet, 1)`, `keptName(sheet, 2)`…, cleaned of the
 * characters Excel refuses and cut to 31 characters. A name that starts with the sheet's own is
 * cut in that part, so the suffix that tells the sheets apart stays.
 */
export function freeSheetName(sheet: string, taken: readonly string[], keptName: (sheet: string, attempt: number) => string = defaultKeptName): string {
  const used = new Set(taken.map((name) => name.toLowerCase()));
  for (let attempt = 1; attempt < 1000; attempt += 1) {
    const wanted = keptName(sheet, attempt);
    const [base, suffix] = wanted.startsWith(sheet) ? [sheet, wanted.slice(sheet.length)] : ['', wanted];
    const cleanSuffix = suffix.replace(FORBIDDEN, ' ').slice(0, SHEET_NAME_MAX);
    const cleanBase = base.replace(FORBIDDEN, ' ').slice(0, SHEET_NAME_MAX - cleanSuffix.length).trimEnd();
    // Excel refuses a name that starts or ends with an apostrophe.
    const name = `${cleanBase}${cleanSuffix}`.replace(/^'+|'+$/g, '').trim();
    if (name !== '' && !used.has(name.toLowerCase())) return name;
  }
  throw new Error(`No free sheet name for ${sheet}`);
}
