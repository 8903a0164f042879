import { describe, expect, it } from 'vitest';
import { SEED_MEMBERS, municipalityCodeClash, municipalityCodeClashes } from '@ssr/shared';
import type { Member } from '@ssr/shared';
import { actor, municipality } from './support/register';

/** A municipality under an id of its own: the helper's id comes from the code, and a clash needs two ids for one code. */
function member(id: string, name: string, code: string): Member {
  return { ...municipality(code, name, 'Mitt'), id };
}

const nacka = member('nacka', 'Nacka', '0182');
const solna = member('solna', 'Solna', '0184');
const sos = actor('sos-alarm', 'SOS Alarm', 'single', '2024-01-01');
const register: readonly Member[] = [nacka, solna, sos];

describe('R1/R10 one member per municipality code: a member about to be written', () => {
  it.each<[string, Member, string | undefined]>([
    ['a new member with Nacka’s code clashes with Nacka', member('nacka-2', 'Nacka igen', '0182'), 'nacka'],
    ['Solna changed to Nacka’s code clashes with Nacka', { ...solna, municipalityCode: '0182' }, 'nacka'],
    ['Nacka written back with its own code is no clash', { ...nacka, name: 'Nacka kommun' }, undefined],
    ['a new member with a free code is no clash', member('ny-kommun', 'Ny kommun', '0199'), undefined],
    ['an actor has no code, so no clash', actor('ny-aktor', 'Ny aktör', 'single', '2026-01-01'), undefined],
  ])('%s', (_label, written, holder) => {
    const clash = municipalityCodeClash(written, register);
    expect(clash?.holder.id).toBe(holder);
    if (clash) expect(clash).toEqual({ municipalityCode: '0182', member: written, holder: nacka });
  });

  it('the seed register has no clash: 26 municipalities, 26 codes', () => {
    for (const member of SEED_MEMBERS) expect(municipalityCodeClash(member, SEED_MEMBERS)).toBeUndefined();
    expect(municipalityCodeClashes(SEED_MEMBERS)).toEqual([]);
  });
});

describe('R1/R10 one member per municipality code: a list in order, the first holder keeps the code', () => {
  const nacka2 = member('nacka-2', 'Nacka igen', '0182');
  const solnaAsNacka = { ...solna, municipalityCode: '0182' };
  it.each<[string, Member[], [string, string][]]>([
    ['no two holders, no clash', [nacka, solna, sos], []],
    ['a second holder clashes with the first', [nacka, solna, nacka2], [['nacka-2', 'nacka']]],
    ['the order decides who holds the code', [nacka2, nacka], [['nacka', 'nacka-2']]],
    ['three holders: both later ones clash with the first', [nacka, nacka2, solnaAsNacka], [['nacka-2', 'nacka'], ['solna', 'nacka']]],
    ['the same member twice (its stored and its new version) is no clash', [nacka, { ...nacka, name: 'Nacka kommun' }], []],
    ['members without a code never clash', [sos, actor('kustbevakningen', 'Kustbevakningen', 'single', '2024-01-01')], []],
  ])('%s', (_label, members, clashes) => {
    const found = municipalityCodeClashes(members);
    expect(found.map((clash) => [clash.member.id, clash.holder.id])).toEqual(clashes);
    for (const clash of found) expect(clash.municipalityCode).toBe('0182');
  });
});
