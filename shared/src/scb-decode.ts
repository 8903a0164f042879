/**
 * From the bytes of an SCB export to CSV cells. PxWeb writes UTF-8 (often with a BOM), but a
 * file opened and saved again in Excel on Swedish Windows comes back as Windows-1252; and the
 * separator depends on the export option and the locale.
 *
 * The UTF-8 check is written out here rather than using TextDecoder: the shared package is
 * pure TypeScript with no DOM or Node typings, and Excel's custom-functions runtime is not
 * guaranteed to have TextDecoder.
 */

/**
 * Windows-1252 bytes 0x80–0x9F. The five bytes the code page leaves undefined (0x81, 0x8D,
 * 0x8F, 0x90, 0x9D) map to the C1 control with the same number, as the WHATWG decoder does.
 */
const CP1252_80_TO_9F = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d,
  0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0x009d, 0x017e, 0x0178,
] as const;

/** Smallest code point for each UTF-8 sequence length; anything below is an overlong (invalid) form. */
const UTF8_MIN_FOR_LENGTH = [0, 0, 0x80, 0x800, 0x10000] as const;

/** String.fromCodePoint with a spread of a whole file would overflow the stack; build in slices. */
function codePointsToString(codePoints: number[]): string {
  const parts: string[] = [];
  for (let start = 0; start < codePoints.length; start += 4096) {
    parts.push(String.fromCodePoint(...codePoints.slice(start, start + 4096)));
  }
  return parts.join('');
}

/** Length of the UTF-8 sequence a lead byte starts, and its payload bits; undefined if it cannot lead. */
function utf8Lead(byte: number): { length: number; bits: number } | undefined {
  if (byte < 0x80) return { length: 1, bits: byte };
  if (byte >= 0xc2 && byte <= 0xdf) return { length: 2, bits: byte & 0x1f };
  if (byte >= 0xe0 && byte <= 0xef) return { length: 3, bits: byte & 0x0f };
  if (byte >= 0xf0 && byte <= 0xf4) return { length: 4, bits: byte & 0x07 };
  return undefined;
}

/** Strict UTF-8: undefined for any invalid, overlong, surrogate or truncated sequence. */
export function decodeUtf8Strict(bytes: Uint8Array): string | undefined {
  const codePoints: number[] = [];
  let i = 0;
  while (i < bytes.length) {
    const lead = utf8Lead(bytes[i] ?? 0);
    if (!lead) return undefined;
    let codePoint = lead.bits;
    for (let k = 1; k < lead.length; k += 1) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return undefined;
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    const tooSmall = codePoint < (UTF8_MIN_FOR_LENGTH[lead.length] ?? 0);
    if (tooSmall || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return undefined;
    codePoints.push(codePoint);
    i += lead.length;
  }
  return codePointsToString(codePoints);
}

/** Windows-1252: every byte is a character, so this never fails. 0xA0–0xFF equal Latin-1. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const codePoints: number[] = [];
  for (const byte of bytes) {
    codePoints.push(byte >= 0x80 && byte <= 0x9f ? (CP1252_80_TO_9F[byte - 0x80] ?? byte) : byte);
  }
  return codePointsToString(codePoints);
}

/**
 * UTF-8 (a BOM is dropped) when the bytes are valid UTF-8, otherwise Windows-1252. Text in
 * 1252 with å, ä or ö is practically never valid UTF-8, so the test is reliable for SCB files.
 */
export function decodeScbBytes(bytes: Uint8Array): string {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  return decodeUtf8Strict(body) ?? decodeWindows1252(body);
}

const SEPARATORS = ['\t', ';', ','] as const;

/** Separators inside quotes do not count, so a quoted "Folkmängd, 2023" does not vote for comma. */
export function detectSeparator(line: string): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (const separator of SEPARATORS) {
    let count = 0;
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (!quoted && ch === separator) count += 1;
    }
    if (count > bestCount) [best, bestCount] = [separator, count];
  }
  return best;
}

/**
 * CSV cells of one line: quotes may hold the separator, "" is a quote. Cells come back trimmed
 * (PxWeb pads nothing, but Excel users do). Undefined when a quote is never closed.
 */
export function splitCells(line: string, separator: string): string[] | undefined {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line.charAt(i);
    if (quoted && ch === '"' && line.charAt(i + 1) === '"') {
      cell += '"';
      i += 1;
    } else if (ch === '"' && (quoted || cell.trim() === '')) {
      quoted = !quoted;
    } else if (!quoted && ch === separator) {
      cells.push(cell.trim());
      cell = '';
    } else {
      cell += ch;
    }
  }
  if (quoted) return undefined;
  cells.push(cell.trim());
  return cells;
}
