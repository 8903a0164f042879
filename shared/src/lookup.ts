import type { Member } from './schemas';

/** Fold case, accents and separators: "Södertälje", "SODERTALJE" and "sodertalje" meet. */
export function normalizeName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[\s\-_.,]+/g, ' ')
    .trim();
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

export type MemberLookup = { ok: true; member: Member } | { ok: false; query: string; suggestion?: Member };

/** Find a member by id, municipality code or name, case- and accent-insensitive. */
export function findMember(members: readonly Member[], query: string): MemberLookup {
  const wanted = normalizeName(query);
  const found =
    members.find((m) => m.id === query.trim().toLowerCase()) ??
    members.find((m) => m.municipalityCode !== undefined && m.municipalityCode === query.trim()) ??
    members.find((m) => normalizeName(m.name) === wanted) ??
    members.find((m) => normalizeName(m.id) === wanted);
  if (found) return { ok: true, member: found };
  return { ok: false, query, ...suggestionFor(members, wanted) };
}

function suggestionFor(members: readonly Member[], wanted: string): { suggestion?: Member } {
  if (wanted === '') return {};
  let best: { member: Member; distance: number } | undefined;
  for (const member of members) {
    const name = normalizeName(member.name);
    const distance = name.startsWith(wanted) ? 1 : Math.min(editDistance(wanted, name), editDistance(wanted, normalizeName(member.id)));
    if (!best || distance < best.distance) best = { member, distance };
  }
  // Suggest only what a person would accept as a typo of the same name.
  return best && best.distance <= Math.max(2, Math.floor(wanted.length / 3)) ? { suggestion: best.member } : {};
}

export function unknownMemberMessage(lookup: { query: string; suggestion?: Member }): string {
  const hint = lookup.suggestion ? ` Did you mean '${lookup.suggestion.name}'?` : '';
  return `Unknown member '${lookup.query}'.${hint}`;
}
