import type { InstrumentDefinition, ItemDefinition, Scoring, ThreePoint, Wording } from './instrument.ts';

// De Jong Gierveld & Kamphuis (1985); 6-item form: De Jong Gierveld & Van Tilburg (2006).
const SOURCES = [
  'De Jong Gierveld, J. & Kamphuis, F. (1985). The development of a Rasch-type loneliness scale. Applied Psychological Measurement, 9(3), 289–299.',
  'De Jong Gierveld, J. & Van Tilburg, T. (2006). A 6-item scale for overall, emotional, and social loneliness. Research on Aging, 28(5), 582–598.',
  'Van Tilburg, T. & De Jong Gierveld, J. Manual of the Loneliness Scale, VU University Amsterdam.',
];

const ITEMS: Readonly<Record<number, ItemDefinition>> = {
  1: { number: 1, polarity: 'positive', subscale: 'social' },
  2: { number: 2, polarity: 'negative', subscale: 'emotional' },
  3: { number: 3, polarity: 'negative', subscale: 'emotional' },
  4: { number: 4, polarity: 'positive', subscale: 'social' },
  5: { number: 5, polarity: 'negative', subscale: 'emotional' },
  6: { number: 6, polarity: 'negative', subscale: 'emotional' },
  7: { number: 7, polarity: 'positive', subscale: 'social' },
  8: { number: 8, polarity: 'positive', subscale: 'social' },
  9: { number: 9, polarity: 'negative', subscale: 'emotional' },
  10: { number: 10, polarity: 'negative', subscale: 'emotional' },
  11: { number: 11, polarity: 'positive', subscale: 'social' },
};
const pick = (numbers: readonly number[]) => numbers.map((n) => ITEMS[n] as ItemDefinition);

const THREE_POINT = { id: '3-point', codes: ['no', 'more_or_less', 'yes'] } as const;
const FIVE_POINT = { id: '5-point', codes: ['no!', 'no', 'more_or_less', 'yes', 'yes!'] } as const;

// "nee!" counts as nee and "ja!" as ja; "min of meer" always counts as lonely.
const COUNTS_AS: Readonly<Record<string, ThreePoint>> = {
  'no!': 'no',
  no: 'no',
  more_or_less: 'more_or_less',
  yes: 'yes',
  'yes!': 'yes',
};
const SCORES_ONE = { negative: ['yes', 'more_or_less'], positive: ['no', 'more_or_less'] } as const;

const NL_ITEMS: Readonly<Record<number, string>> = {
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
const EN_ITEMS: Readonly<Record<number, string>> = {
  1: 'There is always someone I can talk to about my day-to-day problems.',
  2: 'I miss having a really close friend.',
  3: 'I experience a general sense of emptiness.',
  4: 'There are plenty of people I can lean on when I have problems.',
  5: 'I miss the pleasure of the company of others.',
  6: 'I find my circle of friends and acquaintances too limited.',
  7: 'There are many people I can trust completely.',
  8: 'There are enough people I feel close to.',
  9: 'I miss having people around.',
  10: 'I often feel rejected.',
  11: 'I can call on my friends whenever I need them.',
};

const NL: Wording = {
  source: 'Original Dutch wording (De Jong Gierveld & Kamphuis 1985), as given in INSTRUMENTS.md.',
  introduction:
    'Wilt u van elk van de volgende uitspraken aangeven in hoeverre die op u, zoals u de laatste tijd bent, van toepassing is?',
  items: NL_ITEMS,
  answers: { 'no!': 'nee!', no: 'nee', more_or_less: 'min of meer', yes: 'ja', 'yes!': 'ja!' },
};
// The English item wordings are those of INSTRUMENTS.md; the answer words those of the scale manual.
// No validated English introduction is on record, so none is served.
const EN: Wording = {
  source:
    'English items as given in INSTRUMENTS.md; answers as in the Manual of the Loneliness Scale. No validated English introduction on record.',
  introduction: null,
  items: EN_ITEMS,
  answers: { 'no!': 'no!', no: 'no', more_or_less: 'more or less', yes: 'yes', 'yes!': 'yes!' },
};

const only = (wording: Wording, numbers: readonly number[]): Wording => ({
  ...wording,
  items: Object.fromEntries(numbers.map((n) => [n, wording.items[n] as string])),
});

const ELEVEN = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
// The order of the short form as published: leegte, narigheid, vertrouwen, mis mensen, nauw verbonden, in de steek.
const SIX = [3, 4, 7, 9, 8, 10] as const;

const scoring11: Scoring = {
  kind: 'dichotomous',
  countsAs: COUNTS_AS,
  scoresOne: SCORES_ONE,
  totalBands: [
    { min: 0, max: 2, category: 'not_lonely' },
    { min: 3, max: 8, category: 'moderately_lonely' },
    { min: 9, max: 10, category: 'severely_lonely' },
    { min: 11, max: 11, category: 'very_severely_lonely' },
  ],
  subscaleLonely: { kind: 'adjustable', threshold: { default: 3, min: 1, max: 5, official: false } },
  missing: 'all_items',
};

const scoring6: Scoring = {
  kind: 'dichotomous',
  countsAs: COUNTS_AS,
  scoresOne: SCORES_ONE,
  totalBands: [
    { min: 0, max: 1, category: 'not_lonely' },
    { min: 2, max: 4, category: 'moderately_lonely' },
    { min: 5, max: 6, category: 'severely_lonely' },
  ],
  // 0 is not lonely, 1–3 lonely (CBS splits 1–2 and 3; the number itself is always shown).
  subscaleLonely: { kind: 'fixed', from: 1 },
  missing: 'one_item_may_be_missing',
};

export const djg11: InstrumentDefinition = {
  id: 'djg-11',
  version: '1.0.0',
  name: {
    'nl-BE': 'De Jong Gierveld-eenzaamheidsschaal (11 vragen)',
    'fr-BE': 'Échelle de solitude de De Jong Gierveld (11 questions)',
    en: 'De Jong Gierveld Loneliness Scale (11 items)',
  },
  sources: SOURCES,
  shortFormOf: null,
  items: pick(ELEVEN),
  answerForms: [THREE_POINT, FIVE_POINT],
  scoring: scoring11,
  originalLocale: 'nl-BE',
  wordings: { 'nl-BE': NL, en: EN },
  fallbackLocale: 'nl-BE',
};

export const djg6: InstrumentDefinition = {
  id: 'djg-6',
  version: '1.0.0',
  name: {
    'nl-BE': 'De Jong Gierveld-eenzaamheidsschaal, korte vorm (6 vragen)',
    'fr-BE': 'Échelle de solitude de De Jong Gierveld, forme courte (6 questions)',
    en: 'De Jong Gierveld Loneliness Scale, short form (6 items)',
  },
  sources: SOURCES,
  shortFormOf: 'djg-11',
  items: pick(SIX),
  answerForms: [THREE_POINT, FIVE_POINT],
  scoring: scoring6,
  originalLocale: 'nl-BE',
  wordings: { 'nl-BE': only(NL, SIX), en: only(EN, SIX) },
  fallbackLocale: 'nl-BE',
};
