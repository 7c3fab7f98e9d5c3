import { describe, expect, it } from 'vitest';
import { networkMapDocument } from '../../contracts/networks.ts';
import { generateNetwork, mapOf, member, person, tie } from './networks.analysis.fixtures.ts';
import { validateNetworkMap } from './networks.validate.ts';

const codes = (doc: Parameters<typeof validateNetworkMap>[0]) => validateNetworkMap(doc);

describe('validateNetworkMap', () => {
  it('accepts an empty map and a full generated one', () => {
    expect(codes(mapOf({}))).toEqual([]);
    const big = generateNetwork(300);
    expect(networkMapDocument.safeParse(big).success).toBe(true);
    expect(codes(big)).toEqual([]);
  });

  it('reports a repeated id in any list, at the second one', () => {
    const doc = mapOf({
      members: [member('a'), member('a')],
      ties: [tie('t', 'a')],
      genogram: {
        people: [person('p', { index: true }), person('p')],
        bonds: [
          { id: 'b', a: 'p', b: 'p2', kind: 'close' },
          { id: 'b', a: 'p', b: 'p2', kind: 'close' },
        ],
      },
    });
    const found = codes(doc).filter((p) => p.code === 'networks.duplicate_id');
    expect(found.map((p) => p.path)).toEqual([
      'ecogram.members.1.id',
      'genogram.people.1.id',
      'genogram.bonds.1.id',
    ]);
  });

  it('refuses a member that takes the id of the person in the middle', () => {
    expect(codes(mapOf({ members: [member('client')] }))).toContainEqual({
      path: 'ecogram.members.0.id',
      code: 'networks.member_id_reserved',
    });
  });

  it('reports tie ends that are not the person or a member, and a tie towards the person', () => {
    const doc = mapOf({
      members: [member('a')],
      ties: [tie('t0', 'ghost'), tie('t1', 'a', { from: 'nobody' }), tie('t2', 'client', { from: 'a' })],
    });
    expect(codes(doc)).toEqual([
      { path: 'ecogram.ties.0.to', code: 'networks.tie_unknown_member' },
      { path: 'ecogram.ties.1.from', code: 'networks.tie_unknown_member' },
      { path: 'ecogram.ties.2.to', code: 'networks.tie_unknown_member' },
    ]);
  });

  it('refuses a tie from someone to themselves', () => {
    const doc = mapOf({ members: [member('a')], ties: [tie('t0', 'a', { from: 'a' })] });
    expect(codes(doc)).toEqual([{ path: 'ecogram.ties.0.to', code: 'networks.tie_to_itself' }]);
  });

  it('refuses a second tie between the same two people, whichever way it is drawn', () => {
    const doc = mapOf({
      members: [member('a'), member('b')],
      ties: [
        tie('t0', 'a'),
        tie('t1', 'a', { frequency: 'daily' }),
        tie('t2', 'b', { from: 'a' }),
        tie('t3', 'a', { from: 'b' }),
      ],
    });
    expect(codes(doc)).toEqual([
      { path: 'ecogram.ties.1.to', code: 'networks.duplicate_tie' },
      { path: 'ecogram.ties.3.to', code: 'networks.duplicate_tie' },
    ]);
  });

  it('asks for exactly one index person once there are people', () => {
    expect(codes(mapOf({ genogram: { people: [person('a'), person('b')] } }))).toEqual([
      { path: 'genogram.people', code: 'networks.index_person_missing' },
    ]);
    expect(
      codes(mapOf({ genogram: { people: [person('a', { index: true }), person('b', { index: true })] } })),
    ).toEqual([{ path: 'genogram.people.1.index', code: 'networks.index_person_twice' }]);
  });

  it('refuses partnerships, bonds and parentage that name people who are not there', () => {
    const doc = mapOf({
      genogram: {
        people: [person('a', { index: true })],
        partnerships: [{ id: 'p', a: 'a', b: 'x', status: 'married' }],
        bonds: [{ id: 'b', a: 'y', b: 'a', kind: 'distant' }],
        parentage: [{ id: 'c', child: 'z', parents: ['a', 'w'], kind: 'birth' }],
      },
    });
    expect(codes(doc)).toEqual([
      { path: 'genogram.partnerships.0.b', code: 'networks.unknown_person' },
      { path: 'genogram.bonds.0.a', code: 'networks.unknown_person' },
      { path: 'genogram.parentage.0.child', code: 'networks.unknown_person' },
      { path: 'genogram.parentage.0.parents.1', code: 'networks.unknown_person' },
    ]);
  });

  it('refuses someone as their own partner, their own bond or their own parent', () => {
    const doc = mapOf({
      genogram: {
        people: [person('a', { index: true })],
        partnerships: [{ id: 'p', a: 'a', b: 'a', status: 'married' }],
        bonds: [{ id: 'b', a: 'a', b: 'a', kind: 'close' }],
        parentage: [{ id: 'c', child: 'a', parents: ['a'], kind: 'birth' }],
      },
    });
    expect(codes(doc).map((p) => p.code)).toEqual([
      'networks.partner_of_itself',
      'networks.bond_with_itself',
      'networks.own_parent',
    ]);
  });

  it('finds someone who is their own ancestor, however long the chain', () => {
    const people = Array.from({ length: 200 }, (_, i) => person(`p${i}`, { index: i === 0 }));
    const parentage = people.slice(1).map((p, i) => ({
      id: `c${i}`,
      child: p.id,
      parents: [`p${i}`],
      kind: 'birth' as const,
    }));
    expect(codes(mapOf({ genogram: { people, parentage } }))).toEqual([]);
    const cyclic = [...parentage, { id: 'back', child: 'p0', parents: ['p199'], kind: 'birth' as const }];
    expect(codes(mapOf({ genogram: { people, parentage: cyclic } })).map((p) => p.code)).toEqual([
      'networks.parent_cycle',
    ]);
  });

  it('finds a short cycle through the second parent', () => {
    const doc = mapOf({
      genogram: {
        people: [person('a', { index: true }), person('b'), person('c')],
        parentage: [
          { id: 'x', child: 'a', parents: ['c', 'b'], kind: 'birth' },
          { id: 'y', child: 'b', parents: ['a'], kind: 'foster' },
        ],
      },
    });
    expect(codes(doc).map((p) => p.code)).toEqual(['networks.parent_cycle']);
  });

  it('checks the years: death after birth, a death year only for the deceased, a child not older than a parent', () => {
    const doc = mapOf({
      genogram: {
        people: [
          person('a', { index: true, birthYear: 1990, deathYear: 1980, deceased: true }),
          person('b', { deathYear: 2020 }),
          person('mum', { birthYear: 1960 }),
          person('kid', { birthYear: 1950 }),
        ],
        parentage: [{ id: 'c', child: 'kid', parents: ['mum'], kind: 'birth' }],
      },
    });
    expect(codes(doc)).toEqual([
      { path: 'genogram.people.0.deathYear', code: 'networks.death_before_birth' },
      { path: 'genogram.people.1.deceased', code: 'networks.death_year_without_deceased' },
      { path: 'genogram.parentage.0.parents.0', code: 'networks.child_before_parent' },
    ]);
  });

  it('says nothing about a parent whose birth year is unknown', () => {
    const doc = mapOf({
      genogram: {
        people: [person('mum', { index: true }), person('kid', { birthYear: 1950 })],
        parentage: [{ id: 'c', child: 'kid', parents: ['mum'], kind: 'adopted' }],
      },
    });
    expect(codes(doc)).toEqual([]);
  });

  it('refuses a genogram person linked to a member who is not on the ecogram', () => {
    const doc = mapOf({
      members: [member('els')],
      genogram: {
        people: [person('a', { index: true, memberId: 'els' }), person('b', { memberId: 'gone' })],
      },
    });
    expect(codes(doc)).toEqual([
      { path: 'genogram.people.1.memberId', code: 'networks.person_unknown_member' },
    ]);
  });

  it('wants each strength card to be either a card of the set or a card of their own, once, with its own rank', () => {
    const doc = mapOf({
      cards: [
        { cardId: 'gardening', rank: 1 },
        { rank: 2 },
        { cardId: 'cooking', custom: { category: 'interest', label: 'Koken' }, rank: 3 },
        { cardId: 'not_a_card', rank: 4 },
        { cardId: 'gardening', rank: 5 },
        { custom: { category: 'energy', label: 'Mijn kleinkinderen' }, rank: 5 },
      ],
    });
    expect(codes(doc)).toEqual([
      { path: 'strengths.cards.1', code: 'networks.card_or_custom' },
      { path: 'strengths.cards.2', code: 'networks.card_or_custom' },
      { path: 'strengths.cards.3.cardId', code: 'networks.unknown_card' },
      { path: 'strengths.cards.4.cardId', code: 'networks.duplicate_card' },
      { path: 'strengths.cards.5.rank', code: 'networks.duplicate_rank' },
    ]);
  });

  it('checks a map of 300 members in well under 50 ms', () => {
    const doc = generateNetwork(300);
    validateNetworkMap(doc);
    const started = performance.now();
    for (let i = 0; i < 20; i++) validateNetworkMap(doc);
    expect((performance.now() - started) / 20).toBeLessThan(50);
  });
});
