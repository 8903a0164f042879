import type { FieldError, Member } from '@ssr/shared';
import { memberSchema, parseWith } from '@ssr/shared';
import type { StoredMember } from '../../api/client';
import type { CellReadValue } from '../../excel/port';
import type { MemberField } from './columns';
import { fieldsByColumn, MEMBER_COLUMNS, rowToCandidate } from './columns';

/**
 * Review: the members table read back and compared with the copy loaded from the API. Every
 * row is added, changed, unchanged or invalid (with the schema's reasons); every loaded
 * member no row holds any more is removed. Invalid rows are never sent.
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

export function reviewMembers(
  headers: readonly string[],
  rows: readonly (readonly CellReadValue[])[],
  baseline: ReadonlyMap<string, StoredMember>,
  duplicateMessage: DuplicateMessage,
): MembersReview {
  const { fields, missing } = fieldsByColumn(headers);
  if (missing.length > 0) return { entries: [], unchanged: 0, missingColumns: missing };
  const entries: ReviewEntry[] = [];
  const seen = new Map<string, number>();
  let unchanged = 0;
  rows.forEach((cells, index) => {
    const row = { index, rowNumber: index + 2 };
    const candidate = rowToCandidate(cells, fields);
    if (Object.keys(candidate).length === 0) return; // a blank row is no member
    const id = candidate.id;
    const parsed = parseWith(memberSchema, candidate);
    const firstRow = id === undefined ? undefined : seen.get(id);
    if (id !== undefined && firstRow === undefined) seen.set(id, row.rowNumber);
    if (!parsed.ok || firstRow !== undefined) {
      const errors = parsed.ok ? [] : parsed.errors;
      if (firstRow !== undefined) errors.push({ path: 'id', message: duplicateMessage(firstRow) });
      entries.push({ kind: 'invalid', row, ...(id === undefined ? {} : { id }), errors });
      return;
    }
    const member = parsed.value;
    const before = baseline.get(member.id);
    if (!before) {
      entries.push({ kind: 'added', row, member });
      return;
    }
    const changed = changedFields(before.member, member);
    if (changed.length === 0) unchanged += 1;
    else entries.push({ kind: 'changed', row, member, before, fields: changed });
  });
  for (const [id, before] of baseline) {
    // A row whose id is there but invalid still holds its member: that is an edit to fix, not a removal.
    if (!seen.has(id)) entries.push({ kind: 'removed', before });
  }
  return { entries, unchanged, missingColumns: [] };
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
