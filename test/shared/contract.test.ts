import { describe, expect, it } from 'vitest';
import type { Role } from '@ssr/shared';
import {
  APP_ROLES,
  FEE_RULE_STATUSES,
  feeRuleApprovalState,
  feeRuleViewSchema,
  memberViewSchema,
  SEED_FEE_RULE,
  SEED_MEMBERS,
  strongestRole,
} from '@ssr/shared';

const nacka = SEED_MEMBERS.find((member) => member.id === 'nacka');

describe('withEtag: an entity as read', () => {
  it('needs the etag', () => {
    expect(memberViewSchema.safeParse({ ...nacka, etag: 'W/"1"' }).success).toBe(true);
    expect(memberViewSchema.safeParse(nacka).success).toBe(false);
    expect(memberViewSchema.safeParse({ ...nacka, etag: '' }).success).toBe(false);
  });

  it("keeps the entity's own rules (a municipality without its code is refused, etag or not)", () => {
    const result = memberViewSchema.safeParse({ ...nacka, municipalityCode: undefined, etag: 'W/"1"' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['municipalityCode']);
  });
});

describe('the fee-rule view (R7)', () => {
  it('is the version, its computed status and approval state, and its etag', () => {
    const { status, adoptedOn, ...approvalState } = feeRuleApprovalState(SEED_FEE_RULE, SEED_MEMBERS);
    expect(FEE_RULE_STATUSES).toContain(status);
    // The adoption date is the version's own field, as recorded.
    expect(adoptedOn).toBe(SEED_FEE_RULE.adoptedOn);
    const view = { ...SEED_FEE_RULE, status, approvalState, etag: 'W/"2"' };
    expect(feeRuleViewSchema.parse(view)).toEqual(view);
  });

  it.each(['proposed', undefined])('refuses the status %s', (status) => {
    const { status: _status, ...approvalState } = feeRuleApprovalState(SEED_FEE_RULE, SEED_MEMBERS);
    expect(feeRuleViewSchema.safeParse({ ...SEED_FEE_RULE, status, approvalState, etag: 'W/"2"' }).success).toBe(false);
  });
});

describe('roles', () => {
  it.each<[string[], Role | undefined]>([
    [[], undefined],
    [['SSR.Reader'], 'reader'],
    [['SSR.Reader', 'SSR.Admin'], 'admin'],
    [['SSR.Editor', 'SSR.Reader'], 'editor'],
    [['SSR.Owner'], undefined],
  ])('the app roles %j grant at most %s', (appRoles, strongest) => {
    expect(strongestRole(appRoles.flatMap((appRole) => APP_ROLES[appRole] ?? []))).toBe(strongest);
  });
});
