import type { CsvSeparator, CsvValue } from './csv';
import { toCsv } from './csv';
import type { FeeSchedule, MissingPopulation } from './fees';
import type { Lang } from './lang';
import { feeBasisText } from './fees';
import type { Ore } from './money';
import { formatDecimal } from './money';
import type { Member } from './schemas';

export const VAT_CODES = ['outside-scope', 'standard-25'] as const;
export type VatCode = (typeof VAT_CODES)[number];
/** Member fees between public bodies are normally outside the scope of VAT. */
export const VAT_RATE_PERCENT: Readonly<Record<VatCode, number>> = { 'outside-scope': 0, 'standard-25': 25 };

/** A VAT code as finance staff and an ERP import read it. */
export const VAT_TEXT: Readonly<Record<Lang, Record<VatCode, string>>> = {
  sv: { 'outside-scope': 'Utanför momsens tillämpningsområde', 'standard-25': 'Moms 25 %' },
  en: { 'outside-scope': 'Outside the scope of VAT', 'standard-25': 'VAT 25 %' },
};

/** What an invoice line says it is for, in the invoice's language. */
const DESCRIPTION: Readonly<Record<Lang, (year: number) => string>> = {
  sv: (year) => `Medlemsavgift Samverkan Stockholmsregionen ${year}`,
  en: (year) => `Membership fee Samverkan Stockholmsregionen ${year}`,
};

export interface InvoiceLine {
  memberId: string;
  name: string;
  organisationNumber: string;
  invoiceReference: string;
  description: string;
  basis: string;
  amountOre: Ore;
  vatCode: VatCode;
  vatRatePercent: number;
  vatOre: Ore;
  totalOre: Ore;
}

export type InvoiceResult =
  | { ok: true; lines: InvoiceLine[] }
  | { ok: false; reason: 'estimate'; message: string }
  | { ok: false; reason: 'missing-population'; missing: MissingPopulation[]; message: string };

/**
 * R5: a year's fees are invoiced at its end, on final figures. So invoices need an exact
 * schedule with no population missing; anything else is refused, never half invoiced.
 */
export function invoiceLines(schedule: FeeSchedule, members: readonly Member[], vatCode: VatCode = 'outside-scope', lang: Lang = 'sv'): InvoiceResult {
  if (schedule.mode !== 'exact') {
    return { ok: false, reason: 'estimate', message: 'Invoices use final population figures: compute the schedule in exact mode.' };
  }
  if (schedule.missing.length > 0) {
    const names = schedule.missing.map((gap) => gap.name).join(', ');
    return {
      ok: false,
      reason: 'missing-population',
      missing: schedule.missing,
      message: `Population figures are missing for ${names}: import them before invoicing ${schedule.year}.`,
    };
  }
  const byId = new Map(members.map((member) => [member.id, member]));
  const rate = VAT_RATE_PERCENT[vatCode];
  const lines = schedule.lines.map((line) => {
    const member = byId.get(line.memberId);
    // VAT in whole öre, rounded half up.
    const vatOre = Math.floor((line.amountOre * rate + 50) / 100);
    return {
      memberId: line.memberId,
      name: line.name,
      organisationNumber: member?.organisationNumber ?? '',
      invoiceReference: member?.invoiceReference ?? '',
      description: DESCRIPTION[lang](schedule.year),
      basis: feeBasisText(line.basis, lang),
      amountOre: line.amountOre,
      vatCode,
      vatRatePercent: rate,
      vatOre,
      totalOre: line.amountOre + vatOre,
    };
  });
  return { ok: true, lines };
}

/** How a column's values are written: text as it is, öre as kronor, a plain number. */
export type InvoiceColumnKind = 'text' | 'money' | 'number';

type InvoiceColumnOf<F extends keyof InvoiceLine> = {
  field: F;
  /** The header of the CSV and of the pane's sheet, per language; amounts without the unit. */
  header: Readonly<Record<Lang, string>>;
  kind: InvoiceLine[F] extends string ? 'text' : 'money' | 'number';
};
export type InvoiceColumn = { [F in keyof InvoiceLine]: InvoiceColumnOf<F> }[keyof InvoiceLine];

/**
 * R5: the invoice list's columns in order. The CSV of GET /invoices and the pane's invoice
 * sheet both follow it, so a file and a sheet of the same year line up column for column.
 */
export const INVOICE_COLUMNS = [
  { field: 'memberId', header: { sv: 'Id', en: 'Id' }, kind: 'text' },
  { field: 'name', header: { sv: 'Namn', en: 'Name' }, kind: 'text' },
  { field: 'organisationNumber', header: { sv: 'Organisationsnummer', en: 'Organisation number' }, kind: 'text' },
  { field: 'invoiceReference', header: { sv: 'Fakturareferens', en: 'Invoice reference' }, kind: 'text' },
  { field: 'description', header: { sv: 'Beskrivning', en: 'Description' }, kind: 'text' },
  { field: 'basis', header: { sv: 'Underlag', en: 'Basis' }, kind: 'text' },
  { field: 'amountOre', header: { sv: 'Belopp', en: 'Amount' }, kind: 'money' },
  { field: 'vatCode', header: { sv: 'Momsbehandling', en: 'VAT treatment' }, kind: 'text' },
  { field: 'vatRatePercent', header: { sv: 'Moms %', en: 'VAT %' }, kind: 'number' },
  { field: 'vatOre', header: { sv: 'Moms', en: 'VAT' }, kind: 'money' },
  { field: 'totalOre', header: { sv: 'Totalt', en: 'Total' }, kind: 'money' },
] as const satisfies readonly InvoiceColumn[];

/** The CSV's header row in a language. */
export function invoiceCsvHeader(lang: Lang): string[] {
  return INVOICE_COLUMNS.map((column) => column.header[lang]);
}

/** The label of the row under the lines that sums each amount. */
export const INVOICE_TOTAL_LABEL: Readonly<Record<Lang, string>> = { sv: 'Summa', en: 'Total' };

/**
 * How a file in each language is written: Swedish Excel splits on `;` and reads a decimal
 * comma; English Excel splits on `,` and reads a decimal point.
 */
const CSV_FORMAT: Readonly<Record<Lang, { separator: CsvSeparator; decimal: '.' | ',' }>> = {
  sv: { separator: ';', decimal: ',' },
  en: { separator: ',', decimal: '.' },
};

/** An invoice line's cell as text the way a person reads it (the VAT code in words). */
export function invoiceCellText(line: InvoiceLine, column: InvoiceColumn, lang: Lang): string | number {
  const value = line[column.field];
  if (column.field === 'vatCode') return VAT_TEXT[lang][line.vatCode];
  return value;
}

function csvNumber(value: number, kind: InvoiceColumnKind, lang: Lang): CsvValue {
  const text = kind === 'money' ? formatDecimal(value) : String(value);
  return { number: CSV_FORMAT[lang].decimal === ',' ? text.replace('.', ',') : text };
}

function csvValue(line: InvoiceLine, column: InvoiceColumn, lang: Lang): CsvValue {
  const value = invoiceCellText(line, column, lang);
  return typeof value === 'string' ? value : csvNumber(value, column.kind, lang);
}

/** The row under the lines: its label, and the sum of each amount column. */
function totalRow(lines: readonly InvoiceLine[], lang: Lang): CsvValue[] {
  return INVOICE_COLUMNS.map((column, index): CsvValue => {
    if (index === 0) return INVOICE_TOTAL_LABEL[lang];
    if (column.kind !== 'money') return '';
    const field = column.field;
    return csvNumber(lines.reduce((sum, line) => sum + line[field], 0), 'money', lang);
  });
}

/**
 * The invoice list as CSV for Excel and an ERP import in the invoice's language: in Swedish
 * `;` between cells and decimal commas (`165949,50`), in English `,` and decimal points;
 * headers and VAT wording in the language; CRLF; a total row under the lines. Safe to open
 * under either list separator (see csv.ts): text that could run as a formula is not. The
 * byte order mark that makes Excel read UTF-8 is the sender's to add (INVOICE_CSV_BOM).
 */
export function invoicesToCsv(lines: readonly InvoiceLine[], lang: Lang = 'sv'): string {
  const rows = [invoiceCsvHeader(lang), ...lines.map((line) => INVOICE_COLUMNS.map((column) => csvValue(line, column, lang))), totalRow(lines, lang)];
  return toCsv(rows, CSV_FORMAT[lang].separator);
}

/** UTF-8's byte order mark: without it Excel reads "Södertälje" in the local code page. */
export const INVOICE_CSV_BOM = '\uFEFF';
