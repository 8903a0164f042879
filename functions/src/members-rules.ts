import type { FieldError, Member } from '@ssr/shared';
import type { Versioned } from './storage/rows';

/**
 * R1/R10: a municipality is one member; two members with one municipality code would count
 * its inhabitants twice. Returns the clash, if any, for a member about to be stored.
 */
export function municipalityCodeClash(member: Member, others: readonly Versioned<Member>[]): FieldError | undefined {
  if (member.municipalityCode === undefined) return undefined;
  const holder = others.find((other) => other.value.id !== member.id && other.value.municipalityCode === member.municipalityCode);
  if (!holder) return undefined;
  return { path: 'municipalityCode', message: `Kommunkoden ${member.municipalityCode} tillhör redan ${holder.value.name} (${holder.value.id}).` };
}
