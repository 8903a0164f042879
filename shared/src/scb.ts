import type { Lang } from './lang';
import { MAX_POPULATION, MAX_YEAR, MIN_YEAR, type PopulationFigure } from './schemas';
import { decodeScbBytes, detectSeparator, splitCells } from './scb-decode';
import { SCB_TEXT, type ScbText } from './scb-text';
import { readXlsxRows, type InflateRaw } from './xlsx';

export { decodeScbBytes };
export type { InflateRaw };

/**
 * Reads SCB's PxWeb export of table BE0101N1 "Folkmängd efter region och år" (domain.md,
 * "SCB population exports"): years as columns (layout A) or as a column of their own
 * (layout B), any of three separators or an Excel workbook, with the county row used as a check
 * sum. Title lines before the header and footnote or source lines after the table are skipped;
 * regions outside the county the register covers (Stockholms län) are listed as ignored.
 */

/** Stockholms län and its 26 municipalities, the area the register covers. */
export const STOCKHOLM_COUNTY = {
  code: '01',
  name: 'Stockholms län',
  nameEn: 'Stockholm County',
  municipalities: {
    '0114': 'Upplands Väsby', '0115': 'Vallentuna', '0117': 'Österåker', '0120': 'Värmdö', '0123': 'Järfälla',
    '0125': 'Ekerö', '0126': 'Huddinge', '0127': 'Botkyrka', '0128': 'Salem', '0136': 'Haninge', '0138': 'Tyresö',
    '0139': 'Upplands-Bro', '0140': 'Nykvarn', '0160': 'Täby', '0162': 'Danderyd', '0163': 'Sollentuna',
    '0180': 'Stockholm', '0181': 'Södertälje', '0182': 'Nacka', '0183': 'Sundbyberg', '0184': 'Solna',
    '0186': 'Lidingö', '0187': 'Vaxholm', '0188': 'Norrtälje', '0191': 'Sigtuna', '0192': 'Nynäshamn',
  } as Readonly<Record<string, string>>,
} as const;

export interface ScbLineError {
  line: number;
  message: string;
}
export interface CountyCheck {
  countyCode: string;
  name: string;
  year: number;
  countyPopulation: number;
  sumOfMunicipalities: number;
  municipalitiesCounted: number;
  matches: boolean;
  /**
   * False when a municipality of the county lacks the figure or is not in the file: the sum
   * then proves nothing, which is a warning, not an error.
   */
  complete: boolean;
}
/** A region of the file that is read past: outside the county, never saved. */
export interface IgnoredRegion {
  code: string;
  name: string;
  line: number;
  reason: string;
}
export interface ScbImport {
  figures: PopulationFigure[];
  years: number[];
  missing: { municipalityCode: string; name: string; year: number; line: number }[];
  countyChecks: CountyCheck[];
  names: Record<string, string>;
  warnings: string[];
  ignored: IgnoredRegion[];
}
export type ScbParseResult = { ok: true; value: ScbImport } | { ok: false; errors: ScbLineError[] };

export interface ScbOptions {
  source?: string;
  fileName?: string;
  lang?: Lang;
  /**
   * Only this county's regions are read (default Stockholms län, the register's area); the
   * rest are listed as ignored. null reads every county.
   */
  county?: { code: string; name: string; nameEn?: string; municipalities?: Readonly<Record<string, string>> } | null;
}

type Layout =
  | { kind: 'yearColumns'; years: (number | undefined)[] }
  | { kind: 'yearRows'; regionAt: number; yearAt: number; valueAt: number };
interface Header {
  line: number;
  separator: string;
  labels: string[];
  layout: Layout;
  /** Rows of a worksheet: trailing empty cells are not written, so short rows are padded. */
  fromSheet: boolean;
}
/** What every step of a parse shares: the language, the county read, and what was found. */
interface Context {
  lang: Lang;
  text: ScbText;
  county: ScbOptions['county'];
  errors: ScbLineError[];
  ignored: IgnoredRegion[];
}
interface Region {
  code: string;
  name: string;
  kind: 'municipality' | 'county' | 'country';
}
/** One cell of population: a region, a year and a number, or null where SCB wrote "..". */
interface Entry {
  line: number;
  region: Region;
  year: number;
  value: number | null;
}

const YEAR_IN_LABEL = /(?<!\d)(\d{4})(?!\d)/;
const YEAR_COLUMN_LABELS = new Set(['år', 'ar', 'year']);
const REGION_LABEL = /^(\d+)\s+(\S.*)$/;
/** A line that starts like a region ("0180 …", "01 …"), as opposed to a title or footnote. */
const REGION_START = /^\d+\s/;
/** Thousands grouped by a space, NBSP or narrow NBSP, as SCB and Excel write them. */
const GROUPED_NUMBER = /^\d{1,3}(?:[ \u00A0\u202F]\d{3})*$/;
const PLAIN_NUMBER = /^\d+$/;

function isYearInRange(year: number): boolean {
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

/** A header names the region column and either one year per column or a year column. */
function classifyHeader(labels: string[], text: ScbText): Layout | string | undefined {
  const lower = labels.map((label) => label.toLowerCase());
  const regionAt = lower.indexOf('region');
  const yearAt = lower.findIndex((label) => YEAR_COLUMN_LABELS.has(label));
  if (regionAt >= 0 && yearAt >= 0 && labels.length === 3) {
    return { kind: 'yearRows', regionAt, yearAt, valueAt: 3 - regionAt - yearAt };
  }
  const yearLabels = labels.slice(1).map((label) => YEAR_IN_LABEL.exec(label)?.[1]);
  const startsLikeRegion = lower[0] === 'region' || lower[0] === '';
  if (startsLikeRegion && yearLabels.length > 0 && yearLabels.every((year) => year !== undefined)) {
    return { kind: 'yearColumns', years: [undefined, ...yearLabels.map(Number)] };
  }
  if (regionAt < 0) return undefined;
  return text.headerUnreadable(labels);
}

/** Years outside the valid range or repeated are errors on the header line; their columns are skipped. */
function checkHeaderYears(header: Header, ctx: Context): void {
  if (header.layout.kind !== 'yearColumns') return;
  const years = header.layout.years;
  years.forEach((year, at) => {
    if (year === undefined) return;
    if (!isYearInRange(year)) {
      const message = ctx.text.yearOutOfRange(header.labels[at] ?? '', year, MIN_YEAR, MAX_YEAR);
      ctx.errors.push({ line: header.line, message });
      years[at] = undefined;
    } else if (years.indexOf(year) < at) {
      ctx.errors.push({ line: header.line, message: ctx.text.yearTwice(year) });
      years[at] = undefined;
    }
  });
}

/** Lines before the header (PxWeb's title lines, blank lines) are skipped. */
function findHeader(lines: string[], fromSheet: boolean, text: ScbText): Header | ScbLineError {
  for (const [index, line] of lines.entries()) {
    const separator = detectSeparator(line);
    const cells = separator === undefined ? undefined : splitCells(line, separator);
    if (separator === undefined || cells === undefined) continue;
    // A worksheet row may carry empty cells after the table's last column.
    const labels = fromSheet ? withoutTrailingEmpty(cells) : cells;
    const layout = classifyHeader(labels, text);
    if (typeof layout === 'string') return { line: index + 1, message: layout };
    if (layout) return { line: index + 1, separator, labels, layout, fromSheet };
  }
  const empty = lines.every((line) => line.trim() === '');
  return { line: 1, message: empty ? text.empty : text.noHeader };
}

function withoutTrailingEmpty(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1] === '') end -= 1;
  return cells.slice(0, end);
}

function parseRegion(label: string, text: ScbText): Region | string {
  const match = REGION_LABEL.exec(label);
  const code = match?.[1] ?? '';
  const name = match?.[2]?.trim() ?? '';
  if (name !== '' && code.length === 4) return { code, name, kind: 'municipality' };
  if (name !== '' && code.length === 2) return { code, name, kind: code === '00' ? 'country' : 'county' };
  return text.regionLabel(label);
}

/** null for a missing figure (".." or empty); a string says what is wrong. */
function parsePopulation(cell: string, where: string, text: ScbText): number | null | string {
  if (cell === '..' || cell === '') return null;
  if (!GROUPED_NUMBER.test(cell) && !PLAIN_NUMBER.test(cell)) return text.notWhole(where, cell);
  const value = Number(cell.replace(/\D/g, ''));
  if (value > MAX_POPULATION) return text.tooLarge(where, value, MAX_POPULATION);
  return value;
}

/** The (year, number text, column label) cells a data row holds under the header's layout. */
function rowCells(cells: string[], header: Header, line: number, ctx: Context) {
  const layout = header.layout;
  if (layout.kind === 'yearColumns') {
    return layout.years.flatMap((year, at) =>
      year === undefined ? [] : [{ year, text: cells[at] ?? '', label: header.labels[at] ?? '' }],
    );
  }
  const yearText = cells[layout.yearAt] ?? '';
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
  if (year === undefined || !isYearInRange(year)) {
    ctx.errors.push({ line, message: ctx.text.yearCell(yearText, MIN_YEAR, MAX_YEAR) });
    return [];
  }
  return [{ year, text: cells[layout.valueAt] ?? '', label: header.labels[layout.valueAt] ?? '' }];
}

function regionAt(header: Header): number {
  return header.layout.kind === 'yearRows' ? header.layout.regionAt : 0;
}

/**
 * A footnote or source line ("Källa: SCB", ".. = uppgift saknas", "Fotnot: …"): text in the
 * first cell that is not a region, and nothing in the others.
 */
function isNote(cells: string[]): boolean {
  const [first = '', ...rest] = cells;
  return first !== '' && !REGION_START.test(first) && rest.every((cell) => cell === '');
}

/**
 * A note that starts with a number ("2024 års uppgifter är preliminära"), after the data: text in
 * the first cell only, no values, and not a region this import reads. Such a region stays a row
 * (with its figures missing in a worksheet, a ragged row in CSV); any other label is no region
 * at all, nor one to list as ignored.
 */
function isNumberedNote(cells: string[], header: Header, ctx: Context): boolean {
  const [first = '', ...rest] = cells;
  if (first === '' || rest.some((cell) => cell !== '')) return false;
  if (!header.fromSheet && cells.length >= header.labels.length) return false;
  const region = parseRegion(first, ctx.text);
  return typeof region === 'string' || (region.kind !== 'country' && isOutsideCounty(region, ctx));
}

function isOutsideCounty(region: Region, ctx: Context): boolean {
  const county = ctx.county;
  return !!county && region.kind !== 'country' && !region.code.startsWith(county.code);
}

/** Outside the county read: listed once per region, its figures neither checked nor saved. */
function isOutside(region: Region, line: number, ctx: Context): boolean {
  const county = ctx.county;
  if (!county || !isOutsideCounty(region, ctx)) return false;
  if (!ctx.ignored.some((ignored) => ignored.code === region.code)) {
    ctx.ignored.push({ code: region.code, name: region.name, line, reason: ctx.text.outsideCounty(ctx.lang === 'en' ? (county.nameEn ?? county.name) : county.name) });
  }
  return true;
}

/** Entries of one data line; every problem on the line goes into the errors. */
function readDataLine(cells: string[], line: number, header: Header, ctx: Context): Entry[] {
  if (cells.every((cell) => cell === '')) return [];
  const fitted = header.fromSheet ? fitToHeader(cells, header.labels.length) : cells;
  if (fitted.length !== header.labels.length) {
    const message = ctx.text.fieldCount(fitted.length, header.line, header.labels.length, header.separator);
    ctx.errors.push({ line, message });
    return [];
  }
  const region = parseRegion(fitted[regionAt(header)] ?? '', ctx.text);
  if (typeof region === 'string') ctx.errors.push({ line, message: region });
  // "00 Riket", the whole country, is neither a municipality nor a check sum for one.
  else if (region.kind === 'country') return [];
  // A row with no values outside the county is no region worth listing: a note, or nothing.
  else if (isOutsideCounty(region, ctx) && fitted.every((cell, at) => at === regionAt(header) || cell === '')) return [];
  else if (isOutside(region, line, ctx)) return [];
  const entries: Entry[] = [];
  for (const { year, text: cell, label } of rowCells(fitted, header, line, ctx)) {
    const value = parsePopulation(cell, ctx.text.forYear(year, label), ctx.text);
    if (typeof value === 'string') ctx.errors.push({ line, message: value });
    else if (typeof region !== 'string') entries.push({ line, region, year, value });
  }
  return entries;
}

/** A worksheet row as wide as the header: missing trailing cells are empty, extra empty ones dropped. */
function fitToHeader(cells: string[], width: number): string[] {
  const trimmed = cells.length > width ? [...cells.slice(0, width), ...withoutTrailingEmpty(cells.slice(width))] : cells;
  return trimmed.length < width ? [...trimmed, ...Array<string>(width - trimmed.length).fill('')] : trimmed;
}

/**
 * The table's entries. Lines that are notes (title, footnote, source) are skipped; once a note
 * follows the data, the table has ended and only lines that start like a region are still read,
 * so a footnote with a comma in it is not taken for a broken row.
 */
function readTable(lines: string[], header: Header, ctx: Context): Entry[] {
  const entries: Entry[] = [];
  let dataSeen = false;
  let ended = false;
  lines.forEach((lineText, index) => {
    if (index < header.line || lineText.trim() === '') return;
    const line = index + 1;
    const cells = splitCells(lineText, header.separator);
    if (ended && !REGION_START.test(cells?.[regionAt(header)] ?? lineText.trim())) return;
    if (!cells) {
      ctx.errors.push({ line, message: ctx.text.unclosedQuote });
      return;
    }
    if (isNote(cells) || (dataSeen && isNumberedNote(cells, header, ctx))) {
      ended = dataSeen;
      return;
    }
    if (cells.every((cell) => cell === '')) return;
    entries.push(...readDataLine(cells, line, header, ctx));
    dataSeen = true;
  });
  return entries;
}

/** A region may appear once per year; in layout A a repeated row repeats every year at once. */
function rejectDuplicates(entries: Entry[], ctx: Context): void {
  const seen = new Map<string, number>();
  const reported = new Set<number>();
  for (const { region, year, line } of entries) {
    const key = `${region.code}|${year}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, line);
    else if (!reported.has(line)) {
      reported.add(line);
      ctx.errors.push({ line, message: ctx.text.duplicate(`${region.code} ${region.name}`, year, first) });
    }
  }
}

/**
 * One county row against the sum of its municipalities. Only a complete sum can prove it
 * wrong: not when a municipality lacks the figure or is not in the file, nor when a rejected
 * row left one out. An incomplete check is a warning.
 */
function checkCounty(county: Entry & { value: number }, municipalities: Entry[], ctx: Context, rowsRejected: boolean) {
  const { region, year, value: countyPopulation } = county;
  const label = `${region.code} ${region.name}`;
  const inCounty = municipalities.filter((entry) => entry.region.code.startsWith(region.code));
  const codesInFile = new Set(inCounty.map((entry) => entry.region.code));
  const counted = inCounty.filter((entry) => entry.year === year && entry.value !== null);
  const sum = counted.reduce((total, entry) => total + (entry.value ?? 0), 0);
  const known = ctx.county?.code === region.code ? ctx.county.municipalities : undefined;
  const absent = Object.entries(known ?? {}).filter(([code]) => !codesInFile.has(code));
  const members = codesInFile.size + absent.length;
  const check: CountyCheck = {
    countyCode: region.code,
    name: region.name,
    year,
    countyPopulation,
    sumOfMunicipalities: sum,
    municipalitiesCounted: counted.length,
    matches: sum === countyPopulation,
    complete: codesInFile.size > 0 && absent.length === 0 && counted.length === codesInFile.size,
  };
  if (codesInFile.size === 0) return { check, warning: ctx.text.countyWithoutMunicipalities(label) };
  if (absent.length > 0) {
    return { check, warning: ctx.text.countyAbsent(absent.map(([code, name]) => `${code} ${name}`), members, label) };
  }
  if (counted.length < members) return { check, warning: ctx.text.countyGaps(members - counted.length, members, label, year) };
  if (check.matches || rowsRejected) return { check };
  const message = ctx.text.countyMismatch(countyPopulation, sum, year, label, counted.length);
  return { check, error: { line: county.line, message } };
}

/** Every county row is a check sum; municipalities whose county has no row cannot be checked. */
function checkCounties(entries: Entry[], ctx: Context, warnings: string[]): CountyCheck[] {
  const rowsRejected = ctx.errors.length > 0;
  const municipalities = entries.filter((entry) => entry.region.kind === 'municipality');
  const counties = entries.filter((entry) => entry.region.kind === 'county');
  const checks: CountyCheck[] = [];
  // An "absent municipalities" warning is the same for every year: said once per county.
  const said = new Set<string>();
  for (const county of counties) {
    const { region, year, value } = county;
    if (value === null) {
      warnings.push(ctx.text.countyRowWithoutFigure(`${region.code} ${region.name}`, year));
      continue;
    }
    const { check, warning, error } = checkCounty({ ...county, value }, municipalities, ctx, rowsRejected);
    checks.push(check);
    if (warning !== undefined && !said.has(warning)) warnings.push(warning);
    if (warning !== undefined) said.add(warning);
    if (error !== undefined) ctx.errors.push(error);
  }
  const countyCodes = new Set(counties.map((entry) => entry.region.code));
  const countiesOfMunicipalities = municipalities.map((entry) => entry.region.code.slice(0, 2));
  const withoutRow = new Set(countiesOfMunicipalities.filter((code) => !countyCodes.has(code)));
  for (const code of withoutRow) warnings.push(ctx.text.noCountyRow(code));
  return checks;
}

/** The accepted result: municipalities only; the county and country rows were only checks. */
function collectImport(
  entries: Entry[],
  header: Header,
  source: string,
): Pick<ScbImport, 'figures' | 'years' | 'missing' | 'names'> {
  const municipalities = entries.filter((entry) => entry.region.kind === 'municipality');
  const headerYears = header.layout.kind === 'yearColumns' ? header.layout.years : [];
  const years = new Set([...headerYears, ...entries.map((entry) => entry.year)].filter((y) => y !== undefined));
  const figures: PopulationFigure[] = [];
  const missing: ScbImport['missing'] = [];
  const names: Record<string, string> = {};
  for (const { region, year, value, line } of municipalities) {
    names[region.code] ??= region.name;
    if (value === null) missing.push({ municipalityCode: region.code, name: region.name, year, line });
    else figures.push({ municipalityCode: region.code, year, population: value, source });
  }
  return { figures, years: [...years].sort((a, b) => a - b), missing, names };
}

/** Worksheet rows as lines of tab-separated, quoted cells, one per Excel row, so line n is row n. */
function rowsAsLines(rows: string[][]): string[] {
  return rows.map((cells) => cells.map((cell) => `"${cell.replace(/[\r\n]+/g, ' ').replaceAll('"', '""')}"`).join('\t'));
}

/**
 * Parse an SCB export: CSV text or bytes, or the rows of a worksheet ({@link readXlsxRows}).
 * Every error is returned, each with its line (a worksheet's row number).
 */
export function parseScbPopulation(input: Uint8Array | string | { rows: string[][] }, opts?: ScbOptions): ScbParseResult {
  const lang = opts?.lang ?? 'sv';
  const text = SCB_TEXT[lang];
  const fromSheet = typeof input === 'object' && 'rows' in input;
  let lines: string[];
  if (fromSheet) lines = rowsAsLines(input.rows);
  else lines = (typeof input === 'string' ? input : decodeScbBytes(input)).replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const header = findHeader(lines, fromSheet, text);
  if (!('layout' in header)) return { ok: false, errors: [header] };
  const ctx: Context = { lang, text, county: opts?.county === undefined ? STOCKHOLM_COUNTY : opts.county, errors: [], ignored: [] };
  checkHeaderYears(header, ctx);
  const entries = readTable(lines, header, ctx);
  rejectDuplicates(entries, ctx);
  const warnings: string[] = [];
  const countyChecks = checkCounties(entries, ctx, warnings);
  if (ctx.errors.length === 0 && !entries.some((entry) => entry.region.kind === 'municipality')) {
    ctx.errors.push({ line: header.line, message: text.noMunicipalityRows(header.line) });
  }
  if (ctx.errors.length > 0) return { ok: false, errors: ctx.errors.sort((a, b) => a.line - b.line) };
  const source = opts?.source ?? `SCB BE0101N1 (${opts?.fileName ?? 'import'})`;
  const ignored = [...ctx.ignored].sort((a, b) => a.line - b.line);
  return { ok: true, value: { ...collectImport(entries, header, source), countyChecks, warnings, ignored } };
}

/**
 * Parse an SCB file of either kind: an Excel workbook (.xlsx, recognised by its zip signature)
 * through its first sheet, anything else as CSV.
 */
export async function parseScbFile(bytes: Uint8Array, inflate: InflateRaw, opts?: ScbOptions): Promise<ScbParseResult> {
  const workbook = await readXlsxRows(bytes, inflate);
  if (workbook.ok) return parseScbPopulation({ rows: workbook.rows }, opts);
  if (workbook.reason === 'notZip') return parseScbPopulation(bytes, opts);
  return { ok: false, errors: [{ line: 1, message: SCB_TEXT[opts?.lang ?? 'sv'][workbook.reason] }] };
}
