import { describe, expect, it } from 'vitest';
import { INSTRUMENTS } from './instruments/index.ts';
import type { InstrumentDefinition } from './instruments/instrument.ts';
import { checkAnswers, checkThreshold, score } from './measurements.models.ts';

type Raw = Record<string, string | null>;

function scoreRaw(definition: InstrumentDefinition, raw: Raw, threshold?: number) {
  const checked = checkAnswers(definition, raw);
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return score(definition, checked.sheet, threshold === undefined ? {} : { threshold });
}

const djg11 = INSTRUMENTS['djg-11'];
const djg6 = INSTRUMENTS['djg-6'];
const ucla = INSTRUMENTS['ucla-3'];
const NEGATIVE = [2, 3, 5, 6, 9, 10];

/** The favourable answer to an item: "nee" to a negative statement, "ja" to a positive one. */
const favourable = (item: number) => (NEGATIVE.includes(item) ? 'no' : 'yes');
const unfavourable = (item: number) => (NEGATIVE.includes(item) ? 'yes' : 'no');

/** Answers with exactly the given items unfavourable. */
function answers(items: readonly number[], lonelyOn: readonly number[]): Raw {
  return Object.fromEntries(
    items.map((i) => [String(i), lonelyOn.includes(i) ? unfavourable(i) : favourable(i)]),
  );
}

const ELEVEN = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SIX = [3, 4, 7, 9, 8, 10];

describe('scoring the De Jong Gierveld items', () => {
  it.each([
    ['negative', 3, 'yes', 1],
    ['negative', 3, 'more_or_less', 1],
    ['negative', 3, 'no', 0],
    ['positive', 4, 'no', 1],
    ['positive', 4, 'more_or_less', 1],
    ['positive', 4, 'yes', 0],
  ])('scores a %s item (%i) answered %s as %i', (_polarity, item, code, expected) => {
    const raw = { ...answers(SIX, []), [String(item)]: code };
    expect(scoreRaw(djg6, raw).total).toBe(expected);
  });

  it.each([
    ['no!', 'no'],
    ['yes!', 'yes'],
  ])('counts the five-point answer %s as %s on both polarities', (five, three) => {
    for (const item of [3, 4]) {
      const withFive = scoreRaw(djg6, { ...answers(SIX, []), [String(item)]: five });
      const withThree = scoreRaw(djg6, { ...answers(SIX, []), [String(item)]: three });
      expect(withFive).toEqual(withThree);
    }
  });

  it('recodes the positive items: all "ja" gives 5 on the social subscale and 6 on the emotional one', () => {
    const allYes = Object.fromEntries(ELEVEN.map((i) => [String(i), 'yes']));
    expect(scoreRaw(djg11, allYes)).toMatchObject({ total: 6, emotional: 6, social: 0 });
    const allNo = Object.fromEntries(ELEVEN.map((i) => [String(i), 'no']));
    expect(scoreRaw(djg11, allNo)).toMatchObject({ total: 5, emotional: 0, social: 5 });
  });

  it('counts "min of meer" as lonely on every item', () => {
    const all = Object.fromEntries(ELEVEN.map((i) => [String(i), 'more_or_less']));
    expect(scoreRaw(djg11, all)).toMatchObject({ total: 11, emotional: 6, social: 5 });
  });
});

describe('the 11-item categories and subscales', () => {
  it.each([
    [0, 'not_lonely'],
    [2, 'not_lonely'],
    [3, 'moderately_lonely'],
    [8, 'moderately_lonely'],
    [9, 'severely_lonely'],
    [10, 'severely_lonely'],
    [11, 'very_severely_lonely'],
  ])('puts a total of %i in %s', (total, category) => {
    const result = scoreRaw(djg11, answers(ELEVEN, ELEVEN.slice(0, total)));
    expect(result).toMatchObject({ status: 'complete', total, category });
  });

  it('calls a subscale lonely from 3 unfavourable answers by default', () => {
    expect(scoreRaw(djg11, answers(ELEVEN, [2, 3]))).toMatchObject({
      emotional: 2,
      emotionalCategory: 'not_lonely',
      threshold: 3,
    });
    expect(scoreRaw(djg11, answers(ELEVEN, [2, 3, 5, 1, 4, 7]))).toMatchObject({
      emotional: 3,
      emotionalCategory: 'lonely',
      social: 3,
      socialCategory: 'lonely',
    });
  });

  it('applies another subscale threshold when one is set, and says which', () => {
    expect(scoreRaw(djg11, answers(ELEVEN, [2, 3]), 2)).toMatchObject({
      emotionalCategory: 'lonely',
      socialCategory: 'not_lonely',
      threshold: 2,
    });
  });

  it('reports nothing but the complete subscale when an answer is missing', () => {
    const raw = answers(ELEVEN, [1, 2, 3]);
    delete raw['9'];
    expect(scoreRaw(djg11, raw)).toEqual({
      instrument: 'djg-11',
      version: djg11.version,
      status: 'incomplete',
      total: null,
      emotional: null,
      social: 1,
      category: null,
      emotionalCategory: null,
      socialCategory: 'not_lonely',
      threshold: 3,
      missingItems: [9],
    });
  });

  it('treats an answer sent as null like one left out', () => {
    const raw = { ...answers(ELEVEN, []), 4: null };
    expect(scoreRaw(djg11, raw)).toMatchObject({ status: 'incomplete', social: null, emotional: 0 });
  });

  it('has nothing to report for an empty response', () => {
    expect(scoreRaw(djg11, {})).toMatchObject({
      status: 'incomplete',
      total: null,
      emotional: null,
      social: null,
      category: null,
      missingItems: ELEVEN,
    });
  });
});

describe('the 6-item categories, subscales and missing answers', () => {
  it.each([
    [0, 'not_lonely'],
    [1, 'not_lonely'],
    [2, 'moderately_lonely'],
    [4, 'moderately_lonely'],
    [5, 'severely_lonely'],
    [6, 'severely_lonely'],
  ])('puts a total of %i in %s', (total, category) => {
    expect(scoreRaw(djg6, answers(SIX, SIX.slice(0, total)))).toMatchObject({
      total,
      category,
      threshold: null,
    });
  });

  it('calls a subscale lonely from 1 unfavourable answer and shows the number', () => {
    expect(scoreRaw(djg6, answers(SIX, [3]))).toMatchObject({
      emotional: 1,
      emotionalCategory: 'lonely',
      social: 0,
      socialCategory: 'not_lonely',
    });
  });

  it('sums the five answered items when exactly one is missing, and flags it', () => {
    const raw = answers(SIX, [3, 9, 4]);
    delete raw['10'];
    expect(scoreRaw(djg6, raw)).toMatchObject({
      status: 'one_item_missing',
      total: 3,
      category: 'moderately_lonely',
      emotional: null,
      social: 1,
      missingItems: [10],
    });
  });

  it('reports no total when two items are missing, but still a complete subscale', () => {
    const raw = answers(SIX, [4, 7]);
    delete raw['3'];
    delete raw['9'];
    expect(scoreRaw(djg6, raw)).toMatchObject({
      status: 'incomplete',
      total: null,
      category: null,
      emotional: null,
      social: 2,
      socialCategory: 'lonely',
      missingItems: [3, 9],
    });
  });
});

describe('the UCLA 3-item scale and the direct question', () => {
  const ucl = (a: string, b: string, c: string) => ({ 1: a, 2: b, 3: c });

  it('counts a total of 6 as lonely and 5 as not lonely by default', () => {
    expect(scoreRaw(ucla, ucl('often', 'hardly_ever', 'hardly_ever'))).toMatchObject({
      total: 5,
      category: 'not_lonely',
      threshold: 6,
    });
    expect(scoreRaw(ucla, ucl('often', 'some_of_the_time', 'hardly_ever'))).toMatchObject({
      total: 6,
      category: 'lonely',
    });
  });

  it('applies the threshold that is set', () => {
    const six = ucl('often', 'some_of_the_time', 'hardly_ever');
    expect(scoreRaw(ucla, six, 7)).toMatchObject({ total: 6, category: 'not_lonely', threshold: 7 });
    expect(scoreRaw(ucla, ucl('often', 'often', 'hardly_ever'), 7)).toMatchObject({ category: 'lonely' });
  });

  it('reports no total when a UCLA question is not answered', () => {
    expect(scoreRaw(ucla, { 1: 'often', 2: 'often' })).toMatchObject({
      status: 'incomplete',
      total: null,
      category: null,
      missingItems: [3],
    });
  });

  it('calls only "often/always" chronic loneliness', () => {
    expect(scoreRaw(INSTRUMENTS.direct, { 1: 'often_always' })).toMatchObject({
      status: 'complete',
      category: 'chronic',
    });
    for (const code of ['some_of_the_time', 'occasionally', 'hardly_ever', 'never'])
      expect(scoreRaw(INSTRUMENTS.direct, { 1: code }).category).toBe('not_chronic');
  });
});

describe('checking answers', () => {
  it('names every unknown item and every answer outside the scale', () => {
    const result = checkAnswers(djg11, {
      12: 'yes',
      abc: 'no',
      '01': 'no',
      3: 'maybe',
      4: 'often',
      5: 'yes',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.field, p.code])).toEqual([
      ['answers.3', 'measurements.answer_not_on_scale'],
      ['answers.4', 'measurements.answer_not_on_scale'],
      ['answers.12', 'measurements.unknown_item'],
      ['answers.abc', 'measurements.unknown_item'],
      ['answers.01', 'measurements.unknown_item'],
    ]);
  });

  it('tells apart an item of the 11-item form sent to the 6-item form', () => {
    const result = checkAnswers(djg6, { 2: 'yes', 3: 'yes', 12: 'yes' });
    expect(result.ok ? [] : result.problems).toEqual([
      { field: 'answers.2', code: 'measurements.item_not_in_form', params: { items: '3, 4, 7, 8, 9, 10' } },
      { field: 'answers.12', code: 'measurements.unknown_item', params: { items: '3, 4, 7, 8, 9, 10' } },
    ]);
  });

  it('refuses a threshold for an instrument without one, and one outside the range', () => {
    expect(checkThreshold(djg6, 2)?.code).toBe('measurements.threshold_not_adjustable');
    expect(checkThreshold(INSTRUMENTS.direct, 2)?.code).toBe('measurements.threshold_not_adjustable');
    expect(checkThreshold(ucla, 3)).toMatchObject({
      code: 'measurements.threshold_out_of_range',
      params: { min: 4, max: 9 },
    });
    expect(checkThreshold(ucla, 10)?.code).toBe('measurements.threshold_out_of_range');
    expect(checkThreshold(ucla, 4)).toBeNull();
    expect(checkThreshold(ucla, 9)).toBeNull();
    expect(checkThreshold(djg11, 0)?.code).toBe('measurements.threshold_out_of_range');
    expect(checkThreshold(djg11, 5)).toBeNull();
  });

  it('will not score a sheet checked for another instrument', () => {
    const checked = checkAnswers(djg6, {});
    if (!checked.ok) throw new Error('unexpected');
    expect(() => score(djg11, checked.sheet)).toThrow('a djg-6 sheet scored as djg-11');
  });
});
