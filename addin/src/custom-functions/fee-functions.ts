import { readActorClass, readGroup, readMember, readMode, readRule, readYear } from './args';
import * as compute from './compute';
import type { FormattedNumber } from './cell-value';
import { cell, cellLanguage, currentYear, moneyCell, tableCell } from './context';

/*
 * The fee functions of the SSR namespace. The JSDoc of each is its Excel metadata
 * (functions.json is generated from it): keep the tags, parameter names and descriptions
 * in step with docs/functions.md. Excel passes null for a left-out optional argument.
 * Kronor come back as a formatted number where Excel takes one (result type `any`).
 */

/**
 * The member's fee for the year, in kronor.
 * @customfunction FEE
 * @param member Member: name, id or municipality code, e.g. "Nacka".
 * @param [year] Fee year, e.g. 2025. Left out: the current year.
 * @param [mode] "exact" (default; a missing population is an error) or "estimate" (the latest earlier figure stands in).
 * @param [rule] Fee rule version id, e.g. "avgifter-2027". Left out: the rule in force. A draft gives a proposal, shown as such.
 * @returns The fee in kronor.
 */
export function fee(member: string, year?: number | string | null, mode?: string | null, rule?: string | null): Promise<FormattedNumber | number> {
  return moneyCell(() => {
    // Plain constants, not a destructured array: thousands of these cells run in one recalculation.
    const query = readMember(member);
    const feeYear = readYear(year, currentYear());
    const feeMode = readMode(mode);
    const ruleId = readRule(rule);
    const lang = cellLanguage();
    return (snapshot) => compute.fee(snapshot, query, feeYear, feeMode, ruleId, lang);
  });
}

/**
 * The fee schedule of the year as a table that spills: a header row, then one row per member.
 * @customfunction FEES
 * @param [year] Fee year, e.g. 2025. Left out: the current year.
 * @param [mode] "exact" (default) or "estimate".
 * @param [rule] Fee rule version id, e.g. "avgifter-2027". Left out: the rule in force. Under a draft the fee column is headed as a proposal.
 * @returns Columns Id, Name, Kind, Cluster, Fee class, Basis, Fee (kronor).
 */
export function fees(year?: number | string | null, mode?: string | null, rule?: string | null): Promise<unknown[][]> {
  return tableCell(() => {
    const [feeYear, feeMode, ruleId, lang] = [readYear(year, currentYear()), readMode(mode), readRule(rule), cellLanguage()];
    return (snapshot) => compute.feeTable(snapshot, feeYear, feeMode, lang, ruleId);
  });
}

/**
 * Total fees of the year for all members or one group, in kronor.
 * @customfunction TOTAL
 * @param [year] Fee year, e.g. 2024. Left out: the current year.
 * @param [group] "all" (default), "municipalities", "others", or a cluster: "Norr", "Mitt", "Syd", "Stockholms stad".
 * @param [mode] "exact" (default) or "estimate".
 * @param [rule] Fee rule version id, e.g. "avgifter-2027". Left out: the rule in force. A draft gives a proposal, shown as such.
 * @returns The total in kronor.
 */
export function total(year?: number | string | null, group?: string | null, mode?: string | null, rule?: string | null): Promise<FormattedNumber | number> {
  return moneyCell(() => {
    const [feeYear, feeGroup, feeMode, ruleId, lang] = [readYear(year, currentYear()), readGroup(group), readMode(mode), readRule(rule), cellLanguage()];
    return (snapshot) => compute.total(snapshot, feeYear, feeGroup, feeMode, ruleId, lang);
  });
}

/**
 * How the member's fee was reached, as text, e.g. "SEK 1.50 × 112,112 inhabitants (31 Dec 2024)".
 * @customfunction FEEBASIS
 * @param member Member: name, id or municipality code.
 * @param [year] Fee year. Left out: the current year.
 * @param [mode] "exact" (default) or "estimate".
 * @returns The basis of the fee.
 */
export function feeBasis(member: string, year?: number | string | null, mode?: string | null): Promise<string> {
  return cell(() => {
    const [query, feeYear, feeMode, lang] = [readMember(member), readYear(year, currentYear()), readMode(mode), cellLanguage()];
    return (snapshot) => compute.feeBasis(snapshot, query, feeYear, feeMode, lang);
  });
}

/**
 * The municipal fee per inhabitant under the fee rule in force for the year, in kronor.
 * @customfunction RATE
 * @param [year] Fee year. Left out: the current year.
 * @returns Kronor per inhabitant.
 */
export function rate(year?: number | string | null): Promise<FormattedNumber | number> {
  return moneyCell(() => {
    const feeYear = readYear(year, currentYear());
    return (snapshot) => compute.rate(snapshot, feeYear);
  });
}

/**
 * The yearly fee of an actor other than a municipality under the fee rule in force, in kronor.
 * @customfunction ACTORFEE
 * @param [year] Fee year. Left out: the current year.
 * @param [feeClass] "single" (default) or "double".
 * @returns The actor fee in kronor.
 */
export function actorFee(year?: number | string | null, feeClass?: string | null): Promise<FormattedNumber | number> {
  return moneyCell(() => {
    const [feeYear, actorClass] = [readYear(year, currentYear()), readActorClass(feeClass)];
    return (snapshot) => compute.actorFee(snapshot, feeYear, actorClass);
  });
}
