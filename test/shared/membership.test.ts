import { describe, expect, it } from 'vitest';
import { feeSchedule, isMemberInYear, lastFeeYear, membersInYear, yearOf } from '@ssr/shared';
import { actor, feeRule, figure, municipality } from './support/register';

describe('R9 notice', () => {
  it.each([
    { noticeGivenOn: '2026-06-30', lastYear: 2026 },
    { noticeGivenOn: '2026-07-01', lastYear: 2027 },
    { noticeGivenOn: '2026-01-01', lastYear: 2026 },
    { noticeGivenOn: '2026-12-31', lastYear: 2027 },
    { noticeGivenOn: '2024-02-29', lastYear: 2024 },
    { noticeGivenOn: '2025-06-29', lastYear: 2025 },
  ])('notice on $noticeGivenOn → last fee year $lastYear', ({ noticeGivenOn, lastYear }) => {
    expect(lastFeeYear(noticeGivenOn)).toBe(lastYear);
  });

  it.each([
    { noticeGivenOn: '2026-06-30', year: 2026, member: true },
    { noticeGivenOn: '2026-06-30', year: 2027, member: false },
    { noticeGivenOn: '2026-07-01', year: 2027, member: true },
    { noticeGivenOn: '2026-07-01', year: 2028, member: false },
  ])('notice on $noticeGivenOn: member in $year is $member', ({ noticeGivenOn, year, member }) => {
    expect(isMemberInYear({ joinedOn: '2024-01-01', noticeGivenOn }, year)).toBe(member);
  });

  it('a member owes the fee for every year from joining to its last year, inclusive', () => {
    const leaving = actor('kustbevakningen', 'Kustbevakningen', 'single', '2024-03-01', '2026-07-01');
    const register = { members: [leaving], populations: [], feeRules: [feeRule(2024, ['kustbevakningen'])] };
    const billed = [2023, 2024, 2025, 2026, 2027, 2028].map((year) => {
      const result = feeSchedule(register, year, 'exact');
      return result.ok ? result.value.totals.all : 'no rule';
    });
    expect(billed).toEqual(['no rule', 28_000_000, 28_000_000, 28_000_000, 28_000_000, 0]);
  });
});

describe('R8 term: from 1 January of the joining year, never prorated', () => {
  it.each([
    { joinedOn: '2025-01-01', year: 2024, member: false },
    { joinedOn: '2025-01-01', year: 2025, member: true },
    { joinedOn: '2025-12-31', year: 2025, member: true },
    { joinedOn: '2025-12-31', year: 2030, member: true },
  ])('joined $joinedOn: member in $year is $member', ({ joinedOn, year, member }) => {
    expect(isMemberInYear({ joinedOn }, year)).toBe(member);
  });

  it.each([
    { joinedOn: '2025-01-01' },
    { joinedOn: '2025-07-01' },
    { joinedOn: '2025-11-30' },
  ])('a municipality and an actor joining $joinedOn pay the full fee for 2025', ({ joinedOn }) => {
    const members = [municipality('0182', 'Nacka', 'Mitt', joinedOn), actor('sos-alarm', 'SOS Alarm', 'single', joinedOn)];
    const register = {
      members,
      populations: [figure('0182', 2024, 112_112)],
      // The version takes effect in the joining year, so the joiners are the parties that approve it (R7).
      feeRules: [feeRule(2025, members.map((m) => m.id))],
    };
    const result = feeSchedule(register, 2025, 'exact');
    expect(result.ok && result.value.lines.map((l) => [l.name, l.amountOre])).toEqual([
      ['Nacka', 16_816_800],
      ['SOS Alarm', 28_000_000],
    ]);
  });

  it('a member that joins after the others is not billed for the years before', () => {
    const early = actor('sos-alarm', 'SOS Alarm', 'single', '2024-01-01');
    const late = actor('kustbevakningen', 'Kustbevakningen', 'single', '2026-09-15');
    const register = { members: [early, late], populations: [], feeRules: [feeRule(2024, ['sos-alarm'])] };
    const names = (year: number) => {
      const result = feeSchedule(register, year, 'exact');
      return result.ok ? result.value.lines.map((l) => l.name) : [];
    };
    expect(names(2025)).toEqual(['SOS Alarm']);
    expect(names(2026)).toEqual(['SOS Alarm', 'Kustbevakningen']);
  });

  it('membersInYear keeps exactly the members of that year', () => {
    const members = [
      actor('a', 'A', 'single', '2024-01-01'),
      actor('b', 'B', 'single', '2026-05-05'),
      actor('c', 'C', 'single', '2024-01-01', '2025-03-01'),
    ];
    expect(membersInYear(members, 2025).map((m) => m.id)).toEqual(['a', 'c']);
    expect(membersInYear(members, 2026).map((m) => m.id)).toEqual(['a', 'b']);
  });

  it('yearOf reads the year of an ISO date', () => {
    expect(yearOf('2026-07-01')).toBe(2026);
  });
});
