import type { Member } from '@ssr/shared';
import { memberSchema, parseWith } from '@ssr/shared';
import type { ApiClient, StoredMember } from '../../api/client';
import type { ApiResult } from '../../api/http';
import type { ApiProblem } from '../../api/problem';
import { mergedMember } from './merge';
import type { ReviewEntry } from './review';
import { changesTerms } from './review';

/**
 * Save: each reviewed change goes to the API on its own, with the etag it was based on
 * (If-Match), and gets its own outcome. A 412 is a conflict that keeps both versions for the
 * user to choose between; nothing is retried or overwritten behind their back.
 */

export type SaveAction = 'create' | 'update' | 'delete';

interface OutcomeBase {
  action: SaveAction;
  id: string;
  /** Where the row is in the sheet; removed members have none. */
  rowNumber?: number;
}

export type SaveOutcome =
  | (OutcomeBase & { status: 'saved'; stored?: StoredMember })
  /**
   * A conflict: the sheet's version (none for a removal), the server's, and the version both were based on (none for an addition).
   * `sheet` is what the row held when it was read, which the card's choice must not overwrite if the user has edited it since.
   */
  | (OutcomeBase & { status: 'conflict'; mine?: Member; base?: Member; server: StoredMember; changesFrom?: number; sheet?: Member })
  /** The server's version was put into the sheet and nothing was sent. */
  | (OutcomeBase & { status: 'server-taken'; stored: StoredMember })
  | (OutcomeBase & { status: 'failed'; problem: ApiProblem });

export type Sendable = Exclude<ReviewEntry, { kind: 'invalid' }>;

/** The member a 412 carries as `current`, with the etag a retry must send. */
export function serverVersion(problem: ApiProblem): StoredMember | undefined {
  const parsed = parseWith(memberSchema, problem.current);
  if (!parsed.ok || problem.etag === undefined) return undefined;
  return { member: parsed.value, etag: problem.etag };
}

interface Versions {
  mine?: Member;
  /** The version the edit was based on: the loaded copy's. */
  read?: Member;
  changesFrom?: number;
  /** What the sheet's row held (mine, unless a retry merged the server's fields into what was sent). */
  sheet?: Member;
}

function outcomeOf(base: OutcomeBase, result: ApiResult<StoredMember | null>, { mine, read, changesFrom, sheet = mine }: Versions = {}): SaveOutcome {
  if (result.ok) return { ...base, status: 'saved', ...(result.value ? { stored: result.value } : {}) };
  const server = result.problem.status === 412 ? serverVersion(result.problem) : undefined;
  if (server) {
    return { ...base, status: 'conflict', ...(mine ? { mine } : {}), ...(read ? { base: read } : {}), server, ...(changesFrom === undefined ? {} : { changesFrom }), ...(sheet ? { sheet } : {}) };
  }
  return { ...base, status: 'failed', problem: result.problem };
}

/** R7: the year a changed class or cluster applies from goes with the edits that change them, and only those. */
function changesFromFor(entry: Sendable, changesFrom: number | undefined): number | undefined {
  return changesTerms(entry) ? changesFrom : undefined;
}

async function send(api: ApiClient, entry: Sendable, changesFrom: number | undefined): Promise<SaveOutcome> {
  switch (entry.kind) {
    case 'added':
      return outcomeOf({ action: 'create', id: entry.member.id, rowNumber: entry.row.rowNumber }, await api.createMember(entry.member), { mine: entry.member });
    case 'changed': {
      const from = changesFromFor(entry, changesFrom);
      return outcomeOf(
        { action: 'update', id: entry.member.id, rowNumber: entry.row.rowNumber },
        await api.updateMember(entry.member, entry.before.etag, from),
        { mine: entry.member, read: entry.before.member, ...(from === undefined ? {} : { changesFrom: from }) },
      );
    }
    case 'removed':
      return outcomeOf(
        { action: 'delete', id: entry.before.member.id },
        await api.deleteMember(entry.before.member.id, entry.before.etag),
        { read: entry.before.member },
      );
  }
}

/**
 * Send the changes one after the other (the order of the review), reporting progress. A change
 * of fee class or cluster applies from `changesFrom` (R7).
 */
export async function saveChanges(
  api: ApiClient,
  entries: readonly Sendable[],
  onProgress: (done: number, total: number) => void = () => undefined,
  changesFrom?: number,
): Promise<SaveOutcome[]> {
  const outcomes: SaveOutcome[] = [];
  for (const entry of entries) {
    outcomes.push(await send(api, entry, changesFrom));
    onProgress(outcomes.length, entries.length);
  }
  return outcomes;
}

/**
 * The user chose the sheet's version of a conflict: send the sheet's changes again, on the
 * server's version and etag. Fields only the other person changed keep their value (merge.ts).
 */
export async function keepMine(api: ApiClient, conflict: Extract<SaveOutcome, { status: 'conflict' }>): Promise<SaveOutcome> {
  const base = { action: conflict.action, id: conflict.id, ...(conflict.rowNumber === undefined ? {} : { rowNumber: conflict.rowNumber }) };
  if (conflict.action === 'delete') return outcomeOf(base, await api.deleteMember(conflict.id, conflict.server.etag), { read: conflict.server.member });
  const mine = conflict.mine ? mergedMember(conflict.server.member, conflict.mine, conflict.base) : conflict.server.member;
  return outcomeOf(base, await api.updateMember(mine, conflict.server.etag, conflict.changesFrom), {
    // Should it clash again, what was sent is the sheet's side and the server's version it was based on is the base.
    mine,
    read: conflict.server.member,
    ...(conflict.sheet ?? conflict.mine ? { sheet: conflict.sheet ?? conflict.mine } : {}),
    ...(conflict.changesFrom === undefined ? {} : { changesFrom: conflict.changesFrom }),
  });
}

/** The loaded copy after a save: saved members take their new version, deleted ones leave. */
export function baselineAfter(baseline: ReadonlyMap<string, StoredMember>, outcomes: readonly SaveOutcome[]): Map<string, StoredMember> {
  const next = new Map(baseline);
  for (const outcome of outcomes) {
    if (outcome.status === 'server-taken') next.set(outcome.id, outcome.stored);
    if (outcome.status !== 'saved') continue;
    if (outcome.action === 'delete') next.delete(outcome.id);
    else if (outcome.stored) next.set(outcome.id, outcome.stored);
  }
  return next;
}
