import { describe, expect, it } from 'vitest';
import { EMPTY_NETWORK_MAP, type NetworkMapDocument } from '../../../contracts/networks.ts';
import { findProblems, problemKey } from './mapProblems.ts';

const base: NetworkMapDocument = {
  ...EMPTY_NETWORK_MAP,
  ecogram: {
    members: [{ id: 'm1', label: 'Els', sector: 'family', ring: 1, formal: false }],
    ties: [
      {
        id: 't1',
        from: 'client',
        to: 'm1',
        frequency: 'weekly',
        modes: [],
        supportGiven: [],
        supportReceived: ['emotional'],
        quality: 'positive',
        load: 'ok',
        wish: 'keep',
      },
    ],
  },
  strengths: { cards: [{ cardId: 'gardening', rank: 1 }] },
};

describe('the problems of a map before saving', () => {
  it('ties each problem to the item it is about', () => {
    const doc: NetworkMapDocument = {
      ...EMPTY_NETWORK_MAP,
      genogram: {
        people: [
          { id: 'p1', label: 'Maria', sex: 'female', deceased: false, index: true, inHousehold: false },
          {
            id: 'p2',
            label: 'Jan',
            sex: 'male',
            birthYear: 1950,
            deathYear: 1940,
            deceased: true,
            index: false,
            inHousehold: false,
          },
        ],
        partnerships: [],
        parentage: [],
        bonds: [],
      },
    };
    const problems = findProblems(doc);
    expect(problems.byItem.get('genogram.people:p2')).toEqual(['networks.death_before_birth']);
    expect(problems.general).toEqual([]);
  });

  it('keeps a problem about a whole list apart', () => {
    const doc: NetworkMapDocument = {
      ...EMPTY_NETWORK_MAP,
      genogram: {
        people: [
          { id: 'p1', label: 'Maria', sex: 'female', deceased: false, index: false, inHousehold: false },
        ],
        partnerships: [],
        parentage: [],
        bonds: [],
      },
    };
    expect(findProblems(doc).general.map((p) => p.code)).toEqual(['networks.index_person_missing']);
  });

  it('reports what the contract refuses, such as an empty name', () => {
    const doc = structuredClone(base);
    (doc.ecogram.members[0] as { label: string }).label = '';
    expect(findProblems(doc).byItem.has('ecogram.members:m1')).toBe(true);
  });

  it('finds the translation key of a problem code', () => {
    expect(problemKey('networks.parent_cycle')).toBe('networks.problems.parent_cycle');
    expect(problemKey('validation.control_characters')).toBe(
      'networks.problems.validation_control_characters',
    );
  });
});
