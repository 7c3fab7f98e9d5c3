import type { InstrumentDefinition } from './instrument.ts';

// The ONS direct question. The Dutch wording is the one given in INSTRUMENTS.md; no French
// wording is on record, so French readers get the Dutch one, marked as such.
export const direct: InstrumentDefinition = {
  id: 'direct',
  version: '1.0.0',
  name: {
    'nl-BE': 'Rechtstreekse vraag naar eenzaamheid (ONS)',
    'fr-BE': 'Question directe sur la solitude (ONS)',
    en: 'Direct question on loneliness (ONS)',
  },
  sources: [
    'Office for National Statistics (UK), national measures of loneliness (2018): “How often do you feel lonely?”',
  ],
  shortFormOf: null,
  items: [{ number: 1, polarity: null, subscale: null }],
  answerForms: [
    { id: '5-point', codes: ['often_always', 'some_of_the_time', 'occasionally', 'hardly_ever', 'never'] },
  ],
  scoring: { kind: 'single_choice', chronic: ['often_always'] },
  originalLocale: 'en',
  wordings: {
    en: {
      source: 'Original English wording (ONS), as given in INSTRUMENTS.md.',
      introduction: null,
      items: { 1: 'How often do you feel lonely?' },
      answers: {
        often_always: 'Often/always',
        some_of_the_time: 'Some of the time',
        occasionally: 'Occasionally',
        hardly_ever: 'Hardly ever',
        never: 'Never',
      },
    },
    'nl-BE': {
      source: 'Dutch wording as given in INSTRUMENTS.md.',
      introduction: null,
      items: { 1: 'Hoe vaak voelt u zich eenzaam?' },
      answers: {
        often_always: 'vaak/altijd',
        some_of_the_time: 'soms',
        occasionally: 'af en toe',
        hardly_ever: 'zelden',
        never: 'nooit',
      },
    },
  },
  fallbackLocale: 'nl-BE',
};
