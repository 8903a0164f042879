import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startStack } from '../../support/stack';
import type { Stack } from '../../support/stack';
import { cellError, excel, installCustomFunctionsStandIn, sek, useFunctions } from './support';

// The add-in computes fees locally from the snapshot; the API computes them on the server.
// Both use the shared engine, so for every member and year they must agree to the öre: the
// cells are formatted numbers (an Excel with data types) whose value is the API's amount exactly.

interface FeeScheduleBody {
  totals: Record<string, number>;
  lines: { memberId: string; amountOre: number }[];
  missing: { memberId: string; name: string; municipalityCode: string }[];
}

let stack: Stack;
let memberIds: string[];

beforeAll(async () => {
  installCustomFunctionsStandIn();
  stack = await startStack();
  useFunctions(stack.apiUrl, { host: { dataTypes: true } });
  const body = (await (await fetch(`${stack.apiUrl}/members`)).json()) as { members: { id: string }[] };
  memberIds = body.members.map((member) => member.id);
});

afterAll(async () => {
  await stack.stop();
});

describe.each(['exact', 'estimate'] as const)('SSR.FEE equals the line of GET /fees (%s mode)', (mode) => {
  test.each([2024, 2025, 2026, 2027])('every member, fee year %i', async (year) => {
    const response = await fetch(`${stack.apiUrl}/fees?year=${year}&mode=${mode}`);
    expect(response.status).toBe(200);
    const schedule = (await response.json()) as FeeScheduleBody;
    expect(memberIds).toHaveLength(37);
    for (const id of memberIds) {
      const line = schedule.lines.find((l) => l.memberId === id);
      const gap = schedule.missing.find((m) => m.memberId === id);
      if (line) {
        await expect(excel('FEE', id, year, mode), `${id} ${year}`).resolves.toStrictEqual(sek(line.amountOre / 100));
      } else {
        expect(gap, `${id} ${year} is neither a line nor missing`).toBeDefined();
        await expect(excel('FEE', id, year, mode)).rejects.toMatchObject(
          cellError('#N/A', `No population figure for ${gap?.name ?? ''} (${gap?.municipalityCode ?? ''}) on 31 Dec ${year - 1}.`),
        );
      }
    }
    if (mode === 'estimate') expect(schedule.lines).toHaveLength(37);
  });
});

describe('SSR.TOTAL equals the totals of GET /fees', () => {
  test.each([2024, 2025, 2026])('every group, fee year %i, estimate mode', async (year) => {
    const schedule = (await (await fetch(`${stack.apiUrl}/fees?year=${year}&mode=estimate`)).json()) as FeeScheduleBody;
    const groups = ['all', 'municipalities', 'others', 'Norr', 'Mitt', 'Syd', 'Stockholms stad'];
    for (const group of groups) {
      await expect(excel('TOTAL', year, group, 'estimate'), group).resolves.toStrictEqual(sek((schedule.totals[group] ?? NaN) / 100));
    }
  });
});
