import { describe, expect, it } from 'vitest';
import {
  MAX_AMOUNT_ORE,
  MAX_CLAIM_ORE,
  SEED_FEE_RULE,
  SEED_MEMBERS,
  SEED_POPULATIONS,
  feeRuleVersionSchema,
  memberSchema,
  parseWith,
  populationFigureSchema,
  reimbursementSchema,
  snapshotSchema,
  storedReimbursementSchema,
} from '@ssr/shared';
import type { z } from 'zod';

const NACKA = { id: 'nacka', name: 'Nacka', kind: 'municipality', feeClass: 'municipality', municipalityCode: '0182', cluster: 'Mitt', joinedOn: '2024-01-01' };
const TRAFIKVERKET = { id: 'trafikverket', name: 'Trafikverket', kind: 'actor', feeClass: 'double', joinedOn: '2024-01-01' };
const FIGURE = { municipalityCode: '0182', year: 2024, population: 112_112, source: 'SCB BE0101N1' };
const APPROVAL = { memberId: 'nacka', approvedOn: '2024-07-05', reference: 'KF 2024-06-17 § 91' };
const RULE = {
  id: 'avgifter-2027',
  effectiveFrom: 2027,
  perInhabitantOre: 200,
  singleFeeOre: 30_000_000,
  doubleFeeOre: 60_000_000,
  populationYearOffset: 1,
  approvals: [APPROVAL],
};
const CLAIM = {
  id: 'rsib-2024-q1',
  memberId: 'lansstyrelsen',
  function: 'RSIB',
  periodStart: '2024-01-01',
  periodEnd: '2024-03-31',
  amountOre: 120_000_000,
  note: 'Kvartal 1',
};

interface Refusal {
  rule: string;
  input: Record<string, unknown>;
  paths: string[];
}

function without(input: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _dropped, ...rest } = input;
  return rest;
}

/** Each input breaks one rule; the refusal names exactly the fields at fault. */
function expectRefusals(schema: z.ZodType, refusals: readonly Refusal[]): void {
  it.each(refusals)('refuses $rule at $paths', ({ input, paths }) => {
    const result = parseWith(schema, input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect([...new Set(result.errors.map((error) => error.path))].sort()).toEqual([...paths].sort());
    for (const error of result.errors) expect(error.message.length).toBeGreaterThan(10);
  });
}

describe('memberSchema', () => {
  expectRefusals(memberSchema, [
    { rule: 'an id that is not text', input: { ...NACKA, id: 182 }, paths: ['id'] },
    { rule: 'an id with capitals', input: { ...NACKA, id: 'Nacka' }, paths: ['id'] },
    { rule: 'an id with spaces', input: { ...NACKA, id: 'nacka kommun' }, paths: ['id'] },
    { rule: 'an id starting with a hyphen', input: { ...NACKA, id: '-nacka' }, paths: ['id'] },
    { rule: 'an id longer than 64', input: { ...NACKA, id: 'n'.repeat(65) }, paths: ['id'] },
    { rule: 'a missing name', input: without(NACKA, 'name'), paths: ['name'] },
    { rule: 'a blank name', input: { ...NACKA, name: '   ' }, paths: ['name'] },
    { rule: 'a name longer than 200', input: { ...NACKA, name: 'N'.repeat(201) }, paths: ['name'] },
    { rule: 'an unknown kind', input: { ...NACKA, kind: 'kommun' }, paths: ['kind'] },
    { rule: 'an unknown fee class', input: { ...TRAFIKVERKET, feeClass: 'triple' }, paths: ['feeClass'] },
    { rule: 'a municipality with an actor fee class', input: { ...NACKA, feeClass: 'single' }, paths: ['feeClass'] },
    { rule: 'an actor with the municipal fee class', input: { ...TRAFIKVERKET, feeClass: 'municipality' }, paths: ['feeClass'] },
    { rule: 'a municipality code of three digits', input: { ...NACKA, municipalityCode: '182' }, paths: ['municipalityCode'] },
    { rule: 'a municipality code as a number', input: { ...NACKA, municipalityCode: 182 }, paths: ['municipalityCode'] },
    { rule: 'a municipality without a code', input: without(NACKA, 'municipalityCode'), paths: ['municipalityCode'] },
    { rule: 'an actor with a municipality code', input: { ...TRAFIKVERKET, municipalityCode: '0182' }, paths: ['municipalityCode'] },
    { rule: 'an unknown cluster', input: { ...NACKA, cluster: 'Öst' }, paths: ['cluster'] },
    { rule: 'a municipality without a cluster', input: without(NACKA, 'cluster'), paths: ['cluster'] },
    { rule: 'an actor in a cluster', input: { ...TRAFIKVERKET, cluster: 'Mitt' }, paths: ['cluster'] },
    { rule: 'a missing joining date', input: without(NACKA, 'joinedOn'), paths: ['joinedOn'] },
    { rule: 'a joining date that does not exist', input: { ...NACKA, joinedOn: '2024-02-30' }, paths: ['joinedOn'] },
    { rule: 'a joining date in another format', input: { ...NACKA, joinedOn: '2024/01/01' }, paths: ['joinedOn'] },
    { rule: 'a notice date that does not exist', input: { ...NACKA, noticeGivenOn: '2026-13-01' }, paths: ['noticeGivenOn'] },
    { rule: 'notice before joining', input: { ...NACKA, noticeGivenOn: '2023-12-31' }, paths: ['noticeGivenOn'] },
    { rule: 'a malformed joining date, and no more, beside a notice', input: { ...NACKA, joinedOn: 'igår', noticeGivenOn: '2025-03-01' }, paths: ['joinedOn'] },
    { rule: 'a malformed notice date, and no more', input: { ...NACKA, noticeGivenOn: '1 juli 2026' }, paths: ['noticeGivenOn'] },
    { rule: 'an organisation number with a wrong check digit', input: { ...TRAFIKVERKET, organisationNumber: '202100-2149' }, paths: ['organisationNumber'] },
    { rule: 'an organisation number of the wrong form', input: { ...TRAFIKVERKET, organisationNumber: '2021-002148' }, paths: ['organisationNumber'] },
    { rule: 'an invoice reference longer than 100', input: { ...NACKA, invoiceReference: 'r'.repeat(101) }, paths: ['invoiceReference'] },
    {
      rule: 'R7 earlier terms out of year order',
      input: { ...TRAFIKVERKET, earlierTerms: [{ untilYear: 2026, feeClass: 'single' }, { untilYear: 2026, feeClass: 'double' }] },
      paths: ['earlierTerms[1].untilYear'],
    },
    { rule: 'R7 earlier terms up to the last year supported', input: { ...TRAFIKVERKET, earlierTerms: [{ untilYear: 2200, feeClass: 'single' }] }, paths: ['earlierTerms[0].untilYear'] },
    { rule: 'R7 earlier terms before 1900', input: { ...TRAFIKVERKET, earlierTerms: [{ untilYear: 1899, feeClass: 'single' }] }, paths: ['earlierTerms[0].untilYear'] },
    { rule: 'R4 earlier terms of an actor with the municipal class', input: { ...TRAFIKVERKET, earlierTerms: [{ untilYear: 2025, feeClass: 'municipality' }] }, paths: ['earlierTerms[0].feeClass'] },
    { rule: 'R10 earlier terms of an actor in a cluster', input: { ...TRAFIKVERKET, earlierTerms: [{ untilYear: 2025, feeClass: 'single', cluster: 'Mitt' }] }, paths: ['earlierTerms[0].cluster'] },
    { rule: 'R10 earlier terms of a municipality without a cluster', input: { ...NACKA, earlierTerms: [{ untilYear: 2025, feeClass: 'municipality' }] }, paths: ['earlierTerms[0].cluster'] },
    { rule: 'R7 more than 100 earlier terms', input: { ...TRAFIKVERKET, earlierTerms: Array.from({ length: 101 }, (_, i) => ({ untilYear: 1950 + i, feeClass: 'single' })) }, paths: ['earlierTerms'] },
    { rule: 'R7 earlier terms that are not a list', input: { ...TRAFIKVERKET, earlierTerms: { untilYear: 2025, feeClass: 'single' } }, paths: ['earlierTerms'] },
  ]);

  it('R7: accepts earlier terms in year order, each of the member’s kind', () => {
    const nacka = { ...NACKA, earlierTerms: [{ untilYear: 2024, feeClass: 'municipality', cluster: 'Syd' }, { untilYear: 2026, feeClass: 'municipality', cluster: 'Norr' }] };
    expect(parseWith(memberSchema, nacka)).toEqual({ ok: true, value: nacka });
  });

  it('accepts a member with every optional field, trimming text', () => {
    const result = parseWith(memberSchema, {
      ...TRAFIKVERKET,
      name: '  Trafikverket ',
      noticeGivenOn: '2026-07-01',
      organisationNumber: '202100-2148',
      invoiceReference: ' Ref 4711 ',
    });
    expect(result).toEqual({
      ok: true,
      value: { ...TRAFIKVERKET, noticeGivenOn: '2026-07-01', organisationNumber: '202100-2148', invoiceReference: 'Ref 4711' },
    });
  });

  it('accepts a member with an extra etag field and strips it', () => {
    const result = parseWith(memberSchema, { ...NACKA, etag: 'W/"datetime\'2024-07-05T10%3A00%3A00Z\'"' });
    expect(result).toEqual({ ok: true, value: NACKA });
  });

  it('puts a base path in front of field paths', () => {
    const result = parseWith(memberSchema, { ...NACKA, cluster: 'Öst' }, 'members[3]');
    expect(!result.ok && result.errors.map((error) => error.path)).toEqual(['members[3].cluster']);
  });
});

describe('populationFigureSchema', () => {
  expectRefusals(populationFigureSchema, [
    { rule: 'a county code', input: { ...FIGURE, municipalityCode: '01' }, paths: ['municipalityCode'] },
    { rule: 'a code as a number', input: { ...FIGURE, municipalityCode: 182 }, paths: ['municipalityCode'] },
    { rule: 'a year as text', input: { ...FIGURE, year: '2024' }, paths: ['year'] },
    { rule: 'a fractional year', input: { ...FIGURE, year: 2024.5 }, paths: ['year'] },
    { rule: 'a year before 1900', input: { ...FIGURE, year: 1899 }, paths: ['year'] },
    { rule: 'a year after 2200', input: { ...FIGURE, year: 2201 }, paths: ['year'] },
    { rule: 'a negative population', input: { ...FIGURE, population: -1 }, paths: ['population'] },
    { rule: 'a fractional population', input: { ...FIGURE, population: 112_112.5 }, paths: ['population'] },
    { rule: 'a population over 10 million', input: { ...FIGURE, population: 10_000_001 }, paths: ['population'] },
    { rule: 'a population as text', input: { ...FIGURE, population: '112112' }, paths: ['population'] },
    { rule: 'a missing source', input: without(FIGURE, 'source'), paths: ['source'] },
    { rule: 'a blank source', input: { ...FIGURE, source: ' ' }, paths: ['source'] },
    { rule: 'a source longer than 200', input: { ...FIGURE, source: 's'.repeat(201) }, paths: ['source'] },
  ]);

  it('accepts the bounds 0 and 10 000 000', () => {
    expect(parseWith(populationFigureSchema, { ...FIGURE, population: 0 }).ok).toBe(true);
    expect(parseWith(populationFigureSchema, { ...FIGURE, population: 10_000_000 }).ok).toBe(true);
  });
});

describe('feeRuleVersionSchema', () => {
  expectRefusals(feeRuleVersionSchema, [
    { rule: 'an id with spaces', input: { ...RULE, id: 'Avgifter 2027' }, paths: ['id'] },
    { rule: 'an effective year before 1900', input: { ...RULE, effectiveFrom: 1800 }, paths: ['effectiveFrom'] },
    { rule: 'a fractional effective year', input: { ...RULE, effectiveFrom: 2027.5 }, paths: ['effectiveFrom'] },
    { rule: 'a fee per inhabitant in fractions of an öre', input: { ...RULE, perInhabitantOre: 1.5 }, paths: ['perInhabitantOre'] },
    { rule: 'a negative fee per inhabitant', input: { ...RULE, perInhabitantOre: -150 }, paths: ['perInhabitantOre'] },
    { rule: 'a fee per inhabitant over 1 000 kr', input: { ...RULE, perInhabitantOre: 100_001 }, paths: ['perInhabitantOre'] },
    { rule: 'a negative single fee', input: { ...RULE, singleFeeOre: -1 }, paths: ['singleFeeOre'] },
    { rule: 'a single fee beyond the largest amount', input: { ...RULE, singleFeeOre: MAX_AMOUNT_ORE + 1 }, paths: ['singleFeeOre'] },
    { rule: 'a double fee as text', input: { ...RULE, doubleFeeOre: '560000' }, paths: ['doubleFeeOre'] },
    { rule: 'a missing double fee', input: without(RULE, 'doubleFeeOre'), paths: ['doubleFeeOre'] },
    { rule: 'a negative population offset', input: { ...RULE, populationYearOffset: -1 }, paths: ['populationYearOffset'] },
    { rule: 'a population offset over 5', input: { ...RULE, populationYearOffset: 6 }, paths: ['populationYearOffset'] },
    { rule: 'a fractional population offset', input: { ...RULE, populationYearOffset: 1.5 }, paths: ['populationYearOffset'] },
    { rule: 'approvals that are not a list', input: { ...RULE, approvals: APPROVAL }, paths: ['approvals'] },
    { rule: 'more than 1 000 approvals', input: { ...RULE, approvals: Array.from({ length: 1001 }, (_, i) => ({ ...APPROVAL, memberId: `m${i}` })) }, paths: ['approvals'] },
    { rule: 'an approval by a malformed id', input: { ...RULE, approvals: [{ ...APPROVAL, memberId: 'Nacka kommun' }] }, paths: ['approvals[0].memberId'] },
    { rule: 'an approval on a date that does not exist', input: { ...RULE, approvals: [{ ...APPROVAL, approvedOn: '2024-06-31' }] }, paths: ['approvals[0].approvedOn'] },
    { rule: 'an approval without a reference', input: { ...RULE, approvals: [{ ...APPROVAL, reference: '' }] }, paths: ['approvals[0].reference'] },
    { rule: 'two approvals by the same party', input: { ...RULE, approvals: [APPROVAL, { ...APPROVAL, memberId: 'solna' }, APPROVAL] }, paths: ['approvals[2].memberId'] },
  ]);

  it('accepts the highest fee per inhabitant, 1 000 kr, and offsets 0 and 5', () => {
    expect(parseWith(feeRuleVersionSchema, { ...RULE, perInhabitantOre: 100_000 }).ok).toBe(true);
    expect(parseWith(feeRuleVersionSchema, { ...RULE, populationYearOffset: 0 }).ok).toBe(true);
    expect(parseWith(feeRuleVersionSchema, { ...RULE, populationYearOffset: 5 }).ok).toBe(true);
  });
});

describe('reimbursementSchema (R6)', () => {
  expectRefusals(reimbursementSchema, [
    { rule: 'an id with capitals', input: { ...CLAIM, id: 'RSIB-2024' }, paths: ['id'] },
    { rule: 'a malformed member id', input: { ...CLAIM, memberId: 'Länsstyrelsen' }, paths: ['memberId'] },
    { rule: 'a function other than RSIB and RKK', input: { ...CLAIM, function: 'RCB' }, paths: ['function'] },
    { rule: 'a start that is not a date', input: { ...CLAIM, periodStart: 'Q1 2024' }, paths: ['periodStart'] },
    { rule: 'an end that does not exist', input: { ...CLAIM, periodEnd: '2024-04-31' }, paths: ['periodEnd'] },
    { rule: 'a malformed end, and no more', input: { ...CLAIM, periodEnd: '1 april' }, paths: ['periodEnd'] },
    { rule: 'a period ending before it starts', input: { ...CLAIM, periodStart: '2024-04-01', periodEnd: '2024-03-31' }, paths: ['periodEnd'] },
    { rule: 'a period across a year end', input: { ...CLAIM, periodStart: '2024-12-01', periodEnd: '2025-01-31' }, paths: ['periodEnd'] },
    { rule: 'a zero amount', input: { ...CLAIM, amountOre: 0 }, paths: ['amountOre'] },
    { rule: 'a negative amount', input: { ...CLAIM, amountOre: -100 }, paths: ['amountOre'] },
    { rule: 'an amount in fractions of an öre', input: { ...CLAIM, amountOre: 100.5 }, paths: ['amountOre'] },
    { rule: 'an amount beyond the largest', input: { ...CLAIM, amountOre: MAX_AMOUNT_ORE + 1 }, paths: ['amountOre'] },
    { rule: 'an amount over the cap per claim, 100 000 000 kr', input: { ...CLAIM, amountOre: MAX_CLAIM_ORE + 1 }, paths: ['amountOre'] },
    { rule: 'a period in a year the register does not cover', input: { ...CLAIM, periodStart: '0100-01-01', periodEnd: '0100-02-01' }, paths: ['periodStart'] },
    { rule: 'a period after the last year', input: { ...CLAIM, periodStart: '2201-01-01', periodEnd: '2201-01-01' }, paths: ['periodStart'] },
    { rule: 'a note longer than 500', input: { ...CLAIM, note: 'n'.repeat(501) }, paths: ['note'] },
  ]);

  it('gives a missing note the empty default', () => {
    expect(parseWith(reimbursementSchema, without(CLAIM, 'note'))).toEqual({ ok: true, value: { ...CLAIM, note: '' } });
  });

  it('accepts a one-day period', () => {
    expect(parseWith(reimbursementSchema, { ...CLAIM, periodStart: '2024-06-30', periodEnd: '2024-06-30' }).ok).toBe(true);
  });

  it('accepts a claim of exactly the cap, and reads a stored claim beyond the caps (recorded before they were enforced)', () => {
    expect(parseWith(reimbursementSchema, { ...CLAIM, amountOre: MAX_CLAIM_ORE }).ok).toBe(true);
    const old = { ...CLAIM, amountOre: 600_000_000_000, periodStart: '0100-01-01', periodEnd: '0100-02-01' };
    expect(parseWith(storedReimbursementSchema, old)).toEqual({ ok: true, value: old });
  });
});

describe('the seed register passes the schemas', () => {
  it.each(SEED_MEMBERS.map((member) => ({ id: member.id, member })))('member $id', ({ member }) => {
    expect(parseWith(memberSchema, member)).toEqual({ ok: true, value: member });
  });

  it('all 26 municipalities’ population figures', () => {
    for (const figure of SEED_POPULATIONS) expect(parseWith(populationFigureSchema, figure)).toEqual({ ok: true, value: figure });
    expect(SEED_POPULATIONS).toHaveLength(26 + 20);
  });

  it('the fee rule of 2024', () => {
    expect(parseWith(feeRuleVersionSchema, SEED_FEE_RULE)).toEqual({ ok: true, value: SEED_FEE_RULE });
  });

  it('as a whole snapshot', () => {
    const snapshot = { version: '1', members: SEED_MEMBERS, populations: SEED_POPULATIONS, feeRules: [SEED_FEE_RULE], reimbursementSums: [] };
    expect(parseWith(snapshotSchema, snapshot).ok).toBe(true);
  });
});

describe('snapshotSchema: R3, one population figure per municipality and 31 December', () => {
  const snapshot = (populations: readonly unknown[]) => ({ version: '1', members: SEED_MEMBERS, populations, feeRules: [SEED_FEE_RULE], reimbursementSums: [] });

  it('refuses a second figure for one code and year, naming the code, the year and where the first is', () => {
    const populations = [FIGURE, { ...FIGURE, municipalityCode: '0180' }, { ...FIGURE, year: 2023 }, { ...FIGURE, population: 1, source: 'Egen räkning' }];
    expect(parseWith(snapshotSchema, snapshot(populations))).toEqual({
      ok: false,
      errors: [{ path: 'populations[3].municipalityCode', message: 'Kommunkoden 0182 har redan en folkmängd för 31 december 2024 (populations[0]).' }],
    });
  });

  it('names every further duplicate, each at its own path', () => {
    const result = parseWith(snapshotSchema, snapshot([...SEED_POPULATIONS, ...SEED_POPULATIONS.slice(0, 2)]));
    expect(result.ok ? [] : result.errors.map((error) => error.path)).toEqual([
      `populations[${SEED_POPULATIONS.length}].municipalityCode`,
      `populations[${SEED_POPULATIONS.length + 1}].municipalityCode`,
    ]);
  });

  it('accepts one code in several years and several codes in one year', () => {
    const populations = [FIGURE, { ...FIGURE, year: 2023 }, { ...FIGURE, municipalityCode: '0180' }];
    expect(parseWith(snapshotSchema, snapshot(populations))).toEqual({ ok: true, value: snapshot(populations) });
  });
});
