import { CLUSTERS, SEED_MEMBERS, SEED_POPULATIONS } from '@ssr/shared';
import type { FeeRuleVersion, Member, PopulationFigure, Register } from '@ssr/shared';

/** Inputs for the engine benchmark: a large synthetic register and an SCB export of all of Sweden. */

/** Deterministic pseudo-random numbers (mulberry32), so that every run measures the same data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function between(next: () => number, min: number, max: number): number {
  return min + Math.floor(next() * (max - min + 1));
}

function date(year: number, next: () => number): string {
  return `${year}-${String(between(next, 1, 12)).padStart(2, '0')}-${String(between(next, 1, 28)).padStart(2, '0')}`;
}

export interface SyntheticRegister extends Register {
  years: number[];
}

/**
 * `municipalities` + `actors` members, most there from 2020, some joining later and some
 * giving notice (R8, R9); a population figure for every year 2019–2034 except a few gaps
 * (R3, estimate mode); two fee rule versions adopted by everyone (R7).
 */
export function syntheticRegister(municipalities = 8_000, actors = 2_000): SyntheticRegister {
  const next = random(20_240_705);
  const term = (): Pick<Member, 'joinedOn' | 'noticeGivenOn'> => {
    const joinedYear = next() < 0.9 ? 2020 : between(next, 2021, 2030);
    const joinedOn = date(joinedYear, next);
    if (next() >= 0.05) return { joinedOn };
    return { joinedOn, noticeGivenOn: date(between(next, Math.max(joinedYear, 2024), 2032), next) };
  };
  const members: Member[] = [];
  const populations: PopulationFigure[] = [];
  for (let i = 0; i < municipalities; i += 1) {
    const code = String(i).padStart(4, '0');
    const cluster = CLUSTERS[i % CLUSTERS.length] ?? 'Norr';
    members.push({ id: `kommun-${code}`, name: `Kommun ${code}`, kind: 'municipality', feeClass: 'municipality', municipalityCode: code, cluster, ...term() });
    let population = between(next, 2_500, 1_000_000);
    for (let year = 2019; year <= 2034; year += 1) {
      population = Math.max(0, Math.round(population * (0.98 + next() * 0.04)));
      if (next() >= 0.03) populations.push({ municipalityCode: code, year, population, source: 'syntetisk' });
    }
  }
  for (let i = 0; i < actors; i += 1) {
    members.push({ id: `aktor-${i}`, name: `Aktör ${i}`, kind: 'actor', feeClass: i % 7 === 0 ? 'double' : 'single', ...term() });
  }
  const approvals = members.map((member) => ({ memberId: member.id, approvedOn: '2019-11-20', reference: `Beslut ${member.id}` }));
  const feeRules: FeeRuleVersion[] = [
    { id: 'avgifter-2020', effectiveFrom: 2020, perInhabitantOre: 150, singleFeeOre: 28_000_000, doubleFeeOre: 56_000_000, populationYearOffset: 1, approvals, adoptedOn: '2019-11-20' },
    { id: 'avgifter-2030', effectiveFrom: 2030, perInhabitantOre: 175, singleFeeOre: 30_000_000, doubleFeeOre: 60_000_000, populationYearOffset: 1, approvals, adoptedOn: '2019-11-20' },
  ];
  return { members, populations, feeRules, years: Array.from({ length: 10 }, (_, i) => 2025 + i) };
}

/** The 21 counties and how many municipalities each has: 290 in all. */
const COUNTIES: readonly (readonly [code: string, name: string, municipalities: number])[] = [
  ['01', 'Stockholms län', 26], ['03', 'Uppsala län', 8], ['04', 'Södermanlands län', 9], ['05', 'Östergötlands län', 13],
  ['06', 'Jönköpings län', 13], ['07', 'Kronobergs län', 8], ['08', 'Kalmar län', 12], ['09', 'Gotlands län', 1],
  ['10', 'Blekinge län', 5], ['12', 'Skåne län', 33], ['13', 'Hallands län', 6], ['14', 'Västra Götalands län', 49],
  ['17', 'Värmlands län', 16], ['18', 'Örebro län', 12], ['19', 'Västmanlands län', 10], ['20', 'Dalarnas län', 15],
  ['21', 'Gävleborgs län', 10], ['22', 'Västernorrlands län', 7], ['23', 'Jämtlands län', 8], ['24', 'Västerbottens län', 15],
  ['25', 'Norrbottens län', 14],
];

export interface ScbExport {
  csv: string;
  municipalities: number;
  counties: number;
}

/**
 * A PxWeb export of BE0101N1 in layout `"region","2023","2024"`: every county row first,
 * equal to the sum of its municipalities, then its municipalities. Stockholm County uses the
 * seed register's codes, names and figures; the rest are synthetic.
 */
export function scbExportOfSweden(): ScbExport {
  const next = random(2_454_821);
  const seedFigure = (code: string, year: number) => SEED_POPULATIONS.find((f) => f.municipalityCode === code && f.year === year)?.population;
  const seedMunicipalities = SEED_MEMBERS.filter((member) => member.kind === 'municipality');
  const lines = ['"region","2023","2024"'];
  let municipalities = 0;
  for (const [countyCode, countyName, count] of COUNTIES) {
    const rows: [label: string, dec2023: number, dec2024: number][] = [];
    for (let i = 0; i < count; i += 1) {
      const seed = countyCode === '01' ? seedMunicipalities[i] : undefined;
      const code = seed?.municipalityCode ?? `${countyCode}${String(10 + i)}`;
      const dec2023 = seedFigure(code, 2023) ?? between(next, 2_400, 120_000);
      const dec2024 = seedFigure(code, 2024) ?? Math.round(dec2023 * (0.99 + next() * 0.02));
      rows.push([`${code} ${seed?.name ?? `Kommun ${code}`}`, dec2023, dec2024]);
    }
    const sum = (at: 1 | 2) => rows.reduce((total, row) => total + row[at], 0);
    lines.push(`"${countyCode} ${countyName}",${sum(1)},${sum(2)}`);
    for (const [label, dec2023, dec2024] of rows) lines.push(`"${label}",${dec2023},${dec2024}`);
    municipalities += count;
  }
  return { csv: `${lines.join('\r\n')}\r\n`, municipalities, counties: COUNTIES.length };
}
