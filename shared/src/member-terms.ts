import type { Lang } from './lang';
import { yearOf } from './membership';
import type { Cluster, EarlierTerms, FeeClass, FieldError, Member } from './schemas';
import { MAX_YEAR, MIN_YEAR } from './schemas';
import { SCHEMA_TEXTS } from './schema-texts';

/**
 * R7, R4, R10: a member's fee class and cluster change from a year on and never rewrite the
 * years before it. The member carries its current terms (`feeClass`, `cluster`) and the
 * earlier ones, each in force up to and including its `untilYear`.
 */

export interface MemberTerms {
  feeClass: FeeClass;
  cluster?: Cluster;
}

type WithTerms = Pick<Member, 'feeClass' | 'cluster' | 'earlierTerms'>;

function termsOf(terms: { feeClass: FeeClass; cluster?: Cluster | undefined }): MemberTerms {
  return terms.cluster === undefined ? { feeClass: terms.feeClass } : { feeClass: terms.feeClass, cluster: terms.cluster };
}

/**
 * Where the year's fee class and cluster are read from: the member itself or one of its earlier
 * terms, without copying them (a schedule reads them for thousands of members).
 */
export function termsSourceInYear(member: WithTerms, year: number): Pick<WithTerms, 'feeClass' | 'cluster'> {
  const earlier = member.earlierTerms;
  if (earlier !== undefined) {
    for (const terms of earlier) if (year <= terms.untilYear) return terms;
  }
  return member;
}

/** The fee class and cluster in force for the member in a year: every engine reading of them goes through here. */
export function termsInYear(member: WithTerms, year: number): MemberTerms {
  return termsOf(termsSourceInYear(member, year));
}

function sameTerms(a: MemberTerms, b: MemberTerms): boolean {
  return a.feeClass === b.feeClass && a.cluster === b.cluster;
}

function sameHistory(a: readonly EarlierTerms[], b: readonly EarlierTerms[]): boolean {
  return a.length === b.length && a.every((terms, i) => {
    const other = b[i];
    return other !== undefined && terms.untilYear === other.untilYear && sameTerms(termsOf(terms), termsOf(other));
  });
}

export type TermsChange = { ok: true; member: Member } | { ok: false; error: FieldError };

/**
 * An edit of a stored member, with its history kept: the stored current terms stay in force up
 * to `changesFrom − 1` and the edit's terms apply from `changesFrom`. The history is the
 * register's own: an edit may leave it out or send it back as read, never change it.
 * A change from the joining year or earlier (or from the first year of the last terms) is a
 * correction: no year of membership kept the replaced terms, so none is recorded.
 */
export function changeTerms(stored: Member, edit: Member, changesFrom: number | undefined, lang: Lang = 'sv'): TermsChange {
  const t = SCHEMA_TEXTS[lang];
  const history = stored.earlierTerms ?? [];
  if (edit.earlierTerms !== undefined && !sameHistory(edit.earlierTerms, history)) {
    return { ok: false, error: { path: 'earlierTerms', message: t.historyFixed } };
  }
  const { earlierTerms: _sent, ...fields } = edit;
  const kept = (terms: readonly EarlierTerms[]): Member => (terms.length > 0 ? { ...fields, earlierTerms: [...terms] } : fields);
  const before = termsOf(stored);
  if (sameTerms(before, termsOf(edit))) return { ok: true, member: kept(history) };
  if (changesFrom === undefined) {
    return { ok: false, error: { path: 'changesFrom', message: t.changesFromNeeded } };
  }
  if (!Number.isInteger(changesFrom) || changesFrom < MIN_YEAR || changesFrom > MAX_YEAR) {
    return { ok: false, error: { path: 'changesFrom', message: t.changesFromRange(MIN_YEAR, MAX_YEAR) } };
  }
  const last = history.at(-1);
  if (last !== undefined && changesFrom <= last.untilYear) {
    return {
      ok: false,
      error: { path: 'changesFrom', message: t.changesFromTooEarly(last.untilYear) },
    };
  }
  const firstYearOfCurrent = last === undefined ? yearOf(edit.joinedOn) : last.untilYear + 1;
  // A municipality does not become another actor: a change of kind corrects a member entered wrongly, for all its years.
  if (stored.kind !== edit.kind && (last !== undefined || changesFrom > firstYearOfCurrent)) {
    return {
      ok: false,
      error: {
        path: 'kind',
        message: last === undefined ? t.kindFixedFrom(firstYearOfCurrent) : t.kindFixed,
      },
    };
  }
  if (changesFrom <= firstYearOfCurrent) return { ok: true, member: kept(history) };
  return { ok: true, member: kept([...history, { untilYear: changesFrom - 1, ...before }]) };
}

/** The member's terms over time, oldest first: each with the first and last year it applies to (open-ended last). */
export function termsHistory(member: Pick<Member, 'feeClass' | 'cluster' | 'earlierTerms' | 'joinedOn'>): (MemberTerms & { fromYear?: number; untilYear?: number })[] {
  const periods: (MemberTerms & { fromYear?: number; untilYear?: number })[] = [];
  let fromYear: number | undefined;
  for (const terms of member.earlierTerms ?? []) {
    periods.push({ ...termsOf(terms), ...(fromYear === undefined ? {} : { fromYear }), untilYear: terms.untilYear });
    fromYear = terms.untilYear + 1;
  }
  periods.push({ ...termsOf(member), ...(fromYear === undefined ? {} : { fromYear }) });
  return periods;
}
