import { formatDate } from '@ssr/shared';
import type { ApiTexts } from './types';


export const en: ApiTexts = {
  title: {
    validation: 'Invalid request',
    unauthenticated: 'Not signed in',
    forbidden: 'Permission missing',
    'not-found': 'Not found',
    conflict: 'Conflict',
    'stale-etag': 'Someone else has changed the data',
    'if-match-required': 'If-Match missing',
    'too-large': 'Request too large',
    'unsupported-media-type': 'Wrong content type',
    'storage-unavailable': 'Storage is not answering',
    'outcome-unknown': 'Unknown whether the change was saved',
    internal: 'Internal error',
    'idempotency-key-reused': 'Idempotency-Key already used',
    'idempotency-superseded': 'The change is already made',
  },
  http: {
    invalidRequest: 'The request has errors; see the list of fields.',
    staleDetail: 'The data has changed since you read it. Here are the current values; make your change again from them.',
    outcomeUnknownDetail:
      'Storage did not answer the change in time. We do not know whether it was saved: read the record again and look, ' +
      'or try again with the same Idempotency-Key, so that the change is made at most once.',
    internalDetail: (id) => `Something went wrong on our side, and trying again will not help. Quote id ${id} if you contact the administrators.`,
    storageUnavailable: 'Storage is not answering right now. Nothing has changed; try again in a moment.',
    noSuchRoute: (path) => `There is no address ${path}.`,
    healthStorageDown: 'The API is up but storage is not answering.',
    notJson: 'Send the body as JSON with Content-Type: application/json (UTF-8).',
    bodyNotUtf8: 'The body is not valid UTF-8.',
    bodyEmpty: 'The body is empty; send a JSON object.',
    bodyNotJson: 'The body is not valid JSON.',
    bodyTooLarge: (megabytes) => `The body may be at most ${megabytes} MB.`,
    yearMissing: 'Give the year, for example 2026.',
    yearRange: (min, max) => `The year is a whole number between ${min} and ${max}, for example 2026.`,
    modeValues: 'The mode is "exact" or "estimate".',
    ruleIdPattern: 'A fee rule\'s id may hold only a–z, 0–9 and hyphens (at most 64 characters), for example "avgifter-2027".',
    ifMatchRequired: 'Changes need If-Match with the etag you got when you read the data, so that nobody else\'s change is overwritten.',
    idMismatch: (bodyId, id) => `The id in the body (${bodyId}) is not the id in the address (${id}); an id cannot be changed.`,
    storedSize: (kilobytes, maxKilobytes) => ` (${kilobytes} kB, but at most ${maxKilobytes} kB fit)`,
    heaviestField: (field) => `${field} takes the most room; shorten the texts or split them over several requests.`,
    storedTooLarge: (size, field) =>
      `The data would be too large to store${size}, counted in bytes (UTF-8); ${field === undefined ? 'shorten the texts or split them.' : `${field} takes the most room.`}`,
    idempotencyKeyFormat: 'Idempotency-Key is 1–200 visible ASCII characters (for example a UUID).',
    idempotencyKeyReused:
      'This Idempotency-Key has already been used for another request (another method, address or body). Create a new key for a new change.',
    idempotencySuperseded:
      'The change with this Idempotency-Key was saved, but the data has changed again since. Read it again to see how it looks now.',
  },
  auth: {
    principalUnreadable: 'The sign-in details (x-ms-client-principal) cannot be read. Sign in again.',
    notSignedIn: 'You are not signed in. Sign in with your organisation account.',
    roleRequired: (required, has) => `This needs the role ${required}; you have ${has}.`,
    roleName: { reader: 'reader (SSR.Reader)', editor: 'editor (SSR.Editor)', admin: 'administrator (SSR.Admin)' },
    noRole: 'no role in the app',
    theRole: (role) => `the role ${role}`,
  },
  fees: {
    noRule: (year) => `No adopted fee rule applies to ${year}. Adopt a fee rule that applies from ${year} or earlier.`,
    unknownRule: (ruleId) => `There is no fee rule with id ${ruleId}.`,
    ruleNotEffective: (ruleId, effectiveFrom, year) => `Fee rule ${ruleId} applies from ${effectiveFrom} and cannot be computed for ${year}.`,
    notMember: (name, year) => `${name} is not a member in ${year}.`,
    missingPopulations: (names) => `Population figures are missing for ${names}. Import SCB's figures, or compute in "estimate" mode.`,
    date: (isoDate) => formatDate(isoDate, 'en'),
  },
  members: {
    codeTaken: (code, holderName, holderId) => `Municipality code ${code} already belongs to ${holderName} (${holderId}).`,
    contention: 'Other changes to the register were saved at the same time; nothing has changed. Try again.',
    exists: (id) => `There is already a member with id "${id}".`,
    none: (id) => `There is no member with id "${id}".`,
    removed: (id) => `The member "${id}" has been removed.`,
    alreadyRemoved: (id) => `The member "${id}" has already been removed.`,
  },
  feeRules: {
    approvalInFuture: (today) => `An approval cannot be dated after today (${today}); give the day of the decision.`,
    noMember: (id) => `There is no member with id "${id}".`,
    notMemberInFirstYear: (memberId, year) => `${memberId} is not a member in ${year}, the version's first year, and so does not approve it.`,
    none: (id) => `There is no fee rule with id "${id}".`,
    alreadyApprovedRule: (memberId, id) => `${memberId} has already approved the fee rule "${id}".`,
    alreadyApproved: (memberId) => `${memberId} has already approved this version.`,
    full: 'The fee rule cannot take more approvals.',
    gone: (id) => `The fee rule "${id}" no longer exists.`,
    exists: (id) => `There is already a fee rule with id "${id}".`,
    yearTaken: (year, holderId) =>
      `There is already a version from ${year}, "${holderId}": a year has one version. Withdraw that draft or choose another year.`,
    yearTakenField: (year, holderId) => `${year} already has the version "${holderId}".`,
    adopted: (id) => `The fee rule "${id}" is adopted and cannot be withdrawn; a change is made with a new version from a later year.`,
    alreadyRemoved: (id) => `The fee rule "${id}" has already been removed.`,
  },
  reimbursements: {
    noMember: (memberId) => `There is no member with id "${memberId}".`,
    notMemberInYear: (name, year) => `${name} is not a member in ${year} and cannot be reimbursed for that year.`,
    sumCap: (who, fn, year, sum, cap) =>
      `The reimbursements to ${who} for ${fn} in ${year} would sum to ${sum}, above the cap of ${cap} per member, function and year.`,
    contention: 'Other changes to the same reimbursement sum were saved at the same time; nothing has changed. Try again.',
    memberHasClaims: (name, years) => `${name} has recorded reimbursements (${years}); remove them under Reimbursements before removing the member.`,
    datesStrandClaims: (name, years) => `With the new dates ${name} is not a member in ${years}, but has reimbursements for it; correct or remove them first.`,
    exists: (id) => `There is already a reimbursement with id "${id}".`,
    none: (id) => `There is no reimbursement with id "${id}".`,
    removed: (id) => `The reimbursement "${id}" has been removed.`,
    alreadyRemoved: (id) => `The reimbursement "${id}" has already been removed.`,
  },
  populations: {
    wrongYear: (figureYear, year) => `The figure is for ${figureYear}, but the request replaces ${year}.`,
    repeatedCode: (code) => `Municipality code ${code} appears twice.`,
  },
  audit: {
    since: 'Give a time as ISO 8601, for example 2026-01-31 or 2026-01-31T12:00:00Z.',
    limit: (max) => `Give a number between 1 and ${max}.`,
  },
};
