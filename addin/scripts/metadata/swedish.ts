import type { SsrFunctionId } from '../../src/custom-functions';

/**
 * Swedish names and descriptions of the SSR.* functions and their parameters, keyed by the
 * function id and the English parameter name of functions.json. functions-sv.json is
 * generated from the English metadata and this table; a function or parameter missing here
 * (or left over) fails the build.
 */
export interface SwedishFunctionText {
  name: string;
  description: string;
  parameters: Readonly<Record<string, { name: string; description: string }>>;
}

const member = { name: 'medlem', description: 'Medlem: namn, id eller kommunkod, t.ex. "Nacka".' };
const feeYear = { name: 'år', description: 'Avgiftsår, t.ex. 2025. Utelämnat: innevarande år.' };
const mode = {
  name: 'läge',
  description: '"exakt" (standard; saknad folkmängd ger fel) eller "uppskattning" (senaste tidigare siffra används).',
};
const rule = {
  name: 'avgiftsregel',
  description: 'Avgiftsregelns id, t.ex. "avgifter-2027". Utelämnat: den regel som gäller. Ett förslag (ej antagen regel) visas som förslag.',
};

export const SWEDISH_FUNCTIONS: Readonly<Record<SsrFunctionId, SwedishFunctionText>> = {
  FEE: {
    name: 'AVGIFT',
    description: 'Medlemmens avgift för året, i kronor.',
    parameters: { member, year: feeYear, mode, rule },
  },
  FEES: {
    name: 'AVGIFTER',
    description: 'Årets avgiftslista som en tabell som spills ut: rubrikrad, sedan en rad per medlem.',
    parameters: { year: feeYear, mode, rule },
  },
  TOTAL: {
    name: 'TOTALAVGIFT',
    description: 'Årets avgifter sammanlagt för alla medlemmar eller en grupp, i kronor.',
    parameters: {
      year: feeYear,
      group: {
        name: 'grupp',
        description: '"alla" (standard), "kommuner", "övriga" eller ett kluster: "Norr", "Mitt", "Syd", "Stockholms stad".',
      },
      mode,
      rule,
    },
  },
  POPULATION: {
    name: 'FOLKMÄNGD',
    description: 'Kommunens folkbokförda befolkning den 31 december året.',
    parameters: {
      municipality: { name: 'kommun', description: 'Kommun: namn, id eller kommunkod, t.ex. "0182".' },
      year: { name: 'år', description: 'Året vars siffra per 31 december efterfrågas, t.ex. 2024.' },
    },
  },
  FEEBASIS: {
    name: 'AVGIFTSGRUND',
    description: 'Hur avgiften räknades fram, som text, t.ex. "1,50 kr × 112 112 inv. (31 dec 2024)".',
    parameters: { member, year: feeYear, mode },
  },
  RATE: {
    name: 'INVÅNARAVGIFT',
    description: 'Kommunernas avgift per invånare enligt den avgiftsregel som gäller för året, i kronor.',
    parameters: { year: feeYear },
  },
  ACTORFEE: {
    name: 'AKTÖRSAVGIFT',
    description: 'Årsavgiften för en övrig aktör enligt den avgiftsregel som gäller, i kronor.',
    parameters: { year: feeYear, feeClass: { name: 'klass', description: '"enkel" (standard, enkel avgift) eller "dubbel" (dubbel avgift).' } },
  },
  MEMBERS: {
    name: 'MEDLEMMAR',
    description: 'Medlemsregistret som en tabell som spills ut: rubrikrad, sedan en rad per medlem.',
    parameters: { kind: { name: 'typ', description: '"alla" (standard), "kommun" (kommuner) eller "aktör" (övriga aktörer).' } },
  },
  LASTYEAR: {
    name: 'SISTAAVGIFTSÅR',
    description: 'Sista året en medlem betalar avgift efter uppsägning den dagen: senast 30 juni ger samma år, senare ger året efter.',
    parameters: {
      noticeDate: { name: 'uppsägningsdatum', description: 'Dagen uppsägningen gjordes: ett Excel-datum eller text som "2026-06-30".' },
    },
  },
  REIMBURSED: {
    name: 'ERSÄTTNING',
    description: 'Vad medlemmen ersatts för bemanning av beredskapsfunktionerna under året, i kronor.',
    parameters: {
      member,
      year: { name: 'år', description: 'Året då de ersatta perioderna låg.' },
      onCallFunction: { name: 'funktion', description: '"RSIB", "RKK", eller utelämnat för båda.' },
    },
  },
  NET: {
    name: 'NETTO',
    description: 'Medlemmens nettoställning för året: avgift minus ersättningar, i kronor.',
    parameters: { member, year: { name: 'år', description: 'Avgiftsår.' } },
  },
  CLUSTER: {
    name: 'KLUSTER',
    description: 'Klustret som företräder kommunen i de stående forumen under året; tomt för övriga aktörer.',
    parameters: { member, year: { name: 'år', description: 'År, t.ex. 2025. Utelämnat: innevarande år. Ett byte av kluster gäller från ett visst år.' } },
  },
  ASOF: {
    name: 'UPPGIFTERPER',
    description: 'När SSR-tjänsten senast bekräftade registret som cellerna räknar med, som datum och tid, t.ex. för "Uppgifter per 1 dec 2026 14:32".',
    parameters: {},
  },
};
