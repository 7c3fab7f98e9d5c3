import { describe, expect, it } from 'vitest';
import {
  answeredCount,
  answerForm,
  brusselsDay,
  completeAnswers,
  parseMonths,
  tokenFromHash,
} from './answers.ts';
import type { Instrument } from './types.ts';

const option = (code: string) => ({ code, label: code, countsAs: null, points: null });
const instrument = {
  items: [3, 4, 7].map((number) => ({ number, text: `item ${number}`, polarity: null, subscale: null })),
  answerForms: [
    { id: '3-point', options: ['no', 'more_or_less', 'yes'].map(option) },
    { id: '5-point', options: ['no!', 'no', 'more_or_less', 'yes', 'yes!'].map(option) },
  ],
} as unknown as Instrument;

describe('answers of a measurement', () => {
  it('sends every item of the instrument, a skipped one as null', () => {
    expect(completeAnswers(instrument, { 3: 'yes', 7: null })).toEqual({ '3': 'yes', '4': null, '7': null });
  });

  it('counts only the questions with an answer', () => {
    expect(answeredCount(instrument, { 3: 'yes', 4: null })).toBe(1);
  });

  it('uses the answer form asked for, and the first one when it does not exist', () => {
    expect(answerForm(instrument, '5-point').options).toHaveLength(5);
    expect(answerForm(instrument, 'seven').id).toBe('3-point');
    expect(answerForm(instrument, null).id).toBe('3-point');
  });

  it('takes the day in Brussels, not the device’s time zone', () => {
    expect(brusselsDay(new Date('2026-03-01T23:30:00Z'))).toBe('2026-03-02');
    expect(brusselsDay(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
  });

  it('reads follow-up months as sorted unique whole numbers from 1 to 60, or refuses them', () => {
    expect(parseMonths('12, 3;6 3')).toEqual([3, 6, 12]);
    expect(parseMonths('  ')).toEqual([]);
    expect(parseMonths('3, 0')).toBeNull();
    expect(parseMonths('61')).toBeNull();
    expect(parseMonths('3.5')).toBeNull();
    expect(parseMonths('drie')).toBeNull();
  });

  it('reads the token after # and survives a broken escape', () => {
    expect(tokenFromHash('#abc_DEF-123')).toBe('abc_DEF-123');
    expect(tokenFromHash('')).toBe('');
    expect(tokenFromHash('#%E0%A4%A')).toBe('');
  });
});
