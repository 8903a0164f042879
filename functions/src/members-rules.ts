import type { FieldError, Member } from '@ssr/shared';
import { municipalityCodeClash } from '@ssr/shared';
import type { Versioned } from './storage/rows';

/** R1/R10 as the API answers it: a member about to be stored may not take a code another member holds. */
export function municipalityCodeError(member: Member, others: readonly Versioned<Member>[]): FieldError | undefined {
  const clash = municipalityCodeClash(member, others.map((other) => other.value));
  if (!clash) return undefined;
  return { path: 'municipalityCode', message: `Kommunkoden ${clash.municipalityCode} tillhör redan ${clash.holder.name} (${clash.holder.id}).` };
}
