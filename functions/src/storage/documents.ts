import { withoutUnstorableCharacters } from '@ssr/shared';
import { DocumentTooLargeError } from './errors';

/**
 * Each row stores its value as JSON, split over string properties `d0`, `d1`, …: one codec
 * for every kind, exact for öre amounts beyond Int32, and no 64 KiB limit per property.
 */

export type DocumentEntity = { partitionKey: string; rowKey: string; chunks: number } & Record<string, unknown>;

/** A string property holds 64 KiB (32 768 UTF-16 units); stay below it. */
const CHUNK_CHARS = 30_000;
/** An entity holds 1 MiB in all; this leaves room for the keys, the other properties and the framing. */
export const MAX_DOCUMENT_BYTES = 900_000;

/**
 * The bytes a document costs in storage. Azure counts a string property in UTF-16 (two bytes
 * a unit); the emulator counts the request's JSON, UTF-8 with its escapes (a control character
 * takes seven bytes, `€` three). A document must fit both, so the larger counts.
 */
export function storedBytes(json: string): number {
  return Math.max(2 * json.length, Buffer.byteLength(JSON.stringify(json), 'utf8'));
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

export function toDocumentEntity(partitionKey: string, rowKey: string, value: unknown): DocumentEntity {
  const json = JSON.stringify(value);
  const bytes = storedBytes(json);
  if (bytes > MAX_DOCUMENT_BYTES) throw new DocumentTooLargeError(bytes, MAX_DOCUMENT_BYTES);
  const entity: DocumentEntity = { partitionKey, rowKey, chunks: 0 };
  let start = 0;
  while (start < json.length) {
    let end = Math.min(start + CHUNK_CHARS, json.length);
    // Never split a surrogate pair between two properties.
    if (end < json.length && isHighSurrogate(json.charCodeAt(end - 1))) end -= 1;
    entity[`d${entity.chunks}`] = json.slice(start, end);
    entity.chunks += 1;
    start = end;
  }
  return entity;
}

export function fromDocumentEntity(entity: Readonly<Record<string, unknown>>): unknown {
  const chunks = typeof entity.chunks === 'number' ? entity.chunks : 0;
  let json = '';
  for (let index = 0; index < chunks; index += 1) {
    const chunk = entity[`d${index}`];
    if (typeof chunk !== 'string') throw new Error(`Row ${String(entity.rowKey)}: chunk d${index} is missing.`);
    json += chunk;
  }
  // Values stored before the schemas refused what storage cannot hold are read cleaned, so
  // that one old row cannot fail the whole register's schema.
  if (!MAY_HOLD_UNSTORABLE.test(json)) return JSON.parse(json) as unknown;
  return JSON.parse(json, (_key, value: unknown) => (typeof value === 'string' ? withoutUnstorableCharacters(value) : value)) as unknown;
}

/** In JSON text: an escaped C0 control or surrogate, or a raw separator or U+FFFE/U+FFFF. */
const MAY_HOLD_UNSTORABLE = /\\u00[01]|\\[bf]|\\ud[89a-f]|[\u2028\u2029\ufffe\uffff]/i;
