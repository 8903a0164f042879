import { snapshotSchema } from '@ssr/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startStack } from '../../support/stack';
import type { Stack } from '../../support/stack';
import { excel, installCustomFunctionsStandIn, useFunctions } from './support';

// R7: a change of fee class or cluster applies from a year on. Kustbevakningen pays the double
// fee and Järfälla is in Norr from 2025, both changed through the API; the snapshot carries the
// earlier terms and the cells of 2024 keep what they had. The clock stands in mid-2025.

let stack: Stack;

async function changeFrom2025(id: string, change: Record<string, unknown>): Promise<void> {
  const current = (await (await fetch(`${stack.apiUrl}/members/${id}`)).json()) as Record<string, unknown> & { etag: string };
  const response = await fetch(`${stack.apiUrl}/members/${id}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', 'If-Match': current.etag },
    body: JSON.stringify({ ...current, ...change, changesFrom: 2025 }),
  });
  expect(response.status, await response.text()).toBe(200);
}

beforeAll(async () => {
  installCustomFunctionsStandIn();
  stack = await startStack();
  await changeFrom2025('kustbevakningen', { feeClass: 'double' });
  await changeFrom2025('jarfalla', { cluster: 'Norr' });
  useFunctions(stack.apiUrl);
});

afterAll(async () => {
  await stack.stop();
});

describe('R7 the snapshot carries the earlier class and cluster', () => {
  test('GET /snapshot: current terms and earlier ones, valid under the add-in’s schema', async () => {
    const snapshot = snapshotSchema.parse(await (await fetch(`${stack.apiUrl}/snapshot`)).json());
    expect(snapshot.members.find((member) => member.id === 'kustbevakningen')).toMatchObject({
      feeClass: 'double',
      earlierTerms: [{ untilYear: 2024, feeClass: 'single' }],
    });
    expect(snapshot.members.find((member) => member.id === 'jarfalla')).toMatchObject({
      cluster: 'Norr',
      earlierTerms: [{ untilYear: 2024, feeClass: 'municipality', cluster: 'Mitt' }],
    });
  });
});

describe('R7 the cells compute each year on its own class and cluster', () => {
  test.each([
    ['SSR.FEE, 2024: the single fee it had', 'FEE', ['Kustbevakningen', 2024], 280_000],
    ['SSR.FEE, 2025: the double fee', 'FEE', ['Kustbevakningen', 2025], 560_000],
    ['SSR.NET, 2024: on the single fee', 'NET', ['Kustbevakningen', 2024], 280_000],
    ['SSR.CLUSTER, 2024: Mitt', 'CLUSTER', ['Järfälla', 2024], 'Mitt'],
    ['SSR.CLUSTER, 2025: Norr', 'CLUSTER', ['Järfälla', 2025], 'Norr'],
    ['SSR.CLUSTER, the year left out (2025): Norr', 'CLUSTER', ['Järfälla', null], 'Norr'],
    ['SSR.TOTAL, Mitt 2024: with Järfälla, 494 523 inhabitants × 1,50', 'TOTAL', [2024, 'Mitt'], 741_784.5],
    ['SSR.TOTAL, all of 2024: the worked figure, unchanged', 'TOTAL', [2024], 7_602_231.5],
    ['SSR.TOTAL, Norr 2025 (estimate): (454 153 + Järfälla’s 88 950) × 1,50', 'TOTAL', [2025, 'Norr', 'estimate'], 814_654.5],
  ] as const)('%s', async (_, id, args, expected) => {
    await expect(excel(id, ...args)).resolves.toBe(expected);
  });

  test('SSR.FEES: the rows of 2024 show the class and cluster of 2024, those of 2025 the new ones', async () => {
    const row = (table: unknown[][], id: string) => table.find((cells) => cells[0] === id);
    const [y2024, y2025] = [(await excel('FEES', 2024)) as unknown[][], (await excel('FEES', 2025, 'estimate')) as unknown[][]];
    expect(row(y2024, 'kustbevakningen')?.slice(3)).toEqual(['', 'single', expect.stringContaining('280') as unknown, 280_000]);
    expect(row(y2025, 'kustbevakningen')?.slice(3)).toEqual(['', 'double', expect.stringContaining('560') as unknown, 560_000]);
    expect(row(y2024, 'jarfalla')?.slice(3, 5)).toEqual(['Mitt', 'municipality']);
    expect(row(y2025, 'jarfalla')?.slice(3, 5)).toEqual(['Norr', 'municipality']);
  });
});
