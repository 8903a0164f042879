import type { FeeSchedule, MissingPopulation } from './fees';
import { feeBasisText } from './fees';
import type { Ore } from './money';
import { formatDecimal } from './money';
import type { Member } from './schemas';

/** Member fees between public bodies are normally outside the scope of VAT. */
export const VAT_CODES = { 'outside-scope': 0, 'standard-25': 25 } as const;
export type VatCode = keyof typeof VAT_CODES;

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
  const rate = VAT_CODES[vatCode];
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

/** A cell a spreadsheet would run as a formula is written as text (OWASP CSV injection). */
export function csvSafeCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const INVOICE_CSV_HEADER = [
  'memberId',
  'name',
  'organisationNumber',
  'invoiceReference',
  'description',
  'basis',
  'amount',
  'vatCode',
  'vatRatePercent',
  'vat',
  'total',
] as const;

/** The invoice list as CSV (comma separated, plain decimals, CRLF), safe to open in Excel. */
export function invoicesToCsv(lines: readonly InvoiceLine[]): string {
  const rows = lines.map((line) =>
    [
      line.memberId,
      line.name,
      line.organisationNumber,
      line.invoiceReference,
      line.description,
      line.basis,
      formatDecimal(line.amountOre),
      line.vatCode,
      String(line.vatRatePercent),
      formatDecimal(line.vatOre),
      formatDecimal(line.totalOre),
    ]
      .map(csvSafeCell)
      .join(','),
  );
  return [INVOICE_CSV_HEADER.join(','), ...rows].join('\r\n') + '\r\n';
}
