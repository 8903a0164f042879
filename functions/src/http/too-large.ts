import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import type { FieldError, Lang } from '@ssr/shared';
import { apiTexts } from '../texts';
import { payloadTooLarge } from './responses';

/**
 * The field of a request body whose texts take the most room, with list positions folded
 * (`figures[*].source`): what a 413 names, so the user knows what to shorten or split.
 */
export function heaviestField(body: unknown): string | undefined {
  const totals = new Map<string, number>();
  const visit = (value: unknown, path: string): void => {
    if (typeof value === 'string') totals.set(path, (totals.get(path) ?? 0) + Buffer.byteLength(value, 'utf8'));
    else if (Array.isArray(value)) value.forEach((item) => visit(item, `${path}[*]`));
    else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) visit(item, path === '' ? key : `${path}.${key}`);
    }
  };
  visit(body, '');
  let heaviest: [string, number] | undefined;
  for (const entry of totals) if (entry[0] !== '' && (heaviest === undefined || entry[1] > heaviest[1])) heaviest = entry;
  return heaviest?.[0];
}

async function jsonOf(copy: HttpRequest | undefined): Promise<unknown> {
  if (copy === undefined) return undefined;
  try {
    return JSON.parse(await copy.text()) as unknown;
  } catch {
    return undefined; // not JSON: the 413 then names no field
  }
}

/** 413 for a write whose stored form would exceed what storage holds, naming the field that weighs most. */
export async function storedTooLarge(lang: Lang, copy: HttpRequest | undefined, bytes: number | undefined, maxBytes: number | undefined): Promise<HttpResponseInit> {
  const t = apiTexts(lang).http;
  const field = heaviestField(await jsonOf(copy));
  const size = bytes !== undefined && maxBytes !== undefined ? t.storedSize(Math.ceil(bytes / 1024), Math.floor(maxBytes / 1024)) : '';
  const errors: FieldError[] = field === undefined ? [] : [{ path: field, message: t.heaviestField(field) }];
  return payloadTooLarge(lang, t.storedTooLarge(size, field), { errors });
}
