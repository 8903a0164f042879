import type { RegisterStamp } from './port';

/*
 * The register stamp as a custom XML part of the workbook. A custom XML part is stored inside
 * the .xlsx file itself (customXml/), so it survives save and reopen in Excel on Windows, on the
 * Mac and on the web alike, and Excel.run reads it in the same batch as the sheets (ExcelApi 1.5).
 * The alternatives fall short: Office.context.document.settings belong to one add-in Id and must
 * be saved with saveAsync, and a hidden defined name shows up in formulas' autocomplete and
 * the Name Manager, where a user can change it.
 */

/** One part per functions' namespace: the development and production add-ins keep their own. */
export function stampNamespaceUri(functionNamespace: string): string {
  return `urn:ssr-budget:register-stamp:${functionNamespace.toLowerCase()}`;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function unescapeAttribute(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export function stampXml(stamp: RegisterStamp, namespaceUri: string): string {
  const readAt = new Date(stamp.readAt).toISOString();
  return `<?xml version="1.0" encoding="UTF-8"?><registerStamp xmlns="${escapeAttribute(namespaceUri)}" version="${escapeAttribute(stamp.version)}" readAt="${readAt}"/>`;
}

/** The stamp in a part this module wrote; undefined for anything else (a part edited by hand). */
export function parseStampXml(xml: string): RegisterStamp | undefined {
  const element = /<registerStamp\b([^>]*)\/?>/.exec(xml);
  if (!element) return undefined;
  const attribute = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(element[1] ?? '')?.[1];
  const version = attribute('version');
  const readAt = Date.parse(attribute('readAt') ?? '');
  if (version === undefined || version === '' || Number.isNaN(readAt)) return undefined;
  return { version: unescapeAttribute(version), readAt };
}
