import { CLUSTERS, isIsoDate, MAX_YEAR, MIN_YEAR, normalizeName, readYearValue } from '@ssr/shared';
import type { FeeGroup, FeeMode, MemberKind, ReimbursedFunction } from '@ssr/shared';
import { badArgument, shown } from './problems';

/*
 * Excel passes what the user typed: null for a left-out optional argument, numbers, text,
 * booleans, or a 2D array for a range. Each reader here turns one argument into a domain
 * value or a #VALUE! that repeats what was given.
 */

function isLeftOut(value: unknown): value is null | undefined | '' {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

function scalar(value: unknown, what: string): unknown {
  if (!Array.isArray(value)) return value;
  // A one-cell range arrives as [[value]]: read it as that value.
  const rows: unknown[] = value;
  const row = rows.length === 1 ? rows[0] : undefined;
  if (Array.isArray(row) && row.length === 1) return scalar(row[0] as unknown, what);
  throw badArgument(`${what} must be a single value, not a range.`);
}

/** A fee year; left out, the current calendar year. */
export function readYear(value: unknown, currentYear: number, what = 'Year'): number {
  const given = scalar(value, what);
  if (isLeftOut(given)) return currentYear;
  const read = typeof given === 'number' || typeof given === 'string' ? readYearValue(given) : { problem: 'not-a-year' as const };
  if ('year' in read) return read.year;
  if (read.problem === 'not-a-year') throw badArgument(`${what} must be a whole year such as 2025; got ${shown(given)}.`);
  throw badArgument(`${what} must be between ${MIN_YEAR} and ${MAX_YEAR}; got ${shown(given)}.`);
}

/** Words a person may type for a choice, English or Swedish, folded like member names. */
function choose<T>(value: unknown, what: string, fallback: T, words: Readonly<Record<string, T>>, expected: string): T {
  const given = scalar(value, what);
  if (isLeftOut(given)) return fallback;
  if (typeof given === 'string') {
    const found = words[normalizeName(given)];
    if (found !== undefined) return found;
  }
  throw badArgument(`${what} must be ${expected}; got ${shown(given)}.`);
}

const MODES: Readonly<Record<string, FeeMode>> = {
  exact: 'exact',
  exakt: 'exact',
  estimate: 'estimate',
  uppskattning: 'estimate',
  uppskattad: 'estimate',
};

/** `exact` (default: a missing population is an error) or `estimate` (R3 with the latest earlier figure). */
export function readMode(value: unknown): FeeMode {
  return choose(value, 'Mode', 'exact', MODES, '"exact" or "estimate"');
}

const GROUPS: Readonly<Record<string, FeeGroup>> = {
  all: 'all',
  alla: 'all',
  municipalities: 'municipalities',
  kommuner: 'municipalities',
  others: 'others',
  ovriga: 'others',
  actors: 'others',
  aktorer: 'others',
  ...Object.fromEntries(CLUSTERS.map((cluster) => [normalizeName(cluster), cluster])),
};

export function readGroup(value: unknown): FeeGroup {
  return choose(value, 'Group', 'all', GROUPS, `all, municipalities, others or a cluster (${CLUSTERS.join(', ')})`);
}

const ACTOR_CLASSES: Readonly<Record<string, 'single' | 'double'>> = {
  single: 'single',
  enkel: 'single',
  double: 'double',
  dubbel: 'double',
};

/** R4: the single fee (default) or the double fee. */
export function readActorClass(value: unknown): 'single' | 'double' {
  return choose(value, 'Class', 'single', ACTOR_CLASSES, '"single" or "double"');
}

const KINDS: Readonly<Record<string, MemberKind | 'all'>> = {
  all: 'all',
  alla: 'all',
  municipality: 'municipality',
  municipalities: 'municipality',
  kommun: 'municipality',
  kommuner: 'municipality',
  actor: 'actor',
  actors: 'actor',
  aktor: 'actor',
  aktorer: 'actor',
  others: 'actor',
  ovriga: 'actor',
};

export function readKind(value: unknown): MemberKind | 'all' {
  return choose(value, 'Kind', 'all', KINDS, '"municipality", "actor" or "all"');
}

const FUNCTIONS: Readonly<Record<string, ReimbursedFunction | 'both'>> = { rsib: 'RSIB', rkk: 'RKK', both: 'both', alla: 'both', all: 'both' };

/** R6: RSIB, RKK, or both when left out. */
export function readReimbursedFunction(value: unknown): ReimbursedFunction | undefined {
  const fn = choose(value, 'Function', 'both', FUNCTIONS, '"RSIB" or "RKK"');
  return fn === 'both' ? undefined : fn;
}

/**
 * A member by id, municipality code or name. Stockholm County's codes are 0114–0192, which
 * Excel turns into the numbers 114–192 unless the cell is text: those get their zero back.
 */
export function readMember(value: unknown, what = 'Member'): string {
  const given = scalar(value, what);
  if (typeof given === 'number' && Number.isInteger(given) && given >= 100 && given <= 999) return `0${given}`;
  if (typeof given === 'string' && given.trim() !== '') {
    const text = given.trim();
    return /^\d{3}$/.test(text) ? `0${text}` : text;
  }
  throw badArgument(`${what} must be a member's name, id or municipality code; got ${isLeftOut(given) ? 'nothing' : shown(given)}.`);
}

const DAY_MS = 86_400_000;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
/** 31 Dec 9999, the last date Excel has. */
const LAST_EXCEL_SERIAL = 2_958_465;

/** An Excel date serial (1900 date system) as an ISO date. */
export function excelSerialToIsoDate(serial: number): string | undefined {
  const day = Math.floor(serial);
  // Serial 60 is 29 Feb 1900, a day that never was (kept by Excel for Lotus 1-2-3).
  if (!Number.isFinite(day) || day < 1 || day > LAST_EXCEL_SERIAL || day === 60) return undefined;
  const offset = day < 60 ? day + 1 : day;
  return new Date(EXCEL_EPOCH_MS + offset * DAY_MS).toISOString().slice(0, 10);
}

/** A date given as an Excel date (a serial number) or as ISO text `2026-06-30`. */
export function readDate(value: unknown, what: string): string {
  const given = scalar(value, what);
  const iso =
    typeof given === 'number' ? excelSerialToIsoDate(given) : typeof given === 'string' && isIsoDate(given.trim()) ? given.trim() : undefined;
  if (iso === undefined) {
    throw badArgument(`${what} must be a date (an Excel date or text like 2026-06-30); got ${isLeftOut(given) ? 'nothing' : shown(given)}.`);
  }
  return iso;
}
