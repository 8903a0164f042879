import type {
  Approval,
  ApprovalState,
  FeeMode,
  FeeRuleStatus,
  FeeSchedule,
  FeeRuleVersion,
  FeeRuleView,
  Health,
  Member,
  MemberView,
  PopulationFigure,
  PopulationsBody,
  PopulationYear,
  Reimbursement,
  ReimbursementView,
} from '@ssr/shared';
import {
  feeRuleListSchema,
  feeRuleViewSchema,
  feeScheduleSchema,
  healthSchema,
  memberListSchema,
  memberViewSchema,
  populationYearSchema,
  reimbursementListSchema,
  reimbursementViewSchema,
} from '@ssr/shared';
import type * as z from 'zod';
import type { Decoded } from './decode';
import { decodeWith, etagOf, isUnreadable } from './decode';
import type { ApiResult, HttpOptions } from './http';
import { createHttp } from './http';

/** A member as the API stores it: the register's fields and the etag that writes must send back. */
export interface StoredMember {
  member: Member;
  etag: string;
}

export interface StoredFeeRule {
  rule: FeeRuleVersion;
  status: FeeRuleStatus;
  /** R7: the parties whose approval counts (members in the first year), and how many have given it. */
  approvalState: ApprovalState;
  etag: string;
}

async function json(response: Response): Promise<unknown> {
  return (await response.json()) as unknown;
}

function storedMember({ etag, ...member }: MemberView): StoredMember {
  return { member, etag };
}

function storedFeeRule({ status, approvalState, etag, ...rule }: FeeRuleView): StoredFeeRule {
  return { rule, status, approvalState, etag };
}

/** Decode a body with a schema of the contract, then shape it as the pane uses it. */
function decodeTo<S extends z.ZodType, T>(schema: S, shape: (value: z.output<S>) => T): (body: unknown) => Decoded<T> {
  return (body) => {
    const decoded = decodeWith(schema, body);
    return isUnreadable(decoded) ? decoded : shape(decoded);
  };
}

const fromJson =
  <T>(decode: (body: unknown) => Decoded<T>) =>
  async (response: Response): Promise<Decoded<T>> =>
    decode(await json(response));

const decodeStoredMember = decodeTo(memberViewSchema, storedMember);
const decodeStoredFeeRule = decodeTo(feeRuleViewSchema, storedFeeRule);
const decodePopulationYear = decodeTo(populationYearSchema, (year) => year);
const decodeHealth = decodeTo(healthSchema, (health) => health);
const decodeFeeSchedule = decodeTo(feeScheduleSchema, (schedule) => schedule);
const decodeReimbursement = decodeTo(reimbursementViewSchema, (claim) => claim);

/** Storage that does not answer: GET /health says so with this status rather than a body. */
export const STORAGE_UNAVAILABLE_STATUS = 503;

/**
 * The pane's client for the SSR API: one method per route it uses (the route table is
 * `functions/src/routes.ts`, the shapes are the contract in `shared`), each returning the
 * decoded value or the problem. Writes carry `If-Match`.
 */
export function createApiClient(options: HttpOptions) {
  const request = createHttp(options);
  const withEtag = <T extends object>(decoded: (value: unknown) => Decoded<T>) => async (response: Response) => {
    const body = await json(response);
    const header = response.headers.get('ETag');
    // The entity's etag travels in the body; the header is the fallback for a bare entity.
    const merged = typeof body === 'object' && body !== null && etagOf(body) === undefined && header ? { ...body, etag: header } : body;
    return decoded(merged);
  };

  return {
    /** Ask the API for its problems in the pane's language from now on. */
    setLanguage: request.setLanguage,
    health: () => request<Health>('GET', '/health', { decode: fromJson(decodeHealth) }),

    listMembers: () =>
      request<StoredMember[]>('GET', '/members', {
        decode: fromJson(decodeTo(memberListSchema, (list) => list.members.map(storedMember))),
      }),

    getMember: (id: string) => request<StoredMember>('GET', `/members/${encodeURIComponent(id)}`, { decode: withEtag(decodeStoredMember) }),

    /** A new member: `If-None-Match: *`, create only, never overwrite (an existing id is 409). */
    createMember: (member: Member) => request<StoredMember>('POST', '/members', { body: member, ifNoneMatch: '*', decode: withEtag(decodeStoredMember) }),

    /** R7: `changesFrom` is the year a changed fee class or cluster applies from; earlier years keep theirs. */
    updateMember: (member: Member, etag: string, changesFrom?: number) =>
      request<StoredMember>('PUT', `/members/${encodeURIComponent(member.id)}`, {
        body: changesFrom === undefined ? member : { ...member, changesFrom },
        ifMatch: etag,
        decode: withEtag(decodeStoredMember),
      }),

    deleteMember: (id: string, etag: string) =>
      request<null>('DELETE', `/members/${encodeURIComponent(id)}`, { ifMatch: etag, decode: () => Promise.resolve(null) }),

    populations: (year: number) => request<PopulationYear>('GET', `/populations?year=${year}`, { decode: withEtag(decodePopulationYear) }),

    /** R3 figures of 31 Dec of a year, all or nothing, on the etag of the year as read. */
    putPopulations: (year: number, figures: PopulationFigure[], etag: string) =>
      request<PopulationYear>('PUT', `/populations/${year}`, {
        body: { figures } satisfies PopulationsBody,
        ifMatch: etag,
        decode: withEtag(decodePopulationYear),
      }),

    feeRules: () =>
      request<StoredFeeRule[]>('GET', '/fee-rules', {
        decode: fromJson(decodeTo(feeRuleListSchema, (list) => list.feeRules.map(storedFeeRule))),
      }),

    proposeFeeRule: (rule: FeeRuleVersion) => request<StoredFeeRule>('POST', '/fee-rules', { body: rule, decode: withEtag(decodeStoredFeeRule) }),

    /** R7: one party's approval of a version, on the version's etag. */
    approveFeeRule: (id: string, approval: Approval, etag: string) =>
      request<StoredFeeRule>('POST', `/fee-rules/${encodeURIComponent(id)}/approvals`, {
        body: approval,
        ifMatch: etag,
        decode: withEtag(decodeStoredFeeRule),
      }),

    /** R7: withdraw a draft version, on its etag (an adopted one answers 409 and stays). */
    withdrawFeeRule: (id: string, etag: string) =>
      request<null>('DELETE', `/fee-rules/${encodeURIComponent(id)}`, { ifMatch: etag, decode: () => Promise.resolve(null) }),

    fees: (year: number, mode: FeeMode) =>
      request<FeeSchedule>('GET', `/fees?year=${year}${mode === 'estimate' ? '&mode=estimate' : ''}`, {
        decode: fromJson(decodeFeeSchedule),
      }),

    /** A year's R6 claims, each with the etag a correction or removal names. */
    reimbursements: (year: number) =>
      request<ReimbursementView[]>('GET', `/reimbursements?year=${year}`, {
        decode: fromJson(decodeTo(reimbursementListSchema, (list) => list.reimbursements)),
      }),

    /** R6: a claim for RSIB or RKK. */
    createReimbursement: (claim: Reimbursement) =>
      request<ReimbursementView>('POST', '/reimbursements', { body: claim, decode: withEtag(decodeReimbursement) }),

    /** R6: correct a claim, on the etag it was listed with. */
    replaceReimbursement: (claim: Reimbursement, etag: string) =>
      request<ReimbursementView>('PUT', `/reimbursements/${encodeURIComponent(claim.id)}`, { body: claim, ifMatch: etag, decode: withEtag(decodeReimbursement) }),

    /** R6: remove a claim recorded by mistake, on the etag it was listed with. */
    deleteReimbursement: (id: string, etag: string) =>
      request<null>('DELETE', `/reimbursements/${encodeURIComponent(id)}`, { ifMatch: etag, decode: () => Promise.resolve(null) }),

    /** R5: the invoice list as CSV, formula-injection safe as the API writes it. */
    invoicesCsv: (year: number) => request<string>('GET', `/invoices?year=${year}`, { accept: 'text/csv', decode: (response) => response.text() }),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
export type { ApiResult };
