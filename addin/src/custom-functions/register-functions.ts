import { lastFeeYear } from '@ssr/shared';
import { readDate, readKind, readMember, readReimbursedFunction, readYear } from './args';
import * as compute from './compute';
import { cell, currentYear, plainCell, tableCell } from './context';

/*
 * The register functions of the SSR namespace: populations, members, notice (R9),
 * reimbursements (R6) and clusters. As in fee-functions.ts, the JSDoc is the Excel metadata.
 */

/**
 * The registered population of a municipality on 31 December of the year.
 * @customfunction POPULATION
 * @param municipality Municipality: name, id or municipality code, e.g. "0182".
 * @param year The year whose 31 December figure is wanted, e.g. 2024.
 * @returns Inhabitants on 31 December of that year.
 */
export function population(municipality: string, year: number | string | null): Promise<number> {
  return cell(() => {
    const [query, figureYear] = [readMember(municipality, 'Municipality'), readYear(year, currentYear())];
    return (snapshot) => compute.population(snapshot, query, figureYear);
  });
}

/**
 * The member register as a table that spills: a header row, then one row per member.
 * @customfunction MEMBERS
 * @param [kind] "all" (default), "municipality" or "actor".
 * @returns Columns id, name, kind, fee class, municipality code, cluster, joined on, notice given on.
 */
export function members(kind?: string | null): Promise<unknown[][]> {
  return tableCell(() => {
    const memberKind = readKind(kind);
    return (snapshot) => compute.memberTable(snapshot, memberKind);
  });
}

/**
 * The last year a member pays a fee after giving notice on the date (R9: by 30 June, that year; later, the next).
 * @customfunction LASTYEAR
 * @param noticeDate The date notice was given: an Excel date or text such as "2026-06-30".
 * @returns The last fee year.
 */
export function lastYear(noticeDate: number | string | null): Promise<number> {
  // R9 needs no register: it answers even when the API cannot be reached.
  return plainCell(() => lastFeeYear(readDate(noticeDate, 'Notice date')));
}

/**
 * What the member was reimbursed for staffing the on-call functions in the year, in kronor (R6).
 * @customfunction REIMBURSED
 * @param member Member: name, id or municipality code.
 * @param year The year of the reimbursed periods.
 * @param [onCallFunction] "RSIB", "RKK", or left out for both.
 * @returns The reimbursed amount in kronor.
 */
export function reimbursed(member: string, year: number | string | null, onCallFunction?: string | null): Promise<number> {
  return cell(() => {
    const [query, claimYear, fn] = [readMember(member), readYear(year, currentYear()), readReimbursedFunction(onCallFunction)];
    return (snapshot) => compute.reimbursed(snapshot, query, claimYear, fn);
  });
}

/**
 * The member's net position for the year: fee minus reimbursements, in kronor (R6).
 * @customfunction NET
 * @param member Member: name, id or municipality code.
 * @param year Fee year.
 * @returns Fee − reimbursement in kronor.
 */
export function net(member: string, year: number | string | null): Promise<number> {
  return cell(() => {
    const [query, feeYear] = [readMember(member), readYear(year, currentYear())];
    return (snapshot) => compute.net(snapshot, query, feeYear);
  });
}

/**
 * The cluster that represents a municipality in the standing forums in the year (R10); empty for other actors.
 * @customfunction CLUSTER
 * @param member Member: name, id or municipality code.
 * @param [year] Year, e.g. 2025. Left out: the current year. A change of cluster applies from a year on (R7).
 * @returns Norr, Mitt, Syd or Stockholms stad.
 */
export function cluster(member: string, year?: number | string | null): Promise<string> {
  return cell(() => {
    const [query, clusterYear] = [readMember(member), readYear(year, currentYear())];
    return (snapshot) => compute.cluster(snapshot, query, clusterYear);
  });
}
