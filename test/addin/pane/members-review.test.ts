import { SEED_MEMBERS } from '@ssr/shared';
import type { Member } from '@ssr/shared';
import { describe, expect, it } from 'vitest';
import type { StoredMember } from '../../../addin/src/api/client';
import type { CellReadValue } from '../../../addin/src/excel/port';
import { cellText, excelSerialToIso, listWords, memberHeaders, memberToRow } from '../../../addin/src/pane/members/columns';
import { conflictFields, mergedMember } from '../../../addin/src/pane/members/merge';
import { en } from '../../../addin/src/i18n/en';
import { sv } from '../../../addin/src/i18n/sv';
import { countByKind, reviewMembers, sendable } from '../../../addin/src/pane/members/review';
import { baselineAfter } from '../../../addin/src/pane/members/save';

const baseline = new Map<string, StoredMember>(SEED_MEMBERS.map((member, i) => [member.id, { member, etag: `W/"${i}"` }]));
const headers = memberHeaders('sv');

function rows(members: readonly Member[] = SEED_MEMBERS): CellReadValue[][] {
  return members.map((member) => memberToRow(member, 'sv').map((cell) => (cell === '' ? null : (cell as CellReadValue))));
}

/** Set one cell of a row (0-based row and column). */
function edit(table: CellReadValue[][], row: number, column: number, value: CellReadValue): void {
  const cells = table[row];
  if (!cells) throw new Error(`no row ${row}`);
  cells[column] = value;
}

function rowOf(member: Member): CellReadValue[] {
  return rows([member])[0] ?? [];
}

function seed(id: string): Member {
  const member = SEED_MEMBERS.find((candidate) => candidate.id === id);
  if (!member) throw new Error(`no seed member ${id}`);
  return member;
}

describe('members review: the sheet against the loaded copy', () => {
  it('an untouched sheet has no changes', () => {
    const review = reviewMembers(headers, rows(), baseline, sv.members);
    expect(review.entries).toEqual([]);
    expect(review.unchanged).toBe(37);
  });

  it('finds edited cells as changed members, naming the fields', () => {
    const edited = rows();
    const nacka = SEED_MEMBERS.findIndex((member) => member.id === 'nacka');
    const solna = SEED_MEMBERS.findIndex((member) => member.id === 'solna');
    edit(edited, nacka, 1, 'Nacka kommun');
    edit(edited, solna, 9, 'Ref 123');
    const review = reviewMembers(headers, edited, baseline, sv.members);
    expect(review.entries).toEqual([
      { kind: 'changed', row: { index: solna, rowNumber: solna + 2 }, member: { ...seed('solna'), invoiceReference: 'Ref 123' }, before: baseline.get('solna'), fields: ['invoiceReference'] },
      { kind: 'changed', row: { index: nacka, rowNumber: nacka + 2 }, member: { ...seed('nacka'), name: 'Nacka kommun' }, before: baseline.get('nacka'), fields: ['name'] },
    ].sort((a, b) => a.row.index - b.row.index));
  });

  it('a new row is added, a missing row is removed, blank rows are nothing', () => {
    const added: Member = { id: 'ny-aktor', name: 'Ny aktör', kind: 'actor', feeClass: 'single', joinedOn: '2025-01-01' };
    const review = reviewMembers(headers, [...rows(SEED_MEMBERS.filter((m) => m.id !== 'salem')), Array<CellReadValue>(10).fill(null), rowOf(added)], baseline, sv.members);
    expect(countByKind(review)).toEqual({ added: 1, changed: 0, removed: 1, invalid: 0 });
    expect(review.entries.find((entry) => entry.kind === 'added')).toMatchObject({ member: added, row: { rowNumber: 36 + 2 + 1 } });
    expect(review.entries.find((entry) => entry.kind === 'removed')).toEqual({ kind: 'removed', before: baseline.get('salem') });
  });

  it('an invalid row carries the schema’s reasons and is never sendable', () => {
    const edited = rows();
    const nacka = SEED_MEMBERS.findIndex((member) => member.id === 'nacka');
    edit(edited, nacka, 4, null); // a municipality without its code
    edit(edited, nacka, 6, '2024-13-01');
    const review = reviewMembers(headers, edited, baseline, sv.members);
    expect(review.entries).toEqual([
      {
        kind: 'invalid',
        row: { index: nacka, rowNumber: nacka + 2 },
        id: 'nacka',
        errors: expect.arrayContaining([
          { path: 'joinedOn', message: 'Ogiltigt datum: skriv det som ÅÅÅÅ-MM-DD, till exempel 2024-01-01.' },
          { path: 'municipalityCode', message: 'En kommun måste ha en kommunkod.' },
        ]) as unknown,
      },
    ]);
    expect(sendable(review)).toEqual([]);
  });

  it('an invalid row still holds its member: it is not also reported as removed', () => {
    const edited = rows();
    edit(edited, 0, 2, 'kommunen');
    const review = reviewMembers(headers, edited, baseline, sv.members);
    expect(countByKind(review)).toEqual({ added: 0, changed: 0, removed: 0, invalid: 1 });
  });

  it('a second row with the same id is invalid and names the first', () => {
    const review = reviewMembers(headers, [...rows(), rowOf({ ...seed('nacka'), name: 'Nacka igen' })], baseline, sv.members);
    expect(review.entries).toEqual([{ kind: 'invalid', row: { index: 37, rowNumber: 39 }, id: 'nacka', errors: [{ path: 'id', message: expect.stringMatching(/^Id:t finns redan på rad \d+\.$/) as unknown }] }]);
  });

  describe('R1/R10 one member per municipality code: a row that takes another member’s code is refused before save', () => {
    const codeColumn = 4;
    const newMunicipality = (id: string, code: string): Member => ({ ...seed('nacka'), id, name: `Kommun ${id}`, municipalityCode: code, joinedOn: '2026-01-01' });

    const solnaRow = SEED_MEMBERS.findIndex((member) => member.id === 'solna');
    it.each<[string, () => CellReadValue[][], number, string]>([
      ['a new row with Nacka’s code (Nacka unchanged further down)', () => [rowOf(newMunicipality('nacka-2', '0182')), ...rows()], 2, 'Kommunkoden 0182 tillhör redan Nacka (nacka) i registret.'],
      [
        'Solna’s row changed to Nacka’s code',
        () => {
          const edited = rows();
          edit(edited, solnaRow, codeColumn, '0182');
          return edited;
        },
        solnaRow + 2,
        'Kommunkoden 0182 tillhör redan Nacka (nacka) i registret.',
      ],
      [
        'a new row with Salem’s code while Salem’s row is deleted (the deletion is sent last)',
        () => [...rows(SEED_MEMBERS.filter((member) => member.id !== 'salem')), rowOf(newMunicipality('nya-salem', '0128'))],
        36 + 2,
        'Kommunkoden 0128 tillhör redan Salem (salem) i registret.',
      ],
      [
        'a second new row with the same new code as the first',
        () => [...rows(), rowOf(newMunicipality('ny-a', '0199')), rowOf(newMunicipality('ny-b', '0199'))],
        37 + 3,
        'Kommunkoden 0199 används redan av Kommun ny-a (ny-a) på rad 39.',
      ],
    ])('%s', (_label, table, row, message) => {
      const review = reviewMembers(headers, table(), baseline, sv.members);
      const invalid = review.entries.filter((entry) => entry.kind === 'invalid');
      expect(invalid).toEqual([{ kind: 'invalid', row: { index: row - 2, rowNumber: row }, id: expect.any(String) as unknown, errors: [{ path: 'municipalityCode', message }] }]);
      expect(sendable(review).some((entry) => entry.kind !== 'removed' && entry.row.rowNumber === row)).toBe(false);
    });

    it('the row that holds the code first is still sent, and a free code is no clash', () => {
      const review = reviewMembers(headers, [...rows(), rowOf(newMunicipality('ny-a', '0199')), rowOf(newMunicipality('ny-b', '0199')), rowOf(newMunicipality('ny-c', '0198'))], baseline, sv.members);
      expect(countByKind(review)).toEqual({ added: 2, changed: 0, removed: 0, invalid: 1 });
      expect(sendable(review).map((entry) => (entry.kind === 'removed' ? entry.before.member.id : entry.member.id))).toEqual(['ny-a', 'ny-c']);
    });

    it('says it in the pane’s language when given the catalogue’s message', () => {
      const review = reviewMembers(headers, [rowOf(newMunicipality('nacka-2', '0182')), ...rows()], baseline, en.members);
      expect(review.entries).toEqual([
        { kind: 'invalid', row: { index: 0, rowNumber: 2 }, id: 'nacka-2', errors: [{ path: 'municipalityCode', message: 'Municipality code 0182 already belongs to Nacka (nacka) in the register.' }] },
      ]);
    });
  });

  it('reads English headers as well, and says which columns are missing', () => {
    expect(reviewMembers(memberHeaders('en'), rows(), baseline, sv.members).unchanged).toBe(37);
    expect(reviewMembers(['Id', 'Namn'], [], baseline, sv.members).missingColumns).toEqual(['kind', 'feeClass', 'joinedOn']);
  });
});

describe('cells Excel turned into numbers are read as the person meant them', () => {
  it.each([
    ['municipalityCode', 182, '0182'],
    ['joinedOn', 45292, '2024-01-01'],
    ['organisationNumber', 2120000142, '2120000142'],
    ['name', '  Nacka ', 'Nacka'],
    ['name', '', undefined],
  ] as const)('%s %j reads as %j', (field, value, text) => {
    expect(cellText(field, value)).toBe(text);
  });

  it('Excel day 1 is 1900-01-01 and day 60 is the fictitious 1900-02-29 only in Excel', () => {
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(0)).toBeUndefined();
  });
});

describe('kind and fee class in the sheet’s language', () => {
  const actor = { ...seed('nacka'), id: 'ny-aktor', name: 'Ny aktör', kind: 'actor', feeClass: 'double', municipalityCode: undefined, cluster: undefined } satisfies Member;

  it('a Swedish sheet shows kommun/aktör and enkel/dubbel, an English one the English words', () => {
    const kind = 2;
    const feeClass = 3;
    expect(memberToRow(seed('nacka'), 'sv').slice(kind, feeClass + 1)).toEqual(['kommun', 'kommun']);
    expect(memberToRow(actor, 'sv').slice(kind, feeClass + 1)).toEqual(['aktör', 'dubbel']);
    expect(memberToRow(actor, 'en').slice(kind, feeClass + 1)).toEqual(['actor', 'double']);
    expect(listWords('kind', 'sv')).toEqual(['kommun', 'aktör']);
    expect(listWords('feeClass', 'sv')).toEqual(['kommun', 'enkel', 'dubbel']);
    expect(listWords('feeClass', 'en')).toEqual(['municipality', 'single', 'double']);
  });

  it.each([
    ['kind', 'aktör', 'actor'],
    ['kind', 'Aktor', 'actor'],
    ['kind', 'actor', 'actor'],
    ['kind', 'Kommun', 'municipality'],
    ['kind', 'municipality', 'municipality'],
    ['feeClass', 'enkel', 'single'],
    ['feeClass', 'DUBBEL', 'double'],
    ['feeClass', 'single', 'single'],
    ['feeClass', 'kommun', 'municipality'],
  ] as const)('%s typed as %j reads as %j, whichever language the sheet has', (field, typed, code) => {
    expect(cellText(field, typed)).toBe(code);
  });

  it('a sheet in either language reviews as unchanged, and English words typed into a Swedish sheet are no change', () => {
    const english = SEED_MEMBERS.map((member) => memberToRow(member, 'en').map((cell) => cell as CellReadValue));
    expect(reviewMembers(headers, english, baseline, sv.members).unchanged).toBe(37);
    const swedish = rows();
    expect(swedish.flat()).not.toContain('municipality');
    expect(reviewMembers(headers, swedish, baseline, sv.members).unchanged).toBe(37);
  });

  it('an unknown word is invalid, said with the words the sheet takes', () => {
    const edited = rows();
    const nacka = SEED_MEMBERS.findIndex((member) => member.id === 'nacka');
    edit(edited, nacka, 2, 'stad');
    edit(edited, nacka, 3, 'trippel');
    const [entry] = reviewMembers(headers, edited, baseline, sv.members).entries;
    expect(entry?.kind === 'invalid' ? entry.errors : []).toEqual([
      { path: 'kind', message: 'Skriv kommun eller aktör.' },
      { path: 'feeClass', message: 'Skriv kommun för en kommun, enkel eller dubbel för en aktör.' },
    ]);
    const [english] = reviewMembers(headers, edited, baseline, en.members).entries;
    expect(english?.kind === 'invalid' ? english.errors.map((error) => error.message) : []).toEqual([
      'Write municipality or actor.',
      'Write municipality for a municipality, single or double for an actor.',
    ]);
  });
});

describe('a conflict three ways', () => {
  const base = seed('nacka');
  const mine = { ...base, name: 'Nacka kommun', invoiceReference: 'Bladet' } satisfies Member;

  it('lists the other person’s change to a field the sheet did not touch, and keeps it when the sheet’s values are kept', () => {
    const theirs = { ...base, cluster: 'Norr', invoiceReference: 'Servern' } satisfies Member;
    expect(conflictFields(theirs, mine, base)).toEqual([
      { field: 'name', base: 'Nacka', mine: 'Nacka kommun', theirs: 'Nacka', changedBy: 'mine' },
      { field: 'cluster', base: base.cluster, mine: base.cluster, theirs: 'Norr', changedBy: 'theirs' },
      { field: 'invoiceReference', base: undefined, mine: 'Bladet', theirs: 'Servern', changedBy: 'both' },
    ]);
    expect(mergedMember(theirs, mine, base)).toEqual({ ...base, name: 'Nacka kommun', cluster: 'Norr', invoiceReference: 'Bladet' });
  });

  it('without a base (the same id added twice) every difference is the sheet’s to keep', () => {
    const theirs = { ...base, name: 'Nacka (annan)' } satisfies Member;
    expect(conflictFields(theirs, mine, undefined).map((field) => [field.field, field.changedBy])).toEqual([
      ['name', 'both'],
      ['invoiceReference', 'both'],
    ]);
    expect(mergedMember(theirs, mine, undefined)).toEqual(mine);
  });

  it('a removal lists what the other person changed since it was read', () => {
    const theirs = { ...base, cluster: 'Norr' } satisfies Member;
    expect(conflictFields(theirs, undefined, base).map((field) => field.field)).toEqual(['cluster']);
  });
});

describe('counts in the members view’s words', () => {
  it.each([
    ['sv', sv, 1, 'Ändringen är sparad och formlerna omräknade.', '1 ändring är sparad.', '1 rad är ogiltig och sparades inte', 'Bladet har 1 ändring som inte är sparad.', '1 medlem är inläst'],
    ['sv', sv, 2, 'Alla 2 ändringar är sparade och formlerna omräknade.', '2 ändringar är sparade.', '2 rader är ogiltiga och sparades inte', 'Bladet har 2 ändringar som inte är sparade.', '2 medlemmar är inlästa'],
    ['en', en, 1, 'The change is saved and the formulas recalculated.', '1 change is saved.', '1 row is invalid and was not saved', 'The sheet has 1 unsaved change.', '1 member loaded'],
    ['en', en, 2, 'All 2 changes are saved and the formulas recalculated.', '2 changes are saved.', '2 rows are invalid and were not saved', 'The sheet has 2 unsaved changes.', '2 members loaded'],
  ] as const)('%s, %i', (_language, catalogue, n, allSaved, savedSome, invalid, unsaved, loaded) => {
    expect(catalogue.members.allSaved(n)).toBe(allSaved);
    expect(catalogue.members.savedSome(n)).toBe(savedSome);
    expect(catalogue.members.invalidNotSaved(n)).toContain(invalid);
    expect(catalogue.members.unsavedBody(n)).toContain(unsaved);
    expect(catalogue.members.loaded(n, 'SSR Medlemmar')).toContain(loaded);
  });
});

describe('after a save', () => {
  it('saved members take their new etag, deleted ones leave, conflicts keep the old copy', () => {
    const next = baselineAfter(baseline, [
      { action: 'update', id: 'nacka', status: 'saved', stored: { member: seed('nacka'), etag: 'W/"new"' } },
      { action: 'delete', id: 'salem', status: 'saved' },
      { action: 'update', id: 'solna', status: 'conflict', server: { member: seed('solna'), etag: 'W/"theirs"' } },
    ]);
    expect(next.get('nacka')?.etag).toBe('W/"new"');
    expect(next.has('salem')).toBe(false);
    expect(next.get('solna')).toEqual(baseline.get('solna'));
  });
});

describe('members review in English', () => {
  it('says what is wrong with a date and an organisation number in English', () => {
    const enHeaders = memberHeaders('en');
    const table = SEED_MEMBERS.map((member) => memberToRow(member, 'en').map((cell) => (cell === '' ? null : (cell as CellReadValue))));
    const nacka = SEED_MEMBERS.findIndex((member) => member.id === 'nacka');
    edit(table, nacka, enHeaders.indexOf('Joined on'), '2024-13-45');
    edit(table, nacka, enHeaders.indexOf('Organisation number'), '123');
    const review = reviewMembers(enHeaders, table, baseline, en.members);
    const invalid = review.entries.find((entry) => entry.kind === 'invalid');
    expect(invalid?.kind === 'invalid' ? [...invalid.errors].sort((a, b) => a.path.localeCompare(b.path)) : []).toEqual([
      { path: 'joinedOn', message: 'Invalid date: write it as YYYY-MM-DD, for example 2024-01-01.' },
      { path: 'organisationNumber', message: 'The organisation number has the form NNNNNN-NNNN with the right check digit.' },
    ]);
  });
});
