import type { FeeClass, Member, MemberKind } from '@ssr/shared';
import type { CellInput, CellReadValue, ColumnFormat } from '../../excel/port';
import type { Language } from '../../i18n';

/**
 * The register as an Excel table: one column per member field, readable headers (Swedish or
 * English, either is read back), every column text so that "0182" and "2024-01-01" stay as
 * typed. The etag is not in this table: it lives with the loaded copy on a hidden sheet.
 */

export const MEMBERS_SHEET = 'SSR Medlemmar';
export const MEMBERS_TABLE = 'SSR_Members';

/** The sheet's fields: the member's own values. Earlier class and cluster terms (R7) are shown in the pane, not in the table. */
export type MemberField = Exclude<keyof Member, 'earlierTerms'>;

export interface MemberColumn {
  field: MemberField;
  header: { sv: string; en: string };
  width: number;
}

export const MEMBER_COLUMNS: readonly MemberColumn[] = [
  { field: 'id', header: { sv: 'Id', en: 'Id' }, width: 110 },
  { field: 'name', header: { sv: 'Namn', en: 'Name' }, width: 220 },
  { field: 'kind', header: { sv: 'Typ', en: 'Kind' }, width: 90 },
  { field: 'feeClass', header: { sv: 'Avgiftsklass', en: 'Fee class' }, width: 90 },
  { field: 'municipalityCode', header: { sv: 'Kommunkod', en: 'Municipality code' }, width: 80 },
  { field: 'cluster', header: { sv: 'Kluster', en: 'Cluster' }, width: 110 },
  { field: 'joinedOn', header: { sv: 'Inträde', en: 'Joined on' }, width: 90 },
  { field: 'noticeGivenOn', header: { sv: 'Uppsägning', en: 'Notice given on' }, width: 90 },
  { field: 'organisationNumber', header: { sv: 'Organisationsnummer', en: 'Organisation number' }, width: 120 },
  { field: 'invoiceReference', header: { sv: 'Fakturareferens', en: 'Invoice reference' }, width: 140 },
];

export const MEMBER_COLUMN_FORMATS: ColumnFormat[] = MEMBER_COLUMNS.map((column) => ({ numberFormat: '@', width: column.width }));

export function memberHeaders(language: Language): string[] {
  return MEMBER_COLUMNS.map((column) => column.header[language]);
}

/**
 * The words the sheet shows and takes for a member's kind and fee class, per language. The
 * register stores the codes; a Swedish workbook reads "kommun", "aktör", "enkel", "dubbel".
 */
const KIND_WORDS: Readonly<Record<Language, Record<MemberKind, string>>> = {
  sv: { municipality: 'kommun', actor: 'aktör' },
  en: { municipality: 'municipality', actor: 'actor' },
};
const FEE_CLASS_WORDS: Readonly<Record<Language, Record<FeeClass, string>>> = {
  sv: { municipality: 'kommun', single: 'enkel', double: 'dubbel' },
  en: { municipality: 'municipality', single: 'single', double: 'double' },
};

/** The fields whose cells take a word from a list. */
export type CodedField = 'kind' | 'feeClass';

function wordsOf(field: CodedField, language: Language): Record<string, string> {
  return field === 'kind' ? KIND_WORDS[language] : FEE_CLASS_WORDS[language];
}

function isCoded(field: string): field is CodedField {
  return field === 'kind' || field === 'feeClass';
}

/** A field's value as the sheet and the pane show it: a kind or fee class in the language's word. */
export function sheetText(field: string, value: string | undefined, language: Language): string | undefined {
  if (value === undefined || !isCoded(field)) return value;
  return wordsOf(field, language)[value] ?? value;
}

/** What the data-validation list of a coded column offers, in the sheet's language. */
export function listWords(field: CodedField, language: Language): string[] {
  return Object.values(wordsOf(field, language));
}

/** Lower case, no accents, no surrounding space: "Aktör " and "aktor" are the same word. */
function foldWord(text: string): string {
  return text.trim().toLowerCase().normalize('NFD').replace(/\p{Mn}/gu, '');
}

/** A typed kind or fee class, in either language, as its code; an unknown word stays as typed (the review says why). */
function codeOf(field: CodedField, text: string): string {
  const typed = foldWord(text);
  for (const language of ['sv', 'en'] as const) {
    for (const [code, word] of Object.entries(wordsOf(field, language))) if (foldWord(word) === typed || code.toLowerCase() === typed) return code;
  }
  return text;
}

export function memberToRow(member: Member, language: Language): CellInput[] {
  return MEMBER_COLUMNS.map((column) => sheetText(column.field, member[column.field], language) ?? null);
}

export function headerLabel(field: string, language: Language): string {
  return MEMBER_COLUMNS.find((column) => column.field === field)?.header[language] ?? field;
}

function fold(text: string): string {
  return text.trim().toLowerCase();
}

/** Which column holds which field, by header text in either language; unknown headers are left alone. */
export function fieldsByColumn(headers: readonly string[]): { fields: (MemberField | undefined)[]; missing: MemberField[] } {
  const fields = headers.map(
    (header) => MEMBER_COLUMNS.find((column) => fold(column.header.sv) === fold(header) || fold(column.header.en) === fold(header) || column.field.toLowerCase() === fold(header))?.field,
  );
  const required: MemberField[] = ['id', 'name', 'kind', 'feeClass', 'joinedOn'];
  return { fields, missing: required.filter((field) => !fields.includes(field)) };
}

/** Excel's day count (1900 system) to an ISO date: what a date typed into a non-text cell becomes. */
export function excelSerialToIso(serial: number): string | undefined {
  if (!Number.isInteger(serial) || serial < 1 || serial > 2_958_465) return undefined;
  const date = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  return date.toISOString().slice(0, 10);
}

const DATE_FIELDS: readonly MemberField[] = ['joinedOn', 'noticeGivenOn'];

/**
 * One sheet cell as the text the schema reads. A cell Excel turned into a number is read back
 * as the person meant it: 182 in the code column is "0182", a date serial is its ISO date.
 */
export function cellText(field: MemberField, value: CellReadValue): string | undefined {
  if (value === null) return undefined;
  if (typeof value === 'number') {
    if (field === 'municipalityCode' && Number.isInteger(value) && value >= 0 && value < 10_000) return String(value).padStart(4, '0');
    if (DATE_FIELDS.includes(field)) return excelSerialToIso(value) ?? String(value);
    return String(value);
  }
  const text = String(value).trim();
  if (text === '') return undefined;
  return isCoded(field) ? codeOf(field, text) : text;
}

/** A sheet row as the object the member schema validates; empty cells are fields left out. */
export function rowToCandidate(row: readonly CellReadValue[], fields: readonly (MemberField | undefined)[]): Record<string, string> {
  const candidate: Record<string, string> = {};
  fields.forEach((field, index) => {
    if (!field) return;
    const text = cellText(field, row[index] ?? null);
    if (text !== undefined) candidate[field] = text;
  });
  return candidate;
}
