import { describe, expect, it } from 'vitest';
import { EMPTY_NETWORK_MAP, type NetworkMapDocument } from '../../../contracts/networks.ts';
import { differencesBetween } from './mapDifferences.ts';

const labels = { client: 'Maria', card: (id: string) => `card:${id}` };

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

describe('the differences between two versions of a map', () => {
  it('finds nothing between a map and itself', () => {
    expect(differencesBetween(base, structuredClone(base), labels)).toEqual([]);
  });

  it('names added, changed and removed items in the words of the map', () => {
    const after: NetworkMapDocument = {
      ...base,
      ecogram: {
        members: [
          { id: 'm1', label: 'Els', sector: 'family', ring: 3, formal: false },
          { id: 'm2', label: 'Jef', sector: 'neighbours', ring: 2, formal: false },
        ],
        ties: [
          { ...(base.ecogram.ties[0] as NetworkMapDocument['ecogram']['ties'][number]), load: 'overloaded' },
        ],
      },
      strengths: { cards: [{ cardId: 'cooking', rank: 1 }] },
    };
    expect(differencesBetween(base, after, labels)).toEqual([
      { kind: 'member_changed', name: 'Els' },
      { kind: 'member_added', name: 'Jef' },
      { kind: 'tie_changed', name: 'Maria – Els' },
      { kind: 'card_added', name: 'card:cooking' },
      { kind: 'card_removed', name: 'card:gardening' },
    ]);
  });

  it('names a removed item as it was before', () => {
    const after = { ...base, ecogram: { members: [], ties: [] } };
    expect(differencesBetween(base, after, labels)).toEqual([
      { kind: 'member_removed', name: 'Els' },
      { kind: 'tie_removed', name: 'Maria – Els' },
    ]);
  });
});
