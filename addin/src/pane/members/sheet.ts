import type { Member } from '@ssr/shared';
import type { StoredMember } from '../../api/client';
import type { CellInput, CellReadValue, WorkbookPort } from '../../excel/port';
import type { Language } from '../../i18n';
import type { BaselineRead } from './baseline';
import { readBaseline, writeBaseline } from './baseline';
import { fieldsByColumn, MEMBER_COLUMN_FORMATS, MEMBERS_SHEET, MEMBERS_TABLE, memberHeaders, memberToRow } from './columns';
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
    rows: sorted.map((stored) => memberToRow(stored.member)),
    columns: MEMBER_COLUMN_FORMATS,
  });
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
function rowFor(headers: readonly string[], member: Member, existing: readonly CellReadValue[] = []): CellInput[] {
  const { fields } = fieldsByColumn(headers);
  return fields.map((field, index) => (field ? (member[field] ?? null) : (existing[index] ?? null)));
}

/** Put the server's version of a member into the sheet: over its row, or as a new row if the row was removed. */
export async function writeServerVersion(workbook: WorkbookPort, server: StoredMember): Promise<void> {
  const table = await workbook.readTable(MEMBERS_TABLE);
  if (!table) return;
  const idColumn = fieldsByColumn(table.headers).fields.indexOf('id');
  const index = table.rows.findIndex((row) => String(row[idColumn] ?? '').trim() === server.member.id);
  if (index >= 0) await workbook.updateTableRow(MEMBERS_TABLE, index, rowFor(table.headers, server.member, table.rows[index]));
  else await workbook.appendTableRows(MEMBERS_TABLE, [rowFor(table.headers, server.member)]);
}
