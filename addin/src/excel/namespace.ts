/*
 * The pane writes and reads formulas as `SSR.FEE(…)`; in Excel the functions live in the
 * namespace of the manifest that loaded the add-in (SSRDEV.* for the development one). These
 * rename the namespace in a formula's function calls, never inside a text literal ("SSR.x").
 */

/** The functions' namespace in the production manifest, and the one the pane writes. */
export const PRODUCTION_NAMESPACE = 'SSR';
/** The development manifest's, so that both add-ins can be installed side by side. */
export const DEV_NAMESPACE = 'SSRDEV';

/** A call `SSR.` not preceded by a name character, so `XSSR.` and `A.SSR.` are not one. */
function callPattern(namespace: string, flags: string): RegExp {
  return new RegExp(`(?<![A-Za-z0-9_.])${namespace}\\.`, flags);
}

/** Excel's text literals are "…" with "" for a quote: the odd pieces of a split on `"` are inside one. */
function outsideStrings(formula: string): { piece: string; code: boolean }[] {
  return formula.split('"').map((piece, index) => ({ piece, code: index % 2 === 0 }));
}

function renameOutsideStrings(formula: string, from: string, to: string): string {
  if (from === to) return formula;
  const call = callPattern(from, 'gi');
  return outsideStrings(formula)
    .map(({ piece, code }) => (code ? piece.replace(call, `${to}.`) : piece))
    .join('"');
}

/** `=SSR.FEE(A1)` as Excel must hold it when the functions are registered under `namespace`. */
export function toNamespace(formula: string, namespace: string): string {
  return renameOutsideStrings(formula, PRODUCTION_NAMESPACE, namespace);
}

/** A formula read from Excel, with `namespace` calls written back as `SSR.`. */
export function fromNamespace(formula: string, namespace: string): string {
  return renameOutsideStrings(formula, namespace, PRODUCTION_NAMESPACE);
}

/** Whether a formula (as Excel's `formulas` gives it, in English) calls a function of `namespace`. */
export function callsNamespace(formula: string, namespace: string): boolean {
  const call = callPattern(namespace, 'i');
  return formula.startsWith('=') && outsideStrings(formula).some(({ piece, code }) => code && call.test(piece));
}
