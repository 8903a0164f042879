import { describe, expect, it } from 'vitest';
import { changeTerms, feeSchedule, formatSek, invoiceLines, memberSchema, parseWith, termsHistory, termsInYear } from '@ssr/shared';
import type { Member } from '@ssr/shared';
import { actor, feeRule, figure, municipality } from './support/register';

const nacka = municipality('0182', 'Nacka', 'Mitt', '2024-01-01');
const polisen = actor('polisen', 'Polisen', 'single', '2024-01-01');
/** Polisen paid the single fee up to 2025 and pays the double fee from 2026. */
const polisenDoubleFrom2026: Member = { ...polisen, feeClass: 'double', earlierTerms: [{ untilYear: 2025, feeClass: 'single' }] };
/** Nacka was in Syd up to 2024, in Norr 2025–2026, and is in Mitt from 2027. */
const nackaMoved: Member = {
  ...nacka,
  earlierTerms: [
    { untilYear: 2024, feeClass: 'municipality', cluster: 'Syd' },
    { untilYear: 2026, feeClass: 'municipality', cluster: 'Norr' },
  ],
};

describe('R7 termsInYear: the class and cluster in force in a year', () => {
  it.each([
    [2024, { feeClass: 'single' }],
    [2025, { feeClass: 'single' }],
    [2026, { feeClass: 'double' }],
    [2040, { feeClass: 'double' }],
  ])('Polisen, single up to 2025 and double from 2026: %i is %o', (year, terms) => {
    expect(termsInYear(polisenDoubleFrom2026, year)).toEqual(terms);
  });

  it.each([
    [2020, 'Syd'],
    [2024, 'Syd'],
    [2025, 'Norr'],
    [2026, 'Norr'],
    [2027, 'Mitt'],
  ])('Nacka, Syd to 2024, Norr to 2026, then Mitt: %i is in %s', (year, cluster) => {
    expect(termsInYear(nackaMoved, year)).toEqual({ feeClass: 'municipality', cluster });
  });

  it('a member without history has its current terms in every year', () => {
    expect(termsInYear(nacka, 1900)).toEqual({ feeClass: 'municipality', cluster: 'Mitt' });
    expect(termsInYear(polisen, 2200)).toEqual({ feeClass: 'single' });
  });

  it('termsHistory lists the periods oldest first, the current one open-ended', () => {
    expect(termsHistory(nackaMoved)).toEqual([
      { feeClass: 'municipality', cluster: 'Syd', untilYear: 2024 },
      { feeClass: 'municipality', cluster: 'Norr', fromYear: 2025, untilYear: 2026 },
      { feeClass: 'municipality', cluster: 'Mitt', fromYear: 2027 },
    ]);
    expect(termsHistory(polisen)).toEqual([{ feeClass: 'single' }]);
  });
});

describe('R7 a change of class or cluster never rewrites earlier years: the schedule and invoices', () => {
  const register = (members: Member[]) => ({
    members,
    populations: [2023, 2024, 2025, 2026].map((year) => figure('0182', year, 100_000)),
    feeRules: [feeRule(2024, members.map((member) => member.id))],
  });

  it('Polisen pays the single fee in 2025 and the double fee in 2026; the 2025 invoice says so', () => {
    const members = [nacka, polisenDoubleFrom2026];
    const fee = (year: number) => {
      const result = feeSchedule(register(members), year, 'exact');
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    };
    expect(fee(2025).lines.find((line) => line.memberId === 'polisen')).toMatchObject({ feeClass: 'single', amountOre: 28_000_000 });
    expect(fee(2026).lines.find((line) => line.memberId === 'polisen')).toMatchObject({ feeClass: 'double', amountOre: 56_000_000 });
    const invoices = invoiceLines(fee(2025), members);
    expect(invoices.ok && invoices.lines.find((line) => line.memberId === 'polisen')).toMatchObject({ amountOre: 28_000_000, basis: `Avgift ${formatSek(28_000_000)}` });
  });

  it('Nacka’s fee counts in Norr for 2025 and 2026 and in Mitt from 2027', () => {
    const totals = (year: number) => {
      const result = feeSchedule(register([nackaMoved]), year, 'estimate');
      if (!result.ok) throw new Error(result.error.message);
      return result.value.totals;
    };
    expect(totals(2025)).toMatchObject({ Norr: 15_000_000, Mitt: 0, Syd: 0 });
    expect(totals(2026)).toMatchObject({ Norr: 15_000_000, Mitt: 0 });
    expect(totals(2027)).toMatchObject({ Norr: 0, Mitt: 15_000_000 });
  });
});

describe('R7 changeTerms: an edit of a stored member keeps the terms of earlier years', () => {
  const parsed = (member: Member) => parseWith(memberSchema, member);

  it('a class change from 2026 records the old class up to 2025', () => {
    const result = changeTerms(polisen, { ...polisen, feeClass: 'double' }, 2026);
    expect(result).toEqual({ ok: true, member: polisenDoubleFrom2026 });
    if (result.ok) expect(parsed(result.member).ok).toBe(true);
  });

  it('a second change appends to the history', () => {
    const result = changeTerms(polisenDoubleFrom2026, { ...polisen, feeClass: 'single' }, 2030);
    expect(result.ok && result.member.earlierTerms).toEqual([
      { untilYear: 2025, feeClass: 'single' },
      { untilYear: 2029, feeClass: 'double' },
    ]);
  });

  it('a change needs the year it applies from', () => {
    expect(changeTerms(polisen, { ...polisen, feeClass: 'double' }, undefined)).toMatchObject({ ok: false, error: { path: 'changesFrom' } });
    expect(changeTerms(nacka, { ...nacka, cluster: 'Syd' }, undefined)).toMatchObject({ ok: false, error: { path: 'changesFrom' } });
  });

  it('refuses a year the history already covers', () => {
    const result = changeTerms(polisenDoubleFrom2026, { ...polisen, feeClass: 'single' }, 2025);
    expect(result).toMatchObject({ ok: false, error: { path: 'changesFrom', message: expect.stringContaining('2025') as unknown } });
  });

  it('a change from the first year of the current terms corrects them without a new entry', () => {
    expect(changeTerms(polisenDoubleFrom2026, { ...polisen, feeClass: 'single' }, 2026)).toEqual({
      ok: true,
      member: { ...polisen, feeClass: 'single', earlierTerms: [{ untilYear: 2025, feeClass: 'single' }] },
    });
    expect(changeTerms(polisen, { ...polisen, feeClass: 'double' }, 2024)).toEqual({ ok: true, member: { ...polisen, feeClass: 'double' } });
  });

  it('an edit that leaves class and cluster keeps the stored history, with or without the history sent back', () => {
    const renamed = { ...polisen, feeClass: 'double' as const, name: 'Polismyndigheten' };
    expect(changeTerms(polisenDoubleFrom2026, renamed, undefined)).toEqual({ ok: true, member: { ...renamed, earlierTerms: polisenDoubleFrom2026.earlierTerms } });
    expect(changeTerms(polisenDoubleFrom2026, { ...renamed, earlierTerms: [{ untilYear: 2025, feeClass: 'single' }] }, 2020)).toEqual({
      ok: true,
      member: { ...renamed, earlierTerms: polisenDoubleFrom2026.earlierTerms },
    });
  });

  it('refuses a history that differs from the stored one', () => {
    const result = changeTerms(polisenDoubleFrom2026, { ...polisenDoubleFrom2026, earlierTerms: [{ untilYear: 2024, feeClass: 'single' }] }, undefined);
    expect(result).toMatchObject({ ok: false, error: { path: 'earlierTerms' } });
  });

  it('a change of kind is a correction from the joining year only, and never of a member with history', () => {
    const asActor: Member = { id: 'nacka', name: 'Nacka', kind: 'actor', feeClass: 'single', joinedOn: '2024-01-01' };
    expect(changeTerms(nacka, asActor, 2024)).toEqual({ ok: true, member: asActor });
    expect(changeTerms(nacka, asActor, 2026)).toMatchObject({ ok: false, error: { path: 'kind' } });
    expect(changeTerms(nackaMoved, asActor, 2020)).toMatchObject({ ok: false, error: { path: 'changesFrom' } });
    expect(changeTerms(nackaMoved, asActor, 2027)).toMatchObject({ ok: false, error: { path: 'kind' } });
  });
});
