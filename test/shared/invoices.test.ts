import { describe, expect, it } from 'vitest';
import { CSV_SEPARATORS, INVOICE_COLUMNS, SEED_REGISTER, csvCell, feeSchedule, invoiceCsvHeader, invoiceLines, invoicesToCsv, parseDecimal, toCsv } from '@ssr/shared';
import type { CsvValue, FeeMode, FeeSchedule, InvoiceLine, Member, Register } from '@ssr/shared';
import { formulaFields, readCsv } from '../support/csv';
import { actor, feeRule, figure, municipality, sumOre } from './support/register';

function schedule(register: Register, year: number, mode: FeeMode): FeeSchedule {
  const result = feeSchedule(register, year, mode);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function lines(register: Register, year: number, lang: 'sv' | 'en' = 'sv'): InvoiceLine[] {
  const result = invoiceLines(schedule(register, year, 'exact'), register.members, 'outside-scope', lang);
  if (!result.ok) throw new Error(result.message);
  return result.lines;
}

describe('R5 invoicing: on final figures only', () => {
  it('refuses an estimate schedule', () => {
    const result = invoiceLines(schedule(SEED_REGISTER, 2024, 'estimate'), SEED_REGISTER.members);
    expect(result).toEqual({
      ok: false,
      reason: 'estimate',
      message: 'Invoices use final population figures: compute the schedule in exact mode.',
    });
  });

  it('refuses 2025 while six municipalities lack the figure of 31 Dec 2024, naming them', () => {
    const result = invoiceLines(schedule(SEED_REGISTER, 2025, 'exact'), SEED_REGISTER.members);
    expect(result.ok).toBe(false);
    if (result.ok || result.reason !== 'missing-population') throw new Error('expected missing populations');
    expect(result.missing.map((gap) => gap.name)).toEqual(['Vallentuna', 'Värmdö', 'Salem', 'Tyresö', 'Upplands-Bro', 'Nykvarn']);
    expect(result.message).toBe(
      'Population figures are missing for Vallentuna, Värmdö, Salem, Tyresö, Upplands-Bro, Nykvarn: import them before invoicing 2025.',
    );
  });

  it('invoices 2024 for all 37 members, summing to 7 602 231,50 kr', () => {
    const invoices = lines(SEED_REGISTER, 2024);
    expect(invoices).toHaveLength(37);
    expect(sumOre(invoices.map((l) => l.amountOre))).toBe(760_223_150);
    expect(sumOre(invoices.map((l) => l.totalOre))).toBe(760_223_150);
  });

  it('each line carries VAT code outside scope, 0 %, no VAT', () => {
    for (const line of lines(SEED_REGISTER, 2024)) {
      expect(line).toMatchObject({ vatCode: 'outside-scope', vatRatePercent: 0, vatOre: 0, totalOre: line.amountOre });
      expect(line.description).toBe('Medlemsavgift Samverkan Stockholmsregionen 2024');
    }
  });

  it('a line says how the fee was reached', () => {
    const nacka = lines(SEED_REGISTER, 2024).find((l) => l.memberId === 'nacka');
    expect(nacka).toMatchObject({ name: 'Nacka', amountOre: 16_594_950, basis: '1,50\u00a0kr × 110\u00a0633 inv. (31 dec 2023)' });
  });

  it.each([
    { amountOre: 16_594_950, vatOre: 4_148_738 },
    { amountOre: 2, vatOre: 1 },
    { amountOre: 1, vatOre: 0 },
    { amountOre: 28_000_000, vatOre: 7_000_000 },
  ])('standard 25 % VAT on $amountOre öre is $vatOre öre, rounded half up', ({ amountOre, vatOre }) => {
    const member = actor('sos-alarm', 'SOS Alarm', 'single');
    const register = { members: [member], populations: [], feeRules: [feeRule(2024, ['sos-alarm'], { singleFeeOre: amountOre })] };
    const result = invoiceLines(schedule(register, 2024, 'exact'), register.members, 'standard-25');
    expect(result.ok && result.lines[0]).toMatchObject({ vatCode: 'standard-25', vatRatePercent: 25, amountOre, vatOre, totalOre: amountOre + vatOre });
  });

  it('carries the organisation number and invoice reference from the register', () => {
    const member: Member = { ...actor('trafikverket', 'Trafikverket', 'double'), organisationNumber: '202100-2148', invoiceReference: 'Ref 4711' };
    const register = { members: [member], populations: [], feeRules: [feeRule(2024, ['trafikverket'])] };
    expect(lines(register, 2024)[0]).toMatchObject({ organisationNumber: '202100-2148', invoiceReference: 'Ref 4711' });
  });
});

const INVOICE_CSV_HEADER = invoiceCsvHeader('en');

describe('invoice CSV for English Excel (",", decimal point), safe to open in Excel', () => {
  const members = [
    actor('cmd', '=cmd()', 'single'),
    actor('plus', '+46 8 123', 'single'),
    actor('minus', '-2+3', 'single'),
    actor('at', '@SUM(A1)', 'single'),
    actor('comma', 'Försvarsmakten, Mellersta militärregionen', 'double'),
    actor('quote', 'Bolaget "Hamnen"', 'single'),
    municipality('0182', 'Nacka', 'Mitt'),
  ];
  const register = { members, populations: [figure('0182', 2023, 110_633)], feeRules: [feeRule(2024, members.map((m) => m.id))] };
  const csv = invoicesToCsv(lines(register, 2024, 'en'), 'en');
  const rows = readCsv(csv, ',', { strict: true });

  it('starts with the header and ends every row with CRLF', () => {
    expect(csv.startsWith(`${INVOICE_CSV_HEADER.join(',')}\r\n`)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(rows).toHaveLength(1 + members.length + 1);
    for (const row of rows) expect(row).toHaveLength(INVOICE_CSV_HEADER.length);
  });

  it.each([
    { id: 'cmd', cell: "'=cmd()" },
    { id: 'plus', cell: "'+46 8 123" },
    { id: 'minus', cell: "'-2+3" },
    { id: 'at', cell: "'@SUM(A1)" },
    { id: 'comma', cell: 'Försvarsmakten, Mellersta militärregionen' },
    { id: 'quote', cell: 'Bolaget "Hamnen"' },
  ])('writes the name of $id as the text $cell', ({ id, cell }) => {
    expect(rows.find((row) => row[0] === id)?.[1]).toBe(cell);
  });

  it('quotes cells with commas and doubles their quotes', () => {
    expect(csv).toContain(',"Försvarsmakten, Mellersta militärregionen",');
    expect(csv).toContain(',"Bolaget ""Hamnen""",');
    expect(csv).toContain("\r\ncmd,'=cmd(),");
  });

  it('amounts are plain decimals that sum to the schedule total', () => {
    const at = (name: (typeof INVOICE_CSV_HEADER)[number]) => INVOICE_CSV_HEADER.indexOf(name);
    const amounts = rows.slice(1, -1).map((row) => parseDecimal(row[at('Amount')] ?? ''));
    expect(amounts).not.toContain(undefined);
    const total = sumOre(amounts.map((amount) => amount ?? 0));
    expect(total).toBe(schedule(register, 2024, 'exact').totals.all);
    expect(total).toBe(5 * 28_000_000 + 56_000_000 + 16_594_950);
    expect(rows.find((row) => row[0] === 'kommun-0182')?.[at('Amount')]).toBe('165949.50');
    expect(rows.find((row) => row[0] === 'kommun-0182')?.[at('VAT treatment')]).toBe('Outside the scope of VAT');
    expect(rows.at(-1)?.[0]).toBe('Total');
    expect(parseDecimal(rows.at(-1)?.[at('Amount')] ?? '')).toBe(total);
  });
});

describe('csvCell', () => {
  it.each<{ value: CsvValue; cell: string }>([
    { value: 'Nacka', cell: 'Nacka' },
    { value: '=1+1', cell: "'=1+1" },
    { value: '+1', cell: "'+1" },
    { value: '-1', cell: "'-1" },
    { value: '@A1', cell: "'@A1" },
    { value: '\tTAB', cell: `"'\tTAB"` },
    { value: '\r=1', cell: `"'\r'=1"` },
    { value: '=HYPERLINK("x","y")', cell: `"'=HYPERLINK(""x"",""y"")"` },
    { value: 'a,b', cell: '"a,b"' },
    { value: 'a;b', cell: '"a;b"' },
    { value: 'a\tb', cell: '"a\tb"' },
    { value: 'two\r\nlines', cell: '"two\r\nlines"' },
    { value: "Kommun;=cmd|' /C calc'!A0;z", cell: `"Kommun;'=cmd|' /C calc'!A0;z"` },
    { value: 'a, -1+2', cell: `"a,' -1+2"` },
    { value: 'a;"=1+1', cell: `"a;'""=1+1"` },
    { value: '"@SUM(A1)"', cell: `"'""@SUM(A1)"""` },
    { value: 'rad ett\n+rad två', cell: `"rad ett\n'+rad två"` },
    { value: 'Stockholm-Arlanda, 1-2', cell: '"Stockholm-Arlanda, 1-2"' },
    { value: '', cell: '' },
    { value: { number: '-1234.50' }, cell: '-1234.50' },
    { value: { number: '-1234,50' }, cell: '"-1234,50"' },
    { value: { number: '25' }, cell: '25' },
    { value: { number: '-1+2' }, cell: "'-1+2" },
    { value: { number: '=1;2' }, cell: `"'=1;2"` },
  ])('$value → $cell', ({ value, cell }) => {
    expect(csvCell(value)).toBe(cell);
  });

  it.each<{ value: CsvValue; separator: ';' | ','; cell: string }>([
    { value: { number: '143388,00' }, separator: ';', cell: '143388,00' },
    { value: { number: '143388,00' }, separator: ',', cell: '"143388,00"' },
    { value: { number: '143388.00' }, separator: ',', cell: '143388.00' },
    { value: 'a,b', separator: ';', cell: '"a,b"' },
    { value: '=1;2', separator: ',', cell: `"'=1;2"` },
  ])('in a file on $separator: $value → $cell (a number is quoted only when it holds the separator)', ({ value, separator, cell }) => {
    expect(csvCell(value, separator)).toBe(cell);
  });
});

describe('CSV safe under either list separator (a file read on ",", ";" or tab)', () => {
  const hostile = [
    "Kommun;=cmd|' /C calc'!A0;z",
    '=cmd()',
    '+46 8 123',
    '-2+3',
    '@SUM(A1)',
    'Försvarsmakten, Mellersta militärregionen',
    'Försvarsmakten,=1+1',
    'Bolaget "Hamnen"',
    'Bolaget ";=Hamnen"',
    'a; "-1+2"',
    'Tab\t=1+1',
    'Två\r\nrader',
    'Rad\n@SUM(A1)',
    'Rad\r-2+3',
    '" =1+1',
  ];
  const values: CsvValue[][] = hostile.map((name, index) => [`m${index}`, name, { number: '-1234.50' }, { number: '25' }]);
  /** The text as given: without the ' put before each place where a formula could begin. */
  const unneutralised = (text: string | undefined) => text?.replace(/(^|[,;\t\r\n])'(?=[" ]*[=+\-@\t\r])/g, '$1');

  it.each(CSV_SEPARATORS.map((separator) => ({ name: JSON.stringify(separator), separator })))(
    'written with $name: no field runs a formula on any separator, and the file reads back on its own',
    ({ separator }) => {
      const csv = toCsv(values, separator);
      expect(formulaFields(csv)).toEqual([]);
      const rows = readCsv(csv, separator, { strict: true });
      expect(rows.map((row) => row[0])).toEqual(values.map((row) => row[0]));
      expect(rows.map((row) => unneutralised(row[1]))).toEqual(hostile);
      expect(rows.map((row) => row.slice(2))).toEqual(values.map(() => ['-1234.50', '25']));
    },
  );

  it('changes only text where a formula could begin', () => {
    const rows = readCsv(toCsv(values, ','), ',', { strict: true });
    const changed = rows.filter((row, index) => row[1] !== hostile[index]).map((row) => row[1]);
    expect(changed).toEqual([
      "Kommun;'=cmd|' /C calc'!A0;z",
      "'=cmd()",
      "'+46 8 123",
      "'-2+3",
      "'@SUM(A1)",
      "Försvarsmakten,'=1+1",
      `Bolaget ";'=Hamnen"`,
      `a;' "-1+2"`,
      "Tab\t'=1+1",
      "Rad\n'@SUM(A1)",
      "Rad\r'-2+3",
      `'" =1+1`,
    ]);
  });

  it('the invoice CSV: hostile member names, read on ",", ";" or tab, run nothing and read back', () => {
    const members = [...hostile.map((name, index) => actor(`m${index}`, name, 'single')), municipality('0182', 'Nacka', 'Mitt')];
    const register = { members, populations: [figure('0182', 2023, 110_633)], feeRules: [feeRule(2024, members.map((m) => m.id))] };
    const csv = invoicesToCsv(lines(register, 2024, 'en'), 'en');
    expect(formulaFields(csv)).toEqual([]);
    const rows = readCsv(csv, ',', { strict: true });
    expect(rows.slice(1, -2).map((row) => unneutralised(row[1]))).toEqual(hostile);
    expect(rows.find((row) => row[0] === 'm0')?.[1]).toBe("Kommun;'=cmd|' /C calc'!A0;z");
    // Excel under Swedish settings reads the comma separated file on ";": the name's own ";" cuts it, never into a formula.
    const swedish = readCsv(csv, ';').find((row) => row[0]?.startsWith('m0,'));
    expect(swedish?.slice(0, 2)).toEqual(['m0,"Kommun', "'=cmd|' /C calc'!A0"]);
  });
});

describe('INVOICE_COLUMNS (R5: the CSV and the pane\'s invoice sheet share one column order)', () => {
  it('names every field of an invoice line once', () => {
    const [line] = lines(SEED_REGISTER, 2024);
    expect(INVOICE_COLUMNS.map((column) => column.field).sort()).toEqual(Object.keys(line ?? {}).sort());
  });

  it('gives the CSV its header, in the columns\' order', () => {
    expect(INVOICE_CSV_HEADER).toEqual(INVOICE_COLUMNS.map((column) => column.header.en));
    expect(invoicesToCsv([], 'en').split('\r\n')[0]).toBe(
      'Id,Name,Organisation number,Invoice reference,Description,Basis,Amount,VAT treatment,VAT %,VAT,Total',
    );
    expect(invoicesToCsv([], 'sv').split('\r\n')[0]).toBe(
      'Id;Namn;Organisationsnummer;Fakturareferens;Beskrivning;Underlag;Belopp;Momsbehandling;Moms %;Moms;Totalt',
    );
  });
});

describe('invoice CSV for Swedish Excel and an ERP import (";", decimal comma, Swedish words)', () => {
  const members = [
    actor('cmd', "Kommun;=cmd|' /C calc'!A0", 'single'),
    actor('plus', '+46 8 123', 'double'),
    actor('comma', 'Försvarsmakten, Mellersta militärregionen', 'single'),
    municipality('0182', 'Nacka', 'Mitt'),
    municipality('0181', 'Södertälje', 'Syd'),
  ];
  const register = {
    members,
    populations: [figure('0182', 2023, 110_633), figure('0181', 2023, 102_519)],
    feeRules: [feeRule(2024, members.map((m) => m.id))],
  };
  const csv = invoicesToCsv(lines(register, 2024), 'sv');
  const rows = readCsv(csv, ';', { strict: true });
  const header = invoiceCsvHeader('sv');
  const at = (name: string) => header.indexOf(name);

  it('has Swedish headers, ";" between cells and CRLF after every row', () => {
    expect(csv.startsWith('Id;Namn;Organisationsnummer;Fakturareferens;Beskrivning;Underlag;Belopp;Momsbehandling;Moms %;Moms;Totalt\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const row of rows) expect(row).toHaveLength(header.length);
  });

  it('writes amounts with a decimal comma, bare, as numbers an import reads', () => {
    expect(csv).toContain(';165949,50;Utanför momsens tillämpningsområde;0;0,00;165949,50\r\n');
    expect(rows.find((row) => row[0] === 'plus')?.[at('Belopp')]).toBe('560000,00');
  });

  it('says the VAT treatment and the basis in Swedish, never the code', () => {
    const nacka = rows.find((row) => row[0] === 'kommun-0182');
    expect(nacka?.[at('Momsbehandling')]).toBe('Utanför momsens tillämpningsområde');
    expect(nacka?.[at('Beskrivning')]).toBe('Medlemsavgift Samverkan Stockholmsregionen 2024');
    expect(nacka?.[at('Underlag')]).toBe('1,50\u00a0kr × 110\u00a0633 inv. (31 dec 2023)');
    expect(csv).not.toContain('outside-scope');
  });

  it('ends with a total row whose amounts are the sums of the lines', () => {
    const total = rows.at(-1) ?? [];
    expect(total[0]).toBe('Summa');
    const sum = (column: string) => sumOre(rows.slice(1, -1).map((row) => parseDecimal(row[at(column)] ?? '') ?? Number.NaN));
    for (const column of ['Belopp', 'Moms', 'Totalt']) expect(parseDecimal(total[at(column)] ?? '')).toBe(sum(column));
    expect(parseDecimal(total[at('Belopp')] ?? '')).toBe(schedule(register, 2024, 'exact').totals.all);
    expect(total[at('Namn')]).toBe('');
  });

  it('neutralises a formula in a name and keeps the name one cell under ";"', () => {
    expect(csv).toContain(`\r\ncmd;"Kommun;'=cmd|' /C calc'!A0";`);
    expect(rows.find((row) => row[0] === 'cmd')?.[1]).toBe("Kommun;'=cmd|' /C calc'!A0");
    expect(rows.find((row) => row[0] === 'plus')?.[1]).toBe("'+46 8 123");
    expect(formulaFields(csv)).toEqual([]);
  });

  it('in English: English description, basis and VAT wording, no Swedish words', () => {
    const english = invoicesToCsv(lines(register, 2024, 'en'), 'en');
    const nacka = readCsv(english, ',', { strict: true }).find((row) => row[0] === 'kommun-0182');
    expect(nacka?.slice(4, 8)).toEqual([
      'Membership fee Samverkan Stockholmsregionen 2024',
      '1,50\u00a0kr × 110\u00a0633 inhabitants (31 Dec 2023)',
      '165949.50',
      'Outside the scope of VAT',
    ]);
    expect(english.replace(/Försvarsmakten, Mellersta militärregionen|Södertälje/g, '')).not.toMatch(/[åäöÅÄÖ]|inv\.|Medlemsavgift|Summa/);
  });
});
