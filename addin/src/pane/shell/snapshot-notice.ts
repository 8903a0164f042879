import type { Messages } from '../../i18n';
import type { SnapshotProblemCode } from '../../snapshot/client';
import { SnapshotUnavailableError } from '../../snapshot/client';
import type { Notice } from './notice';
import { FACTS } from './notice';

/*
 * The snapshot client explains itself in English, for the custom functions' cell errors
 * (docs/functions.md); the pane says the same in the user's language, by the client's problem
 * code, and adds the API's own words when it gave any (they are Swedish already).
 */

function actionFor(code: SnapshotProblemCode, t: Messages): string {
  switch (code) {
    case 'unreachable':
      return t.problems.networkAction;
    case 'unavailable':
      return t.problems.serverAction;
    case 'unauthorized':
      return t.problems.unauthenticatedAction;
    case 'forbidden':
      return t.problems.forbiddenAction;
    case 'refused':
      return t.problems.otherAction;
    case 'invalid':
      return t.problems.unreadableAction;
  }
}

/** No snapshot could be had: why, and what to do. */
export function snapshotProblemNotice(code: SnapshotProblemCode, t: Messages, detail?: string): Notice {
  return {
    intent: 'error',
    title: t.problems.snapshotTitle,
    body: t.problems.snapshot[code],
    action: actionFor(code, t),
    ...(detail ? { details: [detail] } : {}),
    ...(code === 'unreachable' ? { fact: FACTS.offline } : {}),
  };
}

/**
 * The formulas use the saved copy because a current one could not be had: why, and what to do.
 * Without any answer the offline banner says the same (one fact); an API that answered (a server
 * error, data the add-in cannot read) is no lost contact, and this notice is the one that says so.
 */
export function snapshotOfflineNotice(code: SnapshotProblemCode, t: Messages): Notice {
  return {
    intent: 'warning',
    title: t.problems.snapshotOfflineTitle,
    body: t.problems.snapshot[code],
    action: actionFor(code, t),
    fact: code === 'unreachable' ? FACTS.offline : FACTS.savedCopy,
  };
}

/** A failed snapshot read as a notice, or undefined when the failure is not the snapshot client's. */
export function snapshotErrorNotice(error: unknown, t: Messages): Notice | undefined {
  return error instanceof SnapshotUnavailableError ? snapshotProblemNotice(error.code, t, error.detail) : undefined;
}

/** A failed snapshot read as a notice, whatever failed: a defect is said plainly (it was logged where it was caught). */
export function snapshotFailureNotice(error: unknown, t: Messages): Notice {
  return (
    snapshotErrorNotice(error, t) ?? {
      intent: 'error',
      title: t.problems.snapshotTitle,
      body: error instanceof Error ? error.message : t.problems.unexpectedTitle,
      action: t.problems.unexpectedAction,
    }
  );
}
