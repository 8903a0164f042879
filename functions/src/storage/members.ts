import type { Member } from '@ssr/shared';
import { memberSchema } from '@ssr/shared';
import type { AuditChange } from '../audit';
import { toDocumentEntity } from './documents';
import { AlreadyExistsError, EntityNotFoundError, StaleEtagError } from './errors';
import { commit } from './outbox';
import type { Versioned } from './rows';
import { TOMBSTONE, getDocument, getRow, isTombstone, listDocuments, odataString, toHttpEtag, toStorageEtag } from './rows';
import type { StoreContext } from './context';
import { TABLES } from './tables';

export interface MemberRepository {
  list(): Promise<Versioned<Member>[]>;
  get(id: string): Promise<Versioned<Member> | undefined>;
  /** @throws AlreadyExistsError when the id is taken. */
  create(member: Member, change: AuditChange): Promise<Versioned<Member>>;
  /** @throws StaleEtagError, EntityNotFoundError */
  replace(member: Member, etag: string, change: AuditChange): Promise<Versioned<Member>>;
  /** @throws StaleEtagError, EntityNotFoundError */
  remove(id: string, etag: string, change: AuditChange): Promise<void>;
}

// All members share one partition, so that a member, its audit entry and the seed marker
// can be written in one transaction.
const PARTITION = TABLES.members.partition;

export function memberRepository(context: StoreContext): MemberRepository {
  const { tables, signal } = context;

  const write = async (action: 'create' | 'update', member: Member, etag: string | undefined, change: AuditChange) => {
    const entity = toDocumentEntity(PARTITION, member.id, member);
    const [newEtag] = await commit(
      tables,
      {
        table: 'members',
        partitionKey: PARTITION,
        actions: [action === 'create' ? ['create', entity] : ['update', entity, 'Replace', { etag: toStorageEtag(etag ?? '*') }]],
      },
      context.audit(change),
      signal,
    );
    return { value: member, etag: toHttpEtag(newEtag ?? '') };
  };

  return {
    list: () => listDocuments(tables, 'members', memberSchema, `PartitionKey eq ${odataString(PARTITION)}`, signal),

    get: (id) => getDocument(tables, 'members', memberSchema, PARTITION, id, signal),

    async create(member, change) {
      const existing = await getRow(tables, 'members', PARTITION, member.id, signal);
      if (existing === undefined) return write('create', member, undefined, change);
      if (!isTombstone(existing)) throw new AlreadyExistsError();
      // A deleted member's id may be used again: replace its tombstone, on the tombstone's etag.
      try {
        return await write('update', member, existing.etag, change);
      } catch (error) {
        if (error instanceof StaleEtagError || error instanceof EntityNotFoundError) throw new AlreadyExistsError({ cause: error });
        throw error;
      }
    },

    replace: (member, etag, change) => write('update', member, etag, change),

    async remove(id, etag, change) {
      const current = await getDocument(tables, 'members', memberSchema, PARTITION, id, signal);
      if (!current) throw new EntityNotFoundError();
      const tombstone = { ...toDocumentEntity(PARTITION, id, current.value), [TOMBSTONE]: true };
      await commit(
        tables,
        { table: 'members', partitionKey: PARTITION, actions: [['update', tombstone, 'Replace', { etag: toStorageEtag(etag) }]] },
        context.audit(change),
        signal,
      );
    },
  };
}
