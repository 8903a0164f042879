import { decodeUtf8Strict } from './scb-decode';

/**
 * The cells of the first worksheet of an .xlsx file, as text, for SCB's "Excel (xlsx)" export.
 * An .xlsx is a zip of XML parts; this reads the zip's central directory, the shared strings and
 * the first sheet with a small tolerant scan (no DOM: it runs in Node tests and in Excel's
 * webviews alike). Inflating is passed in, since the shared package has neither DOM nor Node
 * APIs: the pane gives `DecompressionStream('deflate-raw')`.
 */

export type InflateRaw = (compressed: Uint8Array) => Promise<Uint8Array>;

/** Why a file could not be read as a workbook. */
export type XlsxFailure = 'notZip' | 'oldExcel' | 'damaged' | 'noSheet';
export type XlsxResult = { ok: true; rows: string[][] } | { ok: false; reason: XlsxFailure };

const ZIP_LOCAL = 0x04034b50;
const ZIP_CENTRAL = 0x02014b50;
const ZIP_END = 0x06054b50;

/** A zip file starts with a local header ("PK\3\4"); Excel 97–2003 files are OLE compound files. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
function looksLikeOldExcel(bytes: Uint8Array): boolean {
  return [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((byte, i) => bytes[i] === byte);
}

class Damaged extends Error {}

interface ZipEntry {
  method: number;
  compressedSize: number;
  localOffset: number;
}

function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => (at + 2 <= bytes.length ? view.getUint16(at, true) : -1);
  const u32 = (at: number) => (at + 4 <= bytes.length ? view.getUint32(at, true) : -1);
  // The end record is the last 22 bytes plus a comment of up to 65 535 bytes.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at -= 1) {
    if (u32(at) === ZIP_END) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new Damaged();
  const count = u16(end + 10);
  let at = u32(end + 16);
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i += 1) {
    if (u32(at) !== ZIP_CENTRAL) throw new Damaged();
    const nameLength = u16(at + 28);
    const name = decodeUtf8Strict(bytes.subarray(at + 46, at + 46 + nameLength)) ?? '';
    entries.set(name, { method: u16(at + 10), compressedSize: u32(at + 20), localOffset: u32(at + 42) });
    at += 46 + nameLength + u16(at + 30) + u16(at + 32);
  }
  return entries;
}

/** The decompressor refuses a corrupt stream (a TypeError in browsers, a zlib error in Node): the file is damaged. */
async function inflateOrDamaged(data: Uint8Array, inflate: InflateRaw): Promise<Uint8Array> {
  try {
    return await inflate(data);
  } catch (error) {
    throw new Damaged('A part of the workbook cannot be inflated.', { cause: error });
  }
}

async function entryText(bytes: Uint8Array, entry: ZipEntry, inflate: InflateRaw): Promise<string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== ZIP_LOCAL) throw new Damaged();
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw new Damaged();
  let raw: Uint8Array;
  if (entry.method === 0) raw = data;
  else if (entry.method === 8) raw = await inflateOrDamaged(data, inflate);
  else throw new Damaged();
  const text = decodeUtf8Strict(raw);
  if (text === undefined) throw new Damaged();
  return text.replace(/^\uFEFF/, '');
}

/**
 * An element's name as a pattern, with or without a namespace prefix: the OpenXML SDK writes
 * `<x:row>` where Excel writes `<row>`.
 */
function el(name: string): string {
  return `(?:[\\w.-]+:)?${name}`;
}
const T = new RegExp(`<${el('t')}(?:\\s[^>]*)?>([\\s\\S]*?)<\\/${el('t')}>|<${el('t')}(?:\\s[^>]*)?\\/>`, 'g');
const PHONETIC = new RegExp(`<${el('rPh')}\\b[\\s\\S]*?<\\/${el('rPh')}>`, 'g');
const SI = new RegExp(`<${el('si')}\\b[^>]*?(?:\\/>|>([\\s\\S]*?)<\\/${el('si')}>)`, 'g');
const IS = new RegExp(`<${el('is')}\\b[^>]*>([\\s\\S]*?)<\\/${el('is')}>`);
const V = new RegExp(`<${el('v')}\\b[^>]*>([\\s\\S]*?)<\\/${el('v')}>`);
const ROW = new RegExp(`<${el('row')}\\b([^>]*?)(?:\\/>|>([\\s\\S]*?)<\\/${el('row')}>)`, 'g');
const CELL = new RegExp(`<${el('c')}\\b([^>]*?)(?:\\/>|>([\\s\\S]*?)<\\/${el('c')}>)`, 'g');
const RELATIONSHIP = new RegExp(`<${el('Relationship')}\\b[^>]*>`, 'g');

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}

/** The text of every <t> in a run of XML, skipping phonetic guides (<rPh>). */
function textOf(xml: string): string {
  const withoutPhonetic = xml.replace(PHONETIC, '');
  return [...withoutPhonetic.matchAll(T)]
    .map((match) => unescapeXml(match[1] ?? ''))
    .join('');
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  const value = match?.[1] ?? match?.[2];
  return value === undefined ? undefined : unescapeXml(value);
}

function sharedStrings(xml: string): string[] {
  return [...xml.matchAll(SI)].map((match) => textOf(match[1] ?? ''));
}

/** "C12" → column 2 (zero-based), row 12. */
function cellRef(ref: string | undefined): { column: number; row: number } | undefined {
  const match = /^([A-Z]{1,3})(\d+)$/.exec(ref ?? '');
  if (!match) return undefined;
  let column = 0;
  for (const ch of match[1] ?? '') column = column * 26 + (ch.charCodeAt(0) - 64);
  return { column: column - 1, row: Number(match[2]) };
}

/** A number as Excel's "General" shows it in Swedish and English alike for integers. */
function numberText(value: string): string {
  const n = Number(value);
  return Number.isFinite(n) && Number.isInteger(n) ? String(n) : value;
}

function cellText(tag: string, body: string, strings: string[]): string {
  const type = attribute(tag, 't');
  if (type === 'inlineStr') return textOf(IS.exec(body)?.[1] ?? '');
  const value = unescapeXml(V.exec(body)?.[1] ?? '');
  if (type === 's') return strings[Number(value)] ?? '';
  if (type === 'str' || type === 'e' || type === 'b') return value;
  return value === '' ? '' : numberText(value);
}

/** Rows of the sheet, indexed so that rows[n - 1] is Excel's row n; gaps are empty rows. */
function sheetRows(xml: string, strings: string[]): string[][] {
  const rows: string[][] = [];
  let nextRow = 1;
  for (const rowMatch of xml.matchAll(ROW)) {
    const rowNumber = Number(attribute(rowMatch[1] ?? '', 'r') ?? nextRow);
    nextRow = rowNumber + 1;
    const cells: string[] = [];
    let nextColumn = 0;
    for (const cellMatch of (rowMatch[2] ?? '').matchAll(CELL)) {
      const tag = cellMatch[1] ?? '';
      const column = cellRef(attribute(tag, 'r'))?.column ?? nextColumn;
      nextColumn = column + 1;
      while (cells.length < column) cells.push('');
      cells[column] = cellText(tag, cellMatch[2] ?? '', strings);
    }
    while (rows.length < rowNumber - 1) rows.push([]);
    rows[rowNumber - 1] = cells;
  }
  return rows;
}

/** The first sheet in the workbook's order, through its relationship; sheet1.xml if that fails. */
async function firstSheetPath(bytes: Uint8Array, entries: Map<string, ZipEntry>, inflate: InflateRaw): Promise<string> {
  const workbook = entries.get('xl/workbook.xml');
  const rels = entries.get('xl/_rels/workbook.xml.rels');
  if (workbook && rels) {
    const sheetTag = /<(?:\w+:)?sheet\b[^>]*>/.exec(await entryText(bytes, workbook, inflate))?.[0] ?? '';
    const id = /\sr:id\s*=\s*"([^"]*)"/.exec(sheetTag)?.[1];
    const relsXml = await entryText(bytes, rels, inflate);
    const rel = [...relsXml.matchAll(RELATIONSHIP)].map((m) => m[0]).find((tag) => attribute(tag, 'Id') === id);
    const target = rel === undefined ? undefined : attribute(rel, 'Target');
    if (target !== undefined) return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  }
  return 'xl/worksheets/sheet1.xml';
}

export async function readXlsxRows(bytes: Uint8Array, inflate: InflateRaw): Promise<XlsxResult> {
  if (looksLikeOldExcel(bytes)) return { ok: false, reason: 'oldExcel' };
  if (!looksLikeZip(bytes)) return { ok: false, reason: 'notZip' };
  try {
    const entries = zipEntries(bytes);
    const sheet = entries.get(await firstSheetPath(bytes, entries, inflate));
    if (!sheet) return { ok: false, reason: 'noSheet' };
    const shared = entries.get('xl/sharedStrings.xml');
    const strings = shared ? sharedStrings(await entryText(bytes, shared, inflate)) : [];
    return { ok: true, rows: sheetRows(await entryText(bytes, sheet, inflate), strings) };
  } catch (error) {
    // A broken zip or a stream the inflater refuses: the file is damaged, which the user is told.
    if (error instanceof Damaged) return { ok: false, reason: 'damaged' };
    throw error;
  }
}
