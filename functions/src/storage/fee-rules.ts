import type { FeeRuleVersion } from '@ssr/shared';
import { feeRuleVersionSchema } from '@ssr/shared';
import type { AuditChange } from '../audit';
import type { StoreContext } from './context';
import { toDocumentEntity } from './documents';
import { commit } from './outbox';
import type { Versioned } from './rows';
import { getDocument, listDocuments, odataString, toHttpEtag, toStorageEtag } from './rows';
import { TABLES } from './tables';

/** R7 versions, each one row holding its approvals, so recording an approval is one conditional write. */
export interface FeeRuleRepository {
  list(): Promise<Versioned<FeeRuleVersion>[]>;
  get(id: string): Promise<Versioned<FeeRuleVersion> | undefined>;
  /** @throws AlreadyExistsError */
  create(rule: FeeRuleVersion, change: AuditChange): Promise<Versioned<FeeRuleVersion>>;
  /** @throws StaleEtagError, EntityNotFoundError */
  replace(rule: FeeRuleVersion, etag: string, change: AuditChange): Promise<Versioned<FeeRuleVersion>>;
}

const PARTITION = TABLES.feeRules.partition;

export function feeRuleRepository(context: StoreContext): FeeRuleRepository {
  const { tables, signal } = context;
  const write = async (rule: FeeRuleVersion, etag: string | undefined, change: AuditChange) => {
    const entity = toDocumentEntity(PARTITION, rule.id, rule);
    const [newEtag] = await commit(
      tables,
      {
        table: 'feeRules',
        partitionKey: PARTITION,
        actions: [etag === undefined ? ['create', entity] : ['update', entity, 'Replace', { etag: toStorageEtag(etag) }]],
      },
      context.audit(change),
      signal,
    );
    return { value: rule, etag: toHttpEtag(newEtag ?? '') };
  };
  return {
    list: () => listDocuments(tables, 'feeRules', feeRuleVersionSchema, `PartitionKey eq ${odataString(PARTITION)}`, signal),
    get: (id) => getDocument(tables, 'feeRules', feeRuleVersionSchema, PARTITION, id, signal),
    create: (rule, change) => write(rule, undefined, change),
    replace: (rule, etag, change) => write(rule, etag, change),
  };
}
