import { describe, expect, it } from 'vitest';
import { formattedNumber, SEK_FORMAT } from '../../../addin/src/custom-functions/cell-value';
import { cellAddress, parseCellAddress } from '../../../addin/src/excel/address';
import type { EvaluationContext } from '../../../addin/src/preview/formula/evaluate';
import { evaluate } from '../../../addin/src/preview/formula/evaluate';
import { parseFormula } from '../../../addin/src/preview/formula/parse';
import type { FormulaValue, ScalarValue } from '../../../addin/src/preview/formula/values';
import { cellError } from '../../../addin/src/preview/formula/values';

/** A sheet as a plain map of addresses, `Other!A1` for another sheet; calls are recorded. */
function contextOf(cells: Record<string, ScalarValue>, functions: Record<string, (args: ScalarValue[]) => FormulaValue> = {}) {
  const calls: { name: string; args: ScalarValue[] }[] = [];
  const context: EvaluationContext = {
    cell: (sheet, position) => Promise.resolve(cells[sheet === undefined ? cellAddress(position) : `${sheet}!${cellAddress(position)}`] ?? null),
    call: (name, args) => {
      calls.push({ name, args });
      const fn = functions[name];
      return fn ? Promise.resolve(fn(args)) : undefined;
    },
  };
  return { context, calls };
}

async function run(formula: string, cells: Record<string, ScalarValue> = {}, functions = {}): Promise<FormulaValue> {
  const parsed = parseFormula(formula);
  if (!parsed.ok) throw new Error(`did not parse: ${JSON.stringify(parsed.failure)}`);
  return evaluate(parsed.expr, contextOf(cells, functions).context);
}

describe('formula evaluator: literals and arithmetic', () => {
  it.each([
    ['=1+2*3', 7],
    ['=(1+2)*3', 9],
    ['=-(2+3)*2', -10],
    ['=10/4', 2.5],
    ['=2-3-4', -5],
    ['=1.5e3', 1500],
    ['=.5+1', 1.5],
    ['="a""b"', 'a"b'],
    ['="kr "&12&" st"', 'kr 12 st'],
    ['=TRUE', true],
    ['= 1 + 1', 2],
  ])('%s is %j', async (formula, expected) => {
    expect(await run(formula)).toEqual(expected);
  });

  it('division by zero is #DIV/0!', async () => {
    expect(await run('=1/0')).toEqual(cellError('#DIV/0!'));
  });

  it('text that is not a number is #VALUE! in arithmetic, numeric text counts', async () => {
    expect(await run('="x"+1')).toEqual(cellError('#VALUE!'));
    expect(await run('="2"*3')).toBe(6);
  });
});

describe('formula evaluator: references', () => {
  const cells = { A1: 2, B2: 5, C3: 'text', 'Other sheet!A1': 100, 'Data!B7': 7 };

  it('reads cells, absolute or relative, on its own and other sheets', async () => {
    expect(await run('=A1+B2', cells)).toBe(7);
    expect(await run('=$A$1*$B2', cells)).toBe(10);
    expect(await run("='Other sheet'!A1+Data!B7", cells)).toBe(107);
  });

  it('an empty cell counts as 0 in arithmetic', async () => {
    expect(await run('=A1+Z99', cells)).toBe(2);
  });

  it('an error in a referenced cell flows on', async () => {
    expect(await run('=A1+B1', { A1: 1, B1: cellError('#N/A', 'missing') })).toEqual(cellError('#N/A', 'missing'));
  });

  it('SUM adds the numbers of a range and skips text and blanks, as Excel does', async () => {
    expect(await run('=SUM(A1:B2)', cells)).toBe(7);
    expect(await run('=SUM(A1:C3)', cells)).toBe(7);
    expect(await run('=SUM(A1,B2,10)', cells)).toBe(17);
    expect(await run('=sum(A1:A1)+1', cells)).toBe(3);
  });

  it('SUM of a range holding an error is that error', async () => {
    expect(await run('=SUM(A1:A3)', { A1: 1, A2: cellError('#N/A'), A3: 3 })).toEqual(cellError('#N/A'));
  });

  it('SUM takes numeric text given directly, and refuses other text', async () => {
    expect(await run('=SUM(1,"2")')).toBe(3);
    expect(await run('=SUM("x")')).toEqual(cellError('#VALUE!'));
  });
});

describe('formula evaluator: SSR functions', () => {
  it('calls the function by its upper-case name with the evaluated arguments', async () => {
    const { context, calls } = contextOf({ A5: 'nacka', B2: 2025 }, { 'SSR.FEE': () => 168_168 });
    const parsed = parseFormula('=ssr.fee($A5,$B$2,"exact")');
    if (!parsed.ok) throw new Error('did not parse');
    expect(await evaluate(parsed.expr, context)).toBe(168_168);
    expect(calls).toEqual([{ name: 'SSR.FEE', args: ['nacka', 2025, 'exact'] }]);
  });

  it('passes an omitted argument as null, as Excel does for optional parameters', async () => {
    const { context, calls } = contextOf({}, { 'SSR.FEE': () => 1 });
    const parsed = parseFormula('=SSR.FEE("nacka",,"estimate")');
    if (!parsed.ok) throw new Error('did not parse');
    await evaluate(parsed.expr, context);
    expect(calls[0]?.args).toEqual(['nacka', null, 'estimate']);
  });

  it('does not call a function with an error argument: the error flows on', async () => {
    const { context, calls } = contextOf({ A1: cellError('#N/A') }, { 'SSR.NET': () => 1 });
    const parsed = parseFormula('=SSR.NET(A1,2025)');
    if (!parsed.ok) throw new Error('did not parse');
    expect(await evaluate(parsed.expr, context)).toEqual(cellError('#N/A'));
    expect(calls).toEqual([]);
  });

  it('an unknown function is #NAME?', async () => {
    expect(await run('=SSR.NOPE(1)')).toEqual(cellError('#NAME?'));
  });

  it('a spilled result shows its first cell in arithmetic', async () => {
    expect(await run('=SSR.FEES()+0', {}, { 'SSR.FEES': () => [[5, 6], [7, 8]] })).toBe(5);
  });

  it('results are combined in formulas: a fee minus a reimbursement', async () => {
    const functions = { 'SSR.FEE': () => 1000, 'SSR.REIMBURSED': () => 250 };
    expect(await run('=SSR.FEE("x",2025)-SSR.REIMBURSED("x",2025)', {}, functions)).toBe(750);
  });
});

describe('formula parser: refusals say where and why', () => {
  it.each([
    ['1+1', 'not-a-formula', 0],
    ['=1+', 'unexpected', 3],
    ['="abc', 'unclosed-string', 1],
    ['=FOO', 'unknown-name', 1],
    ['=1 2', 'end-expected', 3],
    ['=SUM(A1:)', 'unexpected', 8],
    ['=1#2', 'unexpected', 2],
    ["='Sheet A1", 'unclosed-string', 1],
  ])('%s → %s at %i', (formula, kind, at) => {
    const parsed = parseFormula(formula);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.failure).toMatchObject({ kind, at });
  });
});

describe('A1 addresses', () => {
  it.each([
    ['A1', 0, 0],
    ['Z10', 9, 25],
    ['AA3', 2, 26],
    ['$AB$12', 11, 27],
  ])('%s is row %i, column %i', (address, row, column) => {
    expect(parseCellAddress(address)).toEqual({ row, column });
    expect(cellAddress({ row, column })).toBe(address.replace(/\$/g, ''));
  });
});

describe('formula evaluator: money cells (a number with its format)', () => {
  const fee = formattedNumber(168_168, SEK_FORMAT);

  it('is its number in arithmetic, SUM, comparisons and text', async () => {
    expect(await run('=A1*2', { A1: fee })).toBe(336_336);
    expect(await run('=SUM(A1:A2)', { A1: fee, A2: 2 })).toBe(168_170);
    expect(await run('=A1>168000', { A1: fee })).toBe(true);
    expect(await run('=A1=168168', { A1: fee })).toBe(true);
    expect(await run('="Avgift "&A1', { A1: fee })).toBe('Avgift 168168');
    expect(await run('=IF(A1>1,"hög","låg")', { A1: fee })).toBe('hög');
  });

  it('a function that returns one computes on: fee minus reimbursement', async () => {
    const functions = { 'SSR.FEE': () => fee, 'SSR.REIMBURSED': () => formattedNumber(168, SEK_FORMAT) };
    expect(await run('=SSR.FEE("x",2025)-SSR.REIMBURSED("x",2025)', {}, functions)).toBe(168_000);
  });

  it('reaches another function as its plain number, as Excel passes a number parameter', async () => {
    const { context, calls } = contextOf({ A1: fee }, { 'SSR.NET': () => 1 });
    const parsed = parseFormula('=SSR.NET("x",A1)');
    if (!parsed.ok) throw new Error('did not parse');
    await evaluate(parsed.expr, context);
    expect(calls[0]?.args).toEqual(['x', 168_168]);
  });

  it('a reference to one is the money cell itself, format included', async () => {
    expect(await run('=A1', { A1: fee })).toEqual(fee);
  });
});

describe('formula evaluator: comparisons and IF', () => {
  it.each([
    ['=1<2', true],
    ['=2<=1', false],
    ['=1<>1', false],
    ['="abc"="ABC"', true],
    ['="b">"a"', true],
    ['=1<"a"', true],
    ['=A9=0', true],
    ['=A9=""', true],
    ['=1+1=2', true],
    ['=IF(1>2,"ja","nej")', 'nej'],
    ['=IF(0,"ja")', false],
  ])('%s is %j', async (formula, expected) => {
    expect(await run(formula)).toEqual(expected);
  });

  it('IF computes only the branch it takes', async () => {
    const { context, calls } = contextOf({ B3: 'estimate' }, { 'SSR.NET': () => 1 });
    const parsed = parseFormula('=IF(B3="exact",SSR.NET("x",2025),5-2)');
    if (!parsed.ok) throw new Error('did not parse');
    expect(await evaluate(parsed.expr, context)).toBe(3);
    expect(calls).toEqual([]);
  });
});
