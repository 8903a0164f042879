import { lastFeeYear } from '@ssr/shared';
import { readDate, readKind, readMember, readReimbursedFunction, readYear } from './args';
import type { FormattedNumber } from './cell-value';
import * as compute from './compute';
import { cell, cellLanguage, currentYear, moneyCell, plainCell, presented, readCell, tableCell } from './context';
import { ARGUMENTS } from './texts';

/*
 * The register functions of the SSR namespace: populations, members, notice (R9),
 * reimbursements (R6), clusters and the time of the register. As in fee-functions.ts, the
 * JSDoc is the Excel metadata.
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
    const [query, figureYear] = [readMember(municipality, ARGUMENTS.municipality), readYear(year, currentYear())];
    return (snapshot) => compute.population(snapshot, query, figureYear);
  });
}

/**
 * The member register as a table that spills: a header row, then one row per member.
 * @customfunction MEMBERS
 * @param [kind] "all" (default), "municipality" or "actor".
 * @returns Columns Id, Name, Kind, Fee class, Municipality code, Cluster, Joined on, Notice given on.
 */
export function members(kind?: string | null): Promise<unknown[][]> {
  return tableCell(() => {
    const [memberKind, lang] = [readKind(kind), cellLanguage()];
    return (snapshot) => compute.memberTable(snapshot, memberKind, lang);
  });
}

/**
 * The last year a member pays a fee after giving notice on the date: by 30 June, that year; later, the next.
 * @customfunction LASTYEAR
 * @param noticeDate The date notice was given: an Excel date or text such as "2026-06-30".
 * @returns The last fee year.
 */
export function lastYear(noticeDate: number | string | null): Promise<number> {
  // R9 needs no register: it answers even when the API cannot be reached.
  return plainCell(() => lastFeeYear(readDate(noticeDate)));
}

/**
 * What the member was reimbursed for staffing the on-call functions in the year, in kronor.
 * @customfunction REIMBURSED
 * @param member Member: name, id or municipality code.
 * @param year The year of the reimbursed periods.
 * @param [onCallFunction] "RSIB", "RKK", or left out for both.
 * @returns The reimbursed amount in kronor.
 */
export function reimbursed(member: string, year: number | string | null, onCallFunction?: string | null): Promise<FormattedNumber | number> {
  return moneyCell(() => {
    const [query, claimYear, fn] = [readMember(member), readYear(year, currentYear()), readReimbursedFunction(onCallFunction)];
    return (snapshot) => compute.reimbursed(snapshot, query, claimYear, fn);
  });
}

/**
 * The member's net position for the year: fee minus reimbursements, in kronor.
 * @customfunction NET
 * @param member Member: name, id or municipality code.
 * @param year Fee year.
 * @returns Fee − reimbursement in kronor.
 */
export function net(member: string, year: number | string | null): Promise<FormattedNumber | number> {
  return moneyCell(() => {
    const [query, feeYear] = [readMember(member), readYear(year, currentYear())];
    return (snapshot) => compute.net(snapshot, query, feeYear);
  });
}

/**
 * The cluster that represents a municipality in the standing forums in the year; empty for other actors.
 * @customfunction CLUSTER
 * @param member Member: name, id or municipality code.
 * @param [year] Year, e.g. 2025. Left out: the current year. A change of cluster applies from a year on.
 * @returns Norr, Mitt, Syd or Stockholms stad.
 */
export function cluster(member: string, year?: number | string | null): Promise<string> {
  return cell(() => {
    const [query, clusterYear] = [readMember(member), readYear(year, currentYear())];
    return (snapshot) => compute.cluster(snapshot, query, clusterYear);
  });
}

/**
 * When the register these cells use was last confirmed by the SSR service, as a date and time, e.g. for "Figures as of 1 Dec 2026 14:32".
 * @customfunction ASOF
 * @returns The date and time of the register, Swedish time.
 */
export function asOf(): Promise<FormattedNumber | number> {
  return readCell(() => (read) => presented(compute.excelDateTime(read.fetchedAt)));
}
