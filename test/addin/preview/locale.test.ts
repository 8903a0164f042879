import { describe, expect, it } from 'vitest';
import { SWEDISH_FUNCTIONS } from '../../../addin/scripts/metadata/swedish';
import { SSR_FUNCTIONS } from '../../../addin/src/custom-functions';
import type { EvaluationContext } from '../../../addin/src/preview/formula/evaluate';
import { evaluate } from '../../../addin/src/preview/formula/evaluate';
import { formulaLocale, INVARIANT } from '../../../addin/src/preview/formula/locale';
import { parseFormula, translateFormula } from '../../../addin/src/preview/formula/parse';
import type { FormulaValue, ScalarValue } from '../../../addin/src/preview/formula/values';

const sv = formulaLocale('sv');
const en = formulaLocale('en');

/** Evaluate a formula written in a locale; calls are recorded by their invariant name. */
async function run(formula: string, locale = sv, cells: Record<string, ScalarValue> = {}) {
  const calls: { name: string; args: ScalarValue[] }[] = [];
  const context: EvaluationContext = {
    cell: (_sheet, position) => Promise.resolve(cells[`${String.fromCharCode(65 + position.column)}${position.row + 1}`] ?? null),
    call: (name, args) => {
      calls.push({ name, args });
      return name.startsWith('SSR.') ? Promise.resolve<FormulaValue>(42) : undefined;
    },
  };
  const parsed = parseFormula(formula, locale);
  if (!parsed.ok) throw new Error(`did not parse: ${JSON.stringify(parsed.failure)}`);
  return { value: await evaluate(parsed.expr, context), calls };
}

describe('formulas in Swedish syntax, as Swedish Excel writes them', () => {
  it('reads ; between arguments and the Swedish function name', async () => {
    const { value, calls } = await run('=SSR.AVGIFT("Nacka"; 2025)');
    expect(value).toBe(42);
    expect(calls).toEqual([{ name: 'SSR.FEE', args: ['Nacka', 2025] }]);
  });

  it('reads a decimal comma, in numbers and as Swedish built-ins', async () => {
    expect((await run('=1,5*2')).value).toBe(3);
    expect((await run('=SUMMA(1,5;2;,5)')).value).toBe(4);
    expect((await run('=OM(A1>1,5;SANT;FALSKT)', sv, { A1: 2 })).value).toBe(true);
  });

  it('an empty argument between two ; is left out, as Excel passes it', async () => {
    const { calls } = await run('=SSR.AVGIFT("Nacka";;"estimate")');
    expect(calls[0]?.args).toEqual(['Nacka', null, 'estimate']);
  });

  it('refuses a , between arguments, and English refuses ; : each at the character where it stands', () => {
    const swedish = parseFormula('=SSR.AVGIFT("Nacka", 2025)', sv);
    expect(swedish.ok).toBe(false);
    if (!swedish.ok) expect(swedish.failure).toMatchObject({ kind: 'unexpected', at: 19, found: ',' });
    const english = parseFormula('=SSR.FEE("Nacka"; 2025)', en);
    expect(english.ok).toBe(false);
    if (!english.ok) expect(english.failure).toMatchObject({ kind: 'unexpected', at: 16, found: ';' });
  });

  it('English reads English syntax', async () => {
    expect((await run('=SUM(1.5,2)*2', en)).value).toBe(7);
    expect((await run('=SSR.FEE("Nacka", 2025)', en)).calls).toEqual([{ name: 'SSR.FEE', args: ['Nacka', 2025] }]);
  });

  it('every SSR function has the Swedish name of the sv-SE metadata, and is called by its id', async () => {
    for (const id of Object.keys(SSR_FUNCTIONS) as (keyof typeof SSR_FUNCTIONS)[]) {
      const { calls } = await run(`=SSR.${SWEDISH_FUNCTIONS[id].name.toLowerCase()}(1;2)`);
      expect(calls).toEqual([{ name: `SSR.${id}`, args: [1, 2] }]);
    }
  });
});

describe('invariant and local forms of one formula', () => {
  it.each([
    ['=SSR.FEE("Nacka", 2025)', '=SSR.AVGIFT("Nacka"; 2025)'],
    ['=SSR.FEE($A6,$B$2,$B$3)', '=SSR.AVGIFT($A6;$B$2;$B$3)'],
    ['=SUM(B5:B20)*1.5', '=SUMMA(B5:B20)*1,5'],
    ['=IF(B3="exact",SSR.NET(A1,2025),D6-E6)', '=OM(B3="exact";SSR.NETTO(A1;2025);D6-E6)'],
    ['=SSR.POPULATION("0182",2024)+TRUE', '=SSR.FOLKMÄNGD("0182";2024)+SANT'],
    ["='SSR budget, 2025'!B2&\"1.5, 2\"", "='SSR budget, 2025'!B2&\"1.5, 2\""],
  ])('%s is %s in Swedish, and back', (invariant, swedish) => {
    expect(translateFormula(invariant, INVARIANT, sv)).toBe(swedish);
    expect(translateFormula(swedish, sv, INVARIANT)).toBe(invariant);
  });

  it('English is the invariant form', () => {
    expect(translateFormula('=SSR.FEE("Nacka", 2025)', INVARIANT, en)).toBe('=SSR.FEE("Nacka", 2025)');
  });

  it('a formula that does not read is left as typed', () => {
    expect(translateFormula('=SSR.AVGIFT("Nacka', sv, INVARIANT)).toBe('=SSR.AVGIFT("Nacka');
  });
});
