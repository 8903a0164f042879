import type { CellPosition, RangeBounds } from '../../excel/address';
import { parseCellAddress } from '../../excel/address';
import type { FormulaLocale } from './locale';
import { INVARIANT, invariantName, localName } from './locale';

/**
 * The formulas the in-memory workbook understands: number, text and TRUE/FALSE literals,
 * cell and range references (optionally on another sheet), function calls such as
 * SSR.FEE(…), SUM(…) and IF(…), unary minus, + - * / &, comparisons and parentheses. Enough
 * for the sheets the pane generates; anything else is refused with where and why. A formula
 * is read in one locale: invariant (as cells keep it) or as a display language writes it
 * (`=SSR.AVGIFT("Nacka"; 2025)`); names come out invariant either way.
 */

export type Expr =
  | { type: 'number'; value: number }
  | { type: 'string'; value: string }
  | { type: 'boolean'; value: boolean }
  | { type: 'empty' }
  | { type: 'ref'; sheet?: string; cell: CellPosition }
  | { type: 'range'; sheet?: string; bounds: RangeBounds }
  | { type: 'call'; name: string; args: Expr[] }
  | { type: 'unary'; op: '-' | '+'; operand: Expr }
  | { type: 'binary'; op: BinaryOp; left: Expr; right: Expr };

export type ComparisonOp = '=' | '<>' | '<' | '>' | '<=' | '>=';
export type BinaryOp = '+' | '-' | '*' | '/' | '&' | ComparisonOp;
const COMPARISONS: readonly string[] = ['=', '<>', '<', '>', '<=', '>='];

export type ParseFailureKind = 'not-a-formula' | 'unclosed-string' | 'unexpected' | 'unknown-name' | 'end-expected';
export interface ParseFailure {
  kind: ParseFailureKind;
  /** 0-based offset in the formula text, `=` included. */
  at: number;
  /** The text found there, when there is any. */
  found?: string;
}
export type ParseResult = { ok: true; expr: Expr } | { ok: false; failure: ParseFailure };

/** `separator` is the list separator between arguments, whichever character the locale writes. */
type Token =
  | { kind: 'number'; value: number; at: number; text: string }
  | { kind: 'string'; value: string; at: number; text: string }
  | { kind: 'word'; value: string; at: number; text: string }
  | { kind: 'sheet'; value: string; at: number; text: string }
  | { kind: 'separator'; value: string; at: number; text: string }
  | { kind: 'punct'; value: string; at: number; text: string };

class FormulaSyntaxError extends Error {
  constructor(readonly failure: ParseFailure) {
    super(failure.kind);
  }
}

const NUMBER_POINT = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
const NUMBER_COMMA = /^(?:\d+(?:,\d*)?|,\d+)(?:[eE][+-]?\d+)?/;
// Letters of any language: Swedish names such as SSR.FOLKMÄNGD.
const WORD = /^[\p{L}_$][\p{L}\p{N}_.$]*/u;
const PUNCT = '+-*/&():=<>';

function tokenize(text: string, offset: number, locale: FormulaLocale): Token[] {
  const tokens: Token[] = [];
  const number = locale.decimalSeparator === ',' ? NUMBER_COMMA : NUMBER_POINT;
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    const at = offset + i;
    const rest = text.slice(i);
    if (/\s/.test(ch)) {
      i += 1;
    } else if (ch === '"' || ch === "'") {
      // Text literals in double quotes; sheet names in single quotes, followed by `!`. A doubled quote is a quote.
      let j = i + 1;
      let value = '';
      for (;;) {
        if (j >= text.length) throw new FormulaSyntaxError({ kind: 'unclosed-string', at });
        if (text.charAt(j) === ch) {
          if (text.charAt(j + 1) === ch) {
            value += ch;
            j += 2;
            continue;
          }
          break;
        }
        value += text.charAt(j);
        j += 1;
      }
      if (ch === "'") {
        if (text.charAt(j + 1) !== '!') throw new FormulaSyntaxError({ kind: 'unexpected', at, found: text.slice(i, j + 2) });
        tokens.push({ kind: 'sheet', value, at, text: text.slice(i, j + 2) });
        i = j + 2;
      } else {
        tokens.push({ kind: 'string', value, at, text: text.slice(i, j + 1) });
        i = j + 1;
      }
    } else if (number.test(rest)) {
      const match = number.exec(rest)?.[0] ?? '';
      tokens.push({ kind: 'number', value: Number(match.replace(',', '.')), at, text: match });
      i += match.length;
    } else if (WORD.test(rest)) {
      const match = WORD.exec(rest)?.[0] ?? '';
      if (text.charAt(i + match.length) === '!') {
        tokens.push({ kind: 'sheet', value: match, at, text: `${match}!` });
        i += match.length + 1;
      } else {
        tokens.push({ kind: 'word', value: match, at, text: match });
        i += match.length;
      }
    } else if (ch === locale.argumentSeparator) {
      tokens.push({ kind: 'separator', value: ch, at, text: ch });
      i += 1;
    } else if (PUNCT.includes(ch)) {
      const pair = text.slice(i, i + 2);
      const value = pair === '<>' || pair === '<=' || pair === '>=' ? pair : ch;
      tokens.push({ kind: 'punct', value, at, text: value });
      i += value.length;
    } else {
      throw new FormulaSyntaxError({ kind: 'unexpected', at, found: ch });
    }
  }
  return tokens;
}

class Parser {
  private index = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly end: number,
    private readonly locale: FormulaLocale,
  ) {}

  parse(): Expr {
    const expr = this.expression();
    const next = this.peek();
    if (next) throw new FormulaSyntaxError({ kind: 'end-expected', at: next.at, found: next.text });
    return expr;
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private isPunct(value: string): boolean {
    const token = this.peek();
    return token?.kind === 'punct' && token.value === value;
  }

  private isSeparator(): boolean {
    return this.peek()?.kind === 'separator';
  }

  private fail(): never {
    const token = this.peek();
    throw new FormulaSyntaxError(token ? { kind: 'unexpected', at: token.at, found: token.text } : { kind: 'unexpected', at: this.end });
  }

  private expect(value: string): void {
    if (!this.isPunct(value)) this.fail();
    this.index += 1;
  }

  // Precedence, lowest first: comparisons ; & ; + - ; * / ; unary ; primary.
  private expression(): Expr {
    let left = this.concatenation();
    for (;;) {
      const token = this.peek();
      if (token?.kind !== 'punct' || !COMPARISONS.includes(token.value)) return left;
      this.index += 1;
      left = { type: 'binary', op: token.value as ComparisonOp, left, right: this.concatenation() };
    }
  }

  private concatenation(): Expr {
    let left = this.additive();
    while (this.isPunct('&')) {
      this.index += 1;
      left = { type: 'binary', op: '&', left, right: this.additive() };
    }
    return left;
  }

  private additive(): Expr {
    let left = this.term();
    while (this.isPunct('+') || this.isPunct('-')) {
      const op = this.isPunct('+') ? '+' : '-';
      this.index += 1;
      left = { type: 'binary', op, left, right: this.term() };
    }
    return left;
  }

  private term(): Expr {
    let left = this.unary();
    while (this.isPunct('*') || this.isPunct('/')) {
      const op = this.isPunct('*') ? '*' : '/';
      this.index += 1;
      left = { type: 'binary', op, left, right: this.unary() };
    }
    return left;
  }

  private unary(): Expr {
    if (this.isPunct('-') || this.isPunct('+')) {
      const op = this.isPunct('-') ? '-' : '+';
      this.index += 1;
      return { type: 'unary', op, operand: this.unary() };
    }
    return this.primary();
  }

  private primary(): Expr {
    const token = this.peek();
    if (!token) return this.fail();
    if (token.kind === 'number') {
      this.index += 1;
      return { type: 'number', value: token.value };
    }
    if (token.kind === 'string') {
      this.index += 1;
      return { type: 'string', value: token.value };
    }
    if (token.kind === 'punct' && token.value === '(') {
      this.index += 1;
      const inner = this.expression();
      this.expect(')');
      return inner;
    }
    if (token.kind === 'sheet') {
      this.index += 1;
      return this.reference(token.value);
    }
    if (token.kind === 'word') {
      const next = this.tokens[this.index + 1];
      if (next?.kind === 'punct' && next.value === '(') return this.call(token.value);
      const name = invariantName(this.locale, token.value);
      if (name === 'TRUE' || name === 'FALSE') {
        this.index += 1;
        return { type: 'boolean', value: name === 'TRUE' };
      }
      return this.reference(undefined);
    }
    return this.fail();
  }

  private reference(sheet: string | undefined): Expr {
    const token = this.peek();
    const cell = token?.kind === 'word' ? parseCellAddress(token.value) : undefined;
    if (!token || !cell) {
      throw new FormulaSyntaxError(token ? { kind: 'unknown-name', at: token.at, found: token.text } : { kind: 'unexpected', at: this.end });
    }
    this.index += 1;
    const on = sheet === undefined ? {} : { sheet };
    if (!this.isPunct(':')) return { type: 'ref', ...on, cell };
    this.index += 1;
    const endToken = this.peek();
    const end = endToken?.kind === 'word' ? parseCellAddress(endToken.value) : undefined;
    if (!end) return this.fail();
    this.index += 1;
    const bounds = {
      top: Math.min(cell.row, end.row),
      left: Math.min(cell.column, end.column),
      bottom: Math.max(cell.row, end.row),
      right: Math.max(cell.column, end.column),
    };
    return { type: 'range', ...on, bounds };
  }

  private call(typed: string): Expr {
    this.index += 2; // the name and its opening parenthesis
    const name = invariantName(this.locale, typed);
    const args: Expr[] = [];
    if (this.isPunct(')')) {
      this.index += 1;
      return { type: 'call', name, args };
    }
    for (;;) {
      // An argument left out (`SSR.FEE("nacka",,"estimate")`) is empty, as Excel passes it.
      args.push(this.isSeparator() || this.isPunct(')') ? { type: 'empty' } : this.expression());
      if (this.isSeparator()) {
        this.index += 1;
        continue;
      }
      this.expect(')');
      return { type: 'call', name, args };
    }
  }
}

function tokensOf(formula: string, locale: FormulaLocale): { tokens: Token[]; offset: number } | { failure: ParseFailure } {
  const trimmed = formula.trimStart();
  if (!trimmed.startsWith('=')) return { failure: { kind: 'not-a-formula', at: 0 } };
  const offset = formula.length - trimmed.length + 1;
  try {
    return { tokens: tokenize(trimmed.slice(1), offset, locale), offset };
  } catch (error) {
    if (error instanceof FormulaSyntaxError) return { failure: error.failure };
    throw error;
  }
}

/** Parse a formula as typed into a cell (it must start with `=`), written in `locale`; invariant by default. */
export function parseFormula(formula: string, locale: FormulaLocale = INVARIANT): ParseResult {
  const lexed = tokensOf(formula, locale);
  if ('failure' in lexed) return { ok: false, failure: lexed.failure };
  try {
    return { ok: true, expr: new Parser(lexed.tokens, formula.length, locale).parse() };
  } catch (error) {
    if (error instanceof FormulaSyntaxError) return { ok: false, failure: error.failure };
    throw error;
  }
}

/**
 * The same formula written in another locale, token by token, so spacing and everything else
 * stay as typed: list separators, decimal separators and the names of functions and of
 * TRUE/FALSE change. Text that does not tokenize is returned as it is (it will not compute).
 */
export function translateFormula(formula: string, from: FormulaLocale, to: FormulaLocale): string {
  if (from === to) return formula;
  const lexed = tokensOf(formula, from);
  if ('failure' in lexed) return formula;
  const { tokens } = lexed;
  let out = formula.slice(0, lexed.offset);
  let position = lexed.offset;
  tokens.forEach((token, index) => {
    out += formula.slice(position, token.at);
    position = token.at + token.text.length;
    const next = tokens[index + 1];
    const isName = token.kind === 'word' && ((next?.kind === 'punct' && next.value === '(') || ['TRUE', 'FALSE'].includes(invariantName(from, token.value)));
    if (token.kind === 'separator') out += to.argumentSeparator;
    else if (token.kind === 'number') out += token.text.replace(from.decimalSeparator, to.decimalSeparator);
    else if (isName) {
      const invariant = invariantName(from, token.value);
      out += localName(to, invariant) ?? (to.localNames.size === 0 ? invariant : token.text);
    } else out += token.text;
  });
  return out + formula.slice(position);
}

export function isFormula(input: string): boolean {
  return input.trimStart().startsWith('=') && input.trim().length > 1;
}
