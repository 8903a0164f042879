import type { Member } from './schemas';

const ZERO = 48;

/** The year of an ISO date, read from its first four digits without cutting a new string. */
export function yearOf(isoDate: string): number {
  let year = 0;
  for (let at = 0; at < 4; at += 1) {
    const digit = isoDate.charCodeAt(at) - ZERO;
    if (!(digit >= 0 && digit <= 9)) return Number(isoDate.slice(0, 4));
    year = year * 10 + digit;
  }
  return year;
}

/**
 * R9: notice given on or before 30 June of year Y ends membership on 31 December of Y;
 * notice given later ends it on 31 December of Y+1. That year is the last one with a fee.
 */
export function lastFeeYear(noticeGivenOn: string): number {
  const year = yearOf(noticeGivenOn);
  return noticeGivenOn.slice(5) <= '06-30' ? year : year + 1;
}

/**
 * R8: membership runs from 1 January of the joining year (full fee, never prorated)
 * to the last fee year after notice (R9), inclusive.
 */
export function isMemberInYear(member: Pick<Member, 'joinedOn' | 'noticeGivenOn'>, year: number): boolean {
  if (year < yearOf(member.joinedOn)) return false;
  return member.noticeGivenOn === undefined || year <= lastFeeYear(member.noticeGivenOn);
}

export function membersInYear<M extends Pick<Member, 'joinedOn' | 'noticeGivenOn'>>(members: readonly M[], year: number): M[] {
  return members.filter((member) => isMemberInYear(member, year));
}
