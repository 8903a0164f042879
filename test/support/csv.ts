/**
 * CSV readers for tests, as spreadsheets read a file: `strict` RFC 4180 for the file's own
 * separator, and lenient (Excel's way) for any other: a quote opens quoting only as a field's
 * first character, elsewhere it is a plain character; CR, LF or CRLF outside quotes ends a row.
 */
export function readCsv(text: string, separator: string, options: { strict?: boolean } = {}): string[][] {
  const fail = (message: string, at: number) => {
    if (options.strict) throw new Error(`${message} at character ${at}.`);
  };
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let fieldStart = true;
  let closedQuote = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch === '"' && text.charAt(i + 1) === '"') [cell, i] = [cell + '"', i + 1];
      else if (ch === '"') [quoted, closedQuote] = [false, true];
      else cell += ch;
      continue;
    }
    if (ch === separator) {
      [row, cell, fieldStart, closedQuote] = [[...row, cell], '', true, false];
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text.charAt(i + 1) === '\n') i += 1;
      else fail('A line ends without CRLF', i);
      rows.push([...row, cell]);
      [row, cell, fieldStart, closedQuote] = [[], '', true, false];
      continue;
    }
    if (ch === '"' && fieldStart) quoted = true;
    else {
      if (ch === '"') fail('A quote inside an unquoted field', i);
      if (closedQuote) fail('Text after a closing quote', i);
      cell += ch;
    }
    fieldStart = false;
  }
  if (quoted) fail('A quote is not closed', text.length);
  if (cell !== '' || row.length > 0) {
    fail('The last row does not end with CRLF', text.length);
    rows.push([...row, cell]);
  }
  return rows;
}

const SEPARATORS = [',', ';', '\t'];

/**
 * Every field some reader may see in the file: read on each separator (quotes honoured where
 * they open a field), and cut on every separator and line break with quotes ignored.
 */
export function fieldsUnderAnySplit(text: string): string[] {
  const read = SEPARATORS.flatMap((separator) => readCsv(text, separator).flat());
  const cut = text.split(/[,;\t\r\n]/);
  // A reader may drop the quotes and spaces before a field's first character.
  return [...read, ...cut].map((field) => field.replace(/^[" ]+/, ''));
}

/** What a spreadsheet runs as a formula (OWASP): =, +, -, @, tab, CR first. */
export const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal: runs nothing, even with a minus first. */
export const PLAIN_NUMBER = /^-?\d+(?:[.,]\d+)?$/;

/** The fields of a file that a spreadsheet would run as formulas. */
export function formulaFields(text: string): string[] {
  return fieldsUnderAnySplit(text).filter((field) => FORMULA_START.test(field) && !PLAIN_NUMBER.test(field));
}
