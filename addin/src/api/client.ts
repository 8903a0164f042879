import type { FeeMode, FeeRuleVersion, Member, PopulationFigure, Reimbursement } from '@ssr/shared';
import { feeRuleVersionSchema, memberSchema, populationFigureSchema, reimbursementSchema } from '@ssr/shared';
import * as z from 'zod';
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
  /** R7: the parties whose approval counts (members in the first year), and how many have given it. */
  approvalState?: { required: number; approved: number; pending: string[] };
  etag: string;
}

/** A year's figures with the etag a PUT of that year must name. */
export interface PopulationYear {
  figures: PopulationFigure[];
  etag: string;
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

const approvalStateSchema = z.object({ required: z.number().int(), approved: z.number().int(), pending: z.array(z.string()) });

function decodeStoredFeeRule(value: unknown, path = ''): Decoded<StoredFeeRule> {
  const rule = decodeWith(feeRuleVersionSchema, value, path);
  if ('unreadable' in rule) return rule;
  const record = value as { status?: unknown; approvalState?: unknown };
  const status = record.status === 'adopted' ? 'adopted' : 'draft';
  const etag = etagOf(value);
  if (etag === undefined) return { unreadable: `${path || 'avgiftsregeln'}: etag saknas` };
  const state = approvalStateSchema.safeParse(record.approvalState);
  return state.success ? { rule, status, approvalState: state.data, etag } : { rule, status, etag };
}

function decodePopulationYear(body: unknown): Decoded<PopulationYear> {
  const figures = decodeList(body, 'figures', (value, index) => decodeWith(populationFigureSchema, value, `figures[${index}]`));
  if ('unreadable' in figures) return figures;
  const etag = etagOf(body);
  return etag === undefined ? { unreadable: 'etag saknas för årets befolkningstal' } : { figures, etag };
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

    /** A new member: `If-None-Match: *`, create only, never overwrite (an existing id is 409). */
    createMember: (member: Member) =>
      request<StoredMember>('POST', '/members', { body: member, ifNoneMatch: '*', decode: withEtag((value) => decodeStoredMember(value)) }),

    updateMember: (member: Member, etag: string) =>
      request<StoredMember>('PUT', `/members/${encodeURIComponent(member.id)}`, {
        body: member,
        ifMatch: etag,
        decode: withEtag((value) => decodeStoredMember(value)),
      }),

    deleteMember: (id: string, etag: string) =>
      request<null>('DELETE', `/members/${encodeURIComponent(id)}`, { ifMatch: etag, decode: () => Promise.resolve(null) }),

    populations: (year: number) =>
      request<PopulationYear>('GET', `/populations?year=${year}`, { decode: withEtag(decodePopulationYear) }),

    /** R3 figures of 31 Dec of a year, all or nothing, on the etag of the year as read. */
    putPopulations: (year: number, figures: PopulationFigure[], etag: string) =>
      request<PopulationYear>('PUT', `/populations/${year}`, { body: { figures }, ifMatch: etag, decode: withEtag(decodePopulationYear) }),

    feeRules: () =>
      request<StoredFeeRule[]>('GET', '/fee-rules', {
        decode: async (response) =>
          decodeList(await json(response), 'feeRules', (value, index) => decodeStoredFeeRule(value, `feeRules[${index}]`)),
      }),

    proposeFeeRule: (rule: FeeRuleVersion) =>
      request<StoredFeeRule>('POST', '/fee-rules', { body: rule, decode: withEtag((value) => decodeStoredFeeRule(value)) }),

    /** R7: one party's approval of a version, on the version's etag. */
    approveFeeRule: (id: string, approval: Approval, etag: string) =>
      request<StoredFeeRule>('POST', `/fee-rules/${encodeURIComponent(id)}/approvals`, {
        body: approval,
        ifMatch: etag,
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
        decode: async (response) => decodeWith(reimbursementSchema, await json(response)),
      }),

    /** R5: the invoice list as CSV, formula-injection safe as the API writes it. */
    invoicesCsv: (year: number) =>
      request<string>('GET', `/invoices?year=${year}`, { accept: 'text/csv', decode: (response) => response.text() }),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
export type { ApiResult };
