import type { Reimbursement } from '@ssr/shared';
import { reimbursementSchema } from '@ssr/shared';
import type { AuditChange } from '../audit';
import type { StoreContext } from './context';
import { toDocumentEntity } from './documents';
import { commit } from './outbox';
import type { Versioned } from './rows';
import { listDocuments, odataString, toHttpEtag } from './rows';
import { TABLES } from './tables';

/** R6 claims; recorded once, not edited through the API. */
export interface ReimbursementRepository {
  list(): Promise<Versioned<Reimbursement>[]>;
  /** @throws AlreadyExistsError */
  create(claim: Reimbursement, change: AuditChange): Promise<Versioned<Reimbursement>>;
}

const PARTITION = TABLES.reimbursements.partition;

export function reimbursementRepository(context: StoreContext): ReimbursementRepository {
  const { tables, signal } = context;
  return {
    list: () =>
      listDocuments(tables, 'reimbursements', reimbursementSchema, `PartitionKey eq ${odataString(PARTITION)}`, signal),
    async create(claim, change) {
      const [etag] = await commit(
        tables,
        { table: 'reimbursements', partitionKey: PARTITION, actions: [['create', toDocumentEntity(PARTITION, claim.id, claim)]] },
        context.audit(change),
        signal,
      );
      return { value: claim, etag: toHttpEtag(etag ?? '') };
    },
  };
}
