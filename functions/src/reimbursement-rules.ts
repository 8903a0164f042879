import type { HttpResponseInit } from '@azure/functions';
import type { FieldError, Member, Reimbursement, ReimbursementView } from '@ssr/shared';
import { MAX_REIMBURSEMENT_SUM_ORE, claimsOutsideMembership, formatSek, isMemberInYear, reimbursementYear, yearOf } from '@ssr/shared';
import { badRequest, conflict } from './http/responses';
import type { SumCapError } from './storage/reimbursements';
import type { Versioned } from './storage/rows';

export const reimbursementView = (claim: Versioned<Reimbursement>): ReimbursementView => ({ ...claim.value, etag: claim.etag });

/** R6 with R8/R9: a claim counts in its year, and only a member in that year can claim for it. */
export function claimantError(claim: Reimbursement, member: Member | undefined): FieldError | undefined {
  if (member === undefined) return { path: 'memberId', message: `Det finns ingen medlem med id "${claim.memberId}".` };
  const year = reimbursementYear(claim);
  if (isMemberInYear(member, year)) return undefined;
  return { path: 'periodStart', message: `${member.name} är inte medlem år ${year} och kan inte få ersättning för det året.` };
}

/** 400 when the claimant cannot claim for the claim's year. */
export function claimantProblem(claim: Reimbursement, member: Member | undefined): HttpResponseInit | undefined {
  const error = claimantError(claim, member);
  return error && badRequest([error], error.message);
}

/** 409: the year's sum for the member and function would pass what the register (and the snapshot) holds. */
export function sumCapProblem(error: SumCapError, claim: Reimbursement, member: Member | undefined): HttpResponseInit {
  const { key } = error;
  const who = member?.name ?? key.memberId;
  const message =
    `Summan av ersättningarna till ${who} för ${key.function} år ${key.year} skulle bli ${formatSek(error.othersOre + claim.amountOre)}, ` +
    `över taket ${formatSek(MAX_REIMBURSEMENT_SUM_ORE)} per medlem, funktion och år.`;
  return conflict(message, { errors: [{ path: 'amountOre', message }] }, 'reimbursement-sum-cap');
}

export function contentionProblem(): HttpResponseInit {
  return conflict('Andra ändringar av samma ersättningssumma sparades samtidigt; inget har ändrats. Försök igen.', {}, 'contention');
}

/**
 * 409 when a member edit (`after`) or removal (`after` undefined) would leave claims in years
 * the member is not a member of: the claims are corrected or removed first, so no claim
 * says something the register no longer holds.
 */
export function strandedClaimsProblem(before: Member, after: Member | undefined, claims: readonly Versioned<Reimbursement>[]): HttpResponseInit | undefined {
  const stranded = claimsOutsideMembership(after, before.id, claims.map((claim) => claim.value));
  if (stranded.length === 0) return undefined;
  const years = [...new Set(stranded.map(reimbursementYear))].sort((a, b) => a - b).join(', ');
  if (after === undefined) {
    const message = `${before.name} har registrerade ersättningar (år ${years}); ta bort dem under Ersättningar innan medlemmen tas bort.`;
    return conflict(message, { errors: [{ path: 'id', message }] }, 'member-has-claims');
  }
  const path = stranded.some((claim) => reimbursementYear(claim) < yearOf(after.joinedOn)) ? 'joinedOn' : 'noticeGivenOn';
  const message = `Med de nya datumen är ${after.name} inte medlem år ${years}, men har ersättningar för det; rätta eller ta bort dem först.`;
  return conflict(message, { errors: [{ path, message }] }, 'member-has-claims');
}
