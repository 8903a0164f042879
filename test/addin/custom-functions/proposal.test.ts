import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Lang, Snapshot } from '@ssr/shared';
import { CLUSTERS, feeSchedule, oreToKronor } from '@ssr/shared';
import { startStack } from '../../support/stack';
import type { Stack } from '../../support/stack';
import { apiClient, asRecord } from '../../support/http';
import { formattedNumber, PROPOSAL_FORMAT } from '../../../addin/src/custom-functions/cell-value';
import { cellError, excel, installCustomFunctionsStandIn, sek, useFunctions } from './support';

// A draft fee rule as a cell argument: the worked proposal of 1,75 kr per inhabitant and
// 300 000 / 600 000 kr from 2027, fee year 2027 in estimate mode, against the engine on the
// very snapshot the cells read.

const DRAFT = { id: 'avgifter-2027', effectiveFrom: 2027, perInhabitantOre: 175, singleFeeOre: 30_000_000, doubleFeeOre: 60_000_000, populationYearOffset: 1, approvals: [] };

let stack: Stack;
let snapshot: Snapshot;

const proposal = (kronor: number) => formattedNumber(kronor, PROPOSAL_FORMAT.en);

/** A member's fee in öre by the engine, on the snapshot the cells read. */
function feeOf(register: Snapshot, memberId: string, year: number, rule?: string): number {
  const schedule = feeSchedule(register, year, 'estimate', rule);
  const line = schedule.ok ? schedule.value.lines.find((candidate) => candidate.memberId === memberId) : undefined;
  if (!line) throw new Error(`The engine has no ${year} fee for ${memberId}.`);
  return line.amountOre;
}

beforeAll(async () => {
  installCustomFunctionsStandIn();
  stack = await startStack();
  const api = apiClient(stack.apiUrl);
  expect((await api.post('/fee-rules', { json: DRAFT })).status).toBe(201);
  snapshot = asRecord((await api.get('/snapshot')).body) as unknown as Snapshot;
  useFunctions(stack.apiUrl, { host: { lang: 'en', dataTypes: true } });
});

afterAll(async () => {
  await stack.stop();
});

describe('SSR.FEE, SSR.TOTAL and SSR.FEES under a named fee rule', () => {
  test('Nacka under the draft: 1,75 kr × its latest figure, marked as a proposal; without the argument, the rule in force', async () => {
    const nacka = snapshot.populations.filter((figure) => figure.municipalityCode === '0182').sort((a, b) => b.year - a.year)[0];
    if (!nacka) throw new Error('no figure for Nacka');
    await expect(excel('FEE', 'Nacka', 2027, 'estimate', 'avgifter-2027')).resolves.toStrictEqual(proposal(oreToKronor(175 * nacka.population)));
    await expect(excel('FEE', 'Nacka', 2027, 'estimate')).resolves.toStrictEqual(sek(oreToKronor(150 * nacka.population)));
    await expect(excel('FEE', 'Nacka', 2027, 'estimate', 'AVGIFTER-2027 ')).resolves.toStrictEqual(proposal(oreToKronor(175 * nacka.population)));
    await expect(excel('FEE', 'SOS Alarm', 2027, 'estimate', 'avgifter-2027')).resolves.toStrictEqual(proposal(300_000));
    await expect(excel('FEE', 'Trafikverket', 2027, 'estimate', 'avgifter-2027')).resolves.toStrictEqual(proposal(600_000));
  });

  test('the same draft fee asked in one language, then the other, is marked in each', async () => {
    let language: Lang = 'sv';
    useFunctions(stack.apiUrl, { host: { lang: () => language, dataTypes: true } });
    const kronor = oreToKronor(feeOf(snapshot, 'nacka', 2027, 'avgifter-2027'));
    await expect(excel('FEE', 'Nacka', 2027, 'estimate', 'avgifter-2027')).resolves.toStrictEqual(formattedNumber(kronor, PROPOSAL_FORMAT.sv));
    language = 'en';
    await expect(excel('FEE', 'Nacka', 2027, 'estimate', 'avgifter-2027')).resolves.toStrictEqual(formattedNumber(kronor, PROPOSAL_FORMAT.en));
    language = 'sv';
    await expect(excel('FEE', 'Nacka', 2027, 'estimate', 'avgifter-2027')).resolves.toStrictEqual(formattedNumber(kronor, PROPOSAL_FORMAT.sv));
    // Under the adopted rule the format has no language in it.
    const adopted = oreToKronor(feeOf(snapshot, 'nacka', 2027));
    await expect(excel('FEE', 'Nacka', 2027, 'estimate')).resolves.toStrictEqual(sek(adopted));
    language = 'en';
    await expect(excel('FEE', 'Nacka', 2027, 'estimate')).resolves.toStrictEqual(sek(adopted));
    useFunctions(stack.apiUrl, { host: { lang: 'en', dataTypes: true } });
  });

  test('every group total equals the engine under the draft', async () => {
    const expected = feeSchedule(snapshot, 2027, 'estimate', 'avgifter-2027');
    if (!expected.ok) throw new Error(expected.error.message);
    expect(expected.value.adopted).toBe(false);
    const groups = [['all', 'all'], ['municipalities', 'municipalities'], ['others', 'others'], ...CLUSTERS.map((cluster) => [cluster, cluster])] as const;
    for (const [argument, group] of groups) {
      await expect(excel('TOTAL', 2027, argument, 'estimate', 'avgifter-2027')).resolves.toStrictEqual(proposal(oreToKronor(expected.value.totals[group])));
    }
    // The adopted rule named outright is no proposal.
    const inForce = feeSchedule(snapshot, 2027, 'estimate');
    if (!inForce.ok) throw new Error(inForce.error.message);
    await expect(excel('TOTAL', 2027, 'all', 'estimate', 'avgifter-2024')).resolves.toStrictEqual(sek(oreToKronor(inForce.value.totals.all)));
  });

  test('the spilled schedule heads its fee column as the proposal it is', async () => {
    const table = (await excel('FEES', 2027, 'estimate', 'avgifter-2027')) as unknown[][];
    expect(table[0]?.at(-1)).toBe('Fee (proposal avgifter-2027)');
    const nacka = table.find((row) => row[0] === 'nacka');
    expect(nacka?.at(-1)).toMatchObject({ numberFormat: PROPOSAL_FORMAT.en });
    const adopted = (await excel('FEES', 2027, 'estimate')) as unknown[][];
    expect(adopted[0]?.at(-1)).toBe('Fee');
  });

  test.each([
    ['an unknown version is a wrong argument', ['Nacka', 2027, 'estimate', 'avgifter-2099'], cellError('#VALUE!', 'There is no fee rule avgifter-2099.')],
    ['a year before the version applies', ['Nacka', 2026, 'estimate', 'avgifter-2027'], cellError('#N/A', 'Fee rule avgifter-2027 applies from 2027, not 2026.')],
    ['a number given as version', ['Nacka', 2027, 'estimate', 2027], cellError('#VALUE!', 'Fee rule must be a fee rule\'s id such as "avgifter-2027"; got 2027.')],
  ])('%s', async (_, args, expected) => {
    await expect(excel('FEE', ...args)).rejects.toMatchObject(expected);
  });
});
