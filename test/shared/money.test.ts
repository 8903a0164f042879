import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatDecimal, formatMoney, formatSek, kronorToOre, oreToKronor, parseDecimal, parseSek } from '@ssr/shared';

const NBSP = '\u00a0';

describe('formatSek: Swedish kronor with non-breaking thousands space and decimal comma', () => {
  it.each([
    { ore: 368_223_150, text: `3${NBSP}682${NBSP}231,50${NBSP}kr` },
    { ore: 760_223_150, text: `7${NBSP}602${NBSP}231,50${NBSP}kr` },
    { ore: 28_000_000, text: `280${NBSP}000,00${NBSP}kr` },
    { ore: 150, text: `1,50${NBSP}kr` },
    { ore: 5, text: `0,05${NBSP}kr` },
    { ore: 0, text: `0,00${NBSP}kr` },
    { ore: 100_000, text: `1${NBSP}000,00${NBSP}kr` },
    { ore: 99_999, text: `999,99${NBSP}kr` },
    { ore: -123_456_789, text: `-1${NBSP}234${NBSP}567,89${NBSP}kr` },
    { ore: -50, text: `-0,50${NBSP}kr` },
    { ore: 100_000_000_000_000, text: `1${NBSP}000${NBSP}000${NBSP}000${NBSP}000,00${NBSP}kr` },
  ])('$ore öre → "$text"', ({ ore, text }) => {
    expect(formatSek(ore)).toBe(text);
  });

  it('leaves out the unit on request', () => {
    expect(formatSek(368_223_150, { unit: false })).toBe(`3${NBSP}682${NBSP}231,50`);
  });

  it.each([0.5, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('refuses %s, which is not a whole number of öre', (ore) => {
    expect(() => formatSek(ore)).toThrow(RangeError);
    expect(() => formatDecimal(ore)).toThrow(RangeError);
  });
});

describe('money and dates in the reader’s language', () => {
  it('formats money exactly, as each language writes it', () => {
    expect(formatMoney(28_000_000, 'sv')).toBe('280\u00a0000,00\u00a0kr');
    expect(formatMoney(28_000_000, 'en')).toBe('SEK 280,000.00');
    expect(formatMoney(-123_456_789_01, 'en')).toBe('-SEK 123,456,789.01');
    expect(formatMoney(150, 'en')).toBe('SEK 1.50');
  });

  it('formats dates with the language’s month names, short or long', () => {
    expect(formatDate('2024-12-31', 'sv')).toBe('31 dec 2024');
    expect(formatDate('2024-07-05', 'en')).toBe('5 Jul 2024');
    expect(formatDate('2024-05-01', 'sv', 'long')).toBe('1 maj 2024');
    expect(formatDate('2024-09-30', 'en', 'long')).toBe('30 September 2024');
  });
});

describe('formatDecimal: plain decimals for CSV and machines', () => {
  it.each([
    { ore: 368_223_150, text: '3682231.50' },
    { ore: 16_816_800, text: '168168.00' },
    { ore: 7, text: '0.07' },
    { ore: 0, text: '0.00' },
    { ore: -1_250, text: '-12.50' },
  ])('$ore öre → "$text"', ({ ore, text }) => {
    expect(formatDecimal(ore)).toBe(text);
  });
});

describe('parseSek and parseDecimal read what the program writes and what people type', () => {
  it.each([
    { text: `3${NBSP}682${NBSP}231,50${NBSP}kr`, ore: 368_223_150 },
    { text: `3${NBSP}682${NBSP}231,50`, ore: 368_223_150 },
    { text: '3682231.50', ore: 368_223_150 },
    { text: '3 682 231,50 kr', ore: 368_223_150 },
    { text: '3\u202f682\u202f231,50 kr', ore: 368_223_150 },
    { text: '3682231,50', ore: 368_223_150 },
    { text: '3 682 231.50', ore: 368_223_150 },
    { text: '280 000 kr', ore: 28_000_000 },
    { text: '280000 SEK', ore: 28_000_000 },
    { text: '280000kr', ore: 28_000_000 },
    { text: '280 000 KR', ore: 28_000_000 },
    { text: '  1,5  ', ore: 150 },
    { text: '12,5', ore: 1_250 },
    { text: '-12,5', ore: -1_250 },
    { text: '\u221212,50 kr', ore: -1_250 },
    { text: '-0,50', ore: -50 },
    { text: '-0,00', ore: 0 },
    { text: '0', ore: 0 },
    { text: '42', ore: 4_200 },
    { text: '0.07', ore: 7 },
  ])('"$text" → $ore öre', ({ text, ore }) => {
    expect(parseSek(text)).toBe(ore);
    expect(parseDecimal(text)).toBe(ore);
  });

  it.each([
    { text: '1,505', why: 'a fraction of an öre' },
    { text: '0.001', why: 'a fraction of an öre' },
    { text: '12,345 kr', why: 'a fraction of an öre' },
    { text: '', why: 'empty' },
    { text: '   ', why: 'blank' },
    { text: 'kr', why: 'a unit without a number' },
    { text: 'abc', why: 'junk' },
    { text: '12abc', why: 'junk after the number' },
    { text: '12 kr kr', why: 'a repeated unit' },
    { text: '1,2,3', why: 'two decimal marks' },
    { text: '1.234,50', why: 'a dot as thousands separator' },
    { text: '1 0000', why: 'misgrouped thousands' },
    { text: '12.', why: 'a decimal mark without decimals' },
    { text: ',50', why: 'decimals without kronor' },
    { text: '1e5', why: 'exponent notation' },
    { text: 'Infinity', why: 'not a number' },
    { text: 'NaN', why: 'not a number' },
    { text: '+5', why: 'a plus sign' },
    { text: '--5', why: 'a doubled sign' },
    { text: '99999999999999999999', why: 'beyond exact öre' },
    { text: '0x10', why: 'hexadecimal' },
  ])('refuses "$text" ($why)', ({ text }) => {
    expect(parseSek(text)).toBeUndefined();
    expect(parseDecimal(text)).toBeUndefined();
  });
});

describe('kronor in Excel cells', () => {
  it.each([
    { kronor: 3_682_231.5, ore: 368_223_150 },
    { kronor: 0.1 + 0.2, ore: 30 },
    { kronor: 1.1, ore: 110 },
    { kronor: -12.5, ore: -1_250 },
    { kronor: 4_410_982_577.69, ore: 441_098_257_769 },
    { kronor: -8_741_510_586.88, ore: -874_151_058_688 },
  ])('$kronor kr → $ore öre', ({ kronor, ore }) => {
    expect(kronorToOre(kronor)).toBe(ore);
  });

  it.each([1.005, 0.001, 12.3456, 4_410_982_577.695, Number.NaN, Number.POSITIVE_INFINITY, 1e300])('refuses %s kr', (kronor) => {
    expect(kronorToOre(kronor)).toBeUndefined();
  });

  it('oreToKronor gives the cell value', () => {
    expect(oreToKronor(368_223_150)).toBe(3_682_231.5);
    expect(() => oreToKronor(0.5)).toThrow(RangeError);
  });
});

describe('formatCount: inhabitants with thousands grouping', () => {
  it.each([
    { count: 112_112, text: `112${NBSP}112` },
    { count: 2_454_821, text: `2${NBSP}454${NBSP}821` },
    { count: 999, text: '999' },
    { count: 0, text: '0' },
  ])('$count → "$text"', ({ count, text }) => {
    expect(formatCount(count)).toBe(text);
  });
});
