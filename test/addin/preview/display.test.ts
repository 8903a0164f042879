import { describe, expect, it } from 'vitest';
import { formattedNumber, SEK_FORMAT } from '../../../addin/src/custom-functions/cell-value';
import { cellError } from '../../../addin/src/preview/formula/values';
import { displayValue, formatNumber, rawValue } from '../../../addin/src/preview/ui/display';

const NBSP = '\u00a0';

describe('numbers shown under their Excel number format, in the pane’s language', () => {
  it.each([
    [168_168, SEK_FORMAT, 'sv', `168${NBSP}168,00 kr`],
    [168_168, SEK_FORMAT, 'en', '168,168.00 kr'],
    [7_602_231.5, SEK_FORMAT, 'sv', `7${NBSP}602${NBSP}231,50 kr`],
    [-1_234.5, SEK_FORMAT, 'sv', `-1${NBSP}234,50 kr`],
    [2_473_307, '#,##0', 'sv', `2${NBSP}473${NBSP}307`],
    [2_473_307, '#,##0', 'en', '2,473,307'],
    [1.5, '0.00', 'sv', '1,50'],
    [0.25, '0%', 'en', '25%'],
    [-5, '#,##0;(#,##0)', 'en', '(5)'],
    [1.5, undefined, 'sv', '1,5'],
    [1.5, undefined, 'en', '1.5'],
    [-0.1, 'General', 'sv', '-0,1'],
  ] as const)('%d under %s in %s is %s', (value, code, lang, shown) => {
    expect(formatNumber(value, code, lang)).toBe(shown);
  });

  it('a money cell shows its own format; its raw value is its number', () => {
    const fee = formattedNumber(168_168, SEK_FORMAT);
    expect(displayValue(fee, undefined, 'sv')).toBe(`168${NBSP}168,00 kr`);
    expect(displayValue(fee, undefined, 'en')).toBe('168,168.00 kr');
    expect(displayValue([[fee, 1]], undefined, 'en')).toBe('168,168.00 kr');
    expect(rawValue(fee)).toBe('168168');
  });

  it('a plain number in a cell formatted by the pane shows formatted', () => {
    expect(displayValue(165_949.5, SEK_FORMAT, 'sv')).toBe(`165${NBSP}949,50 kr`);
  });

  it('a date serial under a date-time code shows the date, as SSR.ASOF does in Excel', () => {
    // 1 Dec 2026 14:32 as an Excel serial (days since 30 Dec 1899, the time as the fraction).
    const asOf = formattedNumber(25_569 + Date.UTC(2026, 11, 1, 14, 32) / 86_400_000, 'd mmm yyyy hh:mm');
    expect(displayValue(asOf, undefined, 'sv')).toBe('1 dec 2026 14:32');
    expect(displayValue(asOf, undefined, 'en')).toBe('1 Dec 2026 14:32');
    expect(formatNumber(asOf.basicValue, 'yyyy-mm-dd', 'sv')).toBe('2026-12-01');
    expect(formatNumber(asOf.basicValue, 'd mmmm yyyy', 'sv')).toBe('1 december 2026');
  });

  it('TRUE and FALSE in the language; errors as their code', () => {
    expect(displayValue(true, undefined, 'sv')).toBe('SANT');
    expect(displayValue(false, undefined, 'en')).toBe('FALSE');
    expect(displayValue(cellError('#SPILL!'), undefined, 'sv')).toBe('#SPILL!');
  });
});
