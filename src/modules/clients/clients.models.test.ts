import { describe, expect, it } from 'vitest';
import { birthDateProblem, brusselsToday, canMoveReferral, containsPattern } from './clients.models.ts';

describe('referral steps', () => {
  it('goes forward from proposed through sent and started to completed', () => {
    expect(canMoveReferral('proposed', 'sent')).toBe(true);
    expect(canMoveReferral('sent', 'started')).toBe(true);
    expect(canMoveReferral('started', 'completed')).toBe(true);
  });

  it('never leaves a final step, nor skips starting', () => {
    expect(canMoveReferral('completed', 'started')).toBe(false);
    expect(canMoveReferral('declined', 'sent')).toBe(false);
    expect(canMoveReferral('proposed', 'completed')).toBe(false);
  });

  it('allows staying on the same step (to change only the outcome note)', () => {
    expect(canMoveReferral('completed', 'completed')).toBe(true);
  });
});

describe('dates of birth', () => {
  const now = new Date('2026-03-01T23:30:00Z'); // already 2 March in Brussels

  it('takes today in Brussels, not in UTC', () => {
    expect(brusselsToday(now)).toBe('2026-03-02');
    expect(birthDateProblem('2026-03-02', now)).toBeNull();
  });

  it('refuses tomorrow and more than 125 years ago', () => {
    expect(birthDateProblem('2026-03-03', now)).toBe('in_future');
    expect(birthDateProblem('1890-01-01', now)).toBe('too_old');
    expect(birthDateProblem('1930-06-30', now)).toBeNull();
  });
});

it('escapes the wildcards of a search text', () => {
  expect(containsPattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
});
