import type { InvoiceColumn, InvoiceColumnKind, InvoiceLine, Lang, Member, MissingPopulation, Snapshot } from '@ssr/shared';
import { feeSchedule, INVOICE_COLUMNS, INVOICE_TOTAL_LABEL, invoiceCellText, invoiceCsvHeader, invoiceLines, membersInYear, oreToKronor } from '@ssr/shared';
import { columnLetters } from '../../excel/address';
import type { CellInput, WorkbookPort } from '../../excel/port';
import { SEK_FORMAT } from '../budget/layout';

/** R5: the year's invoice lines from the shared engine, on the snapshot the formulas use. */
export type InvoicePlan =
  | { ok: true; lines: InvoiceLine[] }
  | { ok: false; reason: 'no-rule' }
  | { ok: false; reason: 'missing-population'; missing: MissingPopulation[] };

export function invoicePlan(snapshot: Snapshot, year: number, lang: Lang): InvoicePlan {
  const schedule = feeSchedule(snapshot, year, 'exact');
  if (!schedule.ok) return { ok: false, reason: 'no-rule' };
  const result = invoiceLines(schedule.value, snapshot.members, 'outside-scope', lang);
  if (result.ok) return { ok: true, lines: result.lines };
  // Exact mode is asked for above, so the only refusal left is a missing figure.
  return { ok: false, reason: 'missing-population', missing: result.reason === 'missing-population' ? result.missing : [] };
}

/**
 * The year's members that an invoice cannot be addressed to as it stands: no organisation
 * number or no invoice reference. Sorted by name, so the warning reads as a list.
 */
export function membersLackingInvoiceDetails(snapshot: Snapshot, year: number): Member[] {
  return membersInYear(snapshot.members, year)
    .filter((member) => !member.organisationNumber || !member.invoiceReference)
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}

export function invoiceTableName(year: number): string {
  return `SSR_Invoices_${year}`;
}

/** Widths in points; the columns and their order are the CSV's (INVOICE_COLUMNS). */
const WIDTHS: Readonly<Record<InvoiceColumn['field'], number>> = {
  memberId: 140,
  name: 220,
  organisationNumber: 120,
  invoiceReference: 120,
  description: 260,
  basis: 260,
  amountOre: 110,
  vatCode: 90,
  vatRatePercent: 60,
  vatOre: 100,
  totalOre: 110,
};

const NUMBER_FORMATS: Readonly<Record<InvoiceColumnKind, string>> = { text: '@', money: SEK_FORMAT, number: '0' };

function cell(line: InvoiceLine, column: InvoiceColumn, lang: Lang): CellInput {
  const value = invoiceCellText(line, column, lang);
  if (typeof value === 'string') return value;
  return column.kind === 'money' ? oreToKronor(value) : value;
}

/**
 * The invoice list as a table, every text cell written as text (a name such as `=cmd()` stays
 * a name), amounts in SEK, and a total of each amount under the table.
 */
export async function writeInvoiceSheet(
  workbook: WorkbookPort,
  input: { sheet: string; year: number; lang: Lang; lines: readonly InvoiceLine[] },
): Promise<void> {
  await workbook.resetSheet(input.sheet);
  await workbook.writeTable({
    sheet: input.sheet,
    name: invoiceTableName(input.year),
    headers: invoiceCsvHeader(input.lang),
    rows: input.lines.map((line) => INVOICE_COLUMNS.map((column) => cell(line, column, input.lang))),
    columns: INVOICE_COLUMNS.map((column) => ({ numberFormat: NUMBER_FORMATS[column.kind], width: WIDTHS[column.field] })),
  });
  const totalRow = input.lines.length + 3;
  const last = input.lines.length + 1;
  const money = INVOICE_COLUMNS.flatMap((column, index) => (column.kind === 'money' ? [columnLetters(index)] : []));
  const totals = INVOICE_COLUMNS.map((column, index): CellInput => {
    if (index === 0) return INVOICE_TOTAL_LABEL[input.lang];
    const letter = columnLetters(index);
    return column.kind === 'money' ? { formula: `=SUM(${letter}2:${letter}${last})` } : null;
  });
  await workbook.writeRange(input.sheet, `A${totalRow}`, [totals]);
  await workbook.formatRange(input.sheet, `A${totalRow}:${columnLetters(INVOICE_COLUMNS.length - 1)}${totalRow}`, { bold: true });
  const [firstMoney] = money;
  const lastMoney = money.at(-1);
  if (firstMoney !== undefined && lastMoney !== undefined) {
    await workbook.formatRange(input.sheet, `${firstMoney}${totalRow}:${lastMoney}${totalRow}`, { numberFormat: SEK_FORMAT });
  }
  await workbook.activateSheet(input.sheet);
}
