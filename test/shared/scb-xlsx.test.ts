import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inflateRaw } from '../../addin/src/pane/populations/read-file';
import { parseScbFile, parseScbPopulation, type ScbImport, type ScbParseResult } from '../../shared/src/scb';
import { readXlsxRows } from '../../shared/src/xlsx';
import { scbSheet, xlsx, zip } from '../fixtures/scb/xlsx';

function fixtureText(name: string): string {
  return readFileSync(new URL(`../fixtures/scb/${name}`, import.meta.url), 'utf8').replace(/^\uFEFF/, '');
}

function parsed(result: ScbParseResult): ScbImport {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
  return result.value;
}
function errorsOf(result: ScbParseResult) {
  if (result.ok) throw new Error('expected errors, got ok');
  return result.errors;
}

/** The reference CSV's table as worksheet rows: labels as text, populations as numbers. */
const TABLE = fixtureText('stockholm-2023-2024-comma-bom.csv')
  .split('\n')
  .filter((line) => /^"\d/.test(line))
  .map((line) => {
    const [label = '', ...values] = line.split(',');
    return [label.replaceAll('"', ''), ...values.map(Number)] as [string, ...number[]];
  });
const reference = parsed(parseScbPopulation(fixtureText('stockholm-2023-2024-comma-bom.csv'), { source: 'SCB' }));
const parseFile = async (bytes: Uint8Array, lang: 'sv' | 'en' = 'sv') => parseScbFile(bytes, inflateRaw, { source: 'SCB', lang });

describe('an SCB export as Excel (xlsx)', () => {
  it('with title rows, an empty first header cell and footnotes gives the same figures as the CSV', async () => {
    expect(TABLE).toHaveLength(27);
    const result = parsed(await parseFile(await xlsx(scbSheet(TABLE, [2023, 2024]))));
    expect(result.figures).toEqual(reference.figures);
    expect(result.names).toEqual(reference.names);
    expect(result.countyChecks).toEqual(reference.countyChecks);
    expect(result.countyChecks.every((check) => check.matches && check.complete)).toBe(true);
    expect(result.warnings).toEqual([]);
    expect(result.ignored).toEqual([]);
  });

  it('reads inline strings, uncompressed parts, and numbers written as text with spaces', async () => {
    const asText = TABLE.map(([label, ...values]) => [label, ...values.map((n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0'))] as [string, ...string[]]);
    for (const bytes of [await xlsx(scbSheet(TABLE, [2023, 2024]), { inlineStrings: true, stored: true }), await xlsx(scbSheet(asText, [2023, 2024]))]) {
      expect(parsed(await parseFile(bytes)).figures).toEqual(reference.figures);
    }
  });

  it('names errors by the worksheet row, every one of them', async () => {
    const table: [string, ...(number | string)[]][] = [['0180 Stockholm', 988943], ['Nacka kommun', 110633], ['0186 Lidingö', 'ca 48000'], ['0180 Stockholm', 5]];
    const errors = errorsOf(await parseFile(await xlsx(scbSheet(table, [2023]))));
    expect(errors.map((error) => error.line)).toEqual([6, 7, 8]);
    expect(errors[0]?.message).toContain('"Nacka kommun"');
    expect(errors[1]?.message).toContain('"ca 48000"');
    expect(errors[2]?.message).toContain('0180 Stockholm finns redan för 2023 på rad 5');
  });

  it('reads a workbook whose elements carry a namespace prefix, as the OpenXML SDK writes them', async () => {
    for (const inlineStrings of [false, true]) {
      const result = parsed(await parseFile(await xlsx(scbSheet(TABLE, [2023, 2024]), { prefix: 'x', inlineStrings })));
      expect(result.figures).toEqual(reference.figures);
      expect(result.countyChecks).toEqual(reference.countyChecks);
    }
    const bytes = await zip({
      'xl/sharedStrings.xml': '<x:sst xmlns:x="m"><x:si><x:r><x:t>0182 </x:t></x:r><x:r><x:rPr/><x:t>Nacka &amp; co</x:t></x:r><x:rPh><x:t>x</x:t></x:rPh></x:si><x:si><x:t/></x:si></x:sst>',
      'xl/worksheets/sheet1.xml':
        '<x:worksheet xmlns:x="m"><x:sheetData><x:row r="2"><x:c r="B2" t="s"><x:v>0</x:v></x:c><x:c r="C2" t="inlineStr"><x:is><x:t>i</x:t></x:is></x:c>' +
        '<x:c r="D2"><x:v>2.5</x:v></x:c><x:c r="E2" t="s"><x:v>1</x:v></x:c><x:c r="F2"/></x:row></x:sheetData></x:worksheet>',
    });
    expect(await readXlsxRows(bytes, inflateRaw)).toEqual({ ok: true, rows: [[], ['', '0182 Nacka & co', 'i', '2.5', '', '']] });
  });

  it('ignores a footnote that starts with a number, and lists no region for it', async () => {
    const notes = ['2024 års uppgifter är preliminära', 'Källa: SCB, Befolkningsstatistik'];
    const result = parsed(await parseFile(await xlsx(scbSheet(TABLE, [2023, 2024], notes))));
    expect(result.figures).toEqual(reference.figures);
    expect(result.ignored).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('still reads a municipality of the county without figures after the data, and lists outside ones only with figures', async () => {
    const table: [string, ...(number | string)[]][] = [['0180 Stockholm', 988943], ['0115 Vallentuna'], ['0305 Håbo'], ['0380 Uppsala', 240000], ['123 Nacka', 7]];
    const errors = errorsOf(await parseFile(await xlsx(scbSheet(table, [2023]))));
    expect(errors.map((error) => error.line)).toEqual([9]);
    const result = parsed(await parseFile(await xlsx(scbSheet(table.slice(0, 4), [2023]))));
    expect(result.missing).toEqual([{ municipalityCode: '0115', name: 'Vallentuna', year: 2023, line: 6 }]);
    expect(result.ignored.map((region) => region.code)).toEqual(['0380']);
  });

  it('reads the first sheet through the workbook’s relationships, with escapes and rich text', async () => {
    const bytes = await zip({
      'xl/workbook.xml': '<workbook xmlns:r="r"><sheets><sheet name="A" sheetId="1" r:id="rId2"/><sheet name="B" sheetId="2" r:id="rId1"/></sheets></workbook>',
      'xl/_rels/workbook.xml.rels': '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/></Relationships>',
      'xl/sharedStrings.xml': '<sst><si><r><t>0182 </t></r><r><rPr/><t>Nacka &amp; co</t></r><rPh><t>x</t></rPh></si><si><t/></si></sst>',
      'xl/worksheets/sheet1.xml': '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>wrong sheet</t></is></c></row></sheetData></worksheet>',
      'xl/worksheets/sheet2.xml':
        '<worksheet><sheetData><row r="2"><c r="B2" t="s"><v>0</v></c><c r="D2"><v>2.5</v></c><c r="E2" t="s"><v>1</v></c><c r="F2"/></row></sheetData></worksheet>',
    });
    expect(await readXlsxRows(bytes, inflateRaw)).toEqual({ ok: true, rows: [[], ['', '0182 Nacka & co', '', '2.5', '', '']] });
  });

  it('refuses an old .xls, a damaged workbook and one without a sheet, in the language asked for', async () => {
    const xls = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    const good = await xlsx(scbSheet(TABLE, [2023, 2024]));
    const damaged = good.slice(0, good.length - 40);
    // The sheet's deflated data starts right after its name in the local header; 0xff starts an invalid block.
    const sheetAt = Buffer.from(good).indexOf('xl/worksheets/data.xml') + 'xl/worksheets/data.xml'.length;
    const corrupt = good.map((byte, i) => (i >= sheetAt && i < sheetAt + 8 ? 0xff : byte));
    const noSheet = await zip({ 'docProps/app.xml': '<Properties/>' });
    expect(errorsOf(await parseFile(xls))[0]?.message).toMatch(/gamla Excel-formatet \(\.xls\)/);
    expect(errorsOf(await parseFile(damaged))[0]?.message).toMatch(/går inte att packa upp/);
    expect(errorsOf(await parseFile(corrupt))[0]?.message).toMatch(/går inte att packa upp/);
    expect(errorsOf(await parseFile(noSheet))[0]?.message).toMatch(/inget kalkylblad/);
    expect(errorsOf(await parseFile(xls, 'en'))[0]?.message).toBe(
      'The file is in the old Excel format (.xls). Save it as an Excel workbook (.xlsx) or export CSV from SCB.',
    );
  });

  it('still reads a CSV given as a file', async () => {
    const bytes = readFileSync(new URL('../fixtures/scb/stockholm-2023-2024-comma-bom.csv', import.meta.url));
    expect(parsed(await parseFile(bytes)).figures).toEqual(reference.figures);
  });
});
