import type { TransactionAction } from '@azure/data-tables';
import type { Member } from '@ssr/shared';
import { memberSchema } from '@ssr/shared';
import { z } from 'zod';
import type { AuditChange } from '../audit';
import { fromDocumentEntity, toDocumentEntity } from './documents';
import { AlreadyExistsError, EntityNotFoundError, StaleEtagError } from './errors';
import { commit } from './outbox';
import { final, retryingRaces } from './retry';
import type { Versioned } from './rows';
import { TOMBSTONE, getDocument, getRow, isTombstone, listDocuments, odataString, toHttpEtag } from './rows';
import type { StoreContext } from './context';
import type { Tables } from './tables';
import { TABLES, dataRowsOf } from './tables';

export interface MemberRepository {
  list(): Promise<Versioned<Member>[]>;
  get(id: string): Promise<Versioned<Member> | undefined>;
  /** @throws AlreadyExistsError when the id is taken, CodeTakenError, WriteContentionError (retry.ts) */
  create(member: Member, change: AuditChange): Promise<Versioned<Member>>;
  /** @throws StaleEtagError, EntityNotFoundError, CodeTakenError, WriteContentionError */
  replace(member: Member, etag: string, change: AuditChange): Promise<Versioned<Member>>;
  /** @throws StaleEtagError, EntityNotFoundError, WriteContentionError */
  remove(id: string, etag: string, change: AuditChange): Promise<void>;
}

/** R1/R10: another member holds the municipality code. */
export class CodeTakenError extends Error {
  constructor(
    readonly municipalityCode: string,
    readonly holder: Member,
  ) {
    super(`Municipality code ${municipalityCode} belongs to ${holder.id}.`);
    this.name = 'CodeTakenError';
  }
}

// All members share one partition, so that a member, its code claim, its audit entry and the
// seed marker can be written in one transaction.
const PARTITION = TABLES.members.partition;

/**
 * One member per municipality code (R1/R10), held by a claim row per code: a bookkeeping row
 * (`~`), written in the transaction of every write that gives a member the code, created or
 * conditioned on its etag, so two writes that take one code cannot both commit. A claim whose
 * holder no longer has the code (deleted, moved, or a claim left by an interrupted write) is
 * stale and may be taken over, again on its etag.
 */
export const codeClaimKey = (code: string): string => `~code~${code}`;
const claimValueSchema = z.object({ memberId: z.string() });

export const codeClaimEntity = (member: Pick<Member, 'id'>, code: string) => toDocumentEntity(PARTITION, codeClaimKey(code), { memberId: member.id });

export function memberRepository(context: StoreContext): MemberRepository {
  const { tables, signal } = context;

  /** The claim writes that a member about to be written needs; `previousCode` is the code it holds now. */
  const claimActions = async (member: Member, previousCode: string | undefined): Promise<TransactionAction[]> => {
    const actions: TransactionAction[] = [];
    const code = member.municipalityCode;
    if (code !== undefined) {
      // The claim first, then its holder: a holder read after the claim is at least as new as the claim.
      const claim = await getRow(tables, 'members', PARTITION, codeClaimKey(code), signal);
      if (claim === undefined) {
        actions.push(['create', codeClaimEntity(member, code)]);
      } else {
        const holderId = claimValueSchema.parse(fromDocumentEntity(claim)).memberId;
        if (holderId !== member.id) {
          const holder = await getDocument(tables, 'members', memberSchema, PARTITION, holderId, signal);
          if (holder !== undefined && holder.value.municipalityCode === code) throw final(new CodeTakenError(code, holder.value));
        }
        actions.push(['update', codeClaimEntity(member, code), 'Replace', { etag: claim.etag }]);
      }
    }
    if (previousCode !== undefined && previousCode !== code) {
      const old = await getRow(tables, 'members', PARTITION, codeClaimKey(previousCode), signal);
      if (old !== undefined && claimValueSchema.parse(fromDocumentEntity(old)).memberId === member.id) {
        actions.push(['delete', { partitionKey: PARTITION, rowKey: codeClaimKey(previousCode) }]);
      }
    }
    return actions;
  };

  /** The member as stored now, which must be the version at `etag`. */
  const current = async (id: string, etag: string) => {
    const row = await getRow(tables, 'members', PARTITION, id, signal);
    if (row === undefined || isTombstone(row)) throw final(new EntityNotFoundError());
    if (toHttpEtag(row.etag) !== etag) throw final(new StaleEtagError());
    return { row, member: memberSchema.parse(fromDocumentEntity(row)) };
  };

  const write = async (actions: TransactionAction[], member: Member, change: AuditChange): Promise<Versioned<Member>> => {
    const [etag] = await commit(tables, { table: 'members', partitionKey: PARTITION, actions }, context.audit(change), signal);
    return { value: member, etag: toHttpEtag(etag ?? '') };
  };

  return {
    list: () => listDocuments(tables, 'members', memberSchema, dataRowsOf(PARTITION), signal),

    get: (id) => getDocument(tables, 'members', memberSchema, PARTITION, id, signal),

    create: (member, change) =>
      retryingRaces(async () => {
        const existing = await getRow(tables, 'members', PARTITION, member.id, signal);
        if (existing !== undefined && !isTombstone(existing)) throw final(new AlreadyExistsError());
        const entity = toDocumentEntity(PARTITION, member.id, member);
        // A deleted member's id may be used again: replace its tombstone, on the tombstone's etag.
        const action: TransactionAction = existing === undefined ? ['create', entity] : ['update', entity, 'Replace', { etag: existing.etag }];
        return write([action, ...(await claimActions(member, undefined))], member, change);
      }),

    replace: (member, etag, change) =>
      retryingRaces(async () => {
        const { row, member: before } = await current(member.id, etag);
        const entity = toDocumentEntity(PARTITION, member.id, member);
        return write([['update', entity, 'Replace', { etag: row.etag }], ...(await claimActions(member, before.municipalityCode))], member, change);
      }),

    async remove(id, etag, change) {
      await retryingRaces(async () => {
        const { row, member } = await current(id, etag);
        const tombstone = { ...toDocumentEntity(PARTITION, id, member), [TOMBSTONE]: true };
        // The tombstone has no code: the member's claim goes with it, so the code can be taken again.
        const release = await claimActions({ ...member, municipalityCode: undefined }, member.municipalityCode);
        await commit(
          tables,
          { table: 'members', partitionKey: PARTITION, actions: [['update', tombstone, 'Replace', { etag: row.etag }], ...release] },
          context.audit(change),
          signal,
        );
      });
    },
  };
}

/**
 * Create the claim of every member that holds a code without one: a register stored before
 * claims were kept. Idempotent and safe beside live writes: a claim another write created
 * first stays, and one created here for a member that moved meanwhile is stale, so it blocks nobody.
 */
export async function backfillCodeClaims(tables: Tables, signal: AbortSignal): Promise<void> {
  const rows = await tables.run('members', async (client) => {
    const found: Record<string, unknown>[] = [];
    for await (const row of client.listEntities<Record<string, unknown>>({ queryOptions: { filter: `PartitionKey eq ${odataString(PARTITION)}` }, abortSignal: signal })) {
      found.push(row);
    }
    return found;
  });
  const claimed = new Set(rows.map((row) => row.rowKey).filter((key): key is string => typeof key === 'string' && key.startsWith(codeClaimKey(''))));
  for (const row of rows) {
    if (typeof row.rowKey !== 'string' || row.rowKey.startsWith('~') || isTombstone(row)) continue;
    const member = memberSchema.parse(fromDocumentEntity(row));
    const code = member.municipalityCode;
    if (code === undefined || claimed.has(codeClaimKey(code))) continue;
    claimed.add(codeClaimKey(code));
    try {
      await tables.run('members', (client) => client.createEntity(codeClaimEntity(member, code), { abortSignal: signal }));
    } catch (error) {
      if (!(error instanceof AlreadyExistsError)) throw error;
    }
  }
}
