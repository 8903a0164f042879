import { MONTH_NAMES } from '@ssr/shared';
import type { Lang } from '@ssr/shared';
import { isFormattedNumber } from '../../custom-functions/cell-value';
import type { FormulaValue } from '../formula/values';
import { isCellError, numberOf, topLeft } from '../formula/values';

const NUMBER_LOCALE: Readonly<Record<Lang, string>> = { sv: 'sv-SE', en: 'en-US' };
const BOOLEAN: Readonly<Record<Lang, readonly [string, string]>> = { sv: ['SANT', 'FALSKT'], en: ['TRUE', 'FALSE'] };

/** The sections of a format code (positive;negative;zero;text), split where `;` is not quoted. */
function sections(code: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < code.length; i += 1) {
    const ch = code.charAt(i);
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && !quoted) {
      current += code.slice(i, i + 2);
      i += 1;
    } else if (ch === ';' && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

/** One section as literal text before and after its number placeholder (`#,##0.00`). */
function layout(section: string): { before: string; placeholder: string; after: string; percent: boolean } {
  let before = '';
  let after = '';
  let placeholder = '';
  let percent = false;
  const add = (text: string) => {
    if (placeholder === '') before += text;
    else after += text;
  };
  for (let i = 0; i < section.length; i += 1) {
    const ch = section.charAt(i);
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      add(section.slice(i + 1, end === -1 ? undefined : end));
      i = end === -1 ? section.length : end;
    } else if (ch === '\\') {
      add(section.charAt(i + 1));
      i += 1;
    } else if (ch === '_') {
      add(' ');
      i += 1;
    } else if (ch === '*') {
      i += 1;
    } else if (ch === '[') {
      // Colours and conditions: nothing to show.
      const end = section.indexOf(']', i);
      i = end === -1 ? section.length : end;
    } else if ('#0?,.'.includes(ch) && (placeholder === '' || after === '')) {
      placeholder += ch;
    } else {
      if (ch === '%') percent = true;
      add(ch);
    }
  }
  return { before, placeholder, after, percent };
}

const formatters = new Map<string, Intl.NumberFormat>();

/** One formatter per language and layout: a grid redraws hundreds of cells. */
function formatter(lang: Lang, useGrouping: boolean, minimumFractionDigits: number, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${lang}|${useGrouping}|${minimumFractionDigits}|${maximumFractionDigits}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.NumberFormat(NUMBER_LOCALE[lang], { useGrouping, minimumFractionDigits, maximumFractionDigits });
    formatters.set(key, found);
  }
  return found;
}

/** A date-time code (`d mmm yyyy hh:mm`): letters of dates and times, no digit placeholder. */
function isDateCode(code: string): boolean {
  const unquoted = code.replace(/"[^"]*"/g, '');
  return /[dmyhs]/i.test(unquoted) && !/[#0?]/.test(unquoted);
}

/**
 * An Excel date serial (days since 30 Dec 1899, the time as the fraction) under a date-time
 * code, with the language's month names, as Excel shows it. `mm` after `h` is minutes.
 */
function formatSerialDate(serial: number, code: string, lang: Lang): string {
  const at = new Date(Math.round((serial - 25_569) * 86_400_000));
  const pad = (n: number) => String(n).padStart(2, '0');
  const month = MONTH_NAMES[lang][at.getUTCMonth()] ?? '';
  let out = '';
  let afterHour = false;
  const tokens = code.match(/"[^"]*"|\\.|y+|m+|d+|h+|s+|./gi) ?? [];
  for (const token of tokens) {
    const lower = token.toLowerCase();
    if (token.startsWith('"')) out += token.slice(1, -1);
    else if (token.startsWith('\\')) out += token.slice(1);
    else if (lower.startsWith('y')) out += lower.length <= 2 ? pad(at.getUTCFullYear() % 100) : String(at.getUTCFullYear());
    else if (lower.startsWith('d')) out += lower.length === 1 ? String(at.getUTCDate()) : pad(at.getUTCDate());
    else if (lower.startsWith('h')) {
      out += lower.length === 1 ? String(at.getUTCHours()) : pad(at.getUTCHours());
      afterHour = true;
      continue;
    } else if (lower.startsWith('s')) out += pad(at.getUTCSeconds());
    else if (lower.startsWith('m')) {
      if (afterHour && lower.length <= 2) out += lower.length === 1 ? String(at.getUTCMinutes()) : pad(at.getUTCMinutes());
      else if (lower.length >= 4) out += month;
      else if (lower.length === 3) out += month.slice(0, 3);
      else out += lower.length === 1 ? String(at.getUTCMonth() + 1) : pad(at.getUTCMonth() + 1);
    } else out += token;
    if (!/^\s$|^:$/.test(token)) afterHour = false;
  }
  return out;
}

/**
 * A number under an Excel format code, with the separators of the display language, as Excel
 * shows it: `#,##0.00 "kr"` is `168 168,00 kr` in Swedish and `168,168.00 kr` in English.
 * Codes beyond digits, grouping, decimals, literals and percent show as General.
 */
export function formatNumber(value: number, code: string | undefined, lang: Lang): string {
  const general = (n: number) => formatter(lang, false, 0, 10).format(n).replace('\u2212', '-');
  if (code === undefined || code === '@' || code.toLowerCase() === 'general') return general(value);
  if (isDateCode(code)) return formatSerialDate(value, code, lang);
  const [positive = '', negative] = sections(code);
  const useNegative = value < 0 && negative !== undefined && negative !== '';
  const { before, placeholder, after, percent } = layout(useNegative ? negative : positive);
  if (placeholder === '' || !/[#0?]/.test(placeholder)) return general(value);
  const point = placeholder.indexOf('.');
  const integer = point === -1 ? placeholder : placeholder.slice(0, point);
  const fraction = point === -1 ? '' : placeholder.slice(point + 1).replace(/,/g, '');
  // Without a negative section the minus goes before everything, literals included (`-$5`).
  const sign = value < 0 && !useNegative ? '-' : '';
  const n = Math.abs(value) * (percent ? 100 : 1);
  const digits = formatter(lang, integer.includes(','), (fraction.match(/0/g) ?? []).length, fraction.length).format(n);
  return `${sign}${before}${digits}${after}`;
}

/** A cell's value as Excel would show it: a number under its own format, else the cell's; TRUE/FALSE in the language. */
export function displayValue(value: FormulaValue, numberFormat: string | undefined, lang: Lang): string {
  const scalar = topLeft(value);
  if (scalar === null) return '';
  if (isCellError(scalar)) return scalar.error;
  if (typeof scalar === 'boolean') return BOOLEAN[lang][scalar ? 0 : 1];
  if (typeof scalar === 'string') return scalar;
  if (isFormattedNumber(scalar)) return formatNumber(scalar.basicValue, scalar.numberFormat, lang);
  return formatNumber(scalar, numberFormat, lang);
}

/** The raw value for tests and tools: numbers as numbers (a money cell's too), errors as their code. */
export function rawValue(value: FormulaValue): string {
  const scalar = topLeft(value);
  if (scalar === null) return '';
  if (isCellError(scalar)) return scalar.error;
  if (typeof scalar === 'string' || typeof scalar === 'boolean') return String(scalar);
  return String(numberOf(scalar) ?? '');
}
