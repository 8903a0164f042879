import type { FieldError, Lang, Member } from '@ssr/shared';
import { memberSchema, municipalityCodeClashes, parseWith } from '@ssr/shared';
import type { StoredMember } from '../../api/client';
import type { CellReadValue } from '../../excel/port';
import type { MemberField } from './columns';
import { fieldsByColumn, MEMBER_COLUMNS, rowToCandidate } from './columns';

/**
 * Review: the members table read back and compared with the copy loaded from the API. Every
 * row is added, changed, unchanged or invalid (with the schema's reasons, or a clash the
 * schema cannot see); every loaded member no row holds any more is removed. Invalid rows are
 * never sent.
 */

export interface SheetRow {
  /** 0-based data row of the table. */
  index: number;
  /** The row number Excel shows (the header is row 1). */
  rowNumber: number;
}

export type ReviewEntry =
  | { kind: 'added'; row: SheetRow; member: Member }
  | { kind: 'changed'; row: SheetRow; member: Member; before: StoredMember; fields: MemberField[] }
  | { kind: 'removed'; before: StoredMember }
  | { kind: 'invalid'; row: SheetRow; id?: string; errors: FieldError[] };

export interface MembersReview {
  entries: ReviewEntry[];
  unchanged: number;
  /** Columns the table must have but does not (then nothing else is reviewed). */
  missingColumns: MemberField[];
}

function sameValue(a: string | undefined, b: string | undefined): boolean {
  return (a ?? '') === (b ?? '');
}

export function changedFields(before: Member, after: Member): MemberField[] {
  return MEMBER_COLUMNS.map((column) => column.field).filter((field) => !sameValue(before[field], after[field]));
}

/** A duplicate id is an error the schema cannot see: the message names the first row. */
export type DuplicateMessage = (firstRowNumber: number) => string;

/**
 * R1/R10, also unseen by the schema: a municipality code another member holds, in the
 * register as loaded (no row number) or on an earlier row of the sheet. `holder` is
 * "name (id)".
 */
export type CodeTakenMessage = (code: string, holder: string, rowNumber?: number) => string;

/** What the review says about a row, in the pane's language (the catalogue's `members`). */
export interface ReviewMessages {
  duplicateId: DuplicateMessage;
  municipalityCodeTaken: CodeTakenMessage;
  /** A kind or fee class the sheet cannot hold, said with the words the sheet takes (the register's codes mean nothing there). */
  kindInvalid: string;
  feeClassInvalid: string;
  /** The language of the schema's own reasons (a date, an organisation number). */
  reviewLanguage: Lang;
}

/** The schema's reasons as the sheet's reader needs them: a kind or fee class in the sheet's words. */
function sheetErrors(errors: readonly FieldError[], messages: ReviewMessages): FieldError[] {
  return errors.map((error) =>
    error.path === 'kind' ? { ...error, message: messages.kindInvalid } : error.path === 'feeClass' ? { ...error, message: messages.feeClassInvalid } : error,
  );
}

/** A row as read: a member the schema accepts, or already invalid. */
type ReadRow = { kind: 'valid'; row: SheetRow; member: Member } | Extract<ReviewEntry, { kind: 'invalid' }>;

/** A code holder the review knows of: a loaded member (no row) or a valid row of the sheet. */
interface CodeHolder {
  id: string;
  name: string;
  municipalityCode?: string;
  rowNumber?: number;
}

function holderOf(member: Member, rowNumber?: number): CodeHolder {
  return { id: member.id, name: member.name, municipalityCode: member.municipalityCode, rowNumber };
}

/**
 * The rows whose municipality code is taken, by row number, with the message. The register
 * as loaded comes first, so its holders keep their codes; then the sheet's valid rows in
 * order, as they would be saved. The API would refuse these rows (409); the review says so
 * before anything is sent.
 */
function takenCodes(read: readonly ReadRow[], baseline: ReadonlyMap<string, StoredMember>, message: CodeTakenMessage): Map<number, FieldError> {
  const loaded = [...baseline.values()].map((stored) => holderOf(stored.member));
  const rows = read.flatMap((entry) => (entry.kind === 'valid' ? [holderOf(entry.member, entry.row.rowNumber)] : []));
  const taken = new Map<number, FieldError>();
  for (const { member, holder, municipalityCode } of municipalityCodeClashes([...loaded, ...rows])) {
    if (member.rowNumber === undefined) continue; // a clash inside the loaded copy is not the sheet's doing
    taken.set(member.rowNumber, { path: 'municipalityCode', message: message(municipalityCode, `${holder.name} (${holder.id})`, holder.rowNumber) });
  }
  return taken;
}

/** Review the members table, with the messages of the pane's catalogue. */
export function reviewMembers(
  headers: readonly string[],
  rows: readonly (readonly CellReadValue[])[],
  baseline: ReadonlyMap<string, StoredMember>,
  messages: ReviewMessages,
): MembersReview {
  const { fields, missing } = fieldsByColumn(headers);
  if (missing.length > 0) return { entries: [], unchanged: 0, missingColumns: missing };
  const read: ReadRow[] = [];
  const seen = new Map<string, number>();
  rows.forEach((cells, index) => {
    const row = { index, rowNumber: index + 2 };
    const candidate = rowToCandidate(cells, fields);
    if (Object.keys(candidate).length === 0) return; // a blank row is no member
    const id = candidate.id;
    const parsed = parseWith(memberSchema, candidate, '', messages.reviewLanguage);
    const firstRow = id === undefined ? undefined : seen.get(id);
    if (id !== undefined && firstRow === undefined) seen.set(id, row.rowNumber);
    if (!parsed.ok || firstRow !== undefined) {
      const errors = parsed.ok ? [] : sheetErrors(parsed.errors, messages);
      if (firstRow !== undefined) errors.push({ path: 'id', message: messages.duplicateId(firstRow) });
      read.push({ kind: 'invalid', row, ...(id === undefined ? {} : { id }), errors });
      return;
    }
    read.push({ kind: 'valid', row, member: parsed.value });
  });
  const taken = takenCodes(read, baseline, messages.municipalityCodeTaken);
  const entries: ReviewEntry[] = [];
  let unchanged = 0;
  for (const entry of read) {
    if (entry.kind === 'invalid') {
      entries.push(entry);
      continue;
    }
    const { row, member } = entry;
    const before = baseline.get(member.id);
    const changed = before ? changedFields(before.member, member) : [];
    const codeError = taken.get(row.rowNumber);
    // Only a row that would be sent can be refused; an unchanged row is not sent.
    if (codeError && (!before || changed.length > 0)) {
      entries.push({ kind: 'invalid', row, id: member.id, errors: [codeError] });
    } else if (!before) {
      entries.push({ kind: 'added', row, member });
    } else if (changed.length === 0) {
      unchanged += 1;
    } else {
      entries.push({ kind: 'changed', row, member, before, fields: changed });
    }
  }
  for (const [id, before] of baseline) {
    // A row whose id is there but invalid still holds its member: that is an edit to fix, not a removal.
    if (!seen.has(id)) entries.push({ kind: 'removed', before });
  }
  return { entries, unchanged, missingColumns: [] };
}

/** R7: the fields whose change applies from a year on (the kind with them: it decides the class). */
const TERM_FIELDS: readonly MemberField[] = ['feeClass', 'cluster', 'kind'];

/** Whether an edit changes the member's fee class or cluster, so that the year it applies from must be given. */
export function changesTerms(entry: ReviewEntry): boolean {
  return entry.kind === 'changed' && entry.fields.some((field) => TERM_FIELDS.includes(field));
}

/** The changes that can be sent: everything but invalid rows. */
export function sendable(review: MembersReview): Exclude<ReviewEntry, { kind: 'invalid' }>[] {
  return review.entries.filter((entry): entry is Exclude<ReviewEntry, { kind: 'invalid' }> => entry.kind !== 'invalid');
}

export function countByKind(review: MembersReview): Record<ReviewEntry['kind'], number> {
  const counts = { added: 0, changed: 0, removed: 0, invalid: 0 };
  for (const entry of review.entries) counts[entry.kind] += 1;
  return counts;
}
