import type { Lang } from '@ssr/shared';
import { PRODUCTION_NAMESPACE } from '../../excel/namespace';
import { SWEDISH_FUNCTIONS } from '../../../scripts/metadata/swedish';

/**
 * A formula as Excel shows it in one display language (`formulasLocal`): the list separator
 * between arguments, the decimal separator, and the names of functions and of TRUE/FALSE.
 * Cells keep the invariant form (English names, `,` and `.`), as Excel's `formulas` does; the
 * formula bar shows and takes the local one.
 */
export interface FormulaLocale {
  readonly lang: Lang;
  readonly argumentSeparator: ',' | ';';
  readonly decimalSeparator: '.' | ',';
  /** Upper-case local name by invariant name, for the functions and constants that have one. */
  readonly localNames: ReadonlyMap<string, string>;
  /** Invariant name by upper-case local name. */
  readonly invariantNames: ReadonlyMap<string, string>;
}

/** The namespace of the add-in's functions as the pane writes them (`SSR.FEE`). */
export const SSR_NAMESPACE = PRODUCTION_NAMESPACE;

/** Excel's own Swedish names for the functions and constants the preview evaluates. */
const SWEDISH_BUILT_INS: Readonly<Record<string, string>> = { SUM: 'SUMMA', SUMIF: 'SUMMA.OM', IF: 'OM', TRUE: 'SANT', FALSE: 'FALSKT' };

function swedishNames(): Map<string, string> {
  const names = new Map(Object.entries(SWEDISH_BUILT_INS));
  // The SSR names come from the table functions-sv.json is generated from: the id is the English name.
  for (const [id, text] of Object.entries(SWEDISH_FUNCTIONS)) {
    names.set(`${SSR_NAMESPACE}.${id}`, `${SSR_NAMESPACE}.${text.name}`.toUpperCase());
  }
  return names;
}

function locale(lang: Lang, argumentSeparator: ',' | ';', decimalSeparator: '.' | ',', localNames: Map<string, string>): FormulaLocale {
  const invariantNames = new Map([...localNames].map(([invariant, local]) => [local, invariant]));
  return { lang, argumentSeparator, decimalSeparator, localNames, invariantNames };
}

/** The stored form, which English Excel also shows. */
export const INVARIANT: FormulaLocale = locale('en', ',', '.', new Map());
const SWEDISH: FormulaLocale = locale('sv', ';', ',', swedishNames());

export function formulaLocale(lang: Lang): FormulaLocale {
  return lang === 'sv' ? SWEDISH : INVARIANT;
}

/** The invariant name of a name as typed (upper case); a name with no local form is its own. */
export function invariantName(locale: FormulaLocale, name: string): string {
  const upper = name.toUpperCase();
  return locale.invariantNames.get(upper) ?? upper;
}

export function localName(locale: FormulaLocale, invariant: string): string | undefined {
  return locale.localNames.get(invariant.toUpperCase());
}
