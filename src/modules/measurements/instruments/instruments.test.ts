import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { acceptedCodes } from '../measurements.models.ts';
import { findInstrument, INSTRUMENTS } from './index.ts';
import { INSTRUMENT_IDS } from './instrument.ts';

const definitions = Object.values(INSTRUMENTS);

// The wording of INSTRUMENTS.md, copied here on its own so a slip in the data shows up.
const DUTCH_11: Record<number, string> = {
  1: 'Er is altijd wel iemand in mijn omgeving bij wie ik met mijn dagelijkse probleempjes terecht kan.',
  2: 'Ik mis een echt goede vriend of vriendin.',
  3: 'Ik ervaar een leegte om me heen.',
  4: 'Er zijn genoeg mensen op wie ik in geval van narigheid kan terugvallen.',
  5: 'Ik mis gezelligheid om me heen.',
  6: 'Ik vind mijn kring van kennissen te beperkt.',
  7: 'Ik heb veel mensen op wie ik volledig kan vertrouwen.',
  8: 'Er zijn voldoende mensen met wie ik me nauw verbonden voel.',
  9: 'Ik mis mensen om me heen.',
  10: 'Vaak voel ik me in de steek gelaten.',
  11: 'Wanneer ik daar behoefte aan heb, kan ik altijd bij mijn vrienden terecht.',
};

// A fingerprint per id@version: changing an instrument without a new version fails here, so a
// stored score's id and version always name the definition that produced it.
const FINGERPRINTS: Record<string, string> = {
  'djg-11@1.0.0': '8ab4e3294496dcb5',
  'djg-6@1.0.0': '4aada535e9243a60',
  'ucla-3@1.0.0': '5d65b39989b42b9e',
  'direct@1.0.0': '1a826bbdd2c7d12c',
};

const fingerprint = (value: unknown) =>
  createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

describe('the instrument definitions', () => {
  it('lists the four validated instruments under their API ids', () => {
    expect(Object.keys(INSTRUMENTS)).toEqual([...INSTRUMENT_IDS]);
    for (const [id, definition] of Object.entries(INSTRUMENTS)) expect(definition.id).toBe(id);
    expect(findInstrument('toString')).toBeUndefined();
    expect(findInstrument('djg-6')).toBe(INSTRUMENTS['djg-6']);
  });

  it('has a new version for every change to a definition', () => {
    for (const definition of definitions)
      expect(`${definition.id}@${definition.version} ${fingerprint(definition)}`).toBe(
        `${definition.id}@${definition.version} ${FINGERPRINTS[`${definition.id}@${definition.version}`]}`,
      );
  });

  it('words every item and every answer in each language it carries, fallback and original included', () => {
    for (const definition of definitions) {
      expect(definition.wordings[definition.fallbackLocale]).toBeDefined();
      expect(definition.wordings[definition.originalLocale]).toBeDefined();
      for (const wording of Object.values(definition.wordings)) {
        expect(Object.keys(wording.items).map(Number).sort()).toEqual(
          definition.items.map((i) => i.number).sort(),
        );
        for (const code of acceptedCodes(definition)) expect(wording.answers[code]).toMatch(/\S/);
      }
    }
  });

  it('carries no French wording: none is validated yet, so none is served', () => {
    for (const definition of definitions) expect(definition.wordings['fr-BE']).toBeUndefined();
  });

  it('keeps the Dutch 11-item wording of INSTRUMENTS.md, and the same words in the 6-item form', () => {
    expect(INSTRUMENTS['djg-11'].wordings['nl-BE']?.items).toEqual(DUTCH_11);
    for (const [n, text] of Object.entries(INSTRUMENTS['djg-6'].wordings['nl-BE']?.items ?? {}))
      expect(text).toBe(DUTCH_11[Number(n)]);
    expect(INSTRUMENTS['djg-6'].items.map((i) => i.number)).toEqual([3, 4, 7, 9, 8, 10]);
  });

  it('gives every De Jong Gierveld item a polarity and a subscale, the negative ones emotional', () => {
    for (const definition of [INSTRUMENTS['djg-11'], INSTRUMENTS['djg-6']])
      for (const item of definition.items)
        expect([item.polarity, item.subscale]).toEqual(
          [2, 3, 5, 6, 9, 10].includes(item.number) ? ['negative', 'emotional'] : ['positive', 'social'],
        );
  });

  it('covers every possible total with exactly one category band', () => {
    for (const definition of definitions) {
      if (definition.scoring.kind !== 'dichotomous') continue;
      for (let total = 0; total <= definition.items.length; total++)
        expect(definition.scoring.totalBands.filter((b) => total >= b.min && total <= b.max)).toHaveLength(1);
    }
  });
});
