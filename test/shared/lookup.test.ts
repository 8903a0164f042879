import { describe, expect, it } from 'vitest';
import { SEED_MEMBERS, findMember, normalizeName, unknownMemberMessage } from '@ssr/shared';

function found(query: string): string | undefined {
  const lookup = findMember(SEED_MEMBERS, query);
  return lookup.ok ? lookup.member.id : undefined;
}

describe('member lookup by id, municipality code and name', () => {
  it.each([
    { query: 'nacka', id: 'nacka', by: 'id' },
    { query: 'region-stockholm', id: 'region-stockholm', by: 'id' },
    { query: '0182', id: 'nacka', by: 'code' },
    { query: ' 0180 ', id: 'stockholm', by: 'code' },
    { query: 'Nacka', id: 'nacka', by: 'name' },
    { query: 'Södertälje', id: 'sodertalje', by: 'name' },
    { query: 'Länsstyrelsen i Stockholms län', id: 'lansstyrelsen', by: 'name' },
    { query: 'Försvarsmakten, Mellersta militärregionen', id: 'forsvarsmakten-mmr', by: 'name' },
  ])('"$query" finds $id (by $by)', ({ query, id }) => {
    expect(found(query)).toBe(id);
  });

  it.each([
    { query: 'sodertalje', id: 'sodertalje' },
    { query: 'SÖDERTÄLJE', id: 'sodertalje' },
    { query: 'SODERTALJE', id: 'sodertalje' },
    { query: 'upplands bro', id: 'upplands-bro' },
    { query: 'Upplands Bro', id: 'upplands-bro' },
    { query: 'upplands väsby', id: 'upplands-vasby' },
    { query: 'osteraker', id: 'osteraker' },
    { query: 'ÖSTERÅKER', id: 'osteraker' },
    { query: 'region stockholm', id: 'region-stockholm' },
    { query: 'sos alarm', id: 'sos-alarm' },
  ])('"$query" finds $id whatever the case and accents', ({ query, id }) => {
    expect(found(query)).toBe(id);
  });

  it('does not confuse the municipality Stockholm with Region Stockholm', () => {
    expect(found('Stockholm')).toBe('stockholm');
    expect(found('Region Stockholm')).toBe('region-stockholm');
  });
});

describe('unknown members get a suggestion only for a likely typo', () => {
  it.each([
    { query: 'Nakka', suggestion: 'Nacka' },
    { query: 'Sodertälj', suggestion: 'Södertälje' },
    { query: 'Hudinge', suggestion: 'Huddinge' },
    { query: 'Trafikverk', suggestion: 'Trafikverket' },
  ])('"$query" suggests $suggestion', ({ query, suggestion }) => {
    const lookup = findMember(SEED_MEMBERS, query);
    expect(lookup.ok).toBe(false);
    expect(!lookup.ok && lookup.suggestion?.name).toBe(suggestion);
  });

  it.each(['xyzzy', 'qwertyuiop', 'Göteborg', 'Malmö', '9999', ''])('"%s" gets no suggestion', (query) => {
    const lookup = findMember(SEED_MEMBERS, query);
    expect(lookup).toEqual({ ok: false, query });
  });

  it('says what was not found and what was meant', () => {
    const lookup = findMember(SEED_MEMBERS, 'Nakka');
    if (lookup.ok) throw new Error('Nakka should not be found');
    expect(unknownMemberMessage(lookup)).toBe("Unknown member 'Nakka'. Did you mean 'Nacka'?");
    expect(unknownMemberMessage({ query: 'xyzzy' })).toBe("Unknown member 'xyzzy'.");
  });
});

describe('normalizeName folds case, accents and separators', () => {
  it.each([
    { text: 'Södertälje', normal: 'sodertalje' },
    { text: '  Upplands-Bro ', normal: 'upplands bro' },
    { text: 'Försvarsmakten, Mellersta militärregionen', normal: 'forsvarsmakten mellersta militarregionen' },
    { text: 'Brandkåren_Attunda', normal: 'brandkaren attunda' },
  ])('"$text" → "$normal"', ({ text, normal }) => {
    expect(normalizeName(text)).toBe(normal);
  });
});
