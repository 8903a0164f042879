import type { Lang } from './lang';

/** The text fields whose messages name them. */
export type TextField = 'name' | 'invoiceReference' | 'source' | 'reference' | 'note';

/** What the register's schemas say about a value they refuse, in one language. */
export interface SchemaTexts {
  dateText: string;
  dateInvalid: string;
  yearNumber: string;
  yearInt: string;
  yearMin: (min: number) => string;
  yearMax: (max: number) => string;
  oreNumber: string;
  oreInt: string;
  oreNegative: string;
  oreTooLarge: string;
  idText: string;
  idPattern: string;
  codeText: string;
  codePattern: string;
  /** `the name` as the middle of a sentence, `The name` at its start. */
  field: Record<TextField, { inSentence: string; atStart: string }>;
  textType: (field: string) => string;
  textMax: (Field: string, max: number) => string;
  textUnstorable: (Field: string, codePoint: string, position: number) => string;
  feeClass: string;
  cluster: string;
  municipalityFeeClass: string;
  actorFeeClass: string;
  clusterRequired: string;
  clusterOnlyMunicipality: string;
  earlierOrder: (year: number, previous: number) => string;
  earlierBefore: (max: number) => string;
  nameEmpty: string;
  kind: string;
  organisationNumberText: string;
  organisationNumber: string;
  earlierTermsList: string;
  earlierTermsMax: (max: number) => string;
  codeRequired: string;
  codeOnlyMunicipality: string;
  noticeBeforeJoining: string;
  populationNumber: string;
  populationInt: string;
  populationNegative: string;
  populationMax: (max: number) => string;
  sourceEmpty: string;
  referenceEmpty: string;
  perInhabitantMax: string;
  offsetNumber: string;
  offsetInt: string;
  offsetNegative: string;
  offsetMax: string;
  alreadyApproved: (memberId: string) => string;
  reimbursedFunction: string;
  amountPositive: string;
  periodOrder: string;
  periodOneYear: string;
  claimMax: string;
  periodYears: (min: number, max: number) => string;
  repeatedFigure: (code: string, year: number, first: number) => string;
  figuresList: string;
  figuresMin: string;
  figuresMax: (max: number) => string;
  historyFixed: string;
  changesFromNeeded: string;
  changesFromRange: (min: number, max: number) => string;
  changesFromTooEarly: (lastYear: number) => string;
  kindFixedFrom: (firstYear: number) => string;
  kindFixed: string;
}

const sv: SchemaTexts = {
  dateText: 'Ange ett datum som text (ÅÅÅÅ-MM-DD).',
  dateInvalid: 'Ogiltigt datum: skriv det som ÅÅÅÅ-MM-DD, till exempel 2024-01-01.',
  yearNumber: 'Ange ett årtal som heltal.',
  yearInt: 'Årtalet måste vara ett heltal.',
  yearMin: (min) => `Årtalet måste vara ${min} eller senare.`,
  yearMax: (max) => `Årtalet måste vara ${max} eller tidigare.`,
  oreNumber: 'Ange ett belopp i hela öre.',
  oreInt: 'Beloppet måste vara ett helt antal öre.',
  oreNegative: 'Beloppet får inte vara negativt.',
  oreTooLarge: 'Beloppet är orimligt stort.',
  idText: 'Ange ett id som text.',
  idPattern: 'Id får bara innehålla a–z, 0–9 och bindestreck (högst 64 tecken), till exempel "nacka".',
  codeText: 'Ange kommunkoden som text med fyra siffror, till exempel "0182".',
  codePattern: 'Kommunkoden ska vara fyra siffror, till exempel "0182".',
  field: {
    name: { inSentence: 'namnet', atStart: 'Namnet' },
    invoiceReference: { inSentence: 'fakturareferensen', atStart: 'Fakturareferensen' },
    source: { inSentence: 'källan', atStart: 'Källan' },
    reference: { inSentence: 'beslutsreferensen', atStart: 'Beslutsreferensen' },
    note: { inSentence: 'anteckningen', atStart: 'Anteckningen' },
  },
  textType: (field) => `Ange ${field} som text.`,
  textMax: (Field, max) => `${Field} får vara högst ${max} tecken.`,
  textUnstorable: (Field, codePoint, position) => `${Field} innehåller tecknet ${codePoint} (på plats ${position}), som inte kan lagras; ta bort det.`,
  feeClass: 'Avgiftsklass ska vara "municipality", "single" eller "double".',
  cluster: 'Kluster ska vara Norr, Mitt, Syd eller Stockholms stad.',
  municipalityFeeClass: 'En kommun har avgiftsklassen "municipality".',
  actorFeeClass: 'En övrig aktör har avgiftsklassen "single" eller "double".',
  clusterRequired: 'En kommun måste tillhöra ett kluster.',
  clusterOnlyMunicipality: 'Bara kommuner tillhör ett kluster.',
  earlierOrder: (year, previous) => `Tidigare villkor ska stå i årsordning: ${year} kommer efter ${previous}.`,
  earlierBefore: (max) => `Tidigare villkor måste sluta före ${max}.`,
  nameEmpty: 'Namnet får inte vara tomt.',
  kind: 'Typ ska vara "municipality" (kommun) eller "actor" (övrig aktör).',
  organisationNumberText: 'Ange organisationsnumret som text.',
  organisationNumber: 'Organisationsnumret ska ha formen NNNNNN-NNNN med rätt kontrollsiffra.',
  earlierTermsList: 'Ange earlierTerms som en lista av tidigare villkor.',
  earlierTermsMax: (max) => `Högst ${max} tidigare villkor per medlem.`,
  codeRequired: 'En kommun måste ha en kommunkod.',
  codeOnlyMunicipality: 'Bara kommuner har kommunkod.',
  noticeBeforeJoining: 'Uppsägningen kan inte ligga före inträdet.',
  populationNumber: 'Ange folkmängden som ett heltal.',
  populationInt: 'Folkmängden måste vara ett heltal.',
  populationNegative: 'Folkmängden får inte vara negativ.',
  populationMax: (max) => `Folkmängden får vara högst ${max}.`,
  sourceEmpty: 'Ange källan till siffran.',
  referenceEmpty: 'Ange beslutets referens.',
  perInhabitantMax: 'Avgiften per invånare får vara högst 1 000 kr.',
  offsetNumber: 'Ange förskjutningen av befolkningsåret som heltal.',
  offsetInt: 'Förskjutningen måste vara ett heltal.',
  offsetNegative: 'Förskjutningen får inte vara negativ.',
  offsetMax: 'Förskjutningen får vara högst 5 år.',
  alreadyApproved: (memberId) => `${memberId} har redan godkänt den här versionen.`,
  reimbursedFunction: 'Funktionen ska vara RSIB eller RKK.',
  amountPositive: 'Beloppet måste vara större än noll.',
  periodOrder: 'Perioden kan inte sluta innan den börjar.',
  periodOneYear: 'En period ska ligga inom ett kalenderår; dela upp anspråket per år.',
  claimMax: 'En ersättning får vara högst 100 000 000 kr; dela upp större belopp.',
  periodYears: (min, max) => `Perioden ska ligga mellan år ${min} och ${max}.`,
  repeatedFigure: (code, year, first) => `Kommunkoden ${code} har redan en folkmängd för 31 december ${year} (populations[${first}]).`,
  figuresList: 'Ange figures som en lista av befolkningssiffror.',
  figuresMin: 'Ange minst en befolkningssiffra.',
  figuresMax: (max) => `Högst ${max} siffror per anrop.`,
  historyFixed: 'Tidigare avgiftsklasser och kluster kan inte ändras här; ange changesFrom för en ny ändring.',
  changesFromNeeded: 'Ange från vilket år (changesFrom) den nya avgiftsklassen eller det nya klustret gäller.',
  changesFromRange: (min, max) => `Året changesFrom ska vara ett heltal mellan ${min} och ${max}.`,
  changesFromTooEarly: (lastYear) => `Åren till och med ${lastYear} har redan sina villkor; en ändring kan gälla från ${lastYear + 1} tidigast.`,
  kindFixedFrom: (firstYear) =>
    `En medlem byter inte typ (kommun eller övrig aktör) under medlemskapet; en rättelse av typen gäller från inträdesåret ${firstYear}.`,
  kindFixed: 'En medlem med tidigare avgiftsklasser eller kluster kan inte byta typ (kommun eller övrig aktör).',
};

const en: SchemaTexts = {
  dateText: 'Give a date as text (YYYY-MM-DD).',
  dateInvalid: 'Invalid date: write it as YYYY-MM-DD, for example 2024-01-01.',
  yearNumber: 'Give a year as a whole number.',
  yearInt: 'The year must be a whole number.',
  yearMin: (min) => `The year must be ${min} or later.`,
  yearMax: (max) => `The year must be ${max} or earlier.`,
  oreNumber: 'Give the amount as a whole number of hundredths of a krona.',
  oreInt: 'The amount must be a whole number of hundredths of a krona.',
  oreNegative: 'The amount cannot be negative.',
  oreTooLarge: 'The amount is unreasonably large.',
  idText: 'Give an id as text.',
  idPattern: 'An id may hold only a–z, 0–9 and hyphens (at most 64 characters), for example "nacka".',
  codeText: 'Give the municipality code as text of four digits, for example "0182".',
  codePattern: 'The municipality code is four digits, for example "0182".',
  field: {
    name: { inSentence: 'the name', atStart: 'The name' },
    invoiceReference: { inSentence: 'the invoice reference', atStart: 'The invoice reference' },
    source: { inSentence: 'the source', atStart: 'The source' },
    reference: { inSentence: 'the decision reference', atStart: 'The decision reference' },
    note: { inSentence: 'the note', atStart: 'The note' },
  },
  textType: (field) => `Give ${field} as text.`,
  textMax: (Field, max) => `${Field} may be at most ${max} characters.`,
  textUnstorable: (Field, codePoint, position) => `${Field} holds the character ${codePoint} (at position ${position}), which cannot be stored; remove it.`,
  feeClass: 'The fee class is "municipality", "single" or "double".',
  cluster: 'The cluster is Norr, Mitt, Syd or Stockholms stad.',
  municipalityFeeClass: 'A municipality has the fee class "municipality".',
  actorFeeClass: 'Another actor has the fee class "single" or "double".',
  clusterRequired: 'A municipality must belong to a cluster.',
  clusterOnlyMunicipality: 'Only municipalities belong to a cluster.',
  earlierOrder: (year, previous) => `Earlier terms must be in year order: ${year} comes after ${previous}.`,
  earlierBefore: (max) => `Earlier terms must end before ${max}.`,
  nameEmpty: 'The name cannot be empty.',
  kind: 'The kind is "municipality" or "actor" (another actor).',
  organisationNumberText: 'Give the organisation number as text.',
  organisationNumber: 'The organisation number has the form NNNNNN-NNNN with the right check digit.',
  earlierTermsList: 'Give earlierTerms as a list of earlier terms.',
  earlierTermsMax: (max) => `At most ${max} earlier terms per member.`,
  codeRequired: 'A municipality must have a municipality code.',
  codeOnlyMunicipality: 'Only municipalities have a municipality code.',
  noticeBeforeJoining: 'The notice cannot be dated before the joining.',
  populationNumber: 'Give the population as a whole number.',
  populationInt: 'The population must be a whole number.',
  populationNegative: 'The population cannot be negative.',
  populationMax: (max) => `The population may be at most ${max}.`,
  sourceEmpty: 'Give the source of the figure.',
  referenceEmpty: 'Give the reference of the decision.',
  perInhabitantMax: 'The fee per inhabitant may be at most 1,000 kr.',
  offsetNumber: 'Give the offset of the population year as a whole number.',
  offsetInt: 'The offset must be a whole number.',
  offsetNegative: 'The offset cannot be negative.',
  offsetMax: 'The offset may be at most 5 years.',
  alreadyApproved: (memberId) => `${memberId} has already approved this version.`,
  reimbursedFunction: 'The function is RSIB or RKK.',
  amountPositive: 'The amount must be greater than zero.',
  periodOrder: 'The period cannot end before it begins.',
  periodOneYear: 'A period lies within one calendar year; split the claim by year.',
  claimMax: 'A reimbursement may be at most 100,000,000 kr; split larger amounts.',
  periodYears: (min, max) => `The period must lie between the years ${min} and ${max}.`,
  repeatedFigure: (code, year, first) => `Municipality code ${code} already has a population for 31 December ${year} (populations[${first}]).`,
  figuresList: 'Give figures as a list of population figures.',
  figuresMin: 'Give at least one population figure.',
  figuresMax: (max) => `At most ${max} figures per request.`,
  historyFixed: 'Earlier fee classes and clusters cannot be changed here; give changesFrom for a new change.',
  changesFromNeeded: 'Give the year from which (changesFrom) the new fee class or cluster applies.',
  changesFromRange: (min, max) => `The year changesFrom must be a whole number between ${min} and ${max}.`,
  changesFromTooEarly: (lastYear) => `The years up to ${lastYear} already have their terms; a change can apply from ${lastYear + 1} at the earliest.`,
  kindFixedFrom: (firstYear) =>
    `A member does not change kind (municipality or other actor) during its membership; a correction of the kind applies from the joining year ${firstYear}.`,
  kindFixed: 'A member with earlier fee classes or clusters cannot change kind (municipality or other actor).',
};

export const SCHEMA_TEXTS: Readonly<Record<Lang, SchemaTexts>> = { sv, en };
