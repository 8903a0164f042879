import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CLUSTERS,
  FEE_MODES,
  MAX_PER_INHABITANT_ORE,
  budgetSummary,
  feeBasisText,
  feeForMember,
  feeRuleApprovalState,
  feeRuleVersionSchema,
  feeSchedule,
  findMember,
  formatSek,
  invoiceLines,
  invoicesToCsv,
  isMemberInYear,
  memberSchema,
  parseWith,
  populationFigureSchema,
  reimbursementSchema,
  reimbursementSums,
  unknownMemberMessage,
} from '@ssr/shared';
import type { Member, Register } from '@ssr/shared';
import { FIRST_YEAR, LAST_YEAR, claimsFor, populationArb, registerArb, yearArb } from './support/arbitraries';
import { feeRule, figure, municipality, sumOre } from './support/register';

const modeArb = fc.constantFrom(...FEE_MODES);
const rateArb = fc.integer({ min: 0, max: MAX_PER_INHABITANT_ORE });

function expectSchemaValid(register: Register): void {
  for (const member of register.members) expect(parseWith(memberSchema, member).ok).toBe(true);
  for (const population of register.populations) expect(parseWith(populationFigureSchema, population).ok).toBe(true);
  for (const rule of register.feeRules) expect(parseWith(feeRuleVersionSchema, rule).ok).toBe(true);
}

describe('fee schedule totals (random registers)', () => {
  it('total = sum of lines = municipalities + others, and municipalities = sum of the clusters', () => {
    fc.assert(
      fc.property(registerArb, yearArb, modeArb, (register, year, mode) => {
        expectSchemaValid(register);
        const result = feeSchedule(register, year, mode);
        if (!result.ok) {
          expect(result.error.code).toBe('no-rule');
          return;
        }
        const { totals, lines } = result.value;
        expect(totals.all).toBe(sumOre(lines.map((line) => line.amountOre)));
        expect(totals.all).toBe(totals.municipalities + totals.others);
        expect(totals.municipalities).toBe(sumOre(CLUSTERS.map((cluster) => totals[cluster])));
        for (const amount of Object.values(totals)) expect(Number.isSafeInteger(amount)).toBe(true);
      }),
    );
  });

  it('every member of the year has a line or, a municipality only, a missing figure; nobody else appears', () => {
    fc.assert(
      fc.property(registerArb, yearArb, modeArb, (register, year, mode) => {
        const result = feeSchedule(register, year, mode);
        if (!result.ok) return;
        const listed = [...result.value.lines.map((line) => line.memberId), ...result.value.missing.map((gap) => gap.memberId)];
        const expected = register.members.filter((member) => isMemberInYear(member, year)).map((member) => member.id);
        expect([...listed].sort()).toEqual([...expected].sort());
        const municipalIds = new Set(register.members.filter((m) => m.kind === 'municipality').map((m) => m.id));
        for (const gap of result.value.missing) expect(municipalIds.has(gap.memberId)).toBe(true);
      }),
    );
  });

  it('estimate mode never misses more than exact mode, and never changes an exact figure', () => {
    fc.assert(
      fc.property(registerArb, yearArb, (register, year) => {
        const exact = feeSchedule(register, year, 'exact');
        const estimate = feeSchedule(register, year, 'estimate');
        if (!exact.ok || !estimate.ok) return;
        expect(estimate.value.missing.length).toBeLessThanOrEqual(exact.value.missing.length);
        const estimated = new Map(estimate.value.lines.map((line) => [line.memberId, line.amountOre]));
        for (const line of exact.value.lines) expect(estimated.get(line.memberId)).toBe(line.amountOre);
      }),
    );
  });
});

/**
 * The class and cluster of a year read anew from the member, not with the engine's
 * termsInYear: the latest change whose year is after Y does not yet apply, so walk the
 * earlier terms from the newest back and keep the last one that still covers Y.
 */
function independentTerms(member: Member, year: number): { feeClass: string; cluster: string | undefined } {
  let terms: { feeClass: string; cluster: string | undefined } = { feeClass: member.feeClass, cluster: member.cluster };
  const earlier = member.earlierTerms ?? [];
  for (let i = earlier.length - 1; i >= 0; i -= 1) {
    const entry = earlier[i];
    if (entry !== undefined && year <= entry.untilYear) terms = { feeClass: entry.feeClass, cluster: entry.cluster };
  }
  return terms;
}

describe('R7 class and cluster history (random registers with earlier terms)', () => {
  it('every line carries the class and cluster of its year; actor fees and cluster totals follow them', () => {
    fc.assert(
      fc.property(registerArb, yearArb, modeArb, (register, year, mode) => {
        expectSchemaValid(register);
        const result = feeSchedule(register, year, mode);
        if (!result.ok) return;
        const byId = new Map(register.members.map((member) => [member.id, member]));
        const clusterTotals = new Map<string, number>(CLUSTERS.map((cluster) => [cluster, 0]));
        for (const line of result.value.lines) {
          const member = byId.get(line.memberId);
          if (!member) throw new Error(`a line for ${line.memberId}, who is not in the register`);
          const terms = independentTerms(member, year);
          expect(line.feeClass).toBe(terms.feeClass);
          expect(line.cluster).toBe(terms.cluster);
          if (terms.feeClass === 'single') expect(line.amountOre).toBe(result.value.rule.singleFeeOre);
          if (terms.feeClass === 'double') expect(line.amountOre).toBe(result.value.rule.doubleFeeOre);
          if (terms.cluster !== undefined) clusterTotals.set(terms.cluster, (clusterTotals.get(terms.cluster) ?? 0) + line.amountOre);
        }
        for (const cluster of CLUSTERS) expect(result.value.totals[cluster]).toBe(clusterTotals.get(cluster));
      }),
    );
  });
});

describe('R2 municipal fee for any population up to 10 million', () => {
  function nackaFee(population: number, perInhabitantOre: number): number {
    const member = municipality('0182', 'Nacka', 'Mitt');
    const register = { members: [member], populations: [figure('0182', 2024, population)], feeRules: [feeRule(2025, [member.id], { perInhabitantOre })] };
    const result = feeForMember(register, member, 2025, 'exact');
    if (!result.ok) throw new Error(result.error.message);
    return result.value.amountOre;
  }

  it('is exact in öre: population × rate, a safe integer', () => {
    fc.assert(
      fc.property(populationArb, rateArb, (population, rate) => {
        const fee = nackaFee(population, rate);
        expect(fee).toBe(population * rate);
        expect(Number.isSafeInteger(fee)).toBe(true);
        expect(BigInt(fee)).toBe(BigInt(population) * BigInt(rate));
      }),
    );
  });

  it('is monotonic in population', () => {
    fc.assert(
      fc.property(populationArb, populationArb, rateArb, (a, b, rate) => {
        const [smaller, larger] = a <= b ? [a, b] : [b, a];
        expect(nackaFee(smaller, rate)).toBeLessThanOrEqual(nackaFee(larger, rate));
      }),
    );
  });

  it('is 1,50 kr × population under the seed rate', () => {
    fc.assert(
      fc.property(populationArb, (population) => {
        expect(nackaFee(population, 150)).toBe(150 * population);
      }),
    );
  });
});

describe('the engine never throws on schema-valid input', () => {
  it('schedules, fees, budgets, invoices, CSV, lookup and approval states, for every year and mode', () => {
    const withClaims = registerArb.chain((register) => fc.record({ register: fc.constant(register), claims: claimsFor(register) }));
    fc.assert(
      fc.property(withClaims, ({ register, claims }) => {
        expectSchemaValid(register);
        for (const claim of claims) expect(parseWith(reimbursementSchema, claim).ok).toBe(true);
        const sums = reimbursementSums(claims);
        for (const rule of register.feeRules) feeRuleApprovalState(rule, register.members);
        for (const member of register.members) {
          const lookup = findMember(register.members, member.name);
          if (!lookup.ok) unknownMemberMessage(lookup);
          expect(findMember(register.members, member.id)).toEqual({ ok: true, member });
        }
        for (let year = FIRST_YEAR; year <= LAST_YEAR; year += 1) {
          for (const mode of FEE_MODES) {
            for (const member of register.members) feeForMember(register, member, year, mode);
            const result = feeSchedule(register, year, mode);
            if (!result.ok) continue;
            const summary = budgetSummary(result.value, sums);
            for (const net of summary.members) formatSek(net.netOre);
            formatSek(summary.resultOre);
            for (const line of result.value.lines) feeBasisText(line.basis);
            const invoices = invoiceLines(result.value, register.members);
            // Header, the lines and the total row, each ended by CRLF.
            if (invoices.ok) expect(invoicesToCsv(invoices.lines).split('\r\n')).toHaveLength(invoices.lines.length + 3);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
