import type { Member } from '@ssr/shared';
import type { Language } from '../../i18n';
import type { MemberField } from './columns';
import { headerLabel, MEMBER_COLUMNS, sheetText } from './columns';

/**
 * A conflict three ways: what was read (base), what the sheet holds (mine), what the server
 * holds now (theirs). Keeping the sheet's values stores the fields the sheet changed and leaves
 * the fields only the other person changed as they made them; the card says both before the
 * user chooses. Without a base (two people added the same id) every difference is the sheet's.
 */

export type ChangedBy = 'mine' | 'theirs' | 'both';

export interface ConflictField {
  field: MemberField;
  base?: string | undefined;
  mine?: string | undefined;
  theirs?: string | undefined;
  changedBy: ChangedBy;
}

const FIELDS: readonly MemberField[] = MEMBER_COLUMNS.map((column) => column.field);

function same(a: string | undefined, b: string | undefined): boolean {
  return (a ?? '') === (b ?? '');
}

/** Every field where the sheet and the server differ, or where the other person changed what was read. */
export function conflictFields(theirs: Member, mine: Member | undefined, base: Member | undefined): ConflictField[] {
  const fields: ConflictField[] = [];
  for (const field of FIELDS) {
    const values = { field, base: base?.[field], mine: mine?.[field], theirs: theirs[field] };
    // Without a base both sides wrote every field.
    const theirsChanged = base === undefined || !same(base[field], theirs[field]);
    if (!mine) {
      // A removal: what the other person changed since it was read is what "remove anyway" throws away.
      if (base !== undefined && theirsChanged) fields.push({ ...values, changedBy: 'theirs' });
      continue;
    }
    if (same(mine[field], theirs[field])) continue;
    const mineChanged = base === undefined || !same(base[field], mine[field]);
    fields.push({ ...values, changedBy: mineChanged && theirsChanged ? 'both' : mineChanged ? 'mine' : 'theirs' });
  }
  return fields;
}

function withField(member: Member, field: MemberField, value: string | undefined): Member {
  return { ...member, [field]: value };
}

/** What "keep the sheet's values" stores: the server's member with the fields the sheet changed set to the sheet's values. */
export function mergedMember(theirs: Member, mine: Member, base: Member | undefined): Member {
  let merged = theirs;
  for (const { field, changedBy } of conflictFields(theirs, mine, base)) {
    if (changedBy !== 'theirs') merged = withField(merged, field, mine[field]);
  }
  return merged;
}

/** "Namn = Nacka kommun, Kluster = Norr": fields with one side's values, as the sheet shows them. */
export function assignments(fields: readonly ConflictField[], side: 'mine' | 'theirs', language: Language, empty: string): string {
  return fields.map((entry) => `${headerLabel(entry.field, language)} = ${sheetText(entry.field, entry[side], language) || empty}`).join(', ');
}
