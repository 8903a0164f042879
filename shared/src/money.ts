import type { Lang } from './lang';
/**
 * Money is whole öre (integers) everywhere inside the program: 1,50 kr × an odd population
 * ends in ,50 and floating-point sums drift.
 */
export type Ore = number;

const NBSP = '\u00a0';

function assertWholeOre(ore: Ore): void {
  if (!Number.isSafeInteger(ore)) throw new RangeError(`Not a whole number of öre: ${String(ore)}`);
}

function groupThousands(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

function splitOre(ore: Ore): { sign: string; kronor: string; ore: string } {
  assertWholeOre(ore);
  const abs = Math.abs(ore);
  return {
    sign: ore < 0 ? '-' : '',
    kronor: String(Math.floor(abs / 100)),
    ore: String(abs % 100).padStart(2, '0'),
  };
}

/** Swedish SEK: `3 682 231,50 kr`, non-breaking thousands space, decimal comma. */
export function formatSek(ore: Ore, options: { unit?: boolean } = {}): string {
  const parts = splitOre(ore);
  const number = `${parts.sign}${groupThousands(parts.kronor, NBSP)},${parts.ore}`;
  return options.unit === false ? number : `${number}${NBSP}kr`;
}

/** SEK as a reader of the language writes it: `3 682 231,50 kr` (sv), `SEK 3,682,231.50` (en); exact to the öre. */
export function formatMoney(ore: Ore, lang: Lang): string {
  if (lang === 'sv') return formatSek(ore);
  const parts = splitOre(ore);
  return `${parts.sign}SEK ${groupThousands(parts.kronor, ',')}.${parts.ore}`;
}

/** Plain decimal for CSV and machines: `3682231.50`. */
export function formatDecimal(ore: Ore): string {
  const parts = splitOre(ore);
  return `${parts.sign}${parts.kronor}.${parts.ore}`;
}

/** SEK as a number of kronor for an Excel cell (exact for every amount below 2^53 öre / 100). */
export function oreToKronor(ore: Ore): number {
  assertWholeOre(ore);
  return ore / 100;
}

/** Kronor from a cell back to öre, refusing fractions of an öre. */
export function kronorToOre(kronor: number): Ore | undefined {
  if (!Number.isFinite(kronor)) return undefined;
  const hundredths = kronor * 100;
  const ore = Math.round(hundredths);
  // A whole-öre amount sits a few units in the last place off in binary (0,1 + 0,2, or
  // 4 410 982 577,69 kr × 100); the slack grows with the amount, a fraction of an öre does not.
  const slack = Math.max(1e-6, Math.abs(hundredths) * Number.EPSILON * 8);
  return Math.abs(ore - hundredths) < slack && Number.isSafeInteger(ore) ? ore : undefined;
}

/** A count with Swedish thousands grouping: `112 112`. */
export function formatCount(count: number): string {
  return `${count < 0 ? '-' : ''}${groupThousands(String(Math.abs(Math.trunc(count))), NBSP)}`;
}

const AMOUNT = /^([-\u2212])?(\d{1,3}(?:[ \u00a0\u202f]\d{3})*|\d+)(?:[.,](\d{1,2}))?$/;

/**
 * Parse a SEK amount as written by {@link formatSek} or {@link formatDecimal}, or typed by a
 * person: `3 682 231,50 kr`, `3682231.50`, `-12,5`, `280 000 kr`. Returns undefined for
 * anything else, including fractions of an öre.
 */
export function parseSek(text: string): Ore | undefined {
  const trimmed = text.trim().replace(/[\s\u00a0]*(kr|SEK)$/i, '');
  const match = AMOUNT.exec(trimmed);
  if (!match) return undefined;
  const kronor = (match[2] ?? '').replace(/[ \u00a0\u202f]/g, '');
  const fraction = (match[3] ?? '').padEnd(2, '0');
  const ore = Number(kronor) * 100 + Number(fraction || '0');
  if (!Number.isSafeInteger(ore)) return undefined;
  // "-0,00" is zero, not the floating-point -0 that compares unequal under Object.is.
  return match[1] && ore !== 0 ? -ore : ore;
}

/** The same as {@link parseSek}: plain decimals are one of the forms it reads. */
export const parseDecimal = parseSek;
