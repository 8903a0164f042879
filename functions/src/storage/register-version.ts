import { randomBytes } from 'node:crypto';
import { AlreadyExistsError, EntityNotFoundError, StaleEtagError } from './errors';
import { getRow } from './rows';
import type { Tables } from './tables';
import { TABLES } from './tables';

/**
 * The register's version: one bookkeeping row that every write changes, so that a reader
 * learns with one point read whether anything it holds in memory may be out of date.
 *
 * The register spans four tables and many partitions, and a transaction holds one partition,
 * so the row cannot change in each write's own transaction. Instead every write marks itself
 * on the row before its transaction (a property of its own, holding when its outcome is
 * settled at the latest) and clears the mark after it, before it answers. A reader keeps what
 * it loaded only while the row shows no write under way; the row's etag changes with each
 * mark, so what was loaded before a write began is never served after it. A write that never
 * clears its mark (its instance stopped) holds readers to storage until the mark lapses, by
 * which time its transaction has either been stored or never will be.
 */

/** Beside the members, in their partition; readers of members skip `~` rows. */
const PARTITION = TABLES.members.partition;
export const VERSION_ROW = '~version';
const MARK_PREFIX = 'w_';
/** Far beyond any transaction's life (the request gives storage at most 4.5 s; Azure ends an operation within 30 s). */
const SETTLE_MS = 5 * 60_000;
/** Cleared marks are properties set to 0 (a merge cannot remove one); past this many, a write prunes them. */
const PRUNE_AT = 32;

export interface RegisterVersion {
  /** Different after every change of the row. */
  id: string;
  /** No write is under way (or left unsettled): what is loaded now may be kept under `id`. */
  settled: boolean;
}

const newTag = () => randomBytes(9).toString('base64url');

function marksOf(row: Readonly<Record<string, unknown>>): [string, number][] {
  // Times are stored as text: a number past Int32 would need an Edm type annotation.
  return Object.entries(row).flatMap(([name, value]) => (name.startsWith(MARK_PREFIX) && typeof value === 'string' ? [[name, Number(value)] as [string, number]] : []));
}

/** One point read of the version row. */
export async function readRegisterVersion(tables: Tables, signal: AbortSignal, now = Date.now()): Promise<RegisterVersion> {
  const row = await getRow(tables, 'members', PARTITION, VERSION_ROW, signal);
  // No row: storage from before versions were kept, or emptied meanwhile; nothing may be kept.
  if (row === undefined) return { id: 'none', settled: false };
  const settled = marksOf(row).every(([, until]) => until <= now);
  return { id: `${row.etag}|${String(row.tag)}`, settled };
}

/** A write is about to be sent: mark it on the version row. Returns the mark, to clear afterwards. */
export async function markWrite(tables: Tables, signal: AbortSignal): Promise<string> {
  const mark = `${MARK_PREFIX}${randomBytes(9).toString('hex')}`;
  const now = Date.now();
  const entity = { partitionKey: PARTITION, rowKey: VERSION_ROW, tag: newTag(), [mark]: String(now + SETTLE_MS) };
  const row = await tables.run('members', (client) => client.getEntity<Record<string, unknown>>(PARTITION, VERSION_ROW, { abortSignal: signal })).catch((error: unknown) => {
    if (error instanceof EntityNotFoundError) return undefined;
    throw error;
  });
  const marks = row === undefined ? [] : marksOf(row);
  if (row !== undefined && marks.length >= PRUNE_AT) {
    // Keep the marks of writes still under way; the condition fails if another write came first.
    const live = Object.fromEntries(marks.filter(([, until]) => until > now).map(([name, until]) => [name, String(until)]));
    try {
      await tables.run('members', (client) => client.updateEntity({ ...live, ...entity }, 'Replace', { etag: String(row.etag), abortSignal: signal }));
      return mark;
    } catch (error) {
      if (!(error instanceof StaleEtagError || error instanceof EntityNotFoundError)) throw error;
    }
  }
  await tables.run('members', (client) => client.upsertEntity(entity, 'Merge', { abortSignal: signal }));
  return mark;
}

/** The write's outcome is known: clear its mark (the row changes once more either way). */
export async function clearWrite(tables: Tables, mark: string, signal: AbortSignal): Promise<void> {
  await tables.run('members', (client) => client.upsertEntity({ partitionKey: PARTITION, rowKey: VERSION_ROW, tag: newTag(), [mark]: '0' }, 'Merge', { abortSignal: signal }));
}

/** Setup: the row exists from the start, so that readers may keep what they load. */
export async function createVersionRow(tables: Tables, signal: AbortSignal): Promise<void> {
  try {
    await tables.run('members', (client) => client.createEntity({ partitionKey: PARTITION, rowKey: VERSION_ROW, tag: newTag() }, { abortSignal: signal }));
  } catch (error) {
    if (!(error instanceof AlreadyExistsError)) throw error; // another instance, or an earlier start
  }
}
