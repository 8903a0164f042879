import { formatCount, formatSek, kronorToOre } from '@ssr/shared';
import type { FormulaValue } from '../formula/values';
import { isCellError, topLeft } from '../formula/values';

const GENERAL = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 10, useGrouping: false });

/** A cell's value as Excel would show it under its number format: SEK, grouped counts, or general. */
export function displayValue(value: FormulaValue, numberFormat?: string): string {
  const scalar = topLeft(value);
  if (scalar === null) return '';
  if (isCellError(scalar)) return scalar.error;
  if (typeof scalar === 'boolean') return scalar ? 'TRUE' : 'FALSE';
  if (typeof scalar === 'string') return scalar;
  if (numberFormat?.includes('"kr"')) {
    const ore = kronorToOre(scalar);
    return ore === undefined ? GENERAL.format(scalar) : formatSek(ore);
  }
  if (numberFormat === '#,##0') return formatCount(scalar);
  return GENERAL.format(scalar).replace('\u2212', '-');
}

/** The raw value for tests and tools: numbers as numbers, errors as their code. */
export function rawValue(value: FormulaValue): string {
  const scalar = topLeft(value);
  if (scalar === null) return '';
  if (isCellError(scalar)) return scalar.error;
  return String(scalar);
}
