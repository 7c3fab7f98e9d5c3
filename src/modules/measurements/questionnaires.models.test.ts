import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Item } from '../../contracts/questionnaires.ts';
import {
  answerInWords,
  checkAnswers,
  definitionProblems,
  localize,
  responsesCsv,
} from './questionnaires.models.ts';

const items: Item[] = [
  {
    code: 'mood',
    text: { 'nl-BE': 'Hoe gaat het?', 'fr-BE': 'Comment ça va ?' },
    required: true,
    scale: {
      type: 'choice',
      options: [
        { code: 'good', label: { 'nl-BE': 'goed' } },
        { code: 'bad', label: { 'nl-BE': 'niet goed', en: 'not well' } },
      ],
    },
  },
  {
    code: 'visits',
    text: { 'nl-BE': 'Bezoekjes?' },
    required: true,
    scale: { type: 'number', min: -2, max: 7 },
  },
  { code: 'pet', text: { 'nl-BE': 'Huisdier?' }, required: false, scale: { type: 'yes_no' } },
  { code: 'note', text: { 'nl-BE': 'Nog iets?' }, required: false, scale: { type: 'text', maxLength: 5 } },
];

describe('custom questionnaire rules', () => {
  it('accept answers on their scales, keep every item, trim texts and count an empty text as open', () => {
    expect(checkAnswers(items, { mood: 'bad', visits: -2, pet: false, note: '  kat  ' })).toEqual({
      problems: [],
      answers: { mood: 'bad', visits: -2, pet: false, note: 'kat' },
    });
    expect(checkAnswers(items, { mood: 'good', visits: 7, note: '   ' }).answers).toEqual({
      mood: 'good',
      visits: 7,
      pet: null,
      note: null,
    });
  });

  it('name every problem: unknown item, off the scale, wrong kind, too long, required and open', () => {
    const { problems, answers } = checkAnswers(items, {
      mood: 'GOOD',
      visits: 8,
      pet: 'yes',
      note: 'zes tekens',
      extra: 1,
    });
    expect(answers).toEqual({});
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['answers.extra', 'questionnaires.unknown_item'],
      ['answers.mood', 'questionnaires.answer_not_an_option'],
      ['answers.visits', 'questionnaires.answer_out_of_range'],
      ['answers.pet', 'questionnaires.answer_not_yes_no'],
      ['answers.note', 'questionnaires.answer_too_long'],
    ]);
    expect(checkAnswers(items, { visits: '3' }).problems.map((p) => [p.field, p.code])).toEqual([
      ['answers.mood', 'questionnaires.answer_required'],
      ['answers.visits', 'questionnaires.answer_out_of_range'],
    ]);
  });

  it('find clashing codes and empty ranges in a definition', () => {
    const clash = [
      items[0] as Item,
      { ...(items[1] as Item), code: 'mood', scale: { type: 'number' as const, min: 3, max: 3 } },
    ];
    expect(
      definitionProblems({ title: { 'nl-BE': 'x' }, intro: null, items: clash }).map((p) => p.field),
    ).toEqual(['items.1.code', 'items.1.scale.max']);
  });

  it('fall back to Dutch where a text was not translated, and say yes/no and choices in words', () => {
    expect(localize({ 'nl-BE': 'ja', en: 'yes' }, 'fr-BE')).toBe('ja');
    const yesNo = { yes: 'oui', no: 'non' };
    expect(answerInWords(items[0] as Item, 'bad', 'en', yesNo)).toBe('not well');
    expect(answerInWords(items[2] as Item, false, 'fr-BE', yesNo)).toBe('non');
    expect(answerInWords(items[1] as Item, 0, 'nl-BE', yesNo)).toBe('0');
    expect(answerInWords(items[3] as Item, null, 'nl-BE', yesNo)).toBeNull();
  });

  it('write the CSV with one column per item code, quoting and defusing formulas in typed text', () => {
    const csv = responsesCsv(items, [
      {
        id: 'r1',
        answeredOn: '2026-05-01',
        createdAt: new Date('2026-05-01T08:00:00Z'),
        answers: { mood: 'good', visits: -1, pet: true, note: '@SUM' },
      },
      {
        id: 'r2',
        answeredOn: '2026-05-02',
        createdAt: new Date('2026-05-02T08:00:00Z'),
        answers: { mood: 'bad', visits: 3, pet: null, note: 'a,"b"' },
      },
    ]);
    expect(parse(csv)).toEqual([
      ['response_id', 'answered_on', 'recorded_at', 'mood', 'visits', 'pet', 'note'],
      ['r1', '2026-05-01', '2026-05-01T08:00:00.000Z', 'good', '-1', 'yes', "'@SUM"],
      ['r2', '2026-05-02', '2026-05-02T08:00:00.000Z', 'bad', '3', '', 'a,"b"'],
    ]);
  });
});
