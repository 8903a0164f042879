import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startStack } from '../../support/stack';
import type { Stack } from '../../support/stack';
import { cellError, excel, installCustomFunctionsStandIn, useFunctions } from './support';

// R6: actors that staff RSIB or RKK are reimbursed; SSR.REIMBURSED sums the claims of a year
// and SSR.NET is fee − reimbursement. The claims are recorded through the API.

let stack: Stack;

const claims = [
  { id: 'sbff-rsib-2025-h1', memberId: 'storstockholms-brandforsvar', function: 'RSIB', periodStart: '2025-01-01', periodEnd: '2025-06-30', amountOre: 12_345_678, note: 'RSIB första halvåret' },
  { id: 'sbff-rsib-2025-h2', memberId: 'storstockholms-brandforsvar', function: 'RSIB', periodStart: '2025-07-01', periodEnd: '2025-12-31', amountOre: 10_000_000, note: '' },
  { id: 'sbff-rkk-2025', memberId: 'storstockholms-brandforsvar', function: 'RKK', periodStart: '2025-03-01', periodEnd: '2025-03-31', amountOre: 5_000_050, note: '' },
  { id: 'sbff-rsib-2024', memberId: 'storstockholms-brandforsvar', function: 'RSIB', periodStart: '2024-10-01', periodEnd: '2024-12-31', amountOre: 7_000_000, note: '' },
  { id: 'nacka-rkk-2025', memberId: 'nacka', function: 'RKK', periodStart: '2025-05-01', periodEnd: '2025-05-31', amountOre: 1_000_000, note: '' },
];

beforeAll(async () => {
  installCustomFunctionsStandIn();
  stack = await startStack();
  for (const claim of claims) {
    const response = await fetch(`${stack.apiUrl}/reimbursements`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(claim) });
    expect(response.status, await response.text()).toBe(201);
  }
  useFunctions(stack.apiUrl);
});

afterAll(async () => {
  await stack.stop();
});

describe('SSR.REIMBURSED (R6)', () => {
  test.each([
    ['both functions, 2025: 123 456,78 + 100 000 + 50 000,50', ['Storstockholms brandförsvar', 2025], 273_457.28],
    ['RSIB only', ['storstockholms-brandforsvar', 2025, 'RSIB'], 223_456.78],
    ['RKK only, lower case', ['Storstockholms brandforsvar', 2025, 'rkk'], 50_000.5],
    ['another year', ['storstockholms-brandforsvar', 2024], 70_000],
    ['nothing claimed', ['Trafikverket', 2025], 0],
  ])('%s', async (_, args, expected) => {
    await expect(excel('REIMBURSED', ...args)).resolves.toBe(expected);
  });

  test('an unknown function', async () => {
    await expect(excel('REIMBURSED', 'Nacka', 2025, 'RSIBB')).rejects.toMatchObject(cellError('#VALUE!', 'Function must be "RSIB" or "RKK"; got \'RSIBB\'.'));
  });
});

describe('SSR.NET (R6): fee − reimbursement', () => {
  test.each([
    ['a single-fee actor with claims: 280 000 − 273 457,28', ['Storstockholms brandförsvar', 2025], 6_542.72],
    ['a municipality: 168 168 − 10 000', ['Nacka', 2025], 158_168],
    ['no claims: the fee', ['Trafikverket', 2025], 560_000],
    ['the year left out (2025)', ['Nacka', null], 158_168],
  ])('%s', async (_, args, expected) => {
    await expect(excel('NET', ...args)).resolves.toBe(expected);
  });

  test('a missing figure leaves the net #N/A', async () => {
    await expect(excel('NET', 'Vallentuna', 2025)).rejects.toMatchObject(cellError('#N/A', 'No population figure for Vallentuna (0115) on 31 Dec 2024.'));
  });
});
