import type { InstrumentDefinition } from './instrument.ts';

// Hughes, Waite, Hawkley & Cacioppo (2004). The original is English; no validated Dutch or French
// wording is known, so every language is served the English original (INSTRUMENTS.md allows a
// marked Dutch working translation, which is a decision for the project, not for this data).
export const ucla3: InstrumentDefinition = {
  id: 'ucla-3',
  version: '1.0.0',
  name: {
    'nl-BE': 'UCLA-eenzaamheidsschaal, korte vorm (3 vragen)',
    'fr-BE': 'Échelle de solitude UCLA, forme courte (3 questions)',
    en: 'UCLA Loneliness Scale, short form (3 items)',
  },
  sources: [
    'Hughes, M. E., Waite, L. J., Hawkley, L. C. & Cacioppo, J. T. (2004). A short scale for measuring loneliness in large surveys. Research on Aging, 26(6), 655–672.',
  ],
  shortFormOf: null,
  items: [
    { number: 1, polarity: null, subscale: null },
    { number: 2, polarity: null, subscale: null },
    { number: 3, polarity: null, subscale: null },
  ],
  answerForms: [{ id: '3-point', codes: ['hardly_ever', 'some_of_the_time', 'often'] }],
  scoring: {
    kind: 'sum',
    points: { hardly_ever: 1, some_of_the_time: 2, often: 3 },
    // No official cut-off exists: 6 is a convention, and the UI says so.
    lonelyFrom: { default: 6, min: 4, max: 9, official: false },
    missing: 'all_items',
  },
  originalLocale: 'en',
  wordings: {
    en: {
      source:
        'Original English wording (Hughes et al. 2004), as given in INSTRUMENTS.md. No introduction on record.',
      introduction: null,
      items: {
        1: 'How often do you feel that you lack companionship?',
        2: 'How often do you feel left out?',
        3: 'How often do you feel isolated from others?',
      },
      answers: { hardly_ever: 'Hardly ever or never', some_of_the_time: 'Some of the time', often: 'Often' },
    },
  },
  fallbackLocale: 'en',
};
