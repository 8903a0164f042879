import { MAX_YEAR, MIN_YEAR } from './schemas';

/** Why a value is not a year the register holds. */
export type YearProblem = 'not-a-year' | 'out-of-range';

/**
 * A year as a person gives it: a whole number, or four digits as text (spaces around them
 * allowed), between MIN_YEAR and MAX_YEAR. The one reading of a year that the API's query
 * strings, the cells' arguments and the pane's fields share.
 */
export function readYearValue(value: string | number): { year: number } | { problem: YearProblem } {
  const year = typeof value === 'number' ? value : /^\s*\d{4}\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(year)) return { problem: 'not-a-year' };
  if (year < MIN_YEAR || year > MAX_YEAR) return { problem: 'out-of-range' };
  return { year };
}

/** The year, or undefined when the value is not one the register holds. */
export function parseYear(value: string | number): number | undefined {
  const read = readYearValue(value);
  return 'year' in read ? read.year : undefined;
}
