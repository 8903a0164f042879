import { parseYear } from '@ssr/shared';
import { useState } from 'react';
import { useLanguage, useMessages } from '../../i18n';
import type { Messages } from '../../i18n';
import type { StoredMember } from '../../api/client';
import type { Notice } from '../shell/notice';
import { FACTS, problemNotice } from '../shell/notice';
import { blockedReason } from '../shell/roles';
import { useServices } from '../shell/services';
import { useSession } from '../shell/session';
import { useTask } from '../shell/useTask';
import { readBaseline, writeBaseline } from './baseline';
import { headerLabel, MEMBERS_SHEET, sheetText } from './columns';
import type { Conflict } from './ConflictCard';
import type { MembersReview } from './review';
import { assignments, conflictFields } from './merge';
import { changesTerms, countByKind, sendable } from './review';
import type { SaveOutcome } from './save';
import { baselineAfter, keepMine, saveChanges } from './save';
import type { SettledRow, SheetReview } from './sheet';
import { loadMembersIntoSheet, reviewSheet, rowNumberOf, writeSettledRow } from './sheet';

/** A review of the sheet with the loaded copy it was made against, which a save moves on from. */
export interface ReviewedSheet {
  review: MembersReview;
  baseline: Map<string, StoredMember>;
}

function reviewProblem(reason: Exclude<SheetReview, { ok: true }>['reason'], t: Messages): Notice {
  const body = reason === 'no-table' ? t.members.noTable : reason === 'missing' ? t.members.baselineMissing : t.members.baselineDamaged;
  return { intent: 'warning', body };
}

/** The notice of a conflict that is still open: the cards below say what differs. */
function conflictsNotice(t: Messages): Notice {
  return { intent: 'warning', title: t.members.conflictsTitle, body: t.members.conflictsBody, fact: FACTS.memberConflicts };
}

/**
 * The saved outcomes' notice: all saved, or how much got through and why the rest did not.
 * Invalid rows were never sent: they are named beside what was saved, never hidden by "all".
 */
function saveNotice(results: readonly SaveOutcome[], invalid: number, t: Messages): Notice {
  const saved = results.filter((outcome) => outcome.status === 'saved').length;
  const conflicts = results.filter((outcome) => outcome.status === 'conflict').length;
  const failed = results.length - saved - conflicts;
  if (saved === results.length) {
    if (invalid === 0) return { intent: 'success', body: t.members.allSaved(saved) };
    return { intent: 'warning', body: `${t.members.savedSome(saved)} ${t.members.invalidNotSaved(invalid)}` };
  }
  const summary = [t.members.savedSummary(saved, conflicts, failed), ...(invalid > 0 ? [t.members.invalidNotSaved(invalid)] : [])].join(' ');
  const firstFailure = results.find((outcome) => outcome.status === 'failed');
  if (firstFailure?.status === 'failed') {
    // The API's own words say why (a missing role, a clash); the summary says how much got through.
    const problem = problemNotice(firstFailure.problem, t);
    return { ...problem, body: problem.body || summary, details: [...(problem.details ?? []), summary] };
  }
  // The conflicts themselves follow, with their own title and what to do.
  return { intent: 'warning', body: summary };
}

/** Members: load the register into a table, review the sheet's edits, save them row by row, settle conflicts. */
export function useMembersWorkflow() {
  const t = useMessages();
  const language = useLanguage();
  const { api, workbook, now } = useServices();
  const session = useSession();
  const task = useTask();
  const [reviewed, setReviewed] = useState<ReviewedSheet | undefined>();
  const [outcomes, setOutcomes] = useState<SaveOutcome[]>([]);
  const [unsaved, setUnsaved] = useState<number | undefined>();
  /** The register as stored (the snapshot, refreshed after every write): its members' earlier class and cluster are shown. */
  const register = session.snapshot?.snapshot.members ?? [];
  // R7: a change of class or cluster is normally decided for the coming budget year; this year's
  // fee is already budgeted and is invoiced at its end on the terms that applied.
  const nextYear = new Date(now()).getFullYear() + 1;
  const [changesFromText, setChangesFromText] = useState(String(nextYear));
  const changesFrom = parseYear(changesFromText);

  const replaceOutcome = (conflict: Conflict, outcome: SaveOutcome) =>
    setOutcomes((list) => list.map((item) => (item === conflict ? outcome : item)));

  const load = (confirmed: boolean) =>
    void task.run(t.members.loading, async () => {
      setUnsaved(undefined);
      if (!confirmed) {
        const current = await reviewSheet(workbook, t.members);
        const pending = current.ok ? current.review.entries.length : 0;
        if (pending > 0) {
          setUnsaved(pending);
          return undefined;
        }
      }
      const result = await api.listMembers();
      if (!result.ok) return problemNotice(result.problem, t);
      await loadMembersIntoSheet(workbook, result.value, language);
      setReviewed(undefined);
      setOutcomes([]);
      return { intent: 'success', body: t.members.loaded(result.value.length, MEMBERS_SHEET) };
    });

  const review = () =>
    void task.run(t.members.reviewing, async () => {
      setOutcomes([]);
      const result = await reviewSheet(workbook, t.members);
      if (!result.ok) {
        setReviewed(undefined);
        return reviewProblem(result.reason, t);
      }
      setReviewed(result);
      if (result.review.missingColumns.length > 0) return { intent: 'warning', body: t.members.missingColumns(result.review.missingColumns.join(', ')) };
      if (result.review.entries.length === 0) return { intent: 'success', body: t.members.noChanges };
      return undefined;
    });

  const save = () =>
    void task.run(t.members.saving(0, 0), async (progress) => {
      if (!reviewed) return undefined;
      const entries = sendable(reviewed.review);
      const termsChanged = entries.some(changesTerms);
      if (termsChanged && changesFrom === undefined) return { intent: 'warning', body: t.members.changesFromNeeded };
      const results = await saveChanges(
        api,
        entries,
        (done, total) => progress(t.members.saving(done, total), done / total),
        termsChanged ? changesFrom : undefined,
      );
      const saved = [...baselineAfter(reviewed.baseline, results).values()];
      await writeBaseline(workbook, saved);
      setOutcomes(results);
      setReviewed(undefined);
      await session.refreshAfterWrite();
      return saveNotice(results, countByKind(reviewed.review).invalid, t);
    });

  /** What the outcome notice adds when the row was edited since the card was drawn: those edits stay, unsaved. */
  const laterNote = (settled: SettledRow | undefined): string[] => {
    if (!settled) return [];
    if (settled.removed) return [t.members.removedSinceKept];
    if (settled.later.length === 0) return [];
    return [t.members.editedSinceKept(settled.later.map(({ field, value }) => `${headerLabel(field, language)} = ${sheetText(field, value, language) || t.members.empty}`).join(', '))];
  };

  const settle = (conflict: Conflict, choice: 'mine' | 'server') =>
    void task.run(t.common.working, async () => {
      const current = await readBaseline(workbook);
      const baseline = current.ok ? current.members : new Map<string, StoredMember>();
      const name = conflict.server.member.name;
      // What the row held when the card was drawn: a cell the user changed since is theirs to keep.
      const shown = conflict.sheet ?? conflict.mine;
      let outcome: SaveOutcome;
      let body: string;
      if (choice === 'mine') {
        outcome = await keepMine(api, conflict);
        if (outcome.status === 'failed') return problemNotice(outcome.problem, t);
        if (outcome.status === 'conflict') {
          replaceOutcome(conflict, outcome);
          return conflictsNotice(t);
        }
        // What was stored goes into the row too: a field only the other person changed shows their value.
        const settled = outcome.status === 'saved' && outcome.stored ? await writeSettledRow(workbook, outcome.stored.member, shown, language) : undefined;
        await writeBaseline(workbook, [...baselineAfter(baseline, [outcome]).values()]);
        const changedSince = new Set(settled?.removed ? conflictFields(conflict.server.member, conflict.mine, conflict.base).map((field) => field.field) : settled?.later.map((entry) => entry.field));
        const theirs = conflict.mine
          ? conflictFields(conflict.server.member, conflict.mine, conflict.base).filter((field) => field.changedBy === 'theirs' && !changedSince.has(field.field))
          : [];
        body =
          conflict.action === 'delete'
            ? t.members.deletedAnyway(name)
            : [t.members.keptMine(name), ...(theirs.length > 0 ? [t.members.keptTheirs(assignments(theirs, 'theirs', language, t.members.empty))] : []), ...laterNote(settled)].join(' ');
      } else {
        const settled = await writeSettledRow(workbook, conflict.server.member, shown, language);
        baseline.set(conflict.id, conflict.server);
        await writeBaseline(workbook, [...baseline.values()]);
        const rowNumber = await rowNumberOf(workbook, conflict.id);
        outcome = { action: conflict.action, id: conflict.id, status: 'server-taken', stored: conflict.server, ...(rowNumber === undefined ? {} : { rowNumber }) };
        body = [settled.removed ? t.members.serverNotPut(name) : t.members.keptServer(name, rowNumber), ...laterNote(settled)].join(' ');
      }
      replaceOutcome(conflict, outcome);
      await session.refreshAfterWrite();
      return { intent: 'success', body };
    });

  // What a save would send: the review's entries less the invalid ones.
  const changes = reviewed ? sendable(reviewed.review) : [];
  const termsChanging = changes.some(changesTerms);
  return {
    task,
    reviewed,
    changes,
    register,
    /** R7: the save changes a fee class or cluster, so the year it applies from is asked for. */
    termsChanging,
    nextYear,
    changesFromText,
    setChangesFromText,
    changesFrom,
    outcomes,
    conflicts: outcomes.filter((outcome): outcome is Conflict => outcome.status === 'conflict'),
    conflictsNotice: conflictsNotice(t),
    /** How many edits a load would overwrite, while the user is asked whether to. */
    unsaved,
    saveBlocked: blockedReason(session, 'editor', t),
    /** Deleting takes an admin; an editor is told before sending. */
    deleteNeedsAdmin: session.role === 'editor' && changes.some((entry) => entry.kind === 'removed'),
    canSettle: session.canEdit,
    load,
    review,
    save,
    settle,
    cancelLoad: () => setUnsaved(undefined),
  };
}
