import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Lang } from '@ssr/shared';
import { cellHost, DATA_TYPES_REQUIREMENT, isFormattedNumber, supportsDataTypes } from '../../../addin/src/custom-functions';
import { DATE_TIME_FORMAT, excelDateTime } from '../../../addin/src/custom-functions/compute';
import { startStack } from '../../support/stack';
import type { Stack } from '../../support/stack';
import { cellError, excel, installCustomFunctionsStandIn, sek, testClock, useFunctions } from './support';
import type { CellHost } from './support';

/** A host with the CustomFunctionsRuntime requirement sets up to 1.<highest>. */
const upTo = (highest: number) => (set: string, version: string) => set === 'CustomFunctionsRuntime' && Number(version.split('.')[1]) <= highest;

// What a cell shows in Excel: kronor as formatted numbers where Excel takes data types and as
// plain numbers where it does not; everything a cell says in Office's display language; and
// SSR.ASOF, the time of the register the cells use. Real API, real Azurite, the clock mid-2025.

const NBSP = '\u00a0';
const DAY_MS = 86_400_000;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
/** An Excel serial for a wall-clock time (what Excel shows, no time zone). */
const serial = (year: number, month: number, day: number, hour: number, minute: number) =>
  (Date.UTC(year, month - 1, day, hour, minute) - EXCEL_EPOCH_MS) / DAY_MS;

let stack: Stack;
let lang: Lang = 'sv';

beforeAll(async () => {
  installCustomFunctionsStandIn();
  stack = await startStack();
});

afterAll(async () => {
  await stack.stop();
});

function host(options: CellHost = {}) {
  return useFunctions(stack.apiUrl, { host: { lang: () => lang, ...options } });
}

describe('money cells', () => {
  test.each([
    ['FEE', ['Nacka', 2025], 168_168],
    ['FEE', ['Södertälje', 2024], 153_778.5],
    ['TOTAL', [2024], 7_602_231.5],
    ['TOTAL', [2024, 'Stockholms stad'], 1_483_414.5],
    ['RATE', [2025], 1.5],
    ['ACTORFEE', [2025, 'double'], 560_000],
    ['REIMBURSED', ['Nacka', 2025], 0],
    ['NET', ['Nacka', 2025], 168_168],
  ] as const)('SSR.%s%j is a Double with the SEK format and the exact amount where Excel has data types', async (id, args, kronor) => {
    host({ dataTypes: true });
    const value = await excel(id, ...args);
    expect(value).toStrictEqual({ type: 'Double', basicValue: kronor, numberFormat: '#,##0.00 "kr"' });
  });

  test.each([
    ['FEE', ['Nacka', 2025], 168_168],
    ['TOTAL', [2024], 7_602_231.5],
    ['RATE', [2025], 1.5],
    ['ACTORFEE', [2025, 'double'], 560_000],
    ['NET', ['Nacka', 2025], 168_168],
  ] as const)('SSR.%s%j is the plain number where Excel has no data types', async (id, args, kronor) => {
    host({ dataTypes: false });
    await expect(excel(id, ...args)).resolves.toBe(kronor);
  });

  test('the fee column of SSR.FEES is formatted too; the other columns stay text', async () => {
    host({ dataTypes: true });
    const table = (await excel('FEES', 2024)) as unknown[][];
    const nacka = table.find((row) => row[0] === 'nacka');
    expect(nacka?.[6]).toStrictEqual(sek(165_949.5));
    expect(table.slice(1).every((row) => isFormattedNumber(row[6]) && row.slice(0, 6).every((cell) => typeof cell === 'string'))).toBe(true);
    const ore = table.slice(1).reduce((sum, row) => sum + (isFormattedNumber(row[6]) ? Math.round(row[6].basicValue * 100) : NaN), 0);
    expect(ore).toBe(760_223_150);
    host({ dataTypes: false });
    const plain = (await excel('FEES', 2024)) as unknown[][];
    expect(plain.find((row) => row[0] === 'nacka')?.[6]).toBe(165_949.5);
  });

  test('a formatted number passed as an argument is read as its number, as Excel passes it with data types on', async () => {
    host({ dataTypes: true });
    const year = { type: 'Double', basicValue: 2024, numberFormat: '0' };
    await expect(excel('FEE', 'Nacka', year)).resolves.toStrictEqual(sek(165_949.5));
    await expect(excel('FEE', 'Nacka', [[year]])).resolves.toStrictEqual(sek(165_949.5));
  });

  test('a population and a year are counts, not money: plain numbers either way', async () => {
    host({ dataTypes: true });
    await expect(excel('POPULATION', 'Nacka', 2024)).resolves.toBe(112_112);
    await expect(excel('LASTYEAR', '2026-06-30')).resolves.toBe(2026);
  });

  test('data types are decided by the CustomFunctionsRuntime 1.4 requirement set', () => {
    expect(DATA_TYPES_REQUIREMENT).toEqual({ set: 'CustomFunctionsRuntime', version: '1.4' });
    expect(supportsDataTypes(upTo(5))).toBe(true);
    expect(supportsDataTypes(upTo(4))).toBe(true);
    expect(supportsDataTypes(upTo(3))).toBe(false);
    // Perpetual Office 2024 has ExcelApi 1.16 but no data types in custom functions: plain numbers.
    expect(supportsDataTypes((set, version) => set === 'ExcelApi' && version === '1.16')).toBe(false);
  });

  test("what Office says sets the cells' language and number shape", () => {
    const swedish = cellHost({ displayLanguage: 'sv-SE', isSetSupported: upTo(5) });
    expect([swedish.language(), swedish.dataTypes]).toEqual(['sv', true]);
    const english = cellHost({ displayLanguage: 'en-GB', isSetSupported: upTo(3) });
    expect([english.language(), english.dataTypes]).toEqual(['en', false]);
    expect(cellHost({ displayLanguage: undefined, isSetSupported: upTo(16) }).language()).toBe('sv');
  });
});

describe('cells speak the display language', () => {
  beforeEach(() => {
    host();
  });

  test.each([
    [
      'an unknown member with a near name',
      ['FEE', 'Nackka', 2025],
      '#VALUE!',
      "Okänd medlem 'Nackka'. Menade du 'Nacka'?",
      "Unknown member 'Nackka'. Did you mean 'Nacka'?",
    ],
    [
      'a missing figure',
      ['FEE', 'Vallentuna', 2025],
      '#N/A',
      'Folkmängd saknas för Vallentuna (0115) per 31 dec 2024.',
      'No population figure for Vallentuna (0115) on 31 Dec 2024.',
    ],
    ['not a member yet', ['FEE', 'Nacka', 2023], '#N/A', 'Nacka är inte medlem 2023.', 'Nacka is not a member in 2023.'],
    ['no rule in force', ['RATE', 2023], '#N/A', 'Ingen antagen avgiftsregel gäller för 2023.', 'No adopted fee rule is in force for 2023.'],
    [
      'a year that is not one',
      ['FEE', 'Nacka', 'tjugo'],
      '#VALUE!',
      "År ska vara ett helt år, t.ex. 2025; angivet: 'tjugo'.",
      "Year must be a whole year such as 2025; got 'tjugo'.",
    ],
    [
      'an unknown mode',
      ['FEE', 'Nacka', 2025, 'exactly'],
      '#VALUE!',
      'Läge ska vara "exakt" eller "uppskattning"; angivet: \'exactly\'.',
      'Mode must be "exact" or "estimate"; got \'exactly\'.',
    ],
    [
      'an unknown class',
      ['ACTORFEE', 2025, 'trippel'],
      '#VALUE!',
      'Klass ska vara "enkel" eller "dubbel"; angivet: \'trippel\'.',
      'Class must be "single" or "double"; got \'trippel\'.',
    ],
    [
      'a member left empty',
      ['FEE', '', 2025],
      '#VALUE!',
      'Medlem ska vara en medlems namn, id eller kommunkod; angivet: inget.',
      "Member must be a member's name, id or municipality code; got nothing.",
    ],
    [
      'an actor has no population',
      ['POPULATION', 'Trafikverket', 2024],
      '#VALUE!',
      'Trafikverket är ingen kommun och har därför ingen folkmängd.',
      'Trafikverket is not a municipality, so it has no population figure.',
    ],
    [
      'a notice date that is not a date',
      ['LASTYEAR', '30/6/2026'],
      '#VALUE!',
      "Uppsägningsdatum ska vara ett datum (ett Excel-datum eller text som 2026-06-30); angivet: '30/6/2026'.",
      "Notice date must be a date (an Excel date or text like 2026-06-30); got '30/6/2026'.",
    ],
    [
      'six figures missing from a total',
      ['TOTAL', 2025],
      '#N/A',
      'Folkmängd per 31 dec 2024 saknas för 6 kommuner: Vallentuna (0115), Värmdö (0120), Salem (0128), Tyresö (0138), ' +
        'Upplands-Bro (0139), Nykvarn (0140). Använd läget "uppskattning" för att budgetera med de senaste siffrorna.',
      'No population figures on 31 Dec 2024 for 6 municipalities: Vallentuna (0115), Värmdö (0120), Salem (0128), Tyresö (0138), ' +
        'Upplands-Bro (0139), Nykvarn (0140). Use mode "estimate" to budget with the latest figures.',
    ],
  ] as const)('%s', async (_, [id, ...args], code, sv, en) => {
    lang = 'sv';
    await expect(excel(id, ...args)).rejects.toMatchObject(cellError(code, sv));
    lang = 'en';
    await expect(excel(id, ...args)).rejects.toMatchObject(cellError(code, en));
  });

  test('the API unreachable with nothing saved: Swedish in a Swedish Office', async () => {
    useFunctions('http://127.0.0.1:9/api', { host: { lang: 'sv' } });
    await expect(excel('FEE', 'Nacka', 2025)).rejects.toMatchObject(
      cellError('#N/A', 'SSR-tjänsten kan inte nås, och inga sparade uppgifter finns på den här datorn. Kontrollera anslutningen och räkna sedan om.'),
    );
  });

  test('SSR.FEES: headers, kinds and fee classes in Swedish, then in English', async () => {
    lang = 'sv';
    const sv = (await excel('FEES', 2024)) as unknown[][];
    expect(sv[0]).toEqual(['Id', 'Namn', 'Typ', 'Kluster', 'Avgiftsklass', 'Underlag', 'Avgift']);
    expect(sv).toContainEqual(['nacka', 'Nacka', 'kommun', 'Mitt', 'kommun', `1,50${NBSP}kr × 110${NBSP}633 inv. (31 dec 2023)`, 165_949.5]);
    expect(sv).toContainEqual(['trafikverket', 'Trafikverket', 'aktör', '', 'dubbel', `Dubbel avgift 560${NBSP}000,00${NBSP}kr`, 560_000]);
    expect(sv).toContainEqual(['sos-alarm', 'SOS Alarm', 'aktör', '', 'enkel', `Avgift 280${NBSP}000,00${NBSP}kr`, 280_000]);
    const missing = ((await excel('FEES', 2025)) as unknown[][]).find((row) => row[0] === 'vallentuna');
    expect(missing?.[5]).toBe('Folkmängd saknas (31 dec 2024)');
    expect(missing?.[6]).toMatchObject(cellError('#N/A', 'Folkmängd saknas för Vallentuna (0115) per 31 dec 2024.'));

    lang = 'en';
    const en = (await excel('FEES', 2024)) as unknown[][];
    expect(en[0]).toEqual(['Id', 'Name', 'Kind', 'Cluster', 'Fee class', 'Basis', 'Fee']);
    expect(en).toContainEqual(['nacka', 'Nacka', 'municipality', 'Mitt', 'municipality', 'SEK 1.50 × 110,633 inhabitants (31 Dec 2023)', 165_949.5]);
    expect(en).toContainEqual(['trafikverket', 'Trafikverket', 'actor', '', 'double', 'Double fee SEK 560,000.00', 560_000]);
  });

  test('SSR.MEMBERS: headers and words in the display language', async () => {
    lang = 'sv';
    const sv = (await excel('MEMBERS', null)) as unknown[][];
    expect(sv[0]).toEqual(['Id', 'Namn', 'Typ', 'Avgiftsklass', 'Kommunkod', 'Kluster', 'Inträde', 'Uppsägning']);
    expect(sv).toContainEqual(['nacka', 'Nacka', 'kommun', 'kommun', '0182', 'Mitt', '2024-01-01', '']);
    expect(sv.find((row) => row[0] === 'trafikverket')?.slice(2, 4)).toEqual(['aktör', 'dubbel']);
    lang = 'en';
    const en = (await excel('MEMBERS', 'aktör')) as unknown[][];
    expect(en[0]).toEqual(['Id', 'Name', 'Kind', 'Fee class', 'Municipality code', 'Cluster', 'Joined on', 'Notice given on']);
    expect(en.slice(1).every((row) => row[2] === 'actor')).toBe(true);
  });

  test.each([
    ['sv', ['Nacka', 2025], `1,50${NBSP}kr × 112${NBSP}112 inv. (31 dec 2024)`],
    ['en', ['Nacka', 2025], 'SEK 1.50 × 112,112 inhabitants (31 Dec 2024)'],
    ['sv', ['Vallentuna', 2025, 'uppskattning'], `1,50${NBSP}kr × 35${NBSP}076 inv. (31 dec 2024; uppskattad med 31 dec 2023)`],
    ['en', ['Vallentuna', 2025, 'estimate'], 'SEK 1.50 × 35,076 inhabitants (31 Dec 2024; estimated from 31 Dec 2023)'],
    ['en', ['Kustbevakningen', 2025], 'Fee SEK 280,000.00'],
  ] as const)('SSR.FEEBASIS in %s: %j', async (language, args, text) => {
    lang = language;
    await expect(excel('FEEBASIS', ...args)).resolves.toBe(text);
  });

  test.each([
    ['sv', 'FEE', ['Vallentuna', 2025, 'estimate'], 52_614],
    ['en', 'FEE', ['Vallentuna', 2025, 'uppskattning'], 52_614],
    ['sv', 'FEE', ['Nacka', 2025, 'exact'], 168_168],
    ['en', 'FEE', ['Nacka', 2025, 'exakt'], 168_168],
    ['en', 'TOTAL', [2024, 'kommuner'], 3_682_231.5],
    ['sv', 'TOTAL', [2024, 'municipalities'], 3_682_231.5],
    ['en', 'TOTAL', [2024, 'övriga'], 3_920_000],
    ['en', 'ACTORFEE', [2025, 'dubbel'], 560_000],
    ['sv', 'ACTORFEE', [2025, 'double'], 560_000],
  ] as const)('in %s, SSR.%s%j takes the words of either language', async (language, id, args, kronor) => {
    lang = language;
    await expect(excel(id, ...args)).resolves.toBe(kronor);
  });
});

describe('a year left out', () => {
  test('is the calendar year of the clock, and the next one from midnight on New Year', async () => {
    // Local midnight, as the year is read in the user's time zone. Nacka's 2024 and 2025 fees differ (R3).
    const clock = testClock(new Date(2024, 11, 31, 23, 59, 59).getTime());
    useFunctions(stack.apiUrl, { clock, freshForMs: 3_600_000 });
    const [in2024, in2025] = [await excel('FEE', 'Nacka', 2024), await excel('FEE', 'Nacka', 2025)];
    expect(in2024).not.toBe(in2025);
    await expect(excel('FEE', 'Nacka')).resolves.toBe(in2024);
    clock.advance(999);
    await expect(excel('FEE', 'Nacka')).resolves.toBe(in2024);
    clock.advance(1);
    await expect(excel('FEE', 'Nacka')).resolves.toBe(in2025);
    // A clock set back (the user corrects the computer's date) is followed too.
    clock.advance(-1);
    await expect(excel('FEE', 'Nacka')).resolves.toBe(in2024);
  });
});

describe('SSR.ASOF: the time of the register the cells use', () => {
  test('the time the API last confirmed the register, Swedish summer time, with a date-time format', async () => {
    const clock = testClock(Date.UTC(2025, 5, 1, 12, 0));
    const { snapshots } = useFunctions(stack.apiUrl, { clock, host: { dataTypes: true } });
    await expect(excel('ASOF')).resolves.toStrictEqual({ type: 'Double', basicValue: serial(2025, 6, 1, 14, 0), numberFormat: 'd mmm yyyy hh:mm' });
    // A later confirmation of the register moves it on.
    clock.advance(2 * 60 * 60 * 1000 + 32 * 60 * 1000);
    await snapshots.refresh();
    await expect(excel('ASOF')).resolves.toStrictEqual({ type: 'Double', basicValue: serial(2025, 6, 1, 16, 32), numberFormat: DATE_TIME_FORMAT });
  });

  test('a plain date serial where Excel has no data types', async () => {
    useFunctions(stack.apiUrl, { clock: testClock(Date.UTC(2025, 5, 1, 12, 0)), host: { dataTypes: false } });
    await expect(excel('ASOF')).resolves.toBe(serial(2025, 6, 1, 14, 0));
  });

  test('winter time: 13:32 UTC on 1 December 2026 is 14:32 in Stockholm', () => {
    expect(excelDateTime(Date.UTC(2026, 11, 1, 13, 32))).toStrictEqual({ type: 'Double', basicValue: serial(2026, 12, 1, 14, 32), numberFormat: DATE_TIME_FORMAT });
    expect(Math.floor(excelDateTime(Date.UTC(2026, 11, 1, 13, 32)).basicValue)).toBe(46_357);
  });

  test('with the API unreachable and nothing saved, #N/A that says so', async () => {
    lang = 'sv';
    useFunctions('http://127.0.0.1:9/api', { host: { lang: () => lang } });
    await expect(excel('ASOF')).rejects.toMatchObject({ code: '#N/A' });
  });
});
