import type { FeeMode, FeeRuleVersion, Member, PopulationFigure, Reimbursement } from '@ssr/shared';
import { approvalSchema, feeRuleVersionSchema, memberSchema, populationFigureSchema, reimbursementSchema } from '@ssr/shared';
import type { Approval } from '@ssr/shared';
import type { Decoded } from './decode';
import { decodeList, decodeWith, etagOf } from './decode';
import type { ApiResult, HttpOptions } from './http';
import { createHttp } from './http';
import type { FeeScheduleView, Health } from './shapes';
import { decodeFeeSchedule, decodeHealth } from './shapes';

/** A member as the API stores it: the register's fields and the etag that writes must send back. */
export interface StoredMember {
  member: Member;
  etag: string;
}

export interface StoredFeeRule {
  rule: FeeRuleVersion;
  status: 'draft' | 'adopted';
  etag?: string;
}

async function json(response: Response): Promise<unknown> {
  return (await response.json()) as unknown;
}

function decodeStoredMember(value: unknown, path = ''): Decoded<StoredMember> {
  const member = decodeWith(memberSchema, value, path);
  if ('unreadable' in member) return member;
  const etag = etagOf(value);
  return etag === undefined ? { unreadable: `${path || 'medlemmen'}: etag saknas` } : { member, etag };
}

function decodeStoredFeeRule(value: unknown, path = ''): Decoded<StoredFeeRule> {
  const rule = decodeWith(feeRuleVersionSchema, value, path);
  if ('unreadable' in rule) return rule;
  const status = (value as { status?: unknown }).status === 'adopted' ? 'adopted' : 'draft';
  const etag = etagOf(value);
  return etag === undefined ? { rule, status } : { rule, status, etag };
}

/**
 * The pane's client for the SSR API (design.md, "API contract"): one method per route it
 * uses, each returning the decoded value or the problem. Writes carry `If-Match`.
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
    health: () => request<Health>('GET', '/health', { decode: async (response) => decodeHealth(await json(response)) }),

    listMembers: () =>
      request<StoredMember[]>('GET', '/members', {
        decode: async (response) => decodeList(await json(response), 'members', (value, index) => decodeStoredMember(value, `members[${index}]`)),
      }),

    getMember: (id: string) =>
      request<StoredMember>('GET', `/members/${encodeURIComponent(id)}`, { decode: withEtag((value) => decodeStoredMember(value)) }),

    /** A new member; `If-Match: *` is a create's precondition (nothing to be stale against). */
    createMember: (member: Member) =>
      request<StoredMember>('POST', '/members', { body: member, ifMatch: '*', decode: withEtag((value) => decodeStoredMember(value)) }),

    updateMember: (member: Member, etag: string) =>
      request<StoredMember>('PUT', `/members/${encodeURIComponent(member.id)}`, {
        body: member,
        ifMatch: etag,
        decode: withEtag((value) => decodeStoredMember(value)),
      }),

    deleteMember: (id: string, etag: string) =>
      request<null>('DELETE', `/members/${encodeURIComponent(id)}`, { ifMatch: etag, decode: () => Promise.resolve(null) }),

    populations: (year: number) =>
      request<PopulationFigure[]>('GET', `/populations?year=${year}`, {
        decode: async (response) =>
          decodeList(await json(response), 'figures', (value, index) => decodeWith(populationFigureSchema, value, `figures[${index}]`)),
      }),

    /** R3 figures of 31 Dec of a year, all or nothing. */
    putPopulations: (year: number, figures: PopulationFigure[]) =>
      request<unknown>('PUT', `/populations/${year}`, { body: { figures }, ifMatch: '*', decode: json }),

    feeRules: () =>
      request<StoredFeeRule[]>('GET', '/fee-rules', {
        decode: async (response) =>
          decodeList(await json(response), 'feeRules', (value, index) => decodeStoredFeeRule(value, `feeRules[${index}]`)),
      }),

    proposeFeeRule: (rule: FeeRuleVersion) =>
      request<StoredFeeRule>('POST', '/fee-rules', { body: rule, ifMatch: '*', decode: withEtag((value) => decodeStoredFeeRule(value)) }),

    /** R7: one party's approval of a version. */
    approveFeeRule: (id: string, approval: Approval, etag?: string) =>
      request<StoredFeeRule>('POST', `/fee-rules/${encodeURIComponent(id)}/approvals`, {
        body: decodeWith(approvalSchema, approval),
        ifMatch: etag ?? '*',
        decode: withEtag((value) => decodeStoredFeeRule(value)),
      }),

    fees: (year: number, mode: FeeMode) =>
      request<FeeScheduleView>('GET', `/fees?year=${year}${mode === 'estimate' ? '&mode=estimate' : ''}`, {
        decode: async (response) => decodeFeeSchedule(await json(response)),
      }),

    reimbursements: (year: number) =>
      request<Reimbursement[]>('GET', `/reimbursements?year=${year}`, {
        decode: async (response) =>
          decodeList(await json(response), 'reimbursements', (value, index) => decodeWith(reimbursementSchema, value, `reimbursements[${index}]`)),
      }),

    /** R6: a claim for RSIB or RKK. */
    createReimbursement: (claim: Reimbursement) =>
      request<Reimbursement>('POST', '/reimbursements', {
        body: claim,
        ifMatch: '*',
        decode: async (response) => decodeWith(reimbursementSchema, await json(response)),
      }),

    /** R5: the invoice list as CSV, formula-injection safe as the API writes it. */
    invoicesCsv: (year: number) =>
      request<string>('GET', `/invoices?year=${year}`, { accept: 'text/csv', decode: (response) => response.text() }),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
export type { ApiResult };
