import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../platform/random.ts';
import { INSTRUMENTS } from './instruments/index.ts';
import type { InstrumentDefinition } from './instruments/instrument.ts';
import { checkAnswers, score } from './measurements.models.ts';
import {
  difference,
  type Expected,
  type Raw,
  referenceDirect,
  referenceDjg6,
  referenceDjg11,
  referenceUcla,
} from './measurements.reference.fixture.ts';

const THREE = ['no', 'more_or_less', 'yes'];
const FIVE = ['no!', 'no', 'more_or_less', 'yes', 'yes!'];
const ELEVEN = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SIX = [3, 4, 7, 9, 8, 10];

/** Every combination of `choices` over `items`: choices.length ** items.length answer sets. */
function* combinations(items: number[], choices: (string | null)[]): Generator<Raw> {
  const digits = items.map(() => 0);
  const count = choices.length ** items.length;
  for (let n = 0; n < count; n++) {
    const raw: Raw = {};
    items.forEach((item, i) => {
      const choice = choices[digits[i] as number] as string | null;
      if (choice !== null) raw[String(item)] = choice;
    });
    yield raw;
    for (let i = 0; i < digits.length; i++) {
      digits[i] = (digits[i] as number) + 1;
      if ((digits[i] as number) < choices.length) break;
      digits[i] = 0;
    }
  }
}

/** Scores each answer set through the public path (check, then score) and lists the first mismatches. */
function mismatches(
  definition: InstrumentDefinition,
  answerSets: Iterable<Raw>,
  reference: (raw: Raw) => Expected,
  threshold?: number,
) {
  const found: string[] = [];
  let checked = 0;
  for (const raw of answerSets) {
    checked++;
    const result = checkAnswers(definition, raw);
    if (!result.ok) {
      found.push(`${JSON.stringify(raw)} refused: ${JSON.stringify(result.problems)}`);
    } else {
      const actual = score(definition, result.sheet, threshold === undefined ? {} : { threshold });
      const diff = difference(actual, reference(raw));
      if (diff) found.push(`${JSON.stringify(raw)} → ${diff}`);
    }
    if (found.length >= 5) break;
  }
  return { found, checked };
}

describe('De Jong Gierveld 11 items, against a plain reading of INSTRUMENTS.md', () => {
  const djg11 = INSTRUMENTS['djg-11'];

  it('scores all 3^11 = 177,147 complete three-point answer sets exactly like the reference', () => {
    const { found, checked } = mismatches(djg11, combinations(ELEVEN, THREE), (raw) => referenceDjg11(raw));
    expect(found).toEqual([]);
    expect(checked).toBe(177_147);
  });

  it('scores every pattern of missing answers (2^11) with random answers like the reference', () => {
    const random = seededRandom(11);
    function* sets() {
      for (let mask = 0; mask < 2 ** 11; mask++) {
        for (let k = 0; k < 20; k++) {
          const raw: Raw = {};
          ELEVEN.forEach((item, i) => {
            if ((mask >> i) & 1) raw[String(item)] = FIVE[Math.floor(random() * FIVE.length)] as string;
          });
          yield raw;
        }
      }
    }
    const { found, checked } = mismatches(djg11, sets(), (raw) => referenceDjg11(raw));
    expect(found).toEqual([]);
    expect(checked).toBe(2 ** 11 * 20);
  });

  it('scores 100,000 random five-point answer sets like the reference, at every allowed subscale threshold', () => {
    for (const threshold of [1, 2, 3, 4, 5]) {
      const random = seededRandom(threshold);
      function* sets() {
        for (let n = 0; n < 20_000; n++) {
          const raw: Raw = {};
          for (const item of ELEVEN) raw[String(item)] = FIVE[Math.floor(random() * FIVE.length)] as string;
          yield raw;
        }
      }
      const { found } = mismatches(djg11, sets(), (raw) => referenceDjg11(raw, threshold), threshold);
      expect(found).toEqual([]);
    }
  });
});

describe('De Jong Gierveld 6 items, against a plain reading of INSTRUMENTS.md', () => {
  const djg6 = INSTRUMENTS['djg-6'];

  it('scores all 3^6 = 729 complete three-point answer sets like the reference', () => {
    const { found, checked } = mismatches(djg6, combinations(SIX, THREE), referenceDjg6);
    expect(found).toEqual([]);
    expect(checked).toBe(729);
  });

  it('scores all 6^6 = 46,656 answer sets over the five-point answers and "not answered" like the reference', () => {
    const { found, checked } = mismatches(djg6, combinations(SIX, [...FIVE, null]), referenceDjg6);
    expect(found).toEqual([]);
    expect(checked).toBe(46_656);
  });
});

describe('UCLA 3 items and the direct question, against a plain reading of INSTRUMENTS.md', () => {
  it('scores all 4^3 UCLA answer sets (with "not answered") like the reference at every allowed threshold', () => {
    for (const threshold of [4, 5, 6, 7, 8, 9]) {
      const { found, checked } = mismatches(
        INSTRUMENTS['ucla-3'],
        combinations([1, 2, 3], ['hardly_ever', 'some_of_the_time', 'often', null]),
        (raw) => referenceUcla(raw, threshold),
        threshold,
      );
      expect(found).toEqual([]);
      expect(checked).toBe(64);
    }
  });

  it('scores the UCLA answers with the default threshold of 6 when none is given', () => {
    const { found } = mismatches(
      INSTRUMENTS['ucla-3'],
      combinations([1, 2, 3], ['hardly_ever', 'some_of_the_time', 'often']),
      (raw) => referenceUcla(raw),
    );
    expect(found).toEqual([]);
  });

  it('scores every answer of the direct question, and no answer, like the reference', () => {
    const answers = ['often_always', 'some_of_the_time', 'occasionally', 'hardly_ever', 'never', null];
    const { found, checked } = mismatches(INSTRUMENTS.direct, combinations([1], answers), referenceDirect);
    expect(found).toEqual([]);
    expect(checked).toBe(6);
  });
});
