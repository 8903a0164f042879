import type { Member } from './schemas';

/** What the municipality-code rule reads of a member; callers may carry more (a name, a sheet row). */
export type MunicipalityCodeHolder = Pick<Member, 'id' | 'municipalityCode'>;

/** A member that takes a municipality code another member already holds. */
export interface MunicipalityCodeClash<M extends MunicipalityCodeHolder> {
  municipalityCode: string;
  member: M;
  holder: M;
}

/**
 * R1/R10: a municipality is one member, so its code belongs to one member only; a second
 * holder would count its inhabitants twice and its cluster's total with them. The clash of a
 * member about to be written with the other member that holds its code, if any; the member's
 * own stored version (same id) is no clash, so a member can be written back with its code.
 */
export function municipalityCodeClash<M extends MunicipalityCodeHolder>(member: M, others: readonly M[]): MunicipalityCodeClash<M> | undefined {
  const code = member.municipalityCode;
  if (code === undefined) return undefined;
  const holder = others.find((other) => other.id !== member.id && other.municipalityCode === code);
  return holder === undefined ? undefined : { municipalityCode: code, member, holder };
}

/**
 * R1/R10 over a list in order: every member whose code an earlier member of the list already
 * holds, with that first holder. The order decides who keeps the code, so put the members
 * that hold it now (the register) before the ones being written.
 */
export function municipalityCodeClashes<M extends MunicipalityCodeHolder>(members: readonly M[]): MunicipalityCodeClash<M>[] {
  const firstHolders = new Map<string, M>();
  const clashes: MunicipalityCodeClash<M>[] = [];
  for (const member of members) {
    const code = member.municipalityCode;
    if (code === undefined) continue;
    const holder = firstHolders.get(code);
    if (holder === undefined) firstHolders.set(code, member);
    else if (holder.id !== member.id) clashes.push({ municipalityCode: code, member, holder });
  }
  return clashes;
}
