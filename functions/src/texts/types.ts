import type { Role } from '@ssr/shared';

/** The problem types whose title is fixed; the title says what happened, the detail what to do. */
export type ProblemTitle =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'stale-etag'
  | 'if-match-required'
  | 'too-large'
  | 'unsupported-media-type'
  | 'storage-unavailable'
  | 'outcome-unknown'
  | 'internal'
  | 'idempotency-key-reused'
  | 'idempotency-superseded';

/** One catalogue of the API's words; `sv.ts` and `en.ts` fill it. */
export interface ApiTexts {
  title: Record<ProblemTitle, string>;
  http: {
    invalidRequest: string;
    staleDetail: string;
    outcomeUnknownDetail: string;
    internalDetail: (correlationId: string) => string;
    storageUnavailable: string;
    noSuchRoute: (path: string) => string;
    healthStorageDown: string;
    notJson: string;
    bodyNotUtf8: string;
    bodyEmpty: string;
    bodyNotJson: string;
    bodyTooLarge: (megabytes: number) => string;
    yearMissing: string;
    yearRange: (min: number, max: number) => string;
    modeValues: string;
    /** `rule=` that cannot be a version's id. */
    ruleIdPattern: string;
    ifMatchRequired: string;
    idMismatch: (bodyId: string, id: string) => string;
    storedSize: (kilobytes: number, maxKilobytes: number) => string;
    heaviestField: (field: string) => string;
    storedTooLarge: (size: string, field: string | undefined) => string;
    idempotencyKeyFormat: string;
    idempotencyKeyReused: string;
    idempotencySuperseded: string;
  };
  auth: {
    principalUnreadable: string;
    notSignedIn: string;
    roleRequired: (required: string, has: string) => string;
    roleName: Record<Role, string>;
    noRole: string;
    theRole: (role: string) => string;
  };
  fees: {
    noRule: (year: number) => string;
    unknownRule: (ruleId: string) => string;
    ruleNotEffective: (ruleId: string, effectiveFrom: number, year: number) => string;
    notMember: (name: string, year: number) => string;
    missingPopulations: (names: string) => string;
    /** `2024-12-31` as a person reads it. */
    date: (isoDate: string) => string;
  };
  members: {
    codeTaken: (code: string, holderName: string, holderId: string) => string;
    contention: string;
    exists: (id: string) => string;
    none: (id: string) => string;
    removed: (id: string) => string;
    alreadyRemoved: (id: string) => string;
  };
  feeRules: {
    approvalInFuture: (today: string) => string;
    noMember: (id: string) => string;
    notMemberInFirstYear: (memberId: string, year: number) => string;
    none: (id: string) => string;
    alreadyApprovedRule: (memberId: string, id: string) => string;
    alreadyApproved: (memberId: string) => string;
    full: string;
    gone: (id: string) => string;
    exists: (id: string) => string;
    yearTaken: (year: number, holderId: string) => string;
    yearTakenField: (year: number, holderId: string) => string;
    adopted: (id: string) => string;
    alreadyRemoved: (id: string) => string;
  };
  reimbursements: {
    noMember: (memberId: string) => string;
    notMemberInYear: (name: string, year: number) => string;
    sumCap: (who: string, fn: string, year: number, sum: string, cap: string) => string;
    contention: string;
    memberHasClaims: (name: string, years: string) => string;
    datesStrandClaims: (name: string, years: string) => string;
    exists: (id: string) => string;
    none: (id: string) => string;
    removed: (id: string) => string;
    alreadyRemoved: (id: string) => string;
  };
  populations: {
    wrongYear: (figureYear: number, year: number) => string;
    repeatedCode: (code: string) => string;
  };
  audit: {
    since: string;
    limit: (max: number) => string;
  };
}
