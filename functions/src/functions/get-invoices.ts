import type { HttpResponseInit } from '@azure/functions';
import type { InvoiceList } from '@ssr/shared';
import { INVOICE_CSV_BOM, feeSchedule, invoiceLines, invoicesToCsv } from '@ssr/shared';
import { feeProblem, missingPopulations } from '../fee-problems';
import { queryYear } from '../http/request';
import { ok } from '../http/responses';
import type { ApiCall } from '../http/route';
import { engineRegister } from '../stored-register';

/** Whether the client asks for CSV before JSON. */
function wantsCsv(accept: string | null): boolean {
  if (accept === null) return false;
  const types = accept.split(',').map((part) => part.split(';')[0]?.trim().toLowerCase());
  const csv = types.indexOf('text/csv');
  const json = types.findIndex((type) => type === 'application/json' || type === '*/*');
  return csv !== -1 && (json === -1 || csv < json);
}

/** The CSV's file name in the caller's language. */
const FILE_NAME = { sv: (year: number) => `fakturor-${year}.csv`, en: (year: number) => `invoices-${year}.csv` } as const;

/**
 * GET /invoices?year=Y: R5 invoice lines on final figures (exact mode). `Accept: text/csv`
 * gives CSV whose cells cannot run as formulas in a spreadsheet, for the Excel of the
 * caller's language (Accept-Language): Swedish `;` and decimal comma, or English `,` and point.
 */
export async function getInvoices({ request, services, signal, lang }: ApiCall): Promise<HttpResponseInit> {
  const year = queryYear(request);
  if (!year.ok) return year.response;
  const register = engineRegister(await services.readRegister(signal));
  const schedule = feeSchedule(register, year.value, 'exact');
  if (!schedule.ok) return feeProblem(lang, schedule.error);
  const invoices = invoiceLines(schedule.value, register.members, 'outside-scope', lang);
  if (!invoices.ok) {
    // Exact mode is asked for above, so only missing figures can refuse the invoices.
    return missingPopulations(lang, invoices.reason === 'missing-population' ? invoices.missing : schedule.value.missing);
  }
  if (wantsCsv(request.headers.get('accept'))) {
    return {
      status: 200,
      // The byte order mark makes Excel read the file as UTF-8 (å, ä, ö).
      body: `${INVOICE_CSV_BOM}${invoicesToCsv(invoices.lines, lang)}`,
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${FILE_NAME[lang](year.value)}"`,
        'content-language': lang,
      },
    };
  }
  return ok({ year: year.value, lines: invoices.lines } satisfies InvoiceList);
}
