import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './backoff.ts';

const options = { baseMs: 1_000, maxMs: 60_000 };

describe('retry backoff', () => {
  it('doubles the delay after every failed attempt', () => {
    const delays = [1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, options, () => 1));
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it('never waits longer than the maximum', () => {
    expect(retryDelayMs(30, options, () => 1)).toBe(60_000);
  });

  it('keeps at least half of the delay whatever the jitter draws', () => {
    expect(retryDelayMs(3, options, () => 0)).toBe(2_000);
    expect(retryDelayMs(3, options, () => 0.5)).toBe(3_000);
  });
});
