import type { ApiProblem } from '../../api/problem';
import { isNetworkError, NETWORK_PROBLEM, OUTCOME_UNKNOWN_PROBLEM, UNREADABLE_PROBLEM } from '../../api/problem';
import type { Messages } from '../../i18n';
import { MEMBER_COLUMNS } from '../members/columns';

/** A message for the user: what happened, and (for failures) what to do about it. */
export interface Notice {
  intent: 'success' | 'error' | 'warning' | 'info';
  title?: string;
  body: string;
  action?: string;
  /** Field-level reasons, one line each. */
  details?: string[];
  /** What the notice is about, when other notices may say the same: only one per fact is shown (see notice-facts). */
  fact?: string;
}

/** Facts several places of the pane report. */
export const FACTS = {
  /** The API cannot be reached: the offline banner, a failed request, a failed snapshot read. */
  offline: 'offline',
  /** The API answered, but not with a current register: the formulas use the saved copy. */
  savedCopy: 'saved-copy',
  /** Someone else changed members the sheet changed too. */
  memberConflicts: 'member-conflicts',
} as const;

function actionFor(problem: ApiProblem, t: Messages): string {
  if (problem.type === NETWORK_PROBLEM) return t.problems.networkAction;
  if (problem.type === UNREADABLE_PROBLEM) return t.problems.unreadableAction;
  if (problem.type === OUTCOME_UNKNOWN_PROBLEM) return t.problems.outcomeUnknownAction;
  switch (problem.status) {
    case 400:
    case 422:
      return t.problems.validationAction;
    case 401:
      return t.problems.unauthenticatedAction;
    case 403:
      return t.problems.forbiddenAction;
    case 404:
      return t.problems.notFoundAction;
    case 409:
      return t.problems.conflictAction;
    case 412:
    case 428:
      return t.problems.preconditionAction;
    default:
      return problem.status >= 500 ? t.problems.serverAction : t.problems.otherAction;
  }
}

/** Problems whose detail already says what to do (import SCB's figures, adopt a fee rule). */
const SELF_EXPLAINING = new Set(['no-fee-rule', 'not-member', 'missing-population'].map((slug) => `urn:ssr:problem:${slug}`));

/** The labels the pane's forms give the fields the API checks, beyond the members table's columns. */
function formLabels(t: Messages): ReadonlyMap<string, string> {
  return new Map(Object.entries({
    changesFrom: t.members.changesFrom,
    year: t.common.year,
    effectiveFrom: t.feeRules.effectiveFrom,
    perInhabitantOre: t.feeRules.perInhabitantKr,
    singleFeeOre: t.feeRules.singleFeeKr,
    doubleFeeOre: t.feeRules.doubleFeeKr,
    populationYearOffset: t.feeRules.offset,
    approvedOn: t.feeRules.approvedOn,
    reference: t.feeRules.reference,
    memberId: t.reimbursements.member,
    function: t.reimbursements.function,
    periodStart: t.reimbursements.periodStart,
    periodEnd: t.reimbursements.periodEnd,
    amountOre: t.reimbursements.amount,
    note: t.reimbursements.note,
  }));
}

/**
 * The label of the field an API error points at (`organisationNumber`, `approvals.0.memberId`,
 * `query.year`), as the pane names it; undefined for a path the pane has no name for, which
 * then is left out: finance staff read the message, not the API's field names.
 */
export function fieldLabel(path: string, t: Messages): string | undefined {
  const field = path
    .split(/[.[\]/]+/)
    .filter((part) => part !== '' && !/^\d+$/.test(part))
    .at(-1);
  if (field === undefined) return undefined;
  const column = MEMBER_COLUMNS.find((entry) => entry.field === field);
  return column ? column.header[t.language] : formLabels(t).get(field);
}

/** An API problem as the user reads it: the API's own Swedish title and detail, and what to do. */
export function problemNotice(problem: ApiProblem, t: Messages): Notice {
  // No answer at all (status 0): the browser's own words are neither Swedish nor the user's business.
  const unanswered = problem.status === 0;
  const title = unanswered
    ? problem.type === OUTCOME_UNKNOWN_PROBLEM
      ? t.problems.lostWriteTitle
      : t.problems.networkTitle
    : problem.type === UNREADABLE_PROBLEM
      ? t.problems.unreadableTitle
      : problem.title || t.problems.httpTitle(problem.status);
  const details = problem.errors.map((error) => {
    const label = error.path ? fieldLabel(error.path, t) : undefined;
    return label ? `${label}: ${error.message}` : error.message;
  });
  return {
    intent: 'error',
    title,
    body: unanswered ? (problem.type === OUTCOME_UNKNOWN_PROBLEM ? t.problems.lostWriteBody : t.problems.networkBody) : problem.detail,
    ...(SELF_EXPLAINING.has(problem.type) ? {} : { action: actionFor(problem, t) }),
    ...(details.length > 0 ? { details } : {}),
    ...(problem.type === NETWORK_PROBLEM ? { fact: FACTS.offline } : {}),
  };
}

/** A failure that is no API answer: the workbook refused, or a defect. Logged, and said plainly. */
export function errorNotice(error: unknown, t: Messages, title = t.problems.unexpectedTitle, action = t.problems.unexpectedAction): Notice {
  console.error('SSR pane:', error);
  // The browser's "Failed to fetch" is English in any pane: say it in the pane's words.
  if (isNetworkError(error)) return { intent: 'error', title: t.problems.networkTitle, body: t.problems.networkBody, action: t.problems.networkAction };
  return { intent: 'error', title, body: error instanceof Error ? error.message : String(error), action };
}

export function workbookErrorNotice(error: unknown, t: Messages): Notice {
  return errorNotice(error, t, t.problems.workbookTitle, t.problems.workbookAction);
}
