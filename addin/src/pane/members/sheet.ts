import type { Member } from '@ssr/shared';
import type { StoredMember } from '../../api/client';
import type { CellInput, CellReadValue, WorkbookPort } from '../../excel/port';
import type { Language } from '../../i18n';
import type { BaselineRead } from './baseline';
import { readBaseline, writeBaseline } from './baseline';
import { columnLetters } from '../../excel/address';
import type { CodedField, MemberField } from './columns';
import { cellText, fieldsByColumn, listWords, MEMBER_COLUMN_FORMATS, MEMBER_COLUMNS, MEMBERS_SHEET, MEMBERS_TABLE, memberHeaders, memberToRow, sheetText } from './columns';
import type { MembersReview, ReviewMessages } from './review';
import { reviewMembers } from './review';

/** The members table in the workbook: write it with its loaded copy, read it back for review, patch rows. */

export async function loadMembersIntoSheet(workbook: WorkbookPort, members: readonly StoredMember[], language: Language): Promise<void> {
  const sorted = [...members].sort((a, b) => a.member.name.localeCompare(b.member.name, 'sv'));
  await workbook.resetSheet(MEMBERS_SHEET);
  await workbook.writeTable({
    sheet: MEMBERS_SHEET,
    name: MEMBERS_TABLE,
    headers: memberHeaders(language),
    rows: sorted.map((stored) => memberToRow(stored.member, language)),
    columns: MEMBER_COLUMN_FORMATS,
  });
  // Kind and fee class are picked from a list in the sheet's language; the table carries the rule to rows added below.
  const lastRow = Math.max(2, sorted.length + 1);
  for (const field of ['kind', 'feeClass'] as const satisfies readonly CodedField[]) {
    const letters = columnLetters(MEMBER_COLUMNS.findIndex((column) => column.field === field));
    await workbook.setListValidation(MEMBERS_SHEET, `${letters}2:${letters}${lastRow}`, listWords(field, language));
  }
  await writeBaseline(workbook, sorted);
  await workbook.activateSheet(MEMBERS_SHEET);
}

export type SheetReview =
  | { ok: true; review: MembersReview; baseline: Map<string, StoredMember> }
  | { ok: false; reason: 'no-table' | Exclude<BaselineRead, { ok: true }>['reason'] };

export async function reviewSheet(workbook: WorkbookPort, messages: ReviewMessages): Promise<SheetReview> {
  const table = await workbook.readTable(MEMBERS_TABLE);
  if (!table) return { ok: false, reason: 'no-table' };
  const baseline = await readBaseline(workbook);
  if (!baseline.ok) return { ok: false, reason: baseline.reason };
  return { ok: true, review: reviewMembers(table.headers, table.rows, baseline.members, messages), baseline: baseline.members };
}

/** A member's values laid out in the table's own column order; columns the pane does not know keep their cells. */
function rowFor(headers: readonly string[], member: Member, language: Language, existing: readonly CellReadValue[] = []): CellInput[] {
  const { fields } = fieldsByColumn(headers);
  return fields.map((field, index) => (field ? (sheetText(field, member[field], language) ?? null) : (existing[index] ?? null)));
}

/** What putting a settled version into the row did: fields the user changed since the card was drawn, or the row gone since. */
export interface SettledRow {
  /** Fields whose cell the user changed after the card was drawn: left as typed, with what they hold now. */
  later: { field: MemberField; value: string | undefined }[];
  /** The row was removed after the card was drawn; it stays removed. */
  removed: boolean;
}

function same(a: string | undefined, b: string | undefined): boolean {
  return (a ?? '') === (b ?? '');
}

/**
 * Put the version a conflict settled on into its row, but only where the sheet still holds what
 * the card was drawn from (`shown`; none when the sheet had removed the member). A cell the user
 * changed since is an edit nobody has reviewed: it stays, and the next review shows it against
 * the new loaded copy, rather than being overwritten behind the user's back.
 */
export async function writeSettledRow(workbook: WorkbookPort, stored: Member, shown: Member | undefined, language: Language): Promise<SettledRow> {
  const table = await workbook.readTable(MEMBERS_TABLE);
  if (!table) return { later: [], removed: true };
  const { fields } = fieldsByColumn(table.headers);
  const idColumn = fields.indexOf('id');
  const index = table.rows.findIndex((row) => String(row[idColumn] ?? '').trim() === stored.id);
  const cells = index >= 0 ? table.rows[index] : undefined;
  if (!cells) {
    if (shown) return { later: [], removed: true };
    await workbook.appendTableRows(MEMBERS_TABLE, [rowFor(table.headers, stored, language)]);
    return { later: [], removed: false };
  }
  const later: SettledRow['later'] = [];
  const row = fields.map((field, column): CellInput => {
    const cell = cells[column] ?? null;
    if (!field) return cell;
    const now = cellText(field, cell);
    if (shown && same(now, shown[field])) return sheetText(field, stored[field], language) ?? null;
    if (!same(now, stored[field])) later.push({ field, value: now });
    return cell;
  });
  if (shown) await workbook.updateTableRow(MEMBERS_TABLE, index, row);
  return { later, removed: false };
}

/** The sheet row (as Excel numbers it) that holds a member, if any. */
export async function rowNumberOf(workbook: WorkbookPort, id: string): Promise<number | undefined> {
  const table = await workbook.readTable(MEMBERS_TABLE);
  if (!table) return undefined;
  const idColumn = fieldsByColumn(table.headers).fields.indexOf('id');
  const index = table.rows.findIndex((row) => String(row[idColumn] ?? '').trim() === id);
  return index >= 0 ? index + 2 : undefined;
}
