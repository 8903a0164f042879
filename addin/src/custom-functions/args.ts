import { CLUSTERS, isIsoDate, MAX_YEAR, MIN_YEAR, normalizeName, readYearValue } from '@ssr/shared';
import type { FeeGroup, FeeMode, MemberKind, ReimbursedFunction } from '@ssr/shared';
import { isFormattedNumber } from './cell-value';
import { badArgument } from './problems';
import { ARGUMENTS, EXPECTED, mustBe, notARange } from './texts';
import type { LocalText } from './texts';

/*
 * Excel passes what the user typed: null for a left-out optional argument, numbers, text,
 * booleans, or a 2D array for a range. Each reader here turns one argument into a domain
 * value or a #VALUE! that repeats what was given.
 */

function isLeftOut(value: unknown): value is null | undefined | '' {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

function scalar(value: unknown, what: LocalText): unknown {
  // With data types on, a money or date cell passed as an argument arrives as its Double value.
  if (isFormattedNumber(value)) return value.basicValue;
  if (!Array.isArray(value)) return value;
  // A one-cell range arrives as [[value]]: read it as that value.
  const rows: unknown[] = value;
  const row = rows.length === 1 ? rows[0] : undefined;
  if (Array.isArray(row) && row.length === 1) return scalar(row[0] as unknown, what);
  throw badArgument(notARange(what));
}

/** A fee year; left out, the current calendar year. */
export function readYear(value: unknown, currentYear: number, what: LocalText = ARGUMENTS.year): number {
  const given = scalar(value, what);
  // A year typed as a whole number in range, as in most cells: no parsing.
  if (typeof given === 'number' && Number.isInteger(given) && given >= MIN_YEAR && given <= MAX_YEAR) return given;
  if (isLeftOut(given)) return currentYear;
  const read = typeof given === 'number' || typeof given === 'string' ? readYearValue(given) : { problem: 'not-a-year' as const };
  if ('year' in read) return read.year;
  if (read.problem === 'not-a-year') throw badArgument(mustBe(what, EXPECTED.wholeYear, given));
  throw badArgument(mustBe(what, EXPECTED.yearBetween(MIN_YEAR, MAX_YEAR), given));
}

/** Words a person may type for a choice, English or Swedish, folded like member names. */
function choose<T>(value: unknown, what: LocalText, fallback: T, words: Readonly<Record<string, T>>, expected: LocalText): T {
  const given = scalar(value, what);
  if (isLeftOut(given)) return fallback;
  if (typeof given === 'string') {
    // A word typed as it is listed (the usual case, in thousands of cells) needs no folding.
    // Own words only: "constructor" is no mode, though every object answers to it.
    const word = Object.hasOwn(words, given) ? given : normalizeName(given);
    if (Object.hasOwn(words, word)) return words[word] as T;
  }
  throw badArgument(mustBe(what, expected, given));
}

const MODES: Readonly<Record<string, FeeMode>> = {
  exact: 'exact',
  exakt: 'exact',
  estimate: 'estimate',
  uppskattning: 'estimate',
  uppskattad: 'estimate',
};

/** `exact` (default: a missing population is an error) or `estimate` (R3 with the latest earlier figure), in either language. */
export function readMode(value: unknown): FeeMode {
  return choose(value, ARGUMENTS.mode, 'exact', MODES, EXPECTED.mode);
}

const GROUPS: Readonly<Record<string, FeeGroup>> = {
  all: 'all',
  alla: 'all',
  municipalities: 'municipalities',
  municipality: 'municipalities',
  kommuner: 'municipalities',
  kommun: 'municipalities',
  others: 'others',
  ovriga: 'others',
  actors: 'others',
  actor: 'others',
  aktorer: 'others',
  aktor: 'others',
  ...Object.fromEntries(CLUSTERS.map((cluster) => [normalizeName(cluster), cluster])),
};

export function readGroup(value: unknown): FeeGroup {
  return choose(value, ARGUMENTS.group, 'all', GROUPS, EXPECTED.group);
}

const ACTOR_CLASSES: Readonly<Record<string, 'single' | 'double'>> = {
  single: 'single',
  enkel: 'single',
  double: 'double',
  dubbel: 'double',
};

/** R4: the single fee (default) or the double fee. */
export function readActorClass(value: unknown): 'single' | 'double' {
  return choose(value, ARGUMENTS.feeClass, 'single', ACTOR_CLASSES, EXPECTED.feeClass);
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
  return choose(value, ARGUMENTS.kind, 'all', KINDS, EXPECTED.kind);
}

const FUNCTIONS: Readonly<Record<string, ReimbursedFunction | 'both'>> = { rsib: 'RSIB', rkk: 'RKK', both: 'both', alla: 'both', all: 'both' };

/** R6: RSIB, RKK, or both when left out. */
export function readReimbursedFunction(value: unknown): ReimbursedFunction | undefined {
  const fn = choose(value, ARGUMENTS.onCallFunction, 'both', FUNCTIONS, EXPECTED.onCallFunction);
  return fn === 'both' ? undefined : fn;
}

/**
 * A member by id, municipality code or name. Stockholm County's codes are 0114–0192, which
 * Excel turns into the numbers 114–192 unless the cell is text: those get their zero back.
 */
export function readMember(value: unknown, what: LocalText = ARGUMENTS.member): string {
  const given = scalar(value, what);
  if (typeof given === 'number' && Number.isInteger(given) && given >= 100 && given <= 999) return `0${given}`;
  if (typeof given === 'string' && given.trim() !== '') {
    const text = given.trim();
    return text.length === 3 && /^\d{3}$/.test(text) ? `0${text}` : text;
  }
  throw badArgument(mustBe(what, EXPECTED.member, given));
}

/**
 * A fee-rule version by its id (`avgifter-2027`), or undefined when left out: the version in
 * force. Ids are lower case; what was typed is folded to that.
 */
export function readRule(value: unknown): string | undefined {
  const given = scalar(value, ARGUMENTS.rule);
  if (isLeftOut(given)) return undefined;
  if (typeof given === 'string') return given.trim().toLowerCase();
  throw badArgument(mustBe(ARGUMENTS.rule, EXPECTED.rule, given));
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
export function readDate(value: unknown, what: LocalText = ARGUMENTS.noticeDate): string {
  const given = scalar(value, what);
  const iso =
    typeof given === 'number' ? excelSerialToIsoDate(given) : typeof given === 'string' && isIsoDate(given.trim()) ? given.trim() : undefined;
  if (iso === undefined) {
    throw badArgument(mustBe(what, EXPECTED.date, given));
  }
  return iso;
}
