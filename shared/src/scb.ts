import { MAX_POPULATION, MAX_YEAR, MIN_YEAR, type PopulationFigure } from './schemas';
import { decodeScbBytes, detectSeparator, splitCells } from './scb-decode';
import { formatCount } from './money';

export { decodeScbBytes };

/**
 * Reads SCB's PxWeb export of table BE0101N1 "Folkmängd efter region och år" (domain.md,
 * "SCB population exports"): years as columns (layout A) or as a column of their own
 * (layout B), any of three separators, with the county row used as a check sum.
 */

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
}
export interface ScbImport {
  figures: PopulationFigure[];
  years: number[];
  missing: { municipalityCode: string; name: string; year: number; line: number }[];
  countyChecks: CountyCheck[];
  names: Record<string, string>;
  warnings: string[];
}
export type ScbParseResult = { ok: true; value: ScbImport } | { ok: false; errors: ScbLineError[] };

type Layout =
  | { kind: 'yearColumns'; years: (number | undefined)[] }
  | { kind: 'yearRows'; regionAt: number; yearAt: number; valueAt: number };
interface Header {
  line: number;
  separator: string;
  labels: string[];
  layout: Layout;
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

const SEPARATOR_NAMES: Record<string, string> = { '\t': 'tabb', ';': 'semikolon', ',': 'komma' };
const YEAR_IN_LABEL = /(?<!\d)(\d{4})(?!\d)/;
const YEAR_COLUMN_LABELS = new Set(['år', 'ar', 'year']);
const REGION_LABEL = /^(\d+)\s+(\S.*)$/;
/** Thousands grouped by a space, NBSP or narrow NBSP, as SCB and Excel write them. */
const GROUPED_NUMBER = /^\d{1,3}(?:[ \u00A0\u202F]\d{3})*$/;
const PLAIN_NUMBER = /^\d+$/;

function isYearInRange(year: number): boolean {
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

/** A header names the region column and either one year per column or a year column. */
function classifyHeader(labels: string[]): Layout | string | undefined {
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
  return (
    `Rubrikraden ${labels.map((label) => `"${label}"`).join(', ')} går inte att tolka: den ska ha ett årtal per ` +
    'kolumn efter "region" (till exempel region, 2023, 2024) eller tre kolumner: region, år och folkmängd.'
  );
}

/** Years outside the valid range or repeated are errors on the header line; their columns are skipped. */
function checkHeaderYears(header: Header, errors: ScbLineError[]): void {
  if (header.layout.kind !== 'yearColumns') return;
  const years = header.layout.years;
  years.forEach((year, at) => {
    if (year === undefined) return;
    if (!isYearInRange(year)) {
      const label = header.labels[at] ?? '';
      const message = `Kolumnen "${label}" har året ${year}, som ligger utanför ${MIN_YEAR}–${MAX_YEAR}.`;
      errors.push({ line: header.line, message });
      years[at] = undefined;
    } else if (years.indexOf(year) < at) {
      errors.push({ line: header.line, message: `Året ${year} finns i två kolumner i rubrikraden.` });
      years[at] = undefined;
    }
  });
}

/** Lines before the header (PxWeb's title line, blank lines) are skipped. */
function findHeader(lines: string[]): Header | ScbLineError {
  for (const [index, text] of lines.entries()) {
    const separator = detectSeparator(text);
    const labels = separator === undefined ? undefined : splitCells(text, separator);
    if (separator === undefined || labels === undefined) continue;
    const layout = classifyHeader(labels);
    if (typeof layout === 'string') return { line: index + 1, message: layout };
    if (layout) return { line: index + 1, separator, labels, layout };
  }
  const empty = lines.every((text) => text.trim() === '');
  return {
    line: 1,
    message: empty
      ? 'Filen är tom.'
      : 'Hittade ingen rubrikrad: ingen rad börjar med "region" följd av årtal (2023, 2024 …) ' +
        'eller av kolumnerna år och folkmängd.',
  };
}

function parseRegion(label: string): Region | string {
  const match = REGION_LABEL.exec(label);
  const code = match?.[1] ?? '';
  const name = match?.[2]?.trim() ?? '';
  if (name !== '' && code.length === 4) return { code, name, kind: 'municipality' };
  if (name !== '' && code.length === 2) return { code, name, kind: code === '00' ? 'country' : 'county' };
  return (
    `Regionen "${label}" ska vara en kod och ett namn, ` +
    'till exempel "0180 Stockholm" (kommun) eller "01 Stockholms län" (län).'
  );
}

/** null for a missing figure (".." or empty); a string says what is wrong. */
function parsePopulation(text: string, where: string): number | null | string {
  if (text === '..' || text === '') return null;
  if (!GROUPED_NUMBER.test(text) && !PLAIN_NUMBER.test(text)) {
    return `Folkmängden ${where} är "${text}", som inte är ett helt tal (0 eller större).`;
  }
  const value = Number(text.replace(/\D/g, ''));
  if (value > MAX_POPULATION) {
    return `Folkmängden ${where} är ${formatCount(value)}, mer än högst tillåtna ${formatCount(MAX_POPULATION)}.`;
  }
  return value;
}

/** The (year, number text, column label) cells a data row holds under the header's layout. */
function rowCells(cells: string[], header: Header, line: number, errors: ScbLineError[]) {
  const layout = header.layout;
  if (layout.kind === 'yearColumns') {
    return layout.years.flatMap((year, at) =>
      year === undefined ? [] : [{ year, text: cells[at] ?? '', label: header.labels[at] ?? '' }],
    );
  }
  const yearText = cells[layout.yearAt] ?? '';
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
  if (year === undefined || !isYearInRange(year)) {
    const message = `Året "${yearText}" ska vara ett årtal med fyra siffror mellan ${MIN_YEAR} och ${MAX_YEAR}.`;
    errors.push({ line, message });
    return [];
  }
  return [{ year, text: cells[layout.valueAt] ?? '', label: header.labels[layout.valueAt] ?? '' }];
}

/** Entries of one data line; every problem on the line goes into errors. */
function readDataLine(text: string, line: number, header: Header, errors: ScbLineError[]): Entry[] {
  const cells = splitCells(text, header.separator);
  if (!cells) {
    errors.push({ line, message: 'Ett citattecken (") avslutas aldrig på raden.' });
    return [];
  }
  if (cells.every((cell) => cell === '')) return [];
  if (cells.length !== header.labels.length) {
    const separatorName = SEPARATOR_NAMES[header.separator] ?? header.separator;
    const message =
      `Raden har ${cells.length} fält men rubrikraden (rad ${header.line}) har ${header.labels.length} ` +
      `(avgränsare: ${separatorName}).`;
    errors.push({ line, message });
    return [];
  }
  const regionAt = header.layout.kind === 'yearRows' ? header.layout.regionAt : 0;
  const region = parseRegion(cells[regionAt] ?? '');
  if (typeof region === 'string') errors.push({ line, message: region });
  // "00 Riket", the whole country, is neither a municipality nor a check sum for one.
  if (typeof region !== 'string' && region.kind === 'country') return [];
  const entries: Entry[] = [];
  for (const { year, text: cell, label } of rowCells(cells, header, line, errors)) {
    const value = parsePopulation(cell, `för ${year} (kolumnen "${label}")`);
    if (typeof value === 'string') errors.push({ line, message: value });
    else if (typeof region !== 'string') entries.push({ line, region, year, value });
  }
  return entries;
}

/** A region may appear once per year; in layout A a repeated row repeats every year at once. */
function rejectDuplicates(entries: Entry[], errors: ScbLineError[]): void {
  const seen = new Map<string, number>();
  const reported = new Set<number>();
  for (const { region, year, line } of entries) {
    const key = `${region.code}|${year}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, line);
    else if (!reported.has(line)) {
      reported.add(line);
      const message = `Regionen ${region.code} ${region.name} finns redan för ${year} på rad ${first}.`;
      errors.push({ line, message });
    }
  }
}

/**
 * One county row against the sum of its municipalities. Only a complete sum can prove it
 * wrong: not when a municipality lacks the figure, nor when a rejected row left one out.
 */
function checkCounty(county: Entry & { value: number }, municipalities: Entry[], rowsRejected: boolean) {
  const { region, year, value: countyPopulation } = county;
  const label = `${region.code} ${region.name}`;
  const inCounty = municipalities.filter((entry) => entry.region.code.startsWith(region.code));
  const members = new Set(inCounty.map((entry) => entry.region.code)).size;
  const counted = inCounty.filter((entry) => entry.year === year && entry.value !== null);
  const sum = counted.reduce((total, entry) => total + (entry.value ?? 0), 0);
  const check: CountyCheck = {
    countyCode: region.code,
    name: region.name,
    year,
    countyPopulation,
    sumOfMunicipalities: sum,
    municipalitiesCounted: counted.length,
    matches: sum === countyPopulation,
  };
  if (members === 0) return { check, warning: `Länet ${label} har inga kommuner i filen att jämföra med.` };
  if (counted.length < members) {
    const warning =
      `${members - counted.length} av ${members} kommuner i ${label} saknar siffra för ${year}, ` +
      'så länets summa kunde inte kontrolleras helt.';
    return { check, warning };
  }
  if (check.matches || rowsRejected) return { check };
  const message =
    `Länets summa ${formatCount(countyPopulation)} stämmer inte med kommunernas summa ${formatCount(sum)} ` +
    `för ${year} (${label}, ${counted.length} kommuner).`;
  return { check, error: { line: county.line, message } };
}

/** Every county row is a check sum; municipalities whose county has no row cannot be checked. */
function checkCounties(entries: Entry[], errors: ScbLineError[], warnings: string[]): CountyCheck[] {
  const rowsRejected = errors.length > 0;
  const municipalities = entries.filter((entry) => entry.region.kind === 'municipality');
  const counties = entries.filter((entry) => entry.region.kind === 'county');
  const checks: CountyCheck[] = [];
  for (const county of counties) {
    const { region, year, value } = county;
    if (value === null) {
      const label = `${region.code} ${region.name}`;
      warnings.push(`Länsraden ${label} saknar siffra för ${year}, så summan kunde inte kontrolleras.`);
      continue;
    }
    const { check, warning, error } = checkCounty({ ...county, value }, municipalities, rowsRejected);
    checks.push(check);
    if (warning !== undefined) warnings.push(warning);
    if (error !== undefined) errors.push(error);
  }
  const countyCodes = new Set(counties.map((entry) => entry.region.code));
  const countiesOfMunicipalities = municipalities.map((entry) => entry.region.code.slice(0, 2));
  const withoutRow = new Set(countiesOfMunicipalities.filter((code) => !countyCodes.has(code)));
  for (const code of withoutRow) {
    warnings.push(`Filen har ingen länsrad för län ${code}, så kommunernas summa kunde inte kontrolleras.`);
  }
  return checks;
}

/** The accepted result: municipalities only; the county and country rows were only checks. */
function collectImport(
  entries: Entry[],
  header: Header,
  source: string,
  warnings: string[],
): Omit<ScbImport, 'countyChecks'> {
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
  return { figures, years: [...years].sort((a, b) => a - b), missing, names, warnings };
}

export function parseScbPopulation(
  input: Uint8Array | string,
  opts?: { source?: string; fileName?: string },
): ScbParseResult {
  const text = typeof input === 'string' ? input : decodeScbBytes(input);
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const header = findHeader(lines);
  if (!('layout' in header)) return { ok: false, errors: [header] };
  const errors: ScbLineError[] = [];
  checkHeaderYears(header, errors);
  const entries = lines.flatMap((lineText, index) =>
    index < header.line || lineText.trim() === '' ? [] : readDataLine(lineText, index + 1, header, errors),
  );
  rejectDuplicates(entries, errors);
  const warnings: string[] = [];
  const countyChecks = checkCounties(entries, errors, warnings);
  if (errors.length === 0 && !entries.some((entry) => entry.region.kind === 'municipality')) {
    const message = `Rubrikraden på rad ${header.line} följs inte av någon rad med en kommun (fyrsiffrig kod).`;
    errors.push({ line: header.line, message });
  }
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  const source = opts?.source ?? `SCB BE0101N1 (${opts?.fileName ?? 'import'})`;
  return { ok: true, value: { ...collectImport(entries, header, source, warnings), countyChecks } };
}
