import type { User } from '@ssr/shared';
import { auditEntry } from '../audit';
import type { AuditLog } from './audit-log';
import { auditLog } from './audit-log';
import type { StoreContext } from './context';
import type { FeeRuleRepository } from './fee-rules';
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

export function openStore(tables: Tables, request: { signal: AbortSignal; user: User; now: () => Date }): Store {
  const context: StoreContext = {
    tables,
    signal: request.signal,
    audit: (change) => auditEntry(change, request.user, request.now()),
  };
  return {
    members: memberRepository(context),
    populations: populationRepository(context),
    feeRules: feeRuleRepository(context),
    reimbursements: reimbursementRepository(context),
    audit: auditLog(context),
  };
}
