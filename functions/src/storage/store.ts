import type { User } from '@ssr/shared';
import { auditEntry } from '../audit';
import type { AuditLog } from './audit-log';
import { auditLog } from './audit-log';
import type { StoreContext } from './context';
import type { FeeRuleRepository } from './fee-rules';
import type { IdempotencyClaim, RequestWrites } from './idempotency';
import { attachRequest } from './idempotency';
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
  /** What this request has sent to storage so far. */
  writes: Readonly<RequestWrites>;
}

export function openStore(tables: Tables, request: { signal: AbortSignal; user: User; now: () => Date; idempotency?: IdempotencyClaim }): Store {
  const writes: RequestWrites = { sent: false, ...(request.idempotency ? { claim: request.idempotency } : {}) };
  const context: StoreContext = {
    tables,
    // Read when a repository is first used, so a request that touches none makes no signal.
    get signal() {
      return request.signal;
    },
    // The request (its Idempotency-Key, whether it has sent a write) rides on the entry to commit().
    audit: (change) => attachRequest(auditEntry(change, request.user, request.now()), writes),
  };
  // Built on first use: most reads are answered from memory and touch no repository.
  let members: MemberRepository | undefined;
  let populations: PopulationRepository | undefined;
  let feeRules: FeeRuleRepository | undefined;
  let reimbursements: ReimbursementRepository | undefined;
  let audit: AuditLog | undefined;
  return {
    get members() {
      return (members ??= memberRepository(context));
    },
    get populations() {
      return (populations ??= populationRepository(context));
    },
    get feeRules() {
      return (feeRules ??= feeRuleRepository(context));
    },
    get reimbursements() {
      return (reimbursements ??= reimbursementRepository(context));
    },
    get audit() {
      return (audit ??= auditLog(context));
    },
    writes,
  };
}
