import { memberSchema, parseWith } from '@ssr/shared';
import type { StoredMember } from '../../api/client';
import type { WorkbookPort } from '../../excel/port';

/**
 * The copy of the register as last loaded or saved, with each member's etag, kept on a hidden
 * sheet of the workbook itself: it survives closing the pane and reopening the file, and the
 * table the user edits holds only readable columns.
 */

export const BASELINE_SHEET = 'SSR_Baseline';
export const BASELINE_TABLE = 'SSR_MembersBaseline';
const HEADERS = ['id', 'etag', 'member'];

export async function writeBaseline(workbook: WorkbookPort, members: readonly StoredMember[]): Promise<void> {
  await workbook.resetSheet(BASELINE_SHEET, { hidden: true });
  await workbook.writeTable({
    sheet: BASELINE_SHEET,
    name: BASELINE_TABLE,
    headers: HEADERS,
    rows: members.map((stored) => [stored.member.id, stored.etag, JSON.stringify(stored.member)]),
    columns: HEADERS.map(() => ({ numberFormat: '@' })),
  });
}

export type BaselineRead = { ok: true; members: Map<string, StoredMember> } | { ok: false; reason: 'missing' | 'damaged' };

/** The loaded copy; `missing` before the first load, `damaged` when someone edited the hidden sheet. */
export async function readBaseline(workbook: WorkbookPort): Promise<BaselineRead> {
  const table = await workbook.readTable(BASELINE_TABLE);
  if (!table) return { ok: false, reason: 'missing' };
  const members = new Map<string, StoredMember>();
  for (const [id, etag, json] of table.rows) {
    if (typeof etag !== 'string' || typeof json !== 'string') return { ok: false, reason: 'damaged' };
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch {
      // Not JSON any more: the hidden sheet was edited by hand.
      return { ok: false, reason: 'damaged' };
    }
    const parsed = parseWith(memberSchema, value);
    if (!parsed.ok || parsed.value.id !== id) return { ok: false, reason: 'damaged' };
    members.set(parsed.value.id, { member: parsed.value, etag });
  }
  return { ok: true, members };
}
