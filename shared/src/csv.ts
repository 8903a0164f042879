/**
 * CSV that is safe to open in a spreadsheet whatever its list separator. Excel splits a CSV
 * on the separator of the user's regional settings (`;` under Swedish ones, `,` under
 * English ones), so a file written with one is often read with the other. Two defences:
 *
 * - A cell that holds any separator (`,` `;` tab), a quote or a line break is quoted, quotes
 *   doubled (RFC 4180), so a reader that honours quotes keeps it one cell.
 * - A reader on the other separator does not honour those quotes: a quote that does not open
 *   its field is a plain character, so `x,"a;=b"` read on `;` gives a field `=b`. So in text,
 *   every place where some reader may begin a field (the cell's start, and after any `,` `;`
 *   tab, CR or LF in it) that leads, past quotes and spaces, to `=` `+` `-` `@` tab or CR gets
 *   a `'` (OWASP's CSV injection advice): the spreadsheet shows text, never runs a formula.
 *
 * Numbers written by the program (`-1234.50`) stay numbers: a plain decimal runs nothing,
 * and an amount that read as text would no longer sum.
 */

/** What may stand between cells. */
export const CSV_SEPARATORS = [',', ';', '\t'] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

/** A number as the file writes it, with `.` or `,` as decimal sign: written as it is. */
export interface CsvNumber {
  readonly number: string;
}
/** A cell: text (neutralised where a formula could begin), or a number. */
export type CsvValue = string | CsvNumber;

/** After one of these, some reader begins a new field or line. */
const FIELD_BREAKS = new Set([',', ';', '\t', '\r', '\n']);
/** What a spreadsheet takes as the start of a formula. */
const FORMULA_STARTS = new Set(['=', '+', '-', '@', '\t', '\r']);
/** What a reader may drop or pass over before a field's first character. */
const PASSED_OVER = new Set(['"', ' ']);
const PLAIN_NUMBER = /^-?\d+(?:[.,]\d+)?$/;
const NEEDS_QUOTES = /[,;\t"\r\n]/;

function leadsToFormula(text: string, from: number): boolean {
  let index = from;
  while (index < text.length && PASSED_OVER.has(text.charAt(index))) index += 1;
  return index < text.length && FORMULA_STARTS.has(text.charAt(index));
}

/** Text with a `'` before every place where a field a reader may cut from it would start a formula. */
export function neutraliseFormulas(text: string): string {
  let result = '';
  let fieldMayStart = true;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charAt(index);
    if (fieldMayStart && leadsToFormula(text, index)) result += "'";
    result += char;
    fieldMayStart = FIELD_BREAKS.has(char);
  }
  return result;
}

/**
 * One cell as the file holds it. A "number" that is not a plain decimal is written as text.
 * Given the file's separator, a plain decimal is quoted only if it holds that separator, so
 * `143388,00` in a `;` file stays a bare number for the readers that want one (an ERP import).
 */
export function csvCell(value: CsvValue, separator?: CsvSeparator): string {
  const raw = typeof value === 'string' ? value : value.number;
  const number = typeof value !== 'string' && PLAIN_NUMBER.test(raw);
  const text = number ? raw : neutraliseFormulas(raw);
  const quoted = number && separator !== undefined ? text.includes(separator) : NEEDS_QUOTES.test(text);
  return quoted ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of cells as CSV: the separator between cells, CRLF after every row (RFC 4180). */
export function toCsv(rows: readonly (readonly CsvValue[])[], separator: CsvSeparator): string {
  return rows.map((row) => `${row.map((cell) => csvCell(cell, separator)).join(separator)}\r\n`).join('');
}
