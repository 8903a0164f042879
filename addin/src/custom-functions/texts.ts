import { CLUSTERS, feeBasisText, formatDate, formatMoney } from '@ssr/shared';
import type { FeeBasis, FeeError, Lang, MemberKind, MissingPopulation } from '@ssr/shared';

/*
 * Everything the SSR.* cells say, in the two languages of Office: error messages, table
 * headers, the words for member kinds and fee classes, and how a fee was reached. A cell
 * speaks the language Office is displayed in, so a Swedish workbook reads Swedish only.
 */

/** One text in both languages; the cell shows the one of Office's display language. */
export type LocalText = Readonly<Record<Lang, string>>;

/** The same text in both languages (names, codes). */
export function both(text: string): LocalText {
  return { sv: text, en: text };
}

const EN_COUNT = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** How the fee was reached: `1,50 kr × 112 112 inv. (31 dec 2024)`, `SEK 1.50 × 112,112 inhabitants (31 Dec 2024)`. */
export function basisText(basis: FeeBasis, lang: Lang): string {
  if (lang === 'sv') return feeBasisText(basis);
  if (basis.kind === 'actor-fee') return `${basis.feeClass === 'double' ? 'Double fee' : 'Fee'} ${formatMoney(basis.feeOre, 'en')}`;
  const estimate = basis.estimated ? `; estimated from ${formatDate(basis.figureDate, 'en')}` : '';
  return `${formatMoney(basis.perInhabitantOre, 'en')} × ${EN_COUNT.format(basis.population)} inhabitants (${formatDate(basis.populationDate, 'en')}${estimate})`;
}

export const FEE_TABLE_HEADERS: Readonly<Record<Lang, readonly string[]>> = {
  sv: ['Id', 'Namn', 'Typ', 'Kluster', 'Avgiftsklass', 'Underlag', 'Avgift'],
  en: ['Id', 'Name', 'Kind', 'Cluster', 'Fee class', 'Basis', 'Fee'],
};

/** The fee column's header when the fees are computed under a draft: a proposal, named. */
export function proposalFeeHeader(ruleId: string, lang: Lang): string {
  return lang === 'sv' ? `Avgift (förslag ${ruleId})` : `Fee (proposal ${ruleId})`;
}

export const MEMBER_TABLE_HEADERS: Readonly<Record<Lang, readonly string[]>> = {
  sv: ['Id', 'Namn', 'Typ', 'Avgiftsklass', 'Kommunkod', 'Kluster', 'Inträde', 'Uppsägning'],
  en: ['Id', 'Name', 'Kind', 'Fee class', 'Municipality code', 'Cluster', 'Joined on', 'Notice given on'],
};

const KIND_WORDS: Readonly<Record<MemberKind, LocalText>> = {
  municipality: { sv: 'kommun', en: 'municipality' },
  actor: { sv: 'aktör', en: 'actor' },
};

const FEE_CLASS_WORDS: Readonly<Record<'municipality' | 'single' | 'double', LocalText>> = {
  municipality: { sv: 'kommun', en: 'municipality' },
  single: { sv: 'enkel', en: 'single' },
  double: { sv: 'dubbel', en: 'double' },
};

/** The member kind as a cell shows it: `kommun`/`aktör`, `municipality`/`actor`. */
export function kindWord(kind: MemberKind, lang: Lang): string {
  return KIND_WORDS[kind][lang];
}

/** The fee class as a cell shows it: `kommun`/`enkel`/`dubbel`, `municipality`/`single`/`double`. */
export function feeClassWord(feeClass: 'municipality' | 'single' | 'double', lang: Lang): string {
  return FEE_CLASS_WORDS[feeClass][lang];
}

/** What the user left out or typed wrong, as a message repeats it. */
export function shown(value: unknown): LocalText {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return { sv: 'inget', en: 'nothing' };
  if (typeof value === 'string') return both(`'${value}'`);
  if (Array.isArray(value)) return { sv: 'ett område', en: 'a range' };
  if (typeof value === 'boolean') return { sv: value ? 'SANT' : 'FALSKT', en: String(value) };
  if (typeof value === 'number') return { sv: String(value).replace('.', ','), en: String(value) };
  // Excel passes nothing else; anything that still arrives is repeated as data.
  return both(String(JSON.stringify(value)));
}

/** The argument a message is about, by its name in the function's hint. */
export const ARGUMENTS = {
  year: { sv: 'År', en: 'Year' },
  mode: { sv: 'Läge', en: 'Mode' },
  group: { sv: 'Grupp', en: 'Group' },
  feeClass: { sv: 'Klass', en: 'Class' },
  kind: { sv: 'Typ', en: 'Kind' },
  onCallFunction: { sv: 'Funktion', en: 'Function' },
  member: { sv: 'Medlem', en: 'Member' },
  municipality: { sv: 'Kommun', en: 'Municipality' },
  noticeDate: { sv: 'Uppsägningsdatum', en: 'Notice date' },
  rule: { sv: 'Avgiftsregel', en: 'Fee rule' },
} as const satisfies Record<string, LocalText>;

export type ArgumentName = LocalText;

/** `X must be …; got Y.` in both languages. */
export function mustBe(what: ArgumentName, expected: LocalText, given: unknown): LocalText {
  const value = shown(given);
  return { sv: `${what.sv} ska vara ${expected.sv}; angivet: ${value.sv}.`, en: `${what.en} must be ${expected.en}; got ${value.en}.` };
}

export function notARange(what: ArgumentName): LocalText {
  return { sv: `${what.sv} ska vara ett enda värde, inte ett område.`, en: `${what.en} must be a single value, not a range.` };
}

export const EXPECTED = {
  wholeYear: { sv: 'ett helt år, t.ex. 2025', en: 'a whole year such as 2025' },
  yearBetween: (min: number, max: number): LocalText => ({ sv: `mellan ${min} och ${max}`, en: `between ${min} and ${max}` }),
  mode: { sv: '"exakt" eller "uppskattning"', en: '"exact" or "estimate"' },
  group: {
    sv: `alla, kommuner, övriga eller ett kluster (${CLUSTERS.join(', ')})`,
    en: `all, municipalities, others or a cluster (${CLUSTERS.join(', ')})`,
  },
  feeClass: { sv: '"enkel" eller "dubbel"', en: '"single" or "double"' },
  kind: { sv: '"kommun", "aktör" eller "alla"', en: '"municipality", "actor" or "all"' },
  onCallFunction: { sv: '"RSIB" eller "RKK"', en: '"RSIB" or "RKK"' },
  member: { sv: 'en medlems namn, id eller kommunkod', en: "a member's name, id or municipality code" },
  rule: { sv: 'en avgiftsregels id, t.ex. "avgifter-2027"', en: 'a fee rule\'s id such as "avgifter-2027"' },
  date: { sv: 'ett datum (ett Excel-datum eller text som 2026-06-30)', en: 'a date (an Excel date or text like 2026-06-30)' },
} as const;

export function unknownMember(query: string, suggestion: string | undefined): LocalText {
  return {
    sv: `Okänd medlem '${query}'.${suggestion === undefined ? '' : ` Menade du '${suggestion}'?`}`,
    en: `Unknown member '${query}'.${suggestion === undefined ? '' : ` Did you mean '${suggestion}'?`}`,
  };
}

export function missingPopulation(gap: MissingPopulation): LocalText {
  return {
    sv: `Folkmängd saknas för ${gap.name} (${gap.municipalityCode}) per ${formatDate(gap.populationDate, 'sv')}.`,
    en: `No population figure for ${gap.name} (${gap.municipalityCode}) on ${formatDate(gap.populationDate, 'en')}.`,
  };
}

/** The basis column of a municipality whose figure is missing. */
export function populationMissingBasis(populationDate: string): LocalText {
  return { sv: `Folkmängd saknas (${formatDate(populationDate, 'sv')})`, en: `Population missing (${formatDate(populationDate, 'en')})` };
}

/** Several municipalities without their figure, by municipality code; in exact mode, the way forward. */
export function missingPopulations(gaps: readonly MissingPopulation[], exact: boolean): LocalText {
  const names = gaps.map((gap) => `${gap.name} (${gap.municipalityCode})`).join(', ');
  const date = gaps[0]?.populationDate ?? '';
  return {
    sv:
      `Folkmängd per ${formatDate(date, 'sv')} saknas för ${gaps.length} kommuner: ${names}.` +
      (exact ? ' Använd läget "uppskattning" för att budgetera med de senaste siffrorna.' : ''),
    en:
      `No population figures on ${formatDate(date, 'en')} for ${gaps.length} municipalities: ${names}.` +
      (exact ? ' Use mode "estimate" to budget with the latest figures.' : ''),
  };
}

export function noRuleInForce(year: number): LocalText {
  return { sv: `Ingen antagen avgiftsregel gäller för ${year}.`, en: `No adopted fee rule is in force for ${year}.` };
}

/** Why the engine gave no fee, by its code (the engine's own message is English). */
export function feeErrorText(error: FeeError): LocalText {
  switch (error.code) {
    case 'no-rule':
      return noRuleInForce(error.year);
    case 'unknown-rule':
      return { sv: `Det finns ingen avgiftsregel ${error.ruleId}.`, en: `There is no fee rule ${error.ruleId}.` };
    case 'rule-not-effective':
      return {
        sv: `Avgiftsregeln ${error.ruleId} gäller från ${error.effectiveFrom}, inte ${error.year}.`,
        en: `Fee rule ${error.ruleId} applies from ${error.effectiveFrom}, not ${error.year}.`,
      };
    case 'not-member':
      return { sv: `${error.name} är inte medlem ${error.year}.`, en: `${error.name} is not a member in ${error.year}.` };
    case 'missing-population':
      return missingPopulation(error);
  }
}

export function notAMunicipality(name: string): LocalText {
  return { sv: `${name} är ingen kommun och har därför ingen folkmängd.`, en: `${name} is not a municipality, so it has no population figure.` };
}

export function unexpectedFailure(detail: string): LocalText {
  return { sv: `SSR-tillägget fick ett oväntat fel: ${detail}`, en: `The SSR add-in failed: ${detail}` };
}

/** Why no register can be had, in Swedish; the English words are the snapshot client's own. */
export function registerUnavailableSv(code: string, detail: string | undefined): string {
  const said = detail ? ` (${detail})` : '';
  switch (code) {
    case 'unauthorized':
      return `Du är inte inloggad i SSR-tjänsten${said}. Logga in i SSR-fönstret och räkna sedan om.`;
    case 'forbidden':
      return `Ditt konto får inte läsa SSR-registret${said}. Be registrets förvaltare om behörighet.`;
    case 'refused':
      return `SSR-tjänsten nekade att lämna ut registret${said}.`;
    case 'invalid':
      return 'SSR-tjänsten skickade uppgifter som tillägget inte kan läsa, och inga sparade uppgifter finns på den här datorn. Kontakta registrets förvaltare.';
    case 'unavailable':
      return `SSR-tjänsten har ett fel just nu${said}, och inga sparade uppgifter finns på den här datorn. Försök igen om en stund och räkna sedan om.`;
    default:
      return 'SSR-tjänsten kan inte nås, och inga sparade uppgifter finns på den här datorn. Kontrollera anslutningen och räkna sedan om.';
  }
}
