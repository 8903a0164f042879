import type { CsvValue } from './csv';
import { toCsv } from './csv';
import type { FeeSchedule, MissingPopulation } from './fees';
import { feeBasisText } from './fees';
import type { Ore } from './money';
import { formatDecimal } from './money';
import type { Member } from './schemas';

export const VAT_CODES = ['outside-scope', 'standard-25'] as const;
export type VatCode = (typeof VAT_CODES)[number];
/** Member fees between public bodies are normally outside the scope of VAT. */
export const VAT_RATE_PERCENT: Readonly<Record<VatCode, number>> = { 'outside-scope': 0, 'standard-25': 25 };

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
export function invoiceLines(schedule: FeeSchedule, members: readonly Member[], vatCode: VatCode = 'outside-scope'): InvoiceResult {
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
      description: `Medlemsavgift Samverkan Stockholmsregionen ${schedule.year}`,
      basis: feeBasisText(line.basis),
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
  /** The CSV header: the field's name, amounts without the unit. */
  header: string;
  kind: InvoiceLine[F] extends string ? 'text' : 'money' | 'number';
};
export type InvoiceColumn = { [F in keyof InvoiceLine]: InvoiceColumnOf<F> }[keyof InvoiceLine];

/**
 * R5: the invoice list's columns in order. The CSV of GET /invoices and the pane's invoice
 * sheet both follow it, so a file and a sheet of the same year line up column for column.
 */
export const INVOICE_COLUMNS = [
  { field: 'memberId', header: 'memberId', kind: 'text' },
  { field: 'name', header: 'name', kind: 'text' },
  { field: 'organisationNumber', header: 'organisationNumber', kind: 'text' },
  { field: 'invoiceReference', header: 'invoiceReference', kind: 'text' },
  { field: 'description', header: 'description', kind: 'text' },
  { field: 'basis', header: 'basis', kind: 'text' },
  { field: 'amountOre', header: 'amount', kind: 'money' },
  { field: 'vatCode', header: 'vatCode', kind: 'text' },
  { field: 'vatRatePercent', header: 'vatRatePercent', kind: 'number' },
  { field: 'vatOre', header: 'vat', kind: 'money' },
  { field: 'totalOre', header: 'total', kind: 'money' },
] as const satisfies readonly InvoiceColumn[];

export const INVOICE_CSV_HEADER = INVOICE_COLUMNS.map((column) => column.header);

function csvValue(line: InvoiceLine, column: InvoiceColumn): CsvValue {
  const value = line[column.field];
  if (typeof value === 'string') return value;
  return { number: column.kind === 'money' ? formatDecimal(value) : String(value) };
}

/**
 * The invoice list as CSV: comma separated, plain decimals (`165949.50`), CRLF. Safe to open
 * in Excel under either list separator (see csv.ts): text that could run as a formula is not.
 */
export function invoicesToCsv(lines: readonly InvoiceLine[]): string {
  return toCsv([INVOICE_CSV_HEADER, ...lines.map((line) => INVOICE_COLUMNS.map((column) => csvValue(line, column)))], ',');
}
