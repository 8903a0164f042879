import { describe, expect, it } from 'vitest';
import { SEED_COUNTY_TOTALS, SEED_MEMBERS, SEED_REGISTER, feeBasisText, feeForMember, feeSchedule, formatSek } from '@ssr/shared';
import type { FeeLine, FeeMode, FeeSchedule } from '@ssr/shared';
import { seedMember, sumOre } from './support/register';

const SIX_WITHOUT_2024 = ['Vallentuna', 'Värmdö', 'Salem', 'Tyresö', 'Upplands-Bro', 'Nykvarn'];
const MUNICIPALITY_NAMES = SEED_MEMBERS.filter((member) => member.kind === 'municipality').map((member) => member.name);

function schedule(year: number, mode: FeeMode): FeeSchedule {
  const result = feeSchedule(SEED_REGISTER, year, mode);
  if (!result.ok) throw new Error(`No fee schedule for ${year} (${mode}): ${result.error.message}`);
  return result.value;
}

function line(of: FeeSchedule, name: string): FeeLine {
  const found = of.lines.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`No fee line for ${name} in ${of.year}.`);
  return found;
}

describe('worked figures, fee year 2024 (population of 31 Dec 2023)', () => {
  const fees = schedule(2024, 'exact');

  it('totals exactly 7 602 231,50 kr: municipalities 3 682 231,50 kr, others 3 920 000,00 kr', () => {
    expect(fees.totals.all).toBe(760_223_150);
    expect(fees.totals.municipalities).toBe(368_223_150);
    expect(fees.totals.others).toBe(392_000_000);
    expect(formatSek(fees.totals.all)).toBe('7\u00a0602\u00a0231,50\u00a0kr');
  });

  it('R2 × R3: the municipal total is 1,50 kr × the county total of 2 454 821', () => {
    expect(fees.totals.municipalities).toBe(150 * (SEED_COUNTY_TOTALS[2023] ?? Number.NaN));
  });

  it('has a line for each of the 37 members and nothing missing', () => {
    expect(fees.lines).toHaveLength(37);
    expect(fees.missing).toEqual([]);
    expect(sumOre(fees.lines.map((l) => l.amountOre))).toBe(fees.totals.all);
  });

  it('totals per cluster add up to the municipal total', () => {
    expect(fees.totals).toMatchObject({
      Norr: 67_579_650,
      Mitt: 74_178_450,
      Syd: 78_123_600,
      'Stockholms stad': 148_341_450,
    });
    expect(fees.totals.Norr + fees.totals.Mitt + fees.totals.Syd + fees.totals['Stockholms stad']).toBe(fees.totals.municipalities);
  });
});

describe('R2 municipal fee: 1,50 kr per inhabitant, exact to the öre', () => {
  it.each([
    { name: 'Nacka', population: 110_633, amountOre: 16_594_950 },
    { name: 'Stockholm', population: 988_943, amountOre: 148_341_450 },
    { name: 'Vallentuna', population: 35_076, amountOre: 5_261_400 },
    { name: 'Österåker', population: 49_282, amountOre: 7_392_300 },
    { name: 'Vaxholm', population: 11_817, amountOre: 1_772_550 },
    { name: 'Nykvarn', population: 12_107, amountOre: 1_816_050 },
  ])('$name 2024: 1,50 kr × $population = $amountOre öre', ({ name, population, amountOre }) => {
    const fee = line(schedule(2024, 'exact'), name);
    expect(fee.amountOre).toBe(amountOre);
    expect(fee.basis).toMatchObject({ kind: 'population', perInhabitantOre: 150, population, estimated: false });
  });
});

describe('fee lines', () => {
  it('a municipality’s line carries its code, cluster and basis', () => {
    expect(line(schedule(2025, 'exact'), 'Nacka')).toStrictEqual({
      memberId: 'nacka',
      name: 'Nacka',
      kind: 'municipality',
      feeClass: 'municipality',
      municipalityCode: '0182',
      cluster: 'Mitt',
      amountOre: 16_816_800,
      basis: {
        kind: 'population',
        perInhabitantOre: 150,
        population: 112_112,
        populationDate: '2024-12-31',
        figureDate: '2024-12-31',
        estimated: false,
        source: 'SCB BE0101N1, enligt offentliga källor',
      },
    });
  });

  it('an actor’s line has neither code nor cluster', () => {
    expect(line(schedule(2025, 'exact'), 'Trafikverket')).toStrictEqual({
      memberId: 'trafikverket',
      name: 'Trafikverket',
      kind: 'actor',
      feeClass: 'double',
      amountOre: 56_000_000,
      basis: { kind: 'actor-fee', feeClass: 'double', feeOre: 56_000_000 },
    });
  });
});

describe('R3 population basis: 31 December of the year before the fee year', () => {
  it.each([
    { feeYear: 2024, populationDate: '2023-12-31' },
    { feeYear: 2025, populationDate: '2024-12-31' },
  ])('fee year $feeYear reads $populationDate', ({ feeYear, populationDate }) => {
    const fee = line(schedule(feeYear, 'exact'), 'Nacka');
    expect(fee.basis).toMatchObject({ kind: 'population', populationDate, figureDate: populationDate });
  });

  it('Nacka 2025: 112 112 × 1,50 kr = 168 168,00 kr', () => {
    const fee = line(schedule(2025, 'exact'), 'Nacka');
    expect(fee.amountOre).toBe(16_816_800);
    expect(formatSek(fee.amountOre)).toBe('168\u00a0168,00\u00a0kr');
    expect(feeBasisText(fee.basis)).toBe('1,50\u00a0kr × 112\u00a0112 inv. (31 dec 2024)');
  });
});

describe('R4 other actors: 280 000 kr, double fee 560 000 kr', () => {
  it.each([
    { id: 'lansstyrelsen', feeClass: 'double', amountOre: 56_000_000 },
    { id: 'region-stockholm', feeClass: 'double', amountOre: 56_000_000 },
    { id: 'trafikverket', feeClass: 'double', amountOre: 56_000_000 },
    { id: 'sos-alarm', feeClass: 'single', amountOre: 28_000_000 },
    { id: 'brandkaren-attunda', feeClass: 'single', amountOre: 28_000_000 },
  ])('$id pays the $feeClass fee, $amountOre öre', ({ id, feeClass, amountOre }) => {
    const result = feeForMember(SEED_REGISTER, seedMember(id), 2024, 'exact');
    expect(result.ok && result.value).toMatchObject({ amountOre, feeClass, basis: { kind: 'actor-fee', feeClass, feeOre: amountOre } });
  });

  it('8 single and 3 double fees make 3 920 000 kr in every year', () => {
    for (const year of [2024, 2025, 2026]) {
      const fees = schedule(year, 'exact');
      const others = fees.lines.filter((l) => l.kind === 'actor');
      expect(others.filter((l) => l.feeClass === 'single')).toHaveLength(8);
      expect(others.filter((l) => l.feeClass === 'double')).toHaveLength(3);
      expect(fees.totals.others).toBe(392_000_000);
    }
  });

  it('feeBasisText says which fee an actor pays', () => {
    expect(feeBasisText({ kind: 'actor-fee', feeClass: 'double', feeOre: 56_000_000 })).toBe('Dubbel avgift 560\u00a0000,00\u00a0kr');
    expect(feeBasisText({ kind: 'actor-fee', feeClass: 'single', feeOre: 28_000_000 })).toBe('Avgift 280\u00a0000,00\u00a0kr');
  });
});

describe('worked figures, fee year 2025 (31 Dec 2024 lacks six municipalities)', () => {
  it('exact mode lists exactly the six as missing, dated 2024-12-31, and bills the rest', () => {
    const fees = schedule(2025, 'exact');
    expect(fees.missing.map((gap) => gap.name).sort()).toEqual([...SIX_WITHOUT_2024].sort());
    expect(new Set(fees.missing.map((gap) => gap.populationDate))).toEqual(new Set(['2024-12-31']));
    expect(fees.lines).toHaveLength(37 - 6);
    expect(fees.lines.some((l) => SIX_WITHOUT_2024.includes(l.name))).toBe(false);
    expect(fees.missing.find((gap) => gap.name === 'Salem')).toEqual({
      memberId: 'salem',
      municipalityCode: '0128',
      name: 'Salem',
      populationDate: '2024-12-31',
    });
  });

  it.each([
    { name: 'Vallentuna', population: 35_076 },
    { name: 'Värmdö', population: 46_637 },
    { name: 'Salem', population: 17_451 },
    { name: 'Tyresö', population: 49_173 },
    { name: 'Upplands-Bro', population: 32_453 },
    { name: 'Nykvarn', population: 12_107 },
  ])('estimate mode uses $name’s 31 Dec 2023 figure ($population), marked estimated', ({ name, population }) => {
    const fee = line(schedule(2025, 'estimate'), name);
    expect(fee.amountOre).toBe(150 * population);
    expect(fee.basis).toMatchObject({ kind: 'population', population, populationDate: '2024-12-31', figureDate: '2023-12-31', estimated: true });
    if (fee.basis.kind === 'population') expect(feeBasisText(fee.basis)).toContain('uppskattad med 31 dec 2023');
  });

  it('estimate mode keeps the exact figure, unmarked, where 31 Dec 2024 is known', () => {
    const fees = schedule(2025, 'estimate');
    expect(fees.missing).toEqual([]);
    expect(fees.lines).toHaveLength(37);
    expect(line(fees, 'Nacka').basis).toMatchObject({ population: 112_112, estimated: false });
    expect(fees.lines.filter((l) => l.basis.kind === 'population' && l.basis.estimated).map((l) => l.name).sort()).toEqual(
      [...SIX_WITHOUT_2024].sort(),
    );
  });
});

describe('worked figures, fee year 2026 (no figures for 31 Dec 2025 yet)', () => {
  it('exact mode lists all 26 municipalities as missing and bills only the other actors', () => {
    const fees = schedule(2026, 'exact');
    expect(fees.missing.map((gap) => gap.name).sort()).toEqual([...MUNICIPALITY_NAMES].sort());
    expect(fees.missing.every((gap) => gap.populationDate === '2025-12-31')).toBe(true);
    expect(fees.totals).toMatchObject({ municipalities: 0, others: 392_000_000, all: 392_000_000 });
  });

  it('estimate mode uses each municipality’s latest figure, every one marked estimated', () => {
    const fees = schedule(2026, 'estimate');
    expect(fees.missing).toEqual([]);
    expect(line(fees, 'Nacka').basis).toMatchObject({ population: 112_112, figureDate: '2024-12-31', estimated: true });
    expect(line(fees, 'Salem').basis).toMatchObject({ population: 17_451, figureDate: '2023-12-31', estimated: true });
    const municipal = fees.lines.filter((l) => l.kind === 'municipality');
    expect(municipal).toHaveLength(26);
    expect(municipal.every((l) => l.basis.kind === 'population' && l.basis.estimated && l.basis.populationDate === '2025-12-31')).toBe(true);
    // The latest figures: 2024 where known, 2023 for the six.
    expect(fees.totals.municipalities).toBe(370_883_100);
  });

  it('feeForMember reports the missing figure in words', () => {
    const result = feeForMember(SEED_REGISTER, seedMember('nacka'), 2026, 'exact');
    expect(result).toMatchObject({ ok: false, error: { code: 'missing-population', message: 'No population figure for Nacka (0182) on 31 dec 2025.' } });
  });
});

describe('no fee rule in force', () => {
  it('fee year 2023, before the agreement’s first version, has no schedule', () => {
    expect(feeSchedule(SEED_REGISTER, 2023, 'estimate')).toEqual({
      ok: false,
      error: { code: 'no-rule', year: 2023, message: 'No adopted fee rule is in force for 2023.' },
    });
  });
});
