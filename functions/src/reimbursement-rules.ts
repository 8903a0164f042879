import type { HttpResponseInit } from '@azure/functions';
import type { FieldError, Lang, Member, Reimbursement, ReimbursementView } from '@ssr/shared';
import { MAX_REIMBURSEMENT_SUM_ORE, claimsOutsideMembership, formatSek, isMemberInYear, reimbursementYear, yearOf } from '@ssr/shared';
import { badRequest, conflict } from './http/responses';
import type { SumCapError } from './storage/reimbursements';
import type { Versioned } from './storage/rows';
import { apiTexts } from './texts';

export const reimbursementView = (claim: Versioned<Reimbursement>): ReimbursementView => ({ ...claim.value, etag: claim.etag });

/** R6 with R8/R9: a claim counts in its year, and only a member in that year can claim for it. */
export function claimantError(lang: Lang, claim: Reimbursement, member: Member | undefined): FieldError | undefined {
  const t = apiTexts(lang).reimbursements;
  if (member === undefined) return { path: 'memberId', message: t.noMember(claim.memberId) };
  const year = reimbursementYear(claim);
  if (isMemberInYear(member, year)) return undefined;
  return { path: 'periodStart', message: t.notMemberInYear(member.name, year) };
}

/** 400 when the claimant cannot claim for the claim's year. */
export function claimantProblem(lang: Lang, claim: Reimbursement, member: Member | undefined): HttpResponseInit | undefined {
  const error = claimantError(lang, claim, member);
  return error && badRequest(lang, [error], error.message);
}

/** 409: the year's sum for the member and function would pass what the register (and the snapshot) holds. */
export function sumCapProblem(lang: Lang, error: SumCapError, claim: Reimbursement, member: Member | undefined): HttpResponseInit {
  const { key } = error;
  const who = member?.name ?? key.memberId;
  const message = apiTexts(lang).reimbursements.sumCap(
    who,
    key.function,
    key.year,
    formatSek(error.othersOre + claim.amountOre),
    formatSek(MAX_REIMBURSEMENT_SUM_ORE),
  );
  return conflict(lang, message, { errors: [{ path: 'amountOre', message }] }, 'reimbursement-sum-cap');
}

export function contentionProblem(lang: Lang): HttpResponseInit {
  return conflict(lang, apiTexts(lang).reimbursements.contention, {}, 'contention');
}

/**
 * 409 when a member edit (`after`) or removal (`after` undefined) would leave claims in years
 * the member is not a member of: the claims are corrected or removed first, so no claim
 * says something the register no longer holds.
 */
export function strandedClaimsProblem(
  lang: Lang,
  before: Member,
  after: Member | undefined,
  claims: readonly Versioned<Reimbursement>[],
): HttpResponseInit | undefined {
  const t = apiTexts(lang).reimbursements;
  const stranded = claimsOutsideMembership(after, before.id, claims.map((claim) => claim.value));
  if (stranded.length === 0) return undefined;
  const years = [...new Set(stranded.map(reimbursementYear))].sort((a, b) => a - b).join(', ');
  if (after === undefined) {
    const message = t.memberHasClaims(before.name, years);
    return conflict(lang, message, { errors: [{ path: 'id', message }] }, 'member-has-claims');
  }
  const path = stranded.some((claim) => reimbursementYear(claim) < yearOf(after.joinedOn)) ? 'joinedOn' : 'noticeGivenOn';
  const message = t.datesStrandClaims(after.name, years);
  return conflict(lang, message, { errors: [{ path, message }] }, 'member-has-claims');
}
