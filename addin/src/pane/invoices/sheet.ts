import type { InvoiceLine, Snapshot } from '@ssr/shared';
import { feeSchedule, invoiceLines, oreToKronor } from '@ssr/shared';
import type { MissingPopulation } from '@ssr/shared';
import type { CellInput, WorkbookPort } from '../../excel/port';
import { SEK_FORMAT } from '../budget/layout';

/** R5: the year's invoice lines from the shared engine, on the snapshot the formulas use. */
export type InvoicePlan =
  | { ok: true; lines: InvoiceLine[] }
  | { ok: false; reason: 'no-rule' }
  | { ok: false; reason: 'missing-population'; missing: MissingPopulation[] };

export function invoicePlan(snapshot: Snapshot, year: number): InvoicePlan {
  const schedule = feeSchedule(snapshot, year, 'exact');
  if (!schedule.ok) return { ok: false, reason: 'no-rule' };
  const result = invoiceLines(schedule.value, snapshot.members);
  if (result.ok) return { ok: true, lines: result.lines };
  // Exact mode is asked for above, so the only refusal left is a missing figure.
  return { ok: false, reason: 'missing-population', missing: result.reason === 'missing-population' ? result.missing : [] };
}

export function invoiceTableName(year: number): string {
  return `SSR_Invoices_${year}`;
}

function lineRow(line: InvoiceLine): CellInput[] {
  return [
    line.memberId,
    line.name,
    line.organisationNumber,
    line.invoiceReference,
    line.description,
    line.basis,
    oreToKronor(line.amountOre),
    line.vatCode,
    line.vatRatePercent,
    oreToKronor(line.vatOre),
    oreToKronor(line.totalOre),
  ];
}

/**
 * The invoice list as a table, every text cell written as text (a name such as `=cmd()` stays
 * a name), amounts in SEK, and a total under the table.
 */
export async function writeInvoiceSheet(
  workbook: WorkbookPort,
  input: { sheet: string; year: number; headers: readonly string[]; totalLabel: string; lines: readonly InvoiceLine[] },
): Promise<void> {
  const text = { numberFormat: '@' };
  const sek = { numberFormat: SEK_FORMAT };
  await workbook.resetSheet(input.sheet);
  await workbook.writeTable({
    sheet: input.sheet,
    name: invoiceTableName(input.year),
    headers: [...input.headers],
    rows: input.lines.map(lineRow),
    columns: [
      { ...text, width: 140 },
      { ...text, width: 220 },
      { ...text, width: 120 },
      { ...text, width: 120 },
      { ...text, width: 260 },
      { ...text, width: 260 },
      { ...sek, width: 110 },
      { ...text, width: 90 },
      { numberFormat: '0', width: 60 },
      { ...sek, width: 100 },
      { ...sek, width: 110 },
    ],
  });
  const totalRow = input.lines.length + 3;
  const last = input.lines.length + 1;
  await workbook.writeRange(input.sheet, `A${totalRow}`, [
    [input.totalLabel, null, null, null, null, null, { formula: `=SUM(G2:G${last})` }, null, null, { formula: `=SUM(J2:J${last})` }, { formula: `=SUM(K2:K${last})` }],
  ]);
  await workbook.formatRange(input.sheet, `A${totalRow}:K${totalRow}`, { bold: true });
  await workbook.formatRange(input.sheet, `G${totalRow}:K${totalRow}`, sek);
  await workbook.activateSheet(input.sheet);
}
