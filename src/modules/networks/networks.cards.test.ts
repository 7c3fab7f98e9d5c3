import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVICE_TYPES } from '../../contracts/directory-vocabulary.ts';
import { STRENGTH_CATEGORIES, strengthCard } from '../../contracts/networks.ts';
import { fromProjectRoot } from '../../platform/paths.ts';
import { isStrengthCardId, STRENGTH_CARDS, strengthCardById } from './networks.cards.ts';

const LOCALES = ['nl-BE', 'fr-BE', 'en'] as const;
const read = (locale: string, file: string) =>
  JSON.parse(readFileSync(fromProjectRoot('src', 'locales', locale, file), 'utf8'));

describe('STRENGTH_CARDS', () => {
  it('holds about forty cards with unique ids that the contract accepts', () => {
    expect(STRENGTH_CARDS.length).toBeGreaterThanOrEqual(40);
    const ids = STRENGTH_CARDS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(strengthCard.safeParse({ cardId: id, rank: 1 }).success).toBe(true);
  });

  it('covers every category with several cards, each leading to known kinds of initiative', () => {
    for (const category of STRENGTH_CATEGORIES)
      expect(STRENGTH_CARDS.filter((c) => c.category === category).length).toBeGreaterThanOrEqual(6);
    for (const card of STRENGTH_CARDS) {
      expect(card.serviceTypes.length).toBeGreaterThan(0);
      for (const type of card.serviceTypes) expect(SERVICE_TYPES).toContain(type);
      expect(card.keywords.length).toBeGreaterThan(0);
      for (const k of card.keywords) expect(k).toBe(k.toLowerCase());
    }
  });

  it('links the cards of the conversation set to where they can be lived out', () => {
    expect(strengthCardById('gardening')?.serviceTypes).toContain('community_garden');
    expect(strengthCardById('cooking')?.serviceTypes).toEqual(['soup_cafe', 'neighbourhood_restaurant']);
    expect(strengthCardById('computers')?.serviceTypes).toContain('digital_inclusion');
    expect(strengthCardById('meeting_new_people')?.serviceTypes).toEqual([
      'meeting_place',
      'neighbourhood_salon',
    ]);
    expect(strengthCardById('doing_errands')?.serviceTypes).toContain('volunteering');
    expect(isStrengthCardId('flying')).toBe(false);
  });

  it('has a label for every card, and no label for a card that does not exist, in server and web texts', () => {
    const ids = STRENGTH_CARDS.map((c) => c.id).sort();
    for (const locale of LOCALES) {
      const server = read(locale, 'networks.json').networks.cards;
      const web = read(locale, 'web-networks-cards.json').web.networks.cards;
      expect(Object.keys(server).sort()).toEqual(ids);
      expect(web).toEqual(server);
      for (const label of Object.values(server)) expect(String(label).trim()).not.toBe('');
      expect(Object.keys(read(locale, 'networks.json').networks.cardCategories).sort()).toEqual(
        [...STRENGTH_CATEGORIES].sort(),
      );
    }
  });

  it('keeps the three languages in step: the same keys everywhere in networks.json', () => {
    const keys = (tree: unknown, prefix = ''): string[] =>
      tree && typeof tree === 'object'
        ? Object.entries(tree).flatMap(([k, v]) => keys(v, `${prefix}${k}.`))
        : [prefix.slice(0, -1)];
    const [first, ...rest] = LOCALES.map((l) => keys(read(l, 'networks.json')).sort());
    for (const other of rest) expect(other).toEqual(first);
  });
});
