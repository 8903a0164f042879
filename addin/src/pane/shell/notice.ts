import type { ApiProblem } from '../../api/problem';
import { isNetworkError, NETWORK_PROBLEM, OUTCOME_UNKNOWN_PROBLEM, UNREADABLE_PROBLEM } from '../../api/problem';
import type { Messages } from '../../i18n';

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
  const details = problem.errors.map((error) => (error.path ? `${error.path}: ${error.message}` : error.message));
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
