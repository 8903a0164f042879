import type { TransactionAction } from '@azure/data-tables';
import type { FeeRuleVersion } from '@ssr/shared';
import { adoptionDate, feeRuleVersionSchema, memberSchema, storedAdoptionDate } from '@ssr/shared';
import type { AuditChange } from '../audit';
import { SYSTEM_USER, auditEntry } from '../audit';
import type { StoreContext } from './context';
import { fromDocumentEntity, toDocumentEntity } from './documents';
import { AlreadyExistsError, EntityNotFoundError, StaleEtagError } from './errors';
import { commit } from './outbox';
import type { Versioned } from './rows';
import { TOMBSTONE, getDocument, getRow, isTombstone, listDocuments, odataString, toHttpEtag, toStorageEtag } from './rows';
import type { Tables } from './tables';
import { TABLES, dataRowsOf, isBookkeepingRow } from './tables';

/**
 * R7 versions, each one row holding its approvals, so recording an approval is one conditional
 * write. Beside them, one claim row per effective year (`~year~2027`, naming the version) is
 * created in the same transaction as the version: of two versions for one year, the second
 * transaction fails as a whole. Withdrawing the version releases the claim.
 */
export interface FeeRuleRepository {
  list(): Promise<Versioned<FeeRuleVersion>[]>;
  get(id: string): Promise<Versioned<FeeRuleVersion> | undefined>;
  /** The id of the version that holds the year's claim, if any. */
  yearHolder(year: number): Promise<string | undefined>;
  /** @throws AlreadyExistsError when the id or the effective year is taken. */
  create(rule: FeeRuleVersion, change: AuditChange): Promise<Versioned<FeeRuleVersion>>;
  /** @throws StaleEtagError, EntityNotFoundError */
  replace(rule: FeeRuleVersion, etag: string, change: AuditChange): Promise<Versioned<FeeRuleVersion>>;
  /** A tombstone on the etag, and the year's claim released. @throws StaleEtagError, EntityNotFoundError */
  remove(id: string, etag: string, change: AuditChange): Promise<void>;
}

const PARTITION = TABLES.feeRules.partition;

function yearClaimKey(year: number): string {
  return `~year~${year}`;
}

function claimedBy(row: Readonly<Record<string, unknown>> | undefined): string | undefined {
  if (row === undefined || isTombstone(row)) return undefined;
  const value = fromDocumentEntity(row);
  return typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'string' ? value.id : undefined;
}

export function feeRuleRepository(context: StoreContext): FeeRuleRepository {
  const { tables, signal } = context;
  const write = async (rule: FeeRuleVersion, actions: TransactionAction[], change: AuditChange) => {
    const [newEtag] = await commit(tables, { table: 'feeRules', partitionKey: PARTITION, actions }, context.audit(change), signal);
    return { value: rule, etag: toHttpEtag(newEtag ?? '') };
  };
  const getRule = (id: string) => getDocument(tables, 'feeRules', feeRuleVersionSchema, PARTITION, id, signal);
  return {
    list: () => listDocuments(tables, 'feeRules', feeRuleVersionSchema, dataRowsOf(PARTITION), signal),
    get: getRule,
    yearHolder: async (year) => claimedBy(await getRow(tables, 'feeRules', PARTITION, yearClaimKey(year), signal)),

    async create(rule, change) {
      const existing = await getRow(tables, 'feeRules', PARTITION, rule.id, signal);
      if (existing !== undefined && !isTombstone(existing)) throw new AlreadyExistsError();
      const entity = toDocumentEntity(PARTITION, rule.id, rule);
      const claim: TransactionAction = ['create', toDocumentEntity(PARTITION, yearClaimKey(rule.effectiveFrom), { id: rule.id })];
      // A withdrawn version's id may be used again: replace its tombstone, on the tombstone's etag.
      const put: TransactionAction = existing === undefined ? ['create', entity] : ['update', entity, 'Replace', { etag: toStorageEtag(existing.etag) }];
      try {
        return await write(rule, [put, claim], change);
      } catch (error) {
        if (error instanceof StaleEtagError || error instanceof EntityNotFoundError) throw new AlreadyExistsError({ cause: error });
        throw error;
      }
    },

    replace: (rule, etag, change) =>
      write(rule, [['update', toDocumentEntity(PARTITION, rule.id, rule), 'Replace', { etag: toStorageEtag(etag) }]], change),

    async remove(id, etag, change) {
      const current = await getRule(id);
      if (!current) throw new EntityNotFoundError();
      const claimKey = yearClaimKey(current.value.effectiveFrom);
      // Versions stored before claims were written hold none; another version's claim stays.
      const releases = claimedBy(await getRow(tables, 'feeRules', PARTITION, claimKey, signal)) === id;
      const tombstone = { ...toDocumentEntity(PARTITION, id, current.value), [TOMBSTONE]: true };
      await commit(
        tables,
        {
          table: 'feeRules',
          partitionKey: PARTITION,
          actions: [
            ['update', tombstone, 'Replace', { etag: toStorageEtag(etag) }],
            ...(releases ? [['delete', { partitionKey: PARTITION, rowKey: claimKey }] satisfies TransactionAction] : []),
          ],
        },
        context.audit(change),
        signal,
      );
    },
  };
}

async function rowsOf(tables: Tables, kind: 'feeRules' | 'members', signal: AbortSignal) {
  return tables.run(kind, async (client) => {
    const rows: (Record<string, unknown> & { etag: string })[] = [];
    const filter = `PartitionKey eq ${odataString(TABLES[kind].partition)}`;
    for await (const row of client.listEntities<Record<string, unknown>>({ queryOptions: { filter }, abortSignal: signal })) {
      if (!isTombstone(row) && !isBookkeepingRow(row.rowKey)) rows.push(row);
    }
    return rows;
  });
}

/** Set once the versions stored before adoptions were recorded have their dates. */
const ADOPTIONS_RECORDED = '~adoptions-recorded';

/** Whether a row exists; for setup, which must not wait for readiness. */
async function hasRow(tables: Tables, rowKey: string, signal: AbortSignal): Promise<boolean> {
  try {
    await tables.run('feeRules', (client) => client.getEntity(PARTITION, rowKey, { abortSignal: signal }));
    return true;
  } catch (error) {
    if (error instanceof EntityNotFoundError) return false;
    throw error;
  }
}

/**
 * Versions stored before adoptions were recorded carry no `adoptedOn`. On the first start
 * after that change (no marker yet), each that the register read as adopted then gets its
 * date recorded, so that no later change can turn it back. On later starts, a draft whose
 * approvals a member write completed, but whose adoption that write could not record, gets
 * its date. Either way before any request is served.
 */
export async function recordStoredAdoptions(tables: Tables, signal: AbortSignal): Promise<void> {
  const beforeRecorded = !(await hasRow(tables, ADOPTIONS_RECORDED, signal));
  const unrecorded = (await rowsOf(tables, 'feeRules', signal))
    .map((row) => ({ row, rule: feeRuleVersionSchema.parse(fromDocumentEntity(row)) }))
    .filter(({ rule }) => rule.adoptedOn === undefined);
  const members = unrecorded.length === 0 ? [] : (await rowsOf(tables, 'members', signal)).map((row) => memberSchema.parse(fromDocumentEntity(row)));
  for (const { row, rule } of unrecorded) {
    const adoptedOn = beforeRecorded ? storedAdoptionDate(rule, members) : adoptionDate(rule, members);
    if (adoptedOn === undefined) continue;
    const next: FeeRuleVersion = { ...rule, adoptedOn };
    const change: AuditChange = { action: 'feeRule.adopt', target: `fee-rules/${rule.id}`, before: rule, after: next };
    try {
      await commit(
        tables,
        {
          table: 'feeRules',
          partitionKey: PARTITION,
          actions: [['update', toDocumentEntity(PARTITION, rule.id, next), 'Replace', { etag: toStorageEtag(row.etag) }]],
          duringSetup: true,
        },
        auditEntry(change, SYSTEM_USER, new Date()),
        signal,
      );
    } catch (error) {
      // Another instance starting at the same time recorded it first.
      if (!(error instanceof StaleEtagError || error instanceof EntityNotFoundError)) throw error;
    }
  }  if (beforeRecorded) {
    try {
      await tables.run('feeRules', (client) => client.createEntity({ partitionKey: PARTITION, rowKey: ADOPTIONS_RECORDED }, { abortSignal: signal }));
    } catch (error) {
      if (!(error instanceof AlreadyExistsError)) throw error; // another instance starting at once
    }
  }
}
