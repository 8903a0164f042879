import type { Lang } from '@ssr/shared';
import type { CellErrorKind } from './context';
import type { LocalText } from './texts';

/**
 * Why a custom function cannot give a value: becomes a cell error (#VALUE! or #N/A) with
 * the message the user sees when hovering the cell, in Office's display language.
 */
export class FunctionProblem extends Error {
  override readonly name = 'FunctionProblem';

  constructor(
    readonly kind: CellErrorKind,
    readonly text: LocalText,
  ) {
    // The English words, for a log or a stack trace.
    super(text.en);
  }

  messageIn(lang: Lang): string {
    return this.text[lang];
  }
}

/** A bad argument: #VALUE!. */
export function badArgument(text: LocalText): FunctionProblem {
  return new FunctionProblem('value', text);
}

/** A figure that does not exist (yet): #N/A. */
export function notAvailable(text: LocalText): FunctionProblem {
  return new FunctionProblem('not-available', text);
}
