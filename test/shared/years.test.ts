import { describe, expect, it } from 'vitest';
import { MAX_YEAR, MIN_YEAR, parseYear, readYearValue } from '@ssr/shared';

describe('a year as a person gives it (one reading for the API, the cells and the pane)', () => {
  it.each([
    ['2026', 2026],
    [' 2025 ', 2025],
    [2024, 2024],
    [String(MIN_YEAR), MIN_YEAR],
    [MAX_YEAR, MAX_YEAR],
  ] as const)('%j is the year %i', (given, year) => {
    expect(readYearValue(given)).toEqual({ year });
    expect(parseYear(given)).toBe(year);
  });

  it.each([['20 26'], ['2026.5'], [2026.5], ['26'], ['år 2026'], [''], ['02026'], [Number.NaN]] as const)('%j is not a year', (given) => {
    expect(readYearValue(given)).toEqual({ problem: 'not-a-year' });
    expect(parseYear(given)).toBeUndefined();
  });

  it.each([[MIN_YEAR - 1], [String(MAX_YEAR + 1)], ['0999']] as const)('%j is outside the years the register holds', (given) => {
    expect(readYearValue(given)).toEqual({ problem: 'out-of-range' });
  });
});
