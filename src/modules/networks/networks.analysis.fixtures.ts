import {
  CONTACT_FREQUENCIES,
  type EcogramMember,
  type EcogramTie,
  EMPTY_NETWORK_MAP,
  type GenogramPerson,
  HELPER_LOADS,
  type NetworkMapDocument,
  SECTORS,
  SUPPORT_KINDS,
  TIE_QUALITIES,
} from '../../contracts/networks.ts';
import { seededRandom } from '../../platform/random.ts';

/** Builders for tests and the bench: the least that makes a valid item, overridable. */
export const member = (id: string, over: Partial<EcogramMember> = {}): EcogramMember => ({
  id,
  label: id,
  sector: 'family',
  ring: 1,
  formal: false,
  ...over,
});

export const tie = (id: string, to: string, over: Partial<EcogramTie> = {}): EcogramTie => ({
  id,
  from: 'client',
  to,
  frequency: 'weekly',
  modes: ['visit'],
  supportGiven: [],
  supportReceived: [],
  quality: 'positive',
  load: 'ok',
  wish: 'keep',
  ...over,
});

export const person = (id: string, over: Partial<GenogramPerson> = {}): GenogramPerson => ({
  id,
  label: id,
  sex: 'female',
  deceased: false,
  index: false,
  inHousehold: false,
  ...over,
});

export function mapOf(over: {
  members?: EcogramMember[];
  ties?: EcogramTie[];
  genogram?: Partial<NetworkMapDocument['genogram']>;
  cards?: NetworkMapDocument['strengths']['cards'];
}): NetworkMapDocument {
  return {
    ecogram: { members: over.members ?? [], ties: over.ties ?? [] },
    genogram: { ...EMPTY_NETWORK_MAP.genogram, ...over.genogram },
    strengths: { cards: over.cards ?? [] },
  };
}

/**
 * A valid map of `size` members, each with a tie to the person and some ties
 * between members, and a genogram of `generations` generations where every
 * couple has three children (four generations: 29 people, six: 125): the
 * worst case the editors are built for, not a typical map.
 */
export function generateNetwork(size: number, seed = 20260501, generations = 4): NetworkMapDocument {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const members = Array.from({ length: size }, (_, i) =>
    member(`m${i}`, {
      label: `Person ${i}`,
      sector: pick(SECTORS),
      ring: pick([1, 2, 3] as const),
      formal: random() < 0.2,
      ...(random() < 0.3 ? { angle: Math.round(random() * 100) / 100 } : {}),
    }),
  );
  const ties: EcogramTie[] = members.map((m, i) =>
    tie(`t${i}`, m.id, {
      frequency: pick(CONTACT_FREQUENCIES),
      quality: pick(TIE_QUALITIES),
      load: pick(HELPER_LOADS),
      supportReceived: SUPPORT_KINDS.filter(() => random() < 0.3),
      supportGiven: SUPPORT_KINDS.filter(() => random() < 0.15),
      wish: pick(['more', 'less', 'keep'] as const),
    }),
  );
  for (let i = 1; i < size; i += 3) ties.push(tie(`x${i}`, `m${i}`, { from: `m${i - 1}` }));

  const people: GenogramPerson[] = [];
  const partnerships: NetworkMapDocument['genogram']['partnerships'] = [];
  const parentage: NetworkMapDocument['genogram']['parentage'] = [];
  // Couples per generation; each couple has children who form the next generation's couples.
  let couples: [string, string, number][] = [['g0a', 'g0b', 1930]];
  people.push(person('g0a', { sex: 'male', birthYear: 1930 }), person('g0b', { birthYear: 1932 }));
  partnerships.push({ id: 'p-g0', a: 'g0a', b: 'g0b', status: 'married' });
  for (let g = 1; g < generations; g++) {
    const next: [string, string, number][] = [];
    for (const [a, b, year] of couples) {
      for (let c = 0; c < 3; c++) {
        const id = `${a}-${c}`;
        const born = year + 25 + c * 2;
        people.push(person(id, { sex: c % 2 ? 'female' : 'male', birthYear: born, birthOrder: c + 1 }));
        parentage.push({ id: `pa-${id}`, child: id, parents: [a, b], kind: c === 2 ? 'adopted' : 'birth' });
        if (g < generations - 1 && c < 2) {
          const partner = `${id}-p`;
          people.push(person(partner, { sex: c % 2 ? 'male' : 'female', birthYear: born + 1 }));
          partnerships.push({ id: `p-${id}`, a: id, b: partner, status: c === 0 ? 'married' : 'divorced' });
          next.push([id, partner, born]);
        }
      }
    }
    couples = next;
  }
  const index = people.at(-1) as GenogramPerson;
  index.index = true;
  index.inHousehold = true;
  return {
    ecogram: { members, ties },
    genogram: {
      people,
      partnerships,
      parentage,
      bonds: [{ id: 'b1', a: 'g0a', b: index.id, kind: 'close' }],
    },
    strengths: {
      cards: [
        { cardId: 'gardening', rank: 1 },
        { cardId: 'cooking', rank: 2 },
      ],
    },
  };
}
