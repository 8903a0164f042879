import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDecimal, formatSek, kronorToOre, oreToKronor, parseDecimal, parseSek } from '@ssr/shared';

/** Any whole öre amount within ±1e12 (10 000 000 000 kr). */
const oreArb = fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }).map(Number);

describe('money round-trips for any öre amount in ±1e12', () => {
  it('formatSek → parseSek', () => {
    fc.assert(
      fc.property(oreArb, (ore) => {
        expect(parseSek(formatSek(ore))).toBe(ore);
      }),
    );
  });

  it('formatSek without unit → parseSek', () => {
    fc.assert(
      fc.property(oreArb, (ore) => {
        expect(parseSek(formatSek(ore, { unit: false }))).toBe(ore);
      }),
    );
  });

  it('formatSek typed with ordinary spaces → parseSek', () => {
    fc.assert(
      fc.property(oreArb, (ore) => {
        expect(parseSek(formatSek(ore).replace(/\u00a0/g, ' '))).toBe(ore);
      }),
    );
  });

  it('formatDecimal → parseDecimal', () => {
    fc.assert(
      fc.property(oreArb, (ore) => {
        expect(parseDecimal(formatDecimal(ore))).toBe(ore);
      }),
    );
  });

  it('oreToKronor → kronorToOre (an Excel cell and back)', () => {
    fc.assert(
      fc.property(oreArb, (ore) => {
        expect(kronorToOre(oreToKronor(ore))).toBe(ore);
      }),
    );
  });

  it('a third decimal that is not zero is refused as a fraction of an öre', () => {
    fc.assert(
      fc.property(oreArb, fc.integer({ min: 1, max: 9 }), (ore, thousandth) => {
        expect(parseDecimal(`${formatDecimal(ore)}${thousandth}`)).toBeUndefined();
      }),
    );
  });
});
