import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeScbBytes, parseScbPopulation, type ScbImport, type ScbParseResult } from '../../shared/src/scb';
import { decodeWindows1252 } from '../../shared/src/scb-decode';
import { MAX_POPULATION, populationFigureSchema, type PopulationFigure } from '../../shared/src/schemas';

/** The register of domain.md: code, name, 31 Dec 2023, 31 Dec 2024 (undefined: blank there). */
const REGISTER: [string, string, number, number | undefined][] = [
  ['0114', 'Upplands Väsby', 50110, 50323], ['0115', 'Vallentuna', 35076, undefined],
  ['0117', 'Österåker', 49282, 49787], ['0120', 'Värmdö', 46637, undefined], ['0123', 'Järfälla', 86330, 88950],
  ['0125', 'Ekerö', 28808, 28910], ['0126', 'Huddinge', 113920, 114304], ['0127', 'Botkyrka', 95592, 95905],
  ['0128', 'Salem', 17451, undefined], ['0136', 'Haninge', 99751, 100895], ['0138', 'Tyresö', 49173, undefined],
  ['0139', 'Upplands-Bro', 32453, undefined], ['0140', 'Nykvarn', 12107, undefined], ['0160', 'Täby', 76738, 77744],
  ['0162', 'Danderyd', 32419, 32425], ['0163', 'Sollentuna', 76790, 77624], ['0180', 'Stockholm', 988943, 995574],
  ['0181', 'Södertälje', 102519, 102911], ['0182', 'Nacka', 110633, 112112], ['0183', 'Sundbyberg', 55912, 56274],
  ['0184', 'Solna', 85426, 85789], ['0186', 'Lidingö', 48324, 48377], ['0187', 'Vaxholm', 11817, 11822],
  ['0188', 'Norrtälje', 65770, 66585], ['0191', 'Sigtuna', 52529, 52767], ['0192', 'Nynäshamn', 30311, 30579],
];
const COUNTY_2023 = 2_454_821;
const COUNTY_2024 = 2_473_307;
const UNSEEDED_2024 = ['0115', '0120', '0128', '0138', '0139', '0140'];

function fixture(name: string): Uint8Array {
  return readFileSync(new URL(`../fixtures/scb/${name}`, import.meta.url));
}

function parsed(result: ScbParseResult): ScbImport {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
  return result.value;
}

function errorsOf(result: ScbParseResult) {
  if (result.ok) throw new Error('expected errors, got ok');
  return result.errors;
}

/** The errors, in order, as [line, pattern the message must match] pairs. */
function expectErrors(result: ScbParseResult, expected: [number, RegExp][]): void {
  const errors = errorsOf(result);
  expect(errors.map((e) => e.line)).toEqual(expected.map(([line]) => line));
  expected.forEach(([, pattern], i) => expect(errors[i]?.message).toMatch(pattern));
}

function expectOneWarning(result: ScbImport, pattern: RegExp): void {
  expect(result.warnings).toHaveLength(1);
  expect(result.warnings[0]).toMatch(pattern);
}

const byCodeAndYear = (a: PopulationFigure, b: PopulationFigure) =>
  a.municipalityCode.localeCompare(b.municipalityCode) || a.year - b.year;
const sorted = (figures: PopulationFigure[]) => [...figures].sort(byCodeAndYear);
const withoutSource = (figures: PopulationFigure[]) =>
  sorted(figures).map(({ municipalityCode, year, population }) => ({ municipalityCode, year, population }));
const sumFor = (figures: PopulationFigure[], year: number) =>
  figures.filter((f) => f.year === year).reduce((total, f) => total + f.population, 0);

const reference = parsed(parseScbPopulation(fixture('stockholm-2023-2024-comma-bom.csv')));

describe('decodeScbBytes', () => {
  it('reads UTF-8 with and without a BOM', () => {
    const bytes = new TextEncoder().encode('0117 Österåker');
    expect(decodeScbBytes(bytes)).toBe('0117 Österåker');
    expect(decodeScbBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]))).toBe('0117 Österåker');
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8, including 0x80–0x9F', () => {
    const latin = Uint8Array.from('Österåker Södertälje Värmdö', (ch) => ch.charCodeAt(0));
    expect(decodeScbBytes(latin)).toBe('Österåker Södertälje Värmdö');
    const high = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
    expect(decodeScbBytes(high)).toBe('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ');
    expect(decodeScbBytes(Uint8Array.from([0xc0, 0x80, 0xff]))).toBe('À€ÿ'); // overlong UTF-8 is not UTF-8
    expect(decodeScbBytes(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe('í\u00a0€'); // nor is a surrogate
  });

  it('agrees with a fatal TextDecoder on every byte string it accepts as UTF-8', () => {
    const encodedStrings = fc.string({ unit: 'binary' }).map((s) => new TextEncoder().encode(s));
    const utf8 = new TextDecoder('utf-8', { fatal: true });
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 64 }), encodedStrings), (bytes) => {
        let expected: string;
        try {
          expected = utf8.decode(bytes);
        } catch {
          const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
          expected = decodeWindows1252(body);
        }
        return decodeScbBytes(bytes) === expected;
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the SCB fixtures', () => {
  it('comma, UTF-8 with BOM, years as columns: the 26 municipalities for 2023 and 2024 add up to the county', () => {
    const result = parsed(parseScbPopulation(fixture('stockholm-2023-2024-comma-bom.csv'), { fileName: 'scb.csv' }));
    expect(result.years).toEqual([2023, 2024]);
    expect(result.figures).toHaveLength(52);
    expect(sumFor(result.figures, 2023)).toBe(COUNTY_2023);
    expect(sumFor(result.figures, 2024)).toBe(COUNTY_2024);
    expect(result.figures.every((f) => f.source === 'SCB BE0101N1 (scb.csv)')).toBe(true);
    expect(result.figures.every((f) => populationFigureSchema.safeParse(f).success)).toBe(true);
    const check = (year: number, total: number) => ({
      countyCode: '01',
      name: 'Stockholms län',
      year,
      countyPopulation: total,
      sumOfMunicipalities: total,
      municipalitiesCounted: 26,
      matches: true,
      complete: true,
    });
    expect(result.countyChecks).toEqual([check(2023, COUNTY_2023), check(2024, COUNTY_2024)]);
    expect(result.missing).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.names).toEqual(Object.fromEntries(REGISTER.map(([code, name]) => [code, name])));
  });

  it('holds the figures of domain.md, and plausible ones where the seed is blank', () => {
    const figure = (code: string, year: number) =>
      reference.figures.find((f) => f.municipalityCode === code && f.year === year)?.population;
    for (const [code, , pop2023, pop2024] of REGISTER) {
      expect(figure(code, 2023)).toBe(pop2023);
      if (pop2024 !== undefined) expect(figure(code, 2024)).toBe(pop2024);
      else expect(Math.abs((figure(code, 2024) ?? 0) / pop2023 - 1)).toBeLessThan(0.02);
    }
    expect(REGISTER.reduce((total, [, , pop2023]) => total + pop2023, 0)).toBe(COUNTY_2023);
  });

  it('takes the source from the options', () => {
    const result = parsed(parseScbPopulation(fixture('stockholm-2023-2024-comma-bom.csv'), { source: 'SCB 2025-03-20' }));
    expect(new Set(result.figures.map((f) => f.source))).toEqual(new Set(['SCB 2025-03-20']));
    expect(parsed(parseScbPopulation(fixture('stockholm-2023-tab.tsv'))).figures[0]?.source).toBe('SCB BE0101N1 (import)');
  });

  it('semicolon, Windows-1252, "Folkmängd 2023" headers: same figures, names decoded right', () => {
    const bytes = fixture('stockholm-2023-2024-semicolon-1252.csv');
    expect(bytes.includes(0xd6)).toBe(true); // Ö as one 1252 byte, so not UTF-8
    const result = parsed(parseScbPopulation(bytes));
    expect(result.figures).toEqual(reference.figures);
    expect(result.names['0117']).toBe('Österåker');
    expect(result.names['0181']).toBe('Södertälje');
    expect(result.names['0120']).toBe('Värmdö');
  });

  it('tab separated with an empty first header cell, narrow NBSP groups and the whole country ignored', () => {
    const result = parsed(parseScbPopulation(fixture('stockholm-2023-tab.tsv')));
    expect(withoutSource(result.figures)).toEqual(withoutSource(reference.figures.filter((f) => f.year === 2023)));
    expect(result.names['0000']).toBeUndefined();
    expect(result.countyChecks.map((c) => [c.countyCode, c.year, c.matches])).toEqual([['01', 2023, true]]);
  });

  it('years as a column (layout B)', () => {
    const result = parsed(parseScbPopulation(fixture('stockholm-years-as-rows.csv')));
    expect(sorted(result.figures)).toEqual(sorted(reference.figures));
    expect(result.countyChecks.every((c) => c.matches)).toBe(true);
  });

  it('numbers grouped with NBSP and with plain spaces', () => {
    expect(sorted(parsed(parseScbPopulation(fixture('stockholm-2023-2024-nbsp.csv'))).figures)).toEqual(sorted(reference.figures));
  });

  it('".." cells are missing: listed with line, and the county check becomes a warning', () => {
    const result = parsed(parseScbPopulation(fixture('stockholm-2024-with-missing.csv')));
    expect(result.figures).toHaveLength(46);
    expect(result.missing.map((m) => m.municipalityCode)).toEqual(UNSEEDED_2024);
    expect(result.missing[0]).toEqual({ municipalityCode: '0115', name: 'Vallentuna', year: 2024, line: 4 });
    expect(result.countyChecks.find((c) => c.year === 2024)).toMatchObject({ municipalitiesCounted: 20, matches: false, complete: false });
    expectOneWarning(result, /6 av 26 kommuner.*2024/);
  });

  it.each([
    ['broken-county-sum.csv', 2, /Länets summa 2\u00a0454\u00a0821 stämmer inte med kommunernas summa 2\u00a0454\u00a0820 för 2023/],
    ['broken-region-label.csv', 4, /Regionen "Nacka kommun" ska vara en kod och ett namn/],
    ['broken-duplicate-row.csv', 5, /0182 Nacka finns redan för 2023 på rad 3/],
    ['broken-no-header.csv', 1, /ingen rubrikrad/i],
    ['broken-empty.csv', 1, /tom/],
  ])('%s is refused on line %i', (name, line, message) => {
    expectErrors(parseScbPopulation(fixture(name)), [[line, message]]);
  });

  it('reports every non-numeric cell with its year and value', () => {
    expectErrors(parseScbPopulation(fixture('broken-non-numeric.csv')), [
      [3, /2023.*"110633\.5"/],
      [4, /2023.*"ca 48000"/],
    ]);
  });

  it('reports every row with the wrong number of cells', () => {
    expectErrors(parseScbPopulation(fixture('broken-ragged-row.csv')), [
      [3, /2 fält.*rad 1.*3/],
      [4, /4 fält.*rad 1.*3/],
    ]);
  });
});

describe('what PxWeb adds around the table, and regions outside the county', () => {
  const referenceText = readFileSync(new URL('../fixtures/scb/stockholm-2023-2024-comma-bom.csv', import.meta.url), 'utf8');
  const csv = (...lines: string[]) => lines.join('\n');

  it('ignores footnote and source lines after the table, commas in them included', () => {
    const footnotes = ['', '"Källa: SCB, Befolkningsstatistik"', 'Källa: SCB, Befolkningsstatistik', '.. uppgift saknas', '', 'Fotnot:', '"Folkmängden den 31 december, enligt indelningen 1 januari 2025."'];
    const result = parsed(parseScbPopulation(referenceText.trimEnd() + '\n' + footnotes.join('\r\n')));
    expect(result.figures).toEqual(reference.figures);
    expect(result.warnings).toEqual([]);
    const semicolon = parsed(parseScbPopulation(csv('"region";"2023"', '"0180 Stockholm";5', ';', 'Källa: SCB', '"Fotnot: ""..""; uppgift saknas"')));
    expect(semicolon.figures).toHaveLength(1);
  });

  it('still reads a region row after a note, and still refuses a data row with a broken label', () => {
    const result = parsed(parseScbPopulation(csv('region,2023', '0180 Stockholm,5', 'Obs: preliminärt', '0182 Nacka,7')));
    expect(result.figures.map((f) => f.municipalityCode)).toEqual(['0180', '0182']);
    expectErrors(parseScbPopulation(csv('region,2023', '0180 Stockholm,5', 'Nacka kommun,7')), [[3, /"Nacka kommun"/]]);
  });

  it('ignores a footnote that starts with a number, quoted or not, but not a ragged row of the county or a data row with a bad label', () => {
    for (const note of ['2024 års uppgifter är preliminära', '"2024 års uppgifter är preliminära"']) {
      const result = parsed(parseScbPopulation(referenceText.trimEnd() + '\n' + note + '\nKälla: SCB'));
      expect(result.figures).toEqual(reference.figures);
      expect(result.ignored).toEqual([]);
    }
    expectErrors(parseScbPopulation(csv('region,2023,2024', '0180 Stockholm,5,6', '2024 års uppgifter', '0182 Nacka', '123 Nacka,7,8')), [
      [4, /1 fält/],
      [5, /"123 Nacka"/],
    ]);
  });

  it('lists every error in the file, of every kind, each with its line', () => {
    const text = csv('region,2023,2024', '01 Stockholms län,2,3', '0180 Stockholm,1,x', 'Nacka,1,2', '0186 Lidingö,1', '0180 Stockholm,1,1', '0187 Vaxholm,1,20000000', 'Källa: SCB');
    expectErrors(parseScbPopulation(text), [
      [3, /"x"/],
      [4, /"Nacka"/],
      [5, /2 fält/],
      [6, /0180 Stockholm finns redan/],
      [7, /20\u00a0000\u00a0000/],
    ]);
  });

  it('shows municipalities and counties outside Stockholms län as ignored, named, with why, and never as figures', () => {
    const text = referenceText.trimEnd() + '\n' + ['"03 Uppsala län",395026,397800', '"0305 Håbo",22000,22198', '"0380 Uppsala",240000,242140', '"00 Riket",10551707,10587710'].join('\n');
    const result = parsed(parseScbPopulation(text));
    expect(result.figures).toEqual(reference.figures);
    expect(result.names['0305']).toBeUndefined();
    expect(result.countyChecks.map((c) => c.countyCode)).toEqual(['01', '01']);
    expect(result.ignored).toEqual([
      { code: '03', name: 'Uppsala län', line: 31, reason: 'ligger utanför Stockholms län och sparas inte' },
      { code: '0305', name: 'Håbo', line: 32, reason: 'ligger utanför Stockholms län och sparas inte' },
      { code: '0380', name: 'Uppsala', line: 33, reason: 'ligger utanför Stockholms län och sparas inte' },
    ]);
    // An error in an ignored row does not stop the import.
    expect(parsed(parseScbPopulation(csv('region,2023', '0180 Stockholm,5', '0305 Håbo,ca 22000'))).ignored.map((r) => r.code)).toEqual(['0305']);
    expect(parsed(parseScbPopulation(text, { lang: 'en' })).ignored[1]?.reason).toBe('is outside Stockholm County and is not saved');
  });

  it('warns, without refusing the file, when the county check is incomplete because municipalities are not in the file', () => {
    const lines = referenceText.split('\n').filter((line) => !/"01(15|20|28) /.test(line));
    const result = parsed(parseScbPopulation(lines.join('\n')));
    expect(result.figures).toHaveLength(46);
    expect(result.countyChecks.map((c) => [c.year, c.matches, c.complete])).toEqual([[2023, false, false], [2024, false, false]]);
    expect(result.warnings).toEqual([
      '3 av 26 kommuner i 01 Stockholms län finns inte i filen (0115 Vallentuna, 0120 Värmdö och 0128 Salem), så länets summa kunde inte kontrolleras helt.',
    ]);
    const one = parsed(parseScbPopulation(referenceText.split('\n').filter((line) => !line.startsWith('"0115 ')).join('\n'), { lang: 'en' }));
    expect(one.warnings).toEqual([
      "1 of 26 municipalities in 01 Stockholms län is not in the file (0115 Vallentuna), so the county's total could not be fully checked.",
    ]);
  });

  it('speaks English when asked: every error and warning, with English plurals and nothing Swedish', () => {
    const text = csv('region,2023,2024', '0180 Stockholm,1,x', 'Nacka,1,2', '0186 Lidingö,1', '0180 Stockholm,1,1', '"0187 Vaxholm,1');
    const errors = errorsOf(parseScbPopulation(text, { lang: 'en' })).map((e) => e.message);
    expect(errors).toEqual([
      'The population for 2024 (column "2024") is "x", which is not a whole number (0 or more).',
      'The region "Nacka" should be a code and a name, for example "0180 Stockholm" (municipality) or "01 Stockholms län" (county).',
      'The line has 2 fields but the header row (line 1) has 3 (separator: comma).',
      'The region 0180 Stockholm is already there for 2023 on line 2.',
      'A quotation mark (") is never closed on the line.',
    ]);
    const warnings = parsed(parseScbPopulation(fixture('stockholm-2024-with-missing.csv'), { lang: 'en' })).warnings;
    expect(warnings).toEqual(["6 of 26 municipalities in 01 Stockholms län lack figures for 2024, so the county's total could not be fully checked."]);
    expect(errorsOf(parseScbPopulation(fixture('broken-county-sum.csv'), { lang: 'en' }))[0]?.message).toMatch(
      /^The county's total 2\u00a0454\u00a0821 does not match the sum of the municipalities, 2\u00a0454\u00a0820, for 2023 \(01 Stockholms län, 26 municipalities\)\.$/,
    );
    expect(errorsOf(parseScbPopulation('', { lang: 'en' }))[0]?.message).toBe('The file is empty.');
    expect(errorsOf(parseScbPopulation(fixture('broken-no-header.csv'), { lang: 'en' }))[0]?.message).toMatch(/^No header row found/);
  });
});

describe('parseScbPopulation on edge cases', () => {
  const csv = (...lines: string[]) => lines.join('\n');

  it('keeps separators and "" escapes inside quotes', () => {
    const result = parsed(parseScbPopulation(csv('"region";"2023"', '"0180 Stock;holm ""stad"""; "1 000"')));
    expect(result.names).toEqual({ '0180': 'Stock;holm "stad"' });
    expect(result.figures[0]?.population).toBe(1000);
  });

  it('accepts "Region", year headers with text, CRLF, blank and separator-only lines', () => {
    const text = ['Folkmängd efter region och år', '', 'Region,Folkmängd 2023', '0180 Stockholm,5', ',', '', '0182 Nacka,7', ''];
    const result = parsed(parseScbPopulation(text.join('\r\n')));
    expect(withoutSource(result.figures)).toEqual([
      { municipalityCode: '0180', year: 2023, population: 5 },
      { municipalityCode: '0182', year: 2023, population: 7 },
    ]);
    expectOneWarning(result, /ingen länsrad för län 01/);
  });

  it('accepts layout B with the columns in another order and English labels', () => {
    const english = parsed(parseScbPopulation(csv('region;year;population', '0180 Stockholm;2024;3', '0180 Stockholm;2023;2')));
    expect(english.years).toEqual([2023, 2024]);
    const reordered = parsed(parseScbPopulation(csv('ar\tFolkmängd\tregion', '2023\t4\t0182 Nacka')));
    expect(reordered.figures[0]).toMatchObject({ municipalityCode: '0182', year: 2023, population: 4 });
  });

  it('refuses years outside 1900–2200, in the header and in a year column', () => {
    expectErrors(parseScbPopulation(csv('region,1899,2023', '0180 Stockholm,1,2')), [
      [1, /1899.*1900–2200/],
    ]);
    expect(errorsOf(parseScbPopulation(csv('region,år,Folkmängd', '0180 Stockholm,2201,1')))[0]?.line).toBe(2);
  });

  it('refuses repeated year columns, populations over 10 000 000, negatives and odd grouping', () => {
    expect(errorsOf(parseScbPopulation(csv('region,2023,2023', '0180 Stockholm,1,1')))[0]).toMatchObject({ line: 1 });
    expectErrors(parseScbPopulation(csv('region;2023', '0180 Stockholm;10 000 001', '0182 Nacka;-5', '0186 Lidingö;12 34')), [
      [2, /10\u00a0000\u00a0001.*10\u00a0000\u00a0000/],
      [3, /"-5"/],
      [4, /"12 34"/],
    ]);
    expect(parsed(parseScbPopulation(csv('region;2023', `0180 Stockholm;${MAX_POPULATION}`))).figures).toHaveLength(1);
  });

  it('refuses codes of the wrong length, labels without a name, unclosed quotes and a header it cannot read', () => {
    const errors = errorsOf(parseScbPopulation(csv('region,2023', '180 Stockholm,1', '0182,2', '"0186 Lidingö,3')));
    expect(errors.map((e) => e.line)).toEqual([2, 3, 4]);
    expect(errors[0]?.message).toContain('"180 Stockholm"');
    expect(errors[2]?.message).toContain('citattecken');
    expectErrors(parseScbPopulation(csv('region,Folkmängd', '0180 Stockholm,1')), [
      [1, /Rubrikraden "region", "Folkmängd"/],
    ]);
  });

  it('refuses a header without data rows, or with only county rows', () => {
    expectErrors(parseScbPopulation('region,2023\n\n'), [[1, /kommun/]]);
    expect(errorsOf(parseScbPopulation('region,2023\n01 Stockholms län,5\n'))[0]?.line).toBe(1);
  });

  it('warns when the county row itself is missing a figure', () => {
    const result = parsed(parseScbPopulation(csv('region,2023', '01 Stockholms län,..', '0180 Stockholm,1')));
    expect(result.countyChecks).toEqual([]);
    expectOneWarning(result, /Länsraden 01 Stockholms län saknar siffra för 2023/);
  });

  it('does not blame the county sum when a rejected row left a municipality out', () => {
    expect(errorsOf(parseScbPopulation(csv('region,2023', '01 Län,3', '0101 A,1', '0102 B,x'))).map((e) => e.line)).toEqual([4]);
  });
});

/** Well formed: ok with schema-valid figures, or errors that each carry a line number. */
function isWellFormed(result: ScbParseResult): boolean {
  if (result.ok) return result.value.figures.every((f) => populationFigureSchema.safeParse(f).success);
  return result.errors.length > 0 && result.errors.every((e) => Number.isInteger(e.line) && e.line > 0 && e.message !== '');
}

const csvLike = fc.string({
  unit: fc.constantFrom(
    ...['"', ',', ';', '\t', '\n', '\r', ' ', '\u00a0', '.', '0', '1', '8'],
    ...['2023', 'region', 'år', '01 Län', '0180 Sthlm', 'ö'],
  ),
  maxLength: 80,
});

describe('parseScbPopulation never throws', () => {
  it('on arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => isWellFormed(parseScbPopulation(bytes))), { numRuns: 1000 });
  });
  it('on arbitrary strings', () => {
    const text = fc.string({ unit: 'binary', maxLength: 400 });
    fc.assert(fc.property(text, (t) => isWellFormed(parseScbPopulation(t))), { numRuns: 1000 });
  });
  it('on strings made of CSV pieces', () => {
    fc.assert(fc.property(csvLike, (text) => isWellFormed(parseScbPopulation(text))), { numRuns: 2000 });
  });
});

const NAME_CHARS = 'abcdeåäöÅÄÖé -,;"'.split('');
const generatedExport = fc
  .record({
    codes: fc.uniqueArray(fc.integer({ min: 100, max: 2599 }), { minLength: 1, maxLength: 12 }),
    names: fc.array(fc.string({ unit: fc.constantFrom(...NAME_CHARS), minLength: 1, maxLength: 12 }), { minLength: 12, maxLength: 12 }),
    years: fc.uniqueArray(fc.integer({ min: 1900, max: 2200 }), { minLength: 1, maxLength: 4 }),
    values: fc.array(fc.option(fc.integer({ min: 0, max: MAX_POPULATION }), { nil: null, freq: 5 }), { minLength: 48, maxLength: 48 }),
    separator: fc.constantFrom(',', ';', '\t'),
    layout: fc.constantFrom('yearColumns', 'yearRows'),
    grouping: fc.constantFrom('', ' ', '\u00a0', '\u202f'),
    missingMark: fc.constantFrom('..', ''),
    regionHeader: fc.constantFrom('region', 'Region', ''),
    yearHeader: fc.constantFrom('år', 'ar', 'year', 'År'),
    yearLabel: fc.constantFrom('', 'Folkmängd '),
    quoteAll: fc.boolean(),
    title: fc.boolean(),
    counties: fc.boolean(),
    encoding: fc.constantFrom('string', 'utf8', 'utf8-bom', 'windows-1252'),
    lineEnd: fc.constantFrom('\n', '\r\n'),
  })
  .map((g) => {
    const municipalities = g.codes.map((n, i) => ({ code: String(n).padStart(4, '0'), name: (g.names[i] ?? 'x').trim() || 'x' }));
    const cells = municipalities.flatMap((m, i) =>
      g.years.map((year, j) => ({ ...m, year, value: g.values[i * g.years.length + j] ?? null })),
    );
    return { g, municipalities, cells };
  });

type GeneratedExport = typeof generatedExport extends fc.Arbitrary<infer T> ? T : never;

function renderExport({ g, municipalities, cells }: GeneratedExport): string | Uint8Array {
  const quote = (text: string, force = g.quoteAll) => (force || /[",;\t]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  // Windows-1252 has no narrow NBSP, so a file in it cannot hold one.
  const grouping = g.encoding === 'windows-1252' && g.grouping === '\u202f' ? '\u00a0' : g.grouping;
  const number = (value: number | null) => (value === null ? g.missingMark : String(value).replace(/\B(?=(\d{3})+(?!\d))/g, grouping));
  const regions: { label: string; valueOf: (year: number) => number | null }[] = [];
  if (g.counties) {
    for (const county of new Set(municipalities.map((m) => m.code.slice(0, 2)))) {
      const inCounty = cells.filter((c) => c.code.startsWith(county));
      const sumFor = (year: number) => inCounty.filter((c) => c.year === year).reduce((t, c) => t + (c.value ?? 0), 0);
      if (g.years.every((year) => sumFor(year) <= MAX_POPULATION)) regions.push({ label: `${county} Län ${county}`, valueOf: sumFor });
    }
  }
  for (const m of municipalities) {
    const valueOf = (year: number) => cells.find((c) => c.code === m.code && c.year === year)?.value ?? null;
    regions.push({ label: `${m.code} ${m.name}`, valueOf });
  }
  const row = (values: string[]) => values.join(g.separator);
  const lines = g.title ? ['Folkmängd efter region och år', ''] : [];
  if (g.layout === 'yearColumns') {
    lines.push(row([quote(g.regionHeader), ...g.years.map((y) => quote(`${g.yearLabel}${y}`))]));
    for (const r of regions) lines.push(row([quote(r.label), ...g.years.map((y) => quote(number(r.valueOf(y))))]));
  } else {
    lines.push(row([quote('region'), quote(g.yearHeader), quote('Folkmängd')]));
    for (const r of regions) for (const y of g.years) lines.push(row([quote(r.label), quote(String(y)), quote(number(r.valueOf(y)))]));
  }
  const text = lines.join(g.lineEnd) + g.lineEnd;
  if (g.encoding === 'string') return text;
  if (g.encoding === 'windows-1252') return Uint8Array.from(text, (ch) => ch.charCodeAt(0)); // every character is Latin-1
  return new TextEncoder().encode(g.encoding === 'utf8-bom' ? `\uFEFF${text}` : text);
}

describe('a generated valid export parses back to what was generated', () => {
  it('in every layout, separator, grouping and encoding', () => {
    fc.assert(
      fc.property(generatedExport, (generated) => {
        // Codes of every county: read them all.
        const result = parsed(parseScbPopulation(renderExport(generated), { county: null }));
        const { cells, municipalities, g } = generated;
        const source = 'SCB BE0101N1 (import)';
        const expected = cells.flatMap(({ code, year, value }) =>
          value === null ? [] : [{ municipalityCode: code, year, population: value, source }],
        );
        expect(sorted(result.figures)).toEqual(sorted(expected));
        const missing = result.missing.map((m) => `${m.municipalityCode}|${m.year}`);
        expect(missing.sort()).toEqual(cells.filter((c) => c.value === null).map((c) => `${c.code}|${c.year}`).sort());
        expect(result.names).toEqual(Object.fromEntries(municipalities.map((m) => [m.code, m.name])));
        expect(result.years).toEqual([...g.years].sort((a, b) => a - b));
        expect(result.countyChecks.every((c) => c.matches)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
