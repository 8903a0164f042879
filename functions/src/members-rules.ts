import type { HttpResponseInit } from '@azure/functions';
import type { FieldError, Lang, Member } from '@ssr/shared';
import { municipalityCodeClash } from '@ssr/shared';
import { conflict } from './http/responses';
import { apiTexts } from './texts';
import type { CodeTakenError } from './storage/members';
import type { Versioned } from './storage/rows';

/** R1/R10: the code is held by another member. */
export function codeTakenError(lang: Lang, municipalityCode: string, holder: Pick<Member, 'id' | 'name'>): FieldError {
  return { path: 'municipalityCode', message: apiTexts(lang).members.codeTaken(municipalityCode, holder.name, holder.id) };
}

/**
 * R1/R10 as the API answers it: a member about to be stored may not take a code another member
 * holds. A check before the write, for the answer; the write itself holds the code (storage/members.ts).
 */
export function municipalityCodeError(lang: Lang, member: Member, others: readonly Versioned<Member>[]): FieldError | undefined {
  const clash = municipalityCodeClash(member, others.map((other) => other.value));
  return clash && codeTakenError(lang, clash.municipalityCode, clash.holder);
}

/** 409: another write took the code between the check and the write. */
export function codeTakenProblem(lang: Lang, error: CodeTakenError): HttpResponseInit {
  const taken = codeTakenError(lang, error.municipalityCode, error.holder);
  return conflict(lang, taken.message, { errors: [taken] }, 'duplicate-municipality');
}

/** 409: other writes on the same code claims kept winning; nothing was written. */
export function memberContentionProblem(lang: Lang): HttpResponseInit {
  return conflict(lang, apiTexts(lang).members.contention, {}, 'contention');
}
