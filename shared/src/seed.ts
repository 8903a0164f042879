import type { Cluster, FeeRuleVersion, Member, PopulationFigure } from './schemas';

/** The register as the agreement of 2024 left it: 26 municipalities and 11 other actors (R1). */

const JOINED_ON = '2024-01-01';

type SeedMunicipality = readonly [code: string, id: string, name: string, cluster: Cluster, dec2023: number, dec2024: number | null];

// Clusters other than Stockholms stad are a provisional geographic proposal, for the
// coordination office to confirm in the register.
const MUNICIPALITIES: readonly SeedMunicipality[] = [
  ['0114', 'upplands-vasby', 'Upplands Väsby', 'Norr', 50_110, 50_323],
  ['0115', 'vallentuna', 'Vallentuna', 'Norr', 35_076, null],
  ['0117', 'osteraker', 'Österåker', 'Norr', 49_282, 49_787],
  ['0120', 'varmdo', 'Värmdö', 'Mitt', 46_637, null],
  ['0123', 'jarfalla', 'Järfälla', 'Mitt', 86_330, 88_950],
  ['0125', 'ekero', 'Ekerö', 'Mitt', 28_808, 28_910],
  ['0126', 'huddinge', 'Huddinge', 'Syd', 113_920, 114_304],
  ['0127', 'botkyrka', 'Botkyrka', 'Syd', 95_592, 95_905],
  ['0128', 'salem', 'Salem', 'Syd', 17_451, null],
  ['0136', 'haninge', 'Haninge', 'Syd', 99_751, 100_895],
  ['0138', 'tyreso', 'Tyresö', 'Syd', 49_173, null],
  ['0139', 'upplands-bro', 'Upplands-Bro', 'Mitt', 32_453, null],
  ['0140', 'nykvarn', 'Nykvarn', 'Syd', 12_107, null],
  ['0160', 'taby', 'Täby', 'Norr', 76_738, 77_744],
  ['0162', 'danderyd', 'Danderyd', 'Norr', 32_419, 32_425],
  ['0163', 'sollentuna', 'Sollentuna', 'Norr', 76_790, 77_624],
  ['0180', 'stockholm', 'Stockholm', 'Stockholms stad', 988_943, 995_574],
  ['0181', 'sodertalje', 'Södertälje', 'Syd', 102_519, 102_911],
  ['0182', 'nacka', 'Nacka', 'Mitt', 110_633, 112_112],
  ['0183', 'sundbyberg', 'Sundbyberg', 'Mitt', 55_912, 56_274],
  ['0184', 'solna', 'Solna', 'Mitt', 85_426, 85_789],
  ['0186', 'lidingo', 'Lidingö', 'Mitt', 48_324, 48_377],
  ['0187', 'vaxholm', 'Vaxholm', 'Norr', 11_817, 11_822],
  ['0188', 'norrtalje', 'Norrtälje', 'Norr', 65_770, 66_585],
  ['0191', 'sigtuna', 'Sigtuna', 'Norr', 52_529, 52_767],
  ['0192', 'nynashamn', 'Nynäshamn', 'Syd', 30_311, 30_579],
];

const ACTORS: readonly (readonly [id: string, name: string, feeClass: 'single' | 'double'])[] = [
  ['lansstyrelsen', 'Länsstyrelsen i Stockholms län', 'double'],
  ['region-stockholm', 'Region Stockholm', 'double'],
  ['trafikverket', 'Trafikverket', 'double'],
  ['forsvarsmakten-mmr', 'Försvarsmakten, Mellersta militärregionen', 'single'],
  ['kustbevakningen', 'Kustbevakningen', 'single'],
  ['polisen-stockholm', 'Polismyndigheten, Polisregion Stockholm', 'single'],
  ['sos-alarm', 'SOS Alarm', 'single'],
  ['stockholms-hamnar', 'Stockholms hamnar', 'single'],
  ['storstockholms-brandforsvar', 'Storstockholms brandförsvar', 'single'],
  ['sodertorns-brandforsvarsforbund', 'Södertörns brandförsvarsförbund', 'single'],
  ['brandkaren-attunda', 'Brandkåren Attunda', 'single'],
];

export const SEED_MEMBERS: readonly Member[] = [
  ...MUNICIPALITIES.map(([code, id, name, cluster]) => ({
    id,
    name,
    kind: 'municipality' as const,
    feeClass: 'municipality' as const,
    municipalityCode: code,
    cluster,
    joinedOn: JOINED_ON,
  })),
  ...ACTORS.map(([id, name, feeClass]) => ({ id, name, kind: 'actor' as const, feeClass, joinedOn: JOINED_ON })),
];

const QUOTED = 'SCB BE0101N1, enligt offentliga källor';
// Figures derived rather than quoted say so in their source.
const DERIVED: Readonly<Record<string, string>> = {
  '0180-2023': 'SCB BE0101N1, ur minnet (ej kontrollerad)',
  '0117-2023': 'Härledd ur länets summa 2 454 821',
};

export const SEED_POPULATIONS: readonly PopulationFigure[] = MUNICIPALITIES.flatMap(([code, , , , dec2023, dec2024]) => {
  const figure = (year: number, population: number): PopulationFigure => ({
    municipalityCode: code,
    year,
    population,
    source: DERIVED[`${code}-${year}`] ?? QUOTED,
  });
  return dec2024 === null ? [figure(2023, dec2023)] : [figure(2023, dec2023), figure(2024, dec2024)];
});

/** The county's check sums (31 December), as SCB publishes them. */
export const SEED_COUNTY_TOTALS: Readonly<Record<number, number>> = { 2023: 2_454_821, 2024: 2_473_307 };

/** The fees of the agreement of 2024: 1,50 kr; 280 000 kr; 560 000 kr; offset 1 (R2–R4, R3); adopted on signature by all 37 parties (R7). */
export const SEED_FEE_RULE: FeeRuleVersion = {
  id: 'avgifter-2024',
  effectiveFrom: 2024,
  perInhabitantOre: 150,
  singleFeeOre: 28_000_000,
  doubleFeeOre: 56_000_000,
  populationYearOffset: 1,
  approvals: SEED_MEMBERS.map((member) => ({
    memberId: member.id,
    approvedOn: '2024-07-05',
    reference: 'Överenskommelse om en gemensam plattform för regional samverkan (2024)',
  })),
  adoptedOn: '2024-07-05',
};

export const SEED_REGISTER = {
  members: SEED_MEMBERS,
  populations: SEED_POPULATIONS,
  feeRules: [SEED_FEE_RULE] as readonly FeeRuleVersion[],
};
