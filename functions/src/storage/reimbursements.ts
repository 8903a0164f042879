import type { TransactionAction } from '@azure/data-tables';
import type { ReimbursedFunction, Reimbursement } from '@ssr/shared';
import { MAX_REIMBURSEMENT_SUM_ORE, reimbursementYear, storedReimbursementSchema } from '@ssr/shared';
import { z } from 'zod';
import type { AuditChange } from '../audit';
import type { StoreContext } from './context';
import { fromDocumentEntity, toDocumentEntity } from './documents';
import { AlreadyExistsError, EntityNotFoundError, StaleEtagError } from './errors';
import { commit } from './outbox';
import { final, retryingRaces } from './retry';
import type { Versioned } from './rows';
import { TOMBSTONE, getDocument, getRow, isTombstone, listDocuments, toHttpEtag } from './rows';
import { TABLES, dataRowsOf } from './tables';

/** R6 claims, and per member, year and function the sum of them, kept within the cap in the same transaction. */
export interface ReimbursementRepository {
  list(): Promise<Versioned<Reimbursement>[]>;
  get(id: string): Promise<Versioned<Reimbursement> | undefined>;
  /** @throws AlreadyExistsError, SumCapError, WriteContentionError (retry.ts) */
  create(claim: Reimbursement, change: AuditChange): Promise<Versioned<Reimbursement>>;
  /** @throws StaleEtagError, EntityNotFoundError, SumCapError, WriteContentionError */
  replace(claim: Reimbursement, etag: string, change: AuditChange): Promise<Versioned<Reimbursement>>;
  /** @throws StaleEtagError, EntityNotFoundError, WriteContentionError */
  remove(id: string, etag: string, change: AuditChange): Promise<void>;
}

/** Where a claim counts: the snapshot carries one sum per member, year and function. */
export interface SumKey {
  memberId: string;
  year: number;
  function: ReimbursedFunction;
}

/** The write would take a sum past MAX_REIMBURSEMENT_SUM_ORE. */
export class SumCapError extends Error {
  constructor(
    readonly key: SumKey,
    /** The sum without this claim. */
    readonly othersOre: number,
  ) {
    super(`The sum of ${key.memberId}'s ${key.function} claims in ${key.year} would exceed the cap.`);
    this.name = 'SumCapError';
  }
}

const PARTITION = TABLES.reimbursements.partition;
const sumValueSchema = z.object({ amountOre: z.number() });

export function sumKeyOf(claim: Pick<Reimbursement, 'memberId' | 'periodStart' | 'function'>): SumKey {
  return { memberId: claim.memberId, year: reimbursementYear(claim), function: claim.function };
}

/** A bookkeeping row (`~`), so readers of claims skip it. */
function sumRowKey(key: SumKey): string {
  return `~sum~${key.memberId}~${key.year}~${key.function}`;
}

const sameKey = (a: SumKey, b: SumKey) => a.memberId === b.memberId && a.year === b.year && a.function === b.function;

interface Sum {
  key: SumKey;
  amountOre: number;
  /** Storage etag of the sum row; undefined when there is none yet. */
  etag: string | undefined;
}

export function reimbursementRepository(context: StoreContext): ReimbursementRepository {
  const { tables, signal } = context;
  const list = () => listDocuments(tables, 'reimbursements', storedReimbursementSchema, dataRowsOf(PARTITION), signal);

  /**
   * The stored sum; a store whose claims predate the sum rows has none yet, and then the sum
   * is counted from the claims and the row created by the write (a create, so a race with
   * another first write of it fails and is read again).
   */
  const readSum = async (key: SumKey): Promise<Sum> => {
    const row = await getRow(tables, 'reimbursements', PARTITION, sumRowKey(key), signal);
    if (row !== undefined) return { key, amountOre: sumValueSchema.parse(fromDocumentEntity(row)).amountOre, etag: row.etag };
    const claims = await list();
    const amountOre = claims.filter((claim) => sameKey(sumKeyOf(claim.value), key)).reduce((sum, claim) => sum + claim.value.amountOre, 0);
    return { key, amountOre, etag: undefined };
  };

  const sumAction = (sum: Sum, amountOre: number): TransactionAction => {
    const entity = toDocumentEntity(PARTITION, sumRowKey(sum.key), { amountOre });
    return sum.etag === undefined ? ['create', entity] : ['update', entity, 'Replace', { etag: sum.etag }];
  };

  /** A write may raise a sum only up to the cap; lowering one that is already past it is allowed. */
  const checkCap = (sum: Sum, nextOre: number, claimOre: number) => {
    if (nextOre > MAX_REIMBURSEMENT_SUM_ORE && nextOre > sum.amountOre) throw final(new SumCapError(sum.key, nextOre - claimOre));
  };

  const readClaim = async (id: string) => {
    const row = await getRow(tables, 'reimbursements', PARTITION, id, signal);
    if (row === undefined || isTombstone(row)) return { row, claim: undefined };
    return { row, claim: storedReimbursementSchema.parse(fromDocumentEntity(row)) };
  };

  /** The claim as read must still be the one at `etag`, else the caller's copy is stale. */
  const current = async (id: string, etag: string) => {
    const { row, claim } = await readClaim(id);
    if (row === undefined || claim === undefined) throw final(new EntityNotFoundError());
    if (toHttpEtag(row.etag) !== etag) throw final(new StaleEtagError());
    return { row, claim };
  };

  return {
    list,

    get: (id) => getDocument(tables, 'reimbursements', storedReimbursementSchema, PARTITION, id, signal),

    create: (claim, change) =>
      retryingRaces(async () => {
        const { row, claim: existing } = await readClaim(claim.id);
        if (existing !== undefined) throw final(new AlreadyExistsError());
        const sum = await readSum(sumKeyOf(claim));
        const next = sum.amountOre + claim.amountOre;
        checkCap(sum, next, claim.amountOre);
        const entity = toDocumentEntity(PARTITION, claim.id, claim);
        // A removed claim's id may be used again: replace its tombstone, on the tombstone's etag.
        const claimAction: TransactionAction = row === undefined ? ['create', entity] : ['update', entity, 'Replace', { etag: row.etag }];
        const [etag] = await commit(tables, { table: 'reimbursements', partitionKey: PARTITION, actions: [claimAction, sumAction(sum, next)] }, context.audit(change), signal);
        return { value: claim, etag: toHttpEtag(etag ?? '') };
      }),

    replace: (claim, etag, change) =>
      retryingRaces(async () => {
        const { row, claim: before } = await current(claim.id, etag);
        const oldKey = sumKeyOf(before);
        const newKey = sumKeyOf(claim);
        const sums: TransactionAction[] = [];
        if (sameKey(oldKey, newKey)) {
          const sum = await readSum(newKey);
          const next = sum.amountOre - before.amountOre + claim.amountOre;
          checkCap(sum, next, claim.amountOre);
          sums.push(sumAction(sum, next));
        } else {
          const [oldSum, newSum] = [await readSum(oldKey), await readSum(newKey)];
          const next = newSum.amountOre + claim.amountOre;
          checkCap(newSum, next, claim.amountOre);
          sums.push(sumAction(oldSum, Math.max(0, oldSum.amountOre - before.amountOre)), sumAction(newSum, next));
        }
        const entity = toDocumentEntity(PARTITION, claim.id, claim);
        const [newEtag] = await commit(
          tables,
          { table: 'reimbursements', partitionKey: PARTITION, actions: [['update', entity, 'Replace', { etag: row.etag }], ...sums] },
          context.audit(change),
          signal,
        );
        return { value: claim, etag: toHttpEtag(newEtag ?? '') };
      }),

    remove: (id, etag, change) =>
      retryingRaces(async () => {
        const { row, claim } = await current(id, etag);
        const sum = await readSum(sumKeyOf(claim));
        // Transactions delete unconditionally: a tombstone keeps the removal conditional on the etag.
        const tombstone = { ...toDocumentEntity(PARTITION, id, claim), [TOMBSTONE]: true };
        await commit(
          tables,
          {
            table: 'reimbursements',
            partitionKey: PARTITION,
            actions: [['update', tombstone, 'Replace', { etag: row.etag }], sumAction(sum, Math.max(0, sum.amountOre - claim.amountOre))],
          },
          context.audit(change),
          signal,
        );
      }),
  };
}
