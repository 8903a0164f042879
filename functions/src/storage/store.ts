import type { User } from '@ssr/shared';
import { auditEntry } from '../audit';
import type { AuditLog } from './audit-log';
import { auditLog } from './audit-log';
import type { StoreContext } from './context';
import type { FeeRuleRepository } from './fee-rules';
import type { IdempotencyClaim } from './idempotency';
import { attachClaim } from './idempotency';
import { feeRuleRepository } from './fee-rules';
import type { MemberRepository } from './members';
import { memberRepository } from './members';
import type { PopulationRepository } from './populations';
import { populationRepository } from './populations';
import type { ReimbursementRepository } from './reimbursements';
import { reimbursementRepository } from './reimbursements';
import type { Tables } from './tables';

/** The register as one request sees it: a repository per table, bound to the request's deadline and user. */
export interface Store {
  members: MemberRepository;
  populations: PopulationRepository;
  feeRules: FeeRuleRepository;
  reimbursements: ReimbursementRepository;
  audit: AuditLog;
}

export function openStore(tables: Tables, request: { signal: AbortSignal; user: User; now: () => Date; idempotency?: IdempotencyClaim }): Store {
  const { idempotency } = request;
  const context: StoreContext = {
    tables,
    signal: request.signal,
    // The request's Idempotency-Key rides on the entry to commit(), which records it with the write.
    audit: (change) => {
      const entry = auditEntry(change, request.user, request.now());
      return idempotency ? attachClaim(entry, idempotency) : entry;
    },
  };
  return {
    members: memberRepository(context),
    populations: populationRepository(context),
    feeRules: feeRuleRepository(context),
    reimbursements: reimbursementRepository(context),
    audit: auditLog(context),
  };
}
