import type { CellPosition } from '../../excel/address';
import type { BinaryOp, ComparisonOp, Expr } from './parse';
import type { FormulaValue, ScalarValue } from './values';
import { cellError, isCellError, isMatrix, numberOf, plain, toNumber, toText, topLeft } from './values';

/**
 * Evaluates a parsed formula. Pure: cells and functions come from the context, so the same
 * evaluator serves the in-memory workbook and the formula box, and tests give it plain maps.
 */
export interface EvaluationContext {
  /** The value of one cell; `sheet` undefined is the formula's own sheet. */
  cell(sheet: string | undefined, position: CellPosition): Promise<ScalarValue>;
  /** Functions the evaluator does not know itself (SSR.*); undefined when no one knows the name. */
  call(name: string, args: ScalarValue[]): Promise<FormulaValue> | undefined;
}

async function rangeValues(expr: Extract<Expr, { type: 'range' }>, context: EvaluationContext): Promise<ScalarValue[]> {
  // One cell after the other, never in parallel: the workbook follows one chain of references at a time.
  const cells: ScalarValue[] = [];
  for (let row = expr.bounds.top; row <= expr.bounds.bottom; row += 1) {
    for (let column = expr.bounds.left; column <= expr.bounds.right; column += 1) {
      cells.push(await context.cell(expr.sheet, { row, column }));
    }
  }
  return cells;
}

/** A value where one cell's worth is wanted: a one-cell range is that cell, a larger one is #VALUE!. */
async function scalar(expr: Expr, context: EvaluationContext): Promise<ScalarValue> {
  if (expr.type === 'range') {
    const single = expr.bounds.top === expr.bounds.bottom && expr.bounds.left === expr.bounds.right;
    if (!single) return cellError('#VALUE!');
    return context.cell(expr.sheet, { row: expr.bounds.top, column: expr.bounds.left });
  }
  const value = await evaluate(expr, context);
  return isMatrix(value) ? topLeft(value) : value;
}

/** SUM as Excel has it: numbers in references count, text and blanks there are skipped; an error wins. */
async function sum(args: Expr[], context: EvaluationContext): Promise<ScalarValue> {
  let total = 0;
  for (const arg of args) {
    if (arg.type === 'range' || arg.type === 'ref') {
      const values = arg.type === 'range' ? await rangeValues(arg, context) : [await context.cell(arg.sheet, arg.cell)];
      for (const value of values) {
        if (isCellError(value)) return value;
        total += numberOf(value) ?? 0;
      }
      continue;
    }
    const value = await evaluate(arg, context);
    const values = isMatrix(value) ? value.flat() : [value];
    for (const item of values) {
      if (isCellError(item)) return item;
      if (isMatrix(value)) {
        total += numberOf(item) ?? 0;
        continue;
      }
      const n = toNumber(item);
      if (isCellError(n)) return n;
      total += n;
    }
  }
  return total;
}

/**
 * SUMIF(range, criterion, sum_range) where the criterion is a value to equal (text without case,
 * as Excel compares it): the cells of `sum_range` beside the matching cells of `range` are summed.
 * Criteria with operators or wildcards (`">5"`, `"N*"`) are not evaluated here: #VALUE!.
 */
async function sumIf(args: Expr[], context: EvaluationContext): Promise<ScalarValue> {
  const [within, criterionExpr, summed] = args;
  if (within?.type !== 'range' || !criterionExpr || summed?.type !== 'range' || args.length !== 3) return cellError('#VALUE!');
  const criterion = await scalar(criterionExpr, context);
  if (isCellError(criterion)) return criterion;
  if (typeof criterion === 'string' && /^[<>=]|[*?~]/.test(criterion)) return cellError('#VALUE!');
  const keys = await rangeValues(within, context);
  const values = await rangeValues(summed, context);
  let total = 0;
  for (const [index, key] of keys.entries()) {
    if (key === null || criterion === null || isCellError(key) || compare(key, criterion) !== 0) continue;
    // A matching cell's error is the sum's, as in SUM.
    const value = values[index] ?? null;
    if (isCellError(value)) return value;
    total += numberOf(value) ?? 0;
  }
  return total;
}

/** Excel's order across types: numbers, then text (case-insensitive), then TRUE/FALSE; an empty cell is 0, "" or FALSE beside them. */
function compare(left: Exclude<ScalarValue, null>, right: Exclude<ScalarValue, null>): number {
  const rank = (value: ScalarValue) => (numberOf(value) !== undefined ? 0 : typeof value === 'string' ? 1 : 2);
  const difference = rank(left) - rank(right);
  if (difference !== 0) return difference;
  const a = numberOf(left);
  const b = numberOf(right);
  if (a !== undefined && b !== undefined) return a - b;
  if (typeof left === 'string' && typeof right === 'string') return left.toLowerCase().localeCompare(right.toLowerCase());
  return Number(left) - Number(right);
}

function emptyLike(other: ScalarValue): Exclude<ScalarValue, null> {
  if (typeof other === 'string') return '';
  if (typeof other === 'boolean') return false;
  return 0;
}

function comparison(op: ComparisonOp, left: ScalarValue, right: ScalarValue): boolean {
  const order = compare(left ?? emptyLike(right), right ?? emptyLike(left));
  switch (op) {
    case '=':
      return order === 0;
    case '<>':
      return order !== 0;
    case '<':
      return order < 0;
    case '>':
      return order > 0;
    case '<=':
      return order <= 0;
    case '>=':
      return order >= 0;
  }
}

function arithmetic(op: BinaryOp, left: ScalarValue, right: ScalarValue): ScalarValue {
  if (isCellError(left)) return left;
  if (isCellError(right)) return right;
  if (op === '=' || op === '<>' || op === '<' || op === '>' || op === '<=' || op === '>=') return comparison(op, left, right);
  if (op === '&') {
    const a = toText(left);
    const b = toText(right);
    if (isCellError(a)) return a;
    if (isCellError(b)) return b;
    return a + b;
  }
  const a = toNumber(left);
  const b = toNumber(right);
  if (isCellError(a)) return a;
  if (isCellError(b)) return b;
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b === 0 ? cellError('#DIV/0!') : a / b;
  }
}

/** IF as Excel has it: only the branch taken is computed; a missing "else" is FALSE. */
async function branch(args: Expr[], context: EvaluationContext): Promise<FormulaValue> {
  const [test, then, otherwise] = args;
  if (!test || !then || args.length > 3) return cellError('#VALUE!');
  const condition = await scalar(test, context);
  if (isCellError(condition)) return condition;
  let truth: boolean;
  if (typeof condition === 'boolean') truth = condition;
  else if (typeof condition === 'string') {
    const upper = condition.toUpperCase();
    if (upper !== 'TRUE' && upper !== 'FALSE') return cellError('#VALUE!');
    truth = upper === 'TRUE';
  } else truth = (numberOf(condition) ?? 0) !== 0;
  const chosen = truth ? then : otherwise;
  if (!chosen) return false;
  return chosen.type === 'empty' ? 0 : evaluate(chosen, context);
}

async function call(expr: Extract<Expr, { type: 'call' }>, context: EvaluationContext): Promise<FormulaValue> {
  if (expr.name === 'SUM') return sum(expr.args, context);
  if (expr.name === 'IF') return branch(expr.args, context);
  if (expr.name === 'SUMIF') return sumIf(expr.args, context);
  const args: ScalarValue[] = [];
  for (const arg of expr.args) {
    const value = arg.type === 'empty' ? null : await scalar(arg, context);
    // Excel does not call a custom function with an error argument: the error flows on.
    if (isCellError(value)) return value;
    // A number parameter gets a money cell's number, not its format.
    args.push(plain(value));
  }
  const result = context.call(expr.name, args);
  return result ?? cellError('#NAME?');
}

export async function evaluate(expr: Expr, context: EvaluationContext): Promise<FormulaValue> {
  switch (expr.type) {
    case 'number':
    case 'string':
    case 'boolean':
      return expr.value;
    case 'empty':
      return null;
    case 'ref':
      return context.cell(expr.sheet, expr.cell);
    case 'range':
      return scalar(expr, context);
    case 'unary': {
      const operand = await scalar(expr.operand, context);
      const n = toNumber(operand);
      if (isCellError(n)) return n;
      return expr.op === '-' ? -n : n;
    }
    case 'binary': {
      const left = await scalar(expr.left, context);
      const right = await scalar(expr.right, context);
      return arithmetic(expr.op, left, right);
    }
    case 'call':
      return call(expr, context);
  }
}
