import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startStack } from '../../support/stack';
import type { Stack } from '../../support/stack';
import { isFormattedNumber } from '../../../addin/src/custom-functions';
import { cellError, excel, installCustomFunctionsStandIn, sek, useFunctions } from './support';

// The worked figures of domain.md through each SSR.* function, over real HTTP against the API
// dev host and a real Azurite seeded with the register. The clock stands in mid-2025; the
// stand-in Excel is an English one that takes data types, so kronor come back formatted.

let stack: Stack;

beforeAll(async () => {
  installCustomFunctionsStandIn();
  stack = await startStack();
  useFunctions(stack.apiUrl, { host: { lang: 'en', dataTypes: true } });
});

afterAll(async () => {
  await stack.stop();
});

describe('SSR.FEE: R2 municipal fee on the R3 population, R4 actor fees', () => {
  test.each([
    ['Nacka, fee year 2025: 112 112 × 1,50', ['Nacka', 2025], 168_168],
    ['a name in lower case', ['nacka', 2025], 168_168],
    ['a name without accents', ['sodertalje', 2024], 153_778.5],
    ['a name in capitals without accents', ['OSTERAKER', 2025], 74_680.5],
    ['a municipality code', ['0182', 2025], 168_168],
    ['a code Excel turned into a number', [182, 2025], 168_168],
    ['an id', ['upplands-bro', 2024], 48_679.5],
    ['the year as text', ['Nacka', '2025'], 168_168],
    ['the year left out: the current calendar year (2025)', ['Nacka', null, null], 168_168],
    ['a single-fee actor', ['SOS Alarm', 2025], 280_000],
    ['a double-fee actor', ['Trafikverket', 2025], 560_000],
    ['estimate mode: Vallentuna 2025 from 31 dec 2023', ['Vallentuna', 2025, 'estimate'], 52_614],
    ['estimate mode in Swedish', ['Vallentuna', 2025, 'uppskattning'], 52_614],
    ['estimate mode for 2026: the latest figure', ['Nacka', 2026, 'estimate'], 168_168],
    ['exact mode said out loud', ['Nacka', 2025, 'exact'], 168_168],
  ])('%s', async (_, args, expected) => {
    await expect(excel('FEE', ...args)).resolves.toStrictEqual(sek(expected));
  });

  test.each([
    ['unknown member, with the near name', ['Nakka', 2025], cellError('#VALUE!', "Unknown member 'Nakka'. Did you mean 'Nacka'?")],
    ['unknown member, nothing near', ['Göteborg', 2025], cellError('#VALUE!', "Unknown member 'Göteborg'.")],
    ['member left empty', ['', 2025], cellError('#VALUE!', "Member must be a member's name, id or municipality code; got nothing.")],
    ['missing figure (exact)', ['Vallentuna', 2025], cellError('#N/A', 'No population figure for Vallentuna (0115) on 31 Dec 2024.')],
    ['missing figure for 2026 (exact)', ['Nacka', 2026], cellError('#N/A', 'No population figure for Nacka (0182) on 31 Dec 2025.')],
    ['not a member yet (R8)', ['Nacka', 2023], cellError('#N/A', 'Nacka is not a member in 2023.')],
    ['a year that is not one', ['Nacka', 'tjugo'], cellError('#VALUE!', "Year must be a whole year such as 2025; got 'tjugo'.")],
    ['a fractional year', ['Nacka', 2025.5], cellError('#VALUE!', 'Year must be a whole year such as 2025; got 2025.5.')],
    ['a date serial given as year', ['Nacka', 45_000], cellError('#VALUE!', 'Year must be between 1900 and 2200; got 45000.')],
    ['a year given as TRUE', ['Nacka', true], cellError('#VALUE!', 'Year must be a whole year such as 2025; got true.')],
    ['a range given as year', ['Nacka', [[2024], [2025]]], cellError('#VALUE!', 'Year must be a single value, not a range.')],
    ['an unknown mode', ['Nacka', 2025, 'exactly'], cellError('#VALUE!', 'Mode must be "exact" or "estimate"; got \'exactly\'.')],
  ])('%s', async (_, args, expected) => {
    await expect(excel('FEE', ...args)).rejects.toMatchObject(expected);
  });
});

describe('SSR.TOTAL: the year\'s fees by group', () => {
  test.each([
    ['2024: 3 682 231,50 + 3 920 000', [2024], 7_602_231.5],
    ['2024, group left out', [2024, null, null], 7_602_231.5],
    ['2024, municipalities', [2024, 'municipalities'], 3_682_231.5],
    ['2024, others: 8 × 280 000 + 3 × 560 000', [2024, 'others'], 3_920_000],
    ['2024, Stockholms stad', [2024, 'Stockholms stad'], 1_483_414.5],
    ['2024, a cluster in lower case', [2024, 'stockholms stad'], 1_483_414.5],
    ['2025, others are whole in exact mode', [2025, 'others'], 3_920_000],
    ['2025, Stockholms stad has its figure', [2025, 'Stockholms stad'], 1_493_361],
    ['2025 in estimate mode: six figures from 31 dec 2023', [2025, 'all', 'estimate'], 7_628_831],
    ['2026 in estimate mode: each latest figure', [2026, null, 'estimate'], 7_628_831],
    ['the year left out (2025), others', [null, 'others'], 3_920_000],
  ])('%s', async (_, args, expected) => {
    await expect(excel('TOTAL', ...args)).resolves.toStrictEqual(sek(expected));
  });

  test('2025 in exact mode is #N/A naming the six municipalities and the date', async () => {
    await expect(excel('TOTAL', 2025)).rejects.toMatchObject(
      cellError(
        '#N/A',
        'No population figures on 31 Dec 2024 for 6 municipalities: Vallentuna (0115), Värmdö (0120), Salem (0128), ' +
          'Tyresö (0138), Upplands-Bro (0139), Nykvarn (0140). Use mode "estimate" to budget with the latest figures.',
      ),
    );
  });

  test('a cluster with one figure missing names it', async () => {
    await expect(excel('TOTAL', 2025, 'Norr')).rejects.toMatchObject(
      cellError('#N/A', 'No population figure for Vallentuna (0115) on 31 Dec 2024.'),
    );
  });

  test('an unknown group', async () => {
    await expect(excel('TOTAL', 2024, 'Söder')).rejects.toMatchObject(cellError('#VALUE!', /^Group must be all, municipalities, others or a cluster .*; got 'Söder'\.$/));
  });
});

describe('SSR.POPULATION: the figure of 31 December itself', () => {
  test.each([
    [['Nacka', 2024], 112_112],
    [['Stockholm', 2023], 988_943],
    [['0117', 2023], 49_282],
  ])('%j', async (args, expected) => {
    await expect(excel('POPULATION', ...args)).resolves.toBe(expected);
  });

  test('a figure not in the register is #N/A with the municipality and the date', async () => {
    await expect(excel('POPULATION', 'Vallentuna', 2024)).rejects.toMatchObject(cellError('#N/A', 'No population figure for Vallentuna (0115) on 31 Dec 2024.'));
  });

  test('an actor has no population', async () => {
    await expect(excel('POPULATION', 'Trafikverket', 2024)).rejects.toMatchObject(cellError('#VALUE!', 'Trafikverket is not a municipality, so it has no population figure.'));
  });
});

describe('SSR.FEEBASIS: how the fee was reached', () => {
  test.each([
    [['Nacka', 2025], 'SEK 1.50 × 112,112 inhabitants (31 Dec 2024)'],
    [['Vallentuna', 2025, 'estimate'], 'SEK 1.50 × 35,076 inhabitants (31 Dec 2024; estimated from 31 Dec 2023)'],
    [['Trafikverket', 2025], 'Double fee SEK 560,000.00'],
    [['Kustbevakningen', 2025], 'Fee SEK 280,000.00'],
  ])('%j', async (args, expected) => {
    await expect(excel('FEEBASIS', ...args)).resolves.toBe(expected);
  });
});

describe('SSR.RATE and SSR.ACTORFEE: the rule in force (R7)', () => {
  test.each([
    ['RATE', [2025], 1.5],
    ['RATE', [null], 1.5],
    ['ACTORFEE', [2025], 280_000],
    ['ACTORFEE', [2025, 'double'], 560_000],
    ['ACTORFEE', [2025, 'dubbel'], 560_000],
    ['ACTORFEE', [null, 'single'], 280_000],
  ] as const)('SSR.%s%j', async (id, args, expected) => {
    await expect(excel(id, ...args)).resolves.toStrictEqual(sek(expected));
  });

  test('no rule before 2024', async () => {
    await expect(excel('RATE', 2023)).rejects.toMatchObject(cellError('#N/A', 'No adopted fee rule is in force for 2023.'));
  });

  test('an unknown class', async () => {
    await expect(excel('ACTORFEE', 2025, 'triple')).rejects.toMatchObject(cellError('#VALUE!', 'Class must be "single" or "double"; got \'triple\'.'));
  });
});

describe('SSR.LASTYEAR: R9 notice', () => {
  test.each([
    ['notice on 2026-06-30 (ISO text)', '2026-06-30', 2026],
    ['notice on 2026-07-01 (ISO text)', '2026-07-01', 2027],
    ['notice on 30 June 2026 (Excel date serial)', 46_203, 2026],
    ['notice on 1 July 2026 (Excel date serial)', 46_204, 2027],
    ['an Excel date with a time of day', 46_204.75, 2027],
  ])('%s', async (_, date, expected) => {
    await expect(excel('LASTYEAR', date)).resolves.toBe(expected);
  });

  test.each([
    ['30/6/2026', "Notice date must be a date (an Excel date or text like 2026-06-30); got '30/6/2026'."],
    ['2026-02-30', "Notice date must be a date (an Excel date or text like 2026-06-30); got '2026-02-30'."],
    [null, 'Notice date must be a date (an Excel date or text like 2026-06-30); got nothing.'],
    [-1, 'Notice date must be a date (an Excel date or text like 2026-06-30); got -1.'],
  ])('%j is not a date', async (date, message) => {
    await expect(excel('LASTYEAR', date)).rejects.toMatchObject(cellError('#VALUE!', message));
  });
});

describe('SSR.CLUSTER (R10)', () => {
  test.each([
    ['Nacka', 'Mitt'],
    ['stockholm', 'Stockholms stad'],
    ['Täby', 'Norr'],
    ['Trafikverket', ''],
  ])('%s', async (member, expected) => {
    await expect(excel('CLUSTER', member)).resolves.toBe(expected);
  });
});

describe('spilled tables, header row first', () => {
  test('SSR.FEES(2024): a row per member with basis and fee', async () => {
    const table = (await excel('FEES', 2024)) as unknown[][];
    expect(table[0]).toEqual(['Id', 'Name', 'Kind', 'Cluster', 'Fee class', 'Basis', 'Fee']);
    expect(table).toHaveLength(38);
    expect(table).toContainEqual(['nacka', 'Nacka', 'municipality', 'Mitt', 'municipality', 'SEK 1.50 × 110,633 inhabitants (31 Dec 2023)', sek(165_949.5)]);
    expect(table).toContainEqual(['trafikverket', 'Trafikverket', 'actor', '', 'double', 'Double fee SEK 560,000.00', sek(560_000)]);
    const fees = table.slice(1).map((row) => (isFormattedNumber(row[6]) ? row[6].basicValue : NaN));
    expect(fees.reduce((sum, fee) => sum + Math.round(fee * 100), 0)).toBe(760_223_150);
  });

  test('SSR.FEES(2025) in exact mode keeps a missing municipality with #N/A for its fee', async () => {
    const table = (await excel('FEES', 2025, null)) as unknown[][];
    const vallentuna = table.find((row) => row[0] === 'vallentuna');
    expect(vallentuna?.slice(0, 6)).toEqual(['vallentuna', 'Vallentuna', 'municipality', 'Norr', 'municipality', 'Population missing (31 Dec 2024)']);
    expect(vallentuna?.[6]).toMatchObject(cellError('#N/A', 'No population figure for Vallentuna (0115) on 31 Dec 2024.'));
    expect(table.filter((row) => !isFormattedNumber(row[6])).length).toBe(6 + 1);
  });

  test('SSR.MEMBERS(): the register; SSR.MEMBERS("actor"): the other actors', async () => {
    const all = (await excel('MEMBERS', null)) as unknown[][];
    expect(all[0]).toEqual(['Id', 'Name', 'Kind', 'Fee class', 'Municipality code', 'Cluster', 'Joined on', 'Notice given on']);
    expect(all).toHaveLength(38);
    expect(all).toContainEqual(['nacka', 'Nacka', 'municipality', 'municipality', '0182', 'Mitt', '2024-01-01', '']);
    const actors = (await excel('MEMBERS', 'actor')) as unknown[][];
    expect(actors).toHaveLength(12);
    expect(actors.slice(1).every((row) => row[2] === 'actor')).toBe(true);
    expect((await excel('MEMBERS', 'kommuner')) as unknown[][]).toHaveLength(27);
  });

  test('an unknown kind', async () => {
    await expect(excel('MEMBERS', 'people')).rejects.toMatchObject(cellError('#VALUE!', 'Kind must be "municipality", "actor" or "all"; got \'people\'.'));
  });
});
