import fc from 'fast-check';
import { CLUSTERS, MAX_AMOUNT_ORE, adoptionDate, MAX_CLAIM_ORE, MAX_PER_INHABITANT_ORE, MAX_POPULATION, REIMBURSED_FUNCTIONS } from '@ssr/shared';
import type { FeeRuleVersion, Member, PopulationFigure, Register, Reimbursement } from '@ssr/shared';

/** Random registers within the schemas' bounds, for the property tests. */

export const FIRST_YEAR = 2015;
export const LAST_YEAR = 2040;

const DAY_MS = 86_400_000;

function isoDate(year: number, dayOfYear: number): string {
  return new Date(Date.UTC(year, 0, 1) + dayOfYear * DAY_MS).toISOString().slice(0, 10);
}

export const yearArb = fc.integer({ min: FIRST_YEAR, max: LAST_YEAR });

/** Any day of a year in range, 30 June and 1 July (R9's boundary) included. */
export const dateArb = fc.tuple(yearArb, fc.integer({ min: 0, max: 364 })).map(([year, day]) => isoDate(year, day));

/** Joining date, mostly in the first years so that registers fill up, and maybe a notice on that day or later. */
const joinedOnArb = fc.oneof(
  { arbitrary: fc.tuple(fc.integer({ min: FIRST_YEAR, max: FIRST_YEAR + 3 }), fc.integer({ min: 0, max: 364 })).map(([year, day]) => isoDate(year, day)), weight: 3 },
  { arbitrary: dateArb, weight: 1 },
);
const termArb = fc
  .tuple(joinedOnArb, fc.option(fc.integer({ min: 0, max: 3_000 }), { nil: undefined }))
  .map(([joinedOn, noticeAfterDays]) => ({
    joinedOn,
    ...(noticeAfterDays === undefined
      ? {}
      : { noticeGivenOn: new Date(Date.parse(joinedOn) + noticeAfterDays * DAY_MS).toISOString().slice(0, 10) }),
  }));

/**
 * R7: earlier terms of a member, oldest first: up to three changes, each in force up to a year
 * of the range, drawn from `values`.
 */
function earlierTermsArb<T>(values: fc.Arbitrary<T>): fc.Arbitrary<{ untilYear: number; value: T }[]> {
  return fc
    .uniqueArray(fc.integer({ min: FIRST_YEAR, max: LAST_YEAR - 1 }), { maxLength: 3 })
    .chain((years) => fc.tuple(...[...years].sort((a, b) => a - b).map((untilYear) => values.map((value) => ({ untilYear, value })))));
}

export const populationArb = fc.integer({ min: 0, max: MAX_POPULATION });

const municipalitiesArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 9_999 }), { maxLength: 30, size: 'medium' })
  .chain((codes) =>
    fc.tuple(
      ...codes.map((n) => {
        const code = String(n).padStart(4, '0');
        const clusterArb = fc.constantFrom(...CLUSTERS);
        return fc.record({ cluster: clusterArb, term: termArb, earlier: earlierTermsArb(clusterArb) }).map(
          ({ cluster, term, earlier }): Member => ({
            id: `kommun-${code}`,
            name: `Kommun ${code}`,
            kind: 'municipality',
            feeClass: 'municipality',
            municipalityCode: code,
            cluster,
            ...term,
            ...(earlier.length === 0
              ? {}
              : { earlierTerms: earlier.map(({ untilYear, value }) => ({ untilYear, feeClass: 'municipality' as const, cluster: value })) }),
          }),
        );
      }),
    ),
  );

const actorClassArb = fc.constantFrom('single' as const, 'double' as const);

const actorsArb = fc
  .array(
    fc.record({
      feeClass: actorClassArb,
      term: termArb,
      name: fc.string({ maxLength: 40 }),
      earlier: earlierTermsArb(actorClassArb),
    }),
    { maxLength: 12, size: 'medium' },
  )
  .map((actors) =>
    actors.map(
      ({ feeClass, term, name, earlier }, i): Member => ({
        id: `aktor-${i}`,
        name: `Aktör ${name}`.trim(),
        kind: 'actor',
        feeClass,
        ...term,
        ...(earlier.length === 0 ? {} : { earlierTerms: earlier.map(({ untilYear, value }) => ({ untilYear, feeClass: value })) }),
      }),
    ),
  );

const POPULATION_YEARS = LAST_YEAR - FIRST_YEAR + 6;

/** A figure for most years (31 Dec of FIRST_YEAR − 5 … LAST_YEAR) of each municipality, with gaps. */
function populationsFor(members: readonly Member[]): fc.Arbitrary<PopulationFigure[]> {
  const codes = members.flatMap((member) => (member.municipalityCode === undefined ? [] : [member.municipalityCode]));
  const yearsArb = fc.array(fc.option(populationArb, { freq: 6, nil: undefined }), { minLength: POPULATION_YEARS, maxLength: POPULATION_YEARS });
  return fc
    .tuple(...codes.map(() => yearsArb))
    .map((perCode) =>
      perCode.flatMap((populations, at) =>
        populations.flatMap((population, offset) =>
          population === undefined ? [] : [{ municipalityCode: codes[at] ?? '', year: FIRST_YEAR - 5 + offset, population, source: 'fast-check' }],
        ),
      ),
    );
}

/** A version approved by everyone, by some, or by some and outsiders: adopted ones (their adoption recorded) and drafts both occur. */
function feeRulesFor(members: readonly Member[]): fc.Arbitrary<FeeRuleVersion[]> {
  const ids = members.map((member) => member.id);
  const approversArb = fc.oneof(
    { arbitrary: fc.constant(ids), weight: 4 },
    { arbitrary: fc.subarray(ids), weight: 1 },
    { arbitrary: fc.subarray(ids).map((some) => [...some, 'utomstaende']), weight: 1 },
  );
  const ruleArb = fc.record({
    effectiveFrom: yearArb,
    perInhabitantOre: fc.integer({ min: 0, max: MAX_PER_INHABITANT_ORE }),
    singleFeeOre: fc.integer({ min: 0, max: MAX_AMOUNT_ORE }),
    doubleFeeOre: fc.integer({ min: 0, max: MAX_AMOUNT_ORE }),
    populationYearOffset: fc.integer({ min: 0, max: 5 }),
    approvers: approversArb,
    approvedOn: dateArb,
  });
  // The first version starts early, so that most years have one in force.
  const firstArb = ruleArb.map((rule) => ({ ...rule, effectiveFrom: FIRST_YEAR + (rule.effectiveFrom % 4) }));
  return fc.tuple(firstArb, fc.array(ruleArb, { maxLength: 2 })).map(([first, later]) => [first, ...later]).map((rules) =>
    rules.map(({ approvers, approvedOn, ...rule }, i) => {
      const version: FeeRuleVersion = {
        id: `version-${i}`,
        ...rule,
        approvals: approvers.map((memberId) => ({ memberId, approvedOn, reference: `Beslut ${memberId}` })),
      };
      // A complete version is adopted as the write of its last approval records it (R7).
      const adoptedOn = adoptionDate(version, members);
      return adoptedOn === undefined ? version : { ...version, adoptedOn };
    }),
  );
}

export const registerArb: fc.Arbitrary<Register> = fc
  .tuple(municipalitiesArb, actorsArb)
  .map(([municipalities, actors]) => [...municipalities, ...actors])
  .chain((members) => fc.record({ members: fc.constant(members), populations: populationsFor(members), feeRules: feeRulesFor(members) }));

/** R6 claims within one calendar year each, by members of the register or not. */
export function claimsFor(register: Register): fc.Arbitrary<Reimbursement[]> {
  const memberIds = ['utomstaende', ...register.members.map((member) => member.id)];
  return fc
    .array(
      fc.record({
        memberId: fc.constantFrom(...memberIds),
        function: fc.constantFrom(...REIMBURSED_FUNCTIONS),
        year: yearArb,
        days: fc.tuple(fc.integer({ min: 0, max: 364 }), fc.integer({ min: 0, max: 364 })),
        amountOre: fc.integer({ min: 1, max: MAX_CLAIM_ORE }),
      }),
      { maxLength: 20 },
    )
    .map((claims) =>
      claims.map(({ year, days, ...claim }, i) => ({
        id: `claim-${i}`,
        ...claim,
        periodStart: isoDate(year, Math.min(...days)),
        periodEnd: isoDate(year, Math.max(...days)),
        note: '',
      })),
    );
}
