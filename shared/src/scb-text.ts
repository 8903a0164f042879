import type { Lang } from './lang';
import { formatCount } from './money';

/** What the SCB import tells the user, in the pane's language. */
export interface ScbText {
  empty: string;
  noHeader: string;
  headerUnreadable: (labels: string[]) => string;
  yearOutOfRange: (label: string, year: number, min: number, max: number) => string;
  yearTwice: (year: number) => string;
  yearCell: (text: string, min: number, max: number) => string;
  regionLabel: (label: string) => string;
  forYear: (year: number, label: string) => string;
  notWhole: (where: string, text: string) => string;
  tooLarge: (where: string, value: number, max: number) => string;
  unclosedQuote: string;
  fieldCount: (cells: number, headerLine: number, headerCells: number, separator: string) => string;
  duplicate: (region: string, year: number, firstLine: number) => string;
  noMunicipalityRows: (headerLine: number) => string;
  countyWithoutMunicipalities: (county: string) => string;
  countyGaps: (lacking: number, of: number, county: string, year: number) => string;
  countyAbsent: (absent: string[], of: number, county: string) => string;
  countyMismatch: (countyPopulation: number, sum: number, year: number, label: string, counted: number) => string;
  countyRowWithoutFigure: (county: string, year: number) => string;
  noCountyRow: (code: string) => string;
  outsideCounty: (county: string) => string;
  oldExcel: string;
  damaged: string;
  noSheet: string;
}

const list = (names: string[], and: string) =>
  names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${and} ${names.at(-1) ?? ''}`;

const sv: ScbText = {
  empty: 'Filen är tom.',
  noHeader:
    'Hittade ingen rubrikrad: ingen rad börjar med "region" följd av årtal (2023, 2024 …) ' +
    'eller av kolumnerna år och folkmängd.',
  headerUnreadable: (labels) =>
    `Rubrikraden ${labels.map((label) => `"${label}"`).join(', ')} går inte att tolka: den ska ha ett årtal per ` +
    'kolumn efter "region" (till exempel region, 2023, 2024) eller tre kolumner: region, år och folkmängd.',
  yearOutOfRange: (label, year, min, max) => `Kolumnen "${label}" har året ${year}, som ligger utanför ${min}–${max}.`,
  yearTwice: (year) => `Året ${year} finns i två kolumner i rubrikraden.`,
  yearCell: (text, min, max) => `Året "${text}" ska vara ett årtal med fyra siffror mellan ${min} och ${max}.`,
  regionLabel: (label) =>
    `Regionen "${label}" ska vara en kod och ett namn, ` +
    'till exempel "0180 Stockholm" (kommun) eller "01 Stockholms län" (län).',
  forYear: (year, label) => `för ${year} (kolumnen "${label}")`,
  notWhole: (where, text) => `Folkmängden ${where} är "${text}", som inte är ett helt tal (0 eller större).`,
  tooLarge: (where, value, max) =>
    `Folkmängden ${where} är ${formatCount(value)}, mer än högst tillåtna ${formatCount(max)}.`,
  unclosedQuote: 'Ett citattecken (") avslutas aldrig på raden.',
  fieldCount: (cells, headerLine, headerCells, separator) =>
    `Raden har ${cells} fält men rubrikraden (rad ${headerLine}) har ${headerCells} ` +
    `(avgränsare: ${{ '\t': 'tabb', ';': 'semikolon', ',': 'komma' }[separator] ?? separator}).`,
  duplicate: (region, year, firstLine) => `Regionen ${region} finns redan för ${year} på rad ${firstLine}.`,
  noMunicipalityRows: (headerLine) =>
    `Rubrikraden på rad ${headerLine} följs inte av någon rad med en kommun (fyrsiffrig kod).`,
  countyWithoutMunicipalities: (county) => `Länet ${county} har inga kommuner i filen att jämföra med.`,
  countyGaps: (lacking, of, county, year) =>
    `${lacking} av ${of} kommuner i ${county} saknar siffra för ${year}, ` +
    'så länets summa kunde inte kontrolleras helt.',
  countyAbsent: (absent, of, county) =>
    `${absent.length} av ${of} kommuner i ${county} finns inte i filen (${list(absent, 'och')}), ` +
    'så länets summa kunde inte kontrolleras helt.',
  countyMismatch: (countyPopulation, sum, year, label, counted) =>
    `Länets summa ${formatCount(countyPopulation)} stämmer inte med kommunernas summa ${formatCount(sum)} ` +
    `för ${year} (${label}, ${counted} ${counted === 1 ? 'kommun' : 'kommuner'}).`,
  countyRowWithoutFigure: (county, year) => `Länsraden ${county} saknar siffra för ${year}, så summan kunde inte kontrolleras.`,
  noCountyRow: (code) => `Filen har ingen länsrad för län ${code}, så kommunernas summa kunde inte kontrolleras.`,
  outsideCounty: (county) => `ligger utanför ${county} och sparas inte`,
  oldExcel: 'Filen är i det gamla Excel-formatet (.xls). Spara den som Excel-arbetsbok (.xlsx) eller exportera CSV från SCB.',
  damaged: 'Filen ser ut som en Excel-arbetsbok (.xlsx) men går inte att packa upp. Exportera den på nytt från SCB.',
  noSheet: 'Excel-arbetsboken har inget kalkylblad att läsa.',
};

const en: ScbText = {
  empty: 'The file is empty.',
  noHeader:
    'No header row found: no row starts with "region" followed by years (2023, 2024 …) ' +
    'or by the columns year and population.',
  headerUnreadable: (labels) =>
    `The header row ${labels.map((label) => `"${label}"`).join(', ')} cannot be read: it should have one year per ` +
    'column after "region" (for example region, 2023, 2024) or three columns: region, year and population.',
  yearOutOfRange: (label, year, min, max) => `The column "${label}" has the year ${year}, which is outside ${min}–${max}.`,
  yearTwice: (year) => `The year ${year} is in two columns of the header row.`,
  yearCell: (text, min, max) => `The year "${text}" should be a four-digit year between ${min} and ${max}.`,
  regionLabel: (label) =>
    `The region "${label}" should be a code and a name, ` +
    'for example "0180 Stockholm" (municipality) or "01 Stockholms län" (county).',
  forYear: (year, label) => `for ${year} (column "${label}")`,
  notWhole: (where, text) => `The population ${where} is "${text}", which is not a whole number (0 or more).`,
  tooLarge: (where, value, max) =>
    `The population ${where} is ${formatCount(value)}, more than the highest allowed, ${formatCount(max)}.`,
  unclosedQuote: 'A quotation mark (") is never closed on the line.',
  fieldCount: (cells, headerLine, headerCells, separator) =>
    `The line has ${cells} ${cells === 1 ? 'field' : 'fields'} but the header row (line ${headerLine}) has ${headerCells} ` +
    `(separator: ${{ '\t': 'tab', ';': 'semicolon', ',': 'comma' }[separator] ?? separator}).`,
  duplicate: (region, year, firstLine) => `The region ${region} is already there for ${year} on line ${firstLine}.`,
  noMunicipalityRows: (headerLine) =>
    `The header row on line ${headerLine} is not followed by any row with a municipality (four-digit code).`,
  countyWithoutMunicipalities: (county) => `The county ${county} has no municipalities in the file to compare with.`,
  countyGaps: (lacking, of, county, year) =>
    `${lacking} of ${of} municipalities in ${county} ${lacking === 1 ? 'lacks a figure' : 'lack figures'} for ${year}, ` +
    "so the county's total could not be fully checked.",
  countyAbsent: (absent, of, county) =>
    `${absent.length} of ${of} municipalities in ${county} ${absent.length === 1 ? 'is' : 'are'} not in the file ` +
    `(${list(absent, 'and')}), so the county's total could not be fully checked.`,
  countyMismatch: (countyPopulation, sum, year, label, counted) =>
    `The county's total ${formatCount(countyPopulation)} does not match the sum of the municipalities, ${formatCount(sum)}, ` +
    `for ${year} (${label}, ${counted} ${counted === 1 ? 'municipality' : 'municipalities'}).`,
  countyRowWithoutFigure: (county, year) => `The county row ${county} has no figure for ${year}, so the total could not be checked.`,
  noCountyRow: (code) => `The file has no county row for county ${code}, so the municipalities' sum could not be checked.`,
  outsideCounty: (county) => `is outside ${county} and is not saved`,
  oldExcel: 'The file is in the old Excel format (.xls). Save it as an Excel workbook (.xlsx) or export CSV from SCB.',
  damaged: 'The file looks like an Excel workbook (.xlsx) but cannot be unpacked. Export it again from SCB.',
  noSheet: 'The Excel workbook has no worksheet to read.',
};

export const SCB_TEXT: Readonly<Record<Lang, ScbText>> = { sv, en };
