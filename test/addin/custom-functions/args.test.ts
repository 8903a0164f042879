import { describe, expect, test } from 'vitest';
import { excelSerialToIsoDate, readActorClass, readDate, readGroup, readKind, readMember, readMode, readReimbursedFunction, readYear } from '../../../addin/src/custom-functions/args';

// How the functions read what Excel passes: null for a left-out argument, numbers, text in
// English or Swedish, Excel date serials, one-cell ranges.

describe('Excel date serials (1900 date system)', () => {
  test.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [45_292, '2024-01-01'],
    [46_203, '2026-06-30'],
    [46_203.999, '2026-06-30'],
    [2_958_465, '9999-12-31'],
  ])('%d is %s', (serial, iso) => {
    expect(excelSerialToIsoDate(serial)).toBe(iso);
  });

  test.each([0, 60, -5, 2_958_466, Number.NaN])('%d is no date (60 is the 29 Feb 1900 Excel keeps for Lotus 1-2-3)', (serial) => {
    expect(excelSerialToIsoDate(serial)).toBeUndefined();
  });

  test('a date as ISO text, trimmed; a one-cell range as its value', () => {
    expect(readDate(' 2026-07-01 ')).toBe('2026-07-01');
    expect(readDate([[46_204]])).toBe('2026-07-01');
  });
});

describe('years: left out is the current year', () => {
  test.each([
    [null, 2031],
    [undefined, 2031],
    ['', 2031],
    ['  ', 2031],
    [2024, 2024],
    [' 2024 ', 2024],
    [[[2026]], 2026],
  ])('%j → %i', (given, year) => {
    expect(readYear(given, 2031)).toBe(year);
  });
});

describe('choices in English or Swedish', () => {
  test.each([
    [readMode, null, 'exact'],
    [readMode, 'EXAKT', 'exact'],
    [readMode, 'Estimate', 'estimate'],
    [readGroup, null, 'all'],
    [readGroup, 'övriga', 'others'],
    [readGroup, 'Kommuner', 'municipalities'],
    [readGroup, 'STOCKHOLMS STAD', 'Stockholms stad'],
    [readGroup, 'syd', 'Syd'],
    [readActorClass, null, 'single'],
    [readActorClass, 'Dubbel', 'double'],
    [readKind, null, 'all'],
    [readKind, 'aktörer', 'actor'],
    [readKind, 'kommun', 'municipality'],
    [readReimbursedFunction, null, undefined],
    [readReimbursedFunction, 'rsib', 'RSIB'],
    [readReimbursedFunction, 'RKK', 'RKK'],
  ] as const)('%o(%j) → %j', (read, given, expected) => {
    expect((read as (value: unknown) => unknown)(given)).toBe(expected);
  });
});

describe('only the listed words are choices', () => {
  // Every object answers to "constructor"; a word table must not take it for a mode or a group.
  test.each([readMode, readGroup, readActorClass, readKind, readReimbursedFunction])('%o refuses the names objects inherit', (read) => {
    for (const word of ['constructor', 'Constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
      expect(() => (read as (value: unknown) => unknown)(word), word).toThrow(/ must be /);
    }
  });
});

describe('years as numbers', () => {
  test.each([
    [1900, 1900],
    [2200, 2200],
    [[[2027]], 2027],
  ])('%j → %i', (given, year) => {
    expect(readYear(given, 2031)).toBe(year);
  });

  test.each([1899, 2201, 2024.5, Number.NaN, Number.POSITIVE_INFINITY])('%d is no year the register holds', (given) => {
    expect(() => readYear(given, 2031)).toThrow(/^Year must be /);
  });
});

describe('members', () => {
  test.each([
    [' Nacka ', 'Nacka'],
    [182, '0182'],
    ['182', '0182'],
    ['0182', '0182'],
    [[['Solna']], 'Solna'],
  ])('%j → %j', (given, query) => {
    expect(readMember(given)).toBe(query);
  });

  test.each([null, '', 12.5, true])('%j is no member', (given) => {
    expect(() => readMember(given)).toThrow(/^Member must be a member's name, id or municipality code; got /);
  });
});
