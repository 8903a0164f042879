import { createHash } from 'node:crypto';
import type { FeeRuleVersion, FeeRuleView, Member, MemberView, PopulationFigure, Register, Reimbursement, ReimbursementSum, SnapshotView } from '@ssr/shared';
import { feeRuleApprovalState, reimbursementSums } from '@ssr/shared';
import type { Versioned } from './storage/rows';
import type { Store } from './storage/store';

/** The whole register, read in parallel: what the snapshot and the computed routes start from. */
export interface StoredRegister {
  members: Versioned<Member>[];
  populations: PopulationFigure[];
  feeRules: Versioned<FeeRuleVersion>[];
  reimbursements: Versioned<Reimbursement>[];
}

export async function loadRegister(store: Store): Promise<StoredRegister> {
  const [members, populations, feeRules, reimbursements] = await Promise.all([
    store.members.list(),
    store.populations.all(),
    store.feeRules.list(),
    store.reimbursements.list(),
  ]);
  return { members, populations, feeRules, reimbursements };
}

/** The register as the engine reads it. */
export function engineRegister(stored: StoredRegister): Register {
  return {
    members: stored.members.map((member) => member.value),
    populations: stored.populations,
    feeRules: stored.feeRules.map((rule) => rule.value),
  };
}

export function sumsOf(stored: StoredRegister): ReimbursementSum[] {
  return reimbursementSums(stored.reimbursements.map((claim) => claim.value));
}

/** A fee rule as the API shows it: R7 status read from the recorded adoption (a draft's counts live), etag for the next write. */
export function feeRuleView(rule: Versioned<FeeRuleVersion>, members: readonly Member[]): FeeRuleView {
  const state = feeRuleApprovalState(rule.value, members);
  return { ...rule.value, status: state.status, approvalState: { required: state.required, approved: state.approved, pending: state.pending }, etag: rule.etag };
}

export function memberView(member: Versioned<Member>): MemberView {
  return { ...member.value, etag: member.etag };
}

export interface Snapshot {
  version: string;
  /** The JSON of the snapshot, version first. */
  body: string;
}

/** Requests that share one read of the register share its snapshot too. */
const snapshots = new WeakMap<StoredRegister, Snapshot>();

/**
 * Everything the add-in computes from. The version is a hash of the content, so it changes
 * exactly when the data does (etags are left out: they change on a write of equal data).
 */
export function buildSnapshot(stored: StoredRegister): Snapshot {
  const cached = snapshots.get(stored);
  if (cached) return cached;
  const members = stored.members.map((member) => member.value);
  const populations = [...stored.populations].sort((a, b) => a.year - b.year || a.municipalityCode.localeCompare(b.municipalityCode));
  const content: Omit<SnapshotView, 'version'> = {
    members,
    populations,
    feeRules: stored.feeRules.map((rule) => ({ ...rule.value, status: feeRuleApprovalState(rule.value, members).status })),
    reimbursementSums: sumsOf(stored),
  };
  const body = JSON.stringify(content);
  const version = createHash('sha256').update(body).digest('base64url').slice(0, 32);
  const snapshot = { version, body: `{"version":${JSON.stringify(version)},${body.slice(1)}` };
  snapshots.set(stored, snapshot);
  return snapshot;
}
