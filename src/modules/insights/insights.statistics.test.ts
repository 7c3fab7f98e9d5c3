import { describe, expect, it } from 'vitest';
import { addSums, lnGamma, pairedChange, sumsOf, tCdf, tQuantile } from './insights.statistics.ts';

describe('the t quantile', () => {
  // Two-sided 95% critical values from published t tables (e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.2).
  const table: [number, number][] = [
    [1, 12.706204736],
    [2, 4.30265273],
    [3, 3.182446305],
    [5, 2.570581836],
    [9, 2.262157163],
    [10, 2.228138852],
    [29, 2.045229642],
    [30, 2.042272456],
    [100, 1.983971519],
    [1000, 1.962339081],
  ];
  it.each(table)('matches the table for %i degrees of freedom', (df, expected) => {
    expect(tQuantile(0.975, df)).toBeCloseTo(expected, 7);
  });

  it('matches other tail probabilities and is symmetric', () => {
    expect(tQuantile(0.995, 10)).toBeCloseTo(3.169272673, 7);
    expect(tQuantile(0.95, 20)).toBeCloseTo(1.724718243, 7);
    expect(tQuantile(0.025, 9)).toBeCloseTo(-2.262157163, 7);
    expect(tQuantile(0.5, 4)).toBe(0);
  });

  it('approaches the normal quantile for very many degrees of freedom', () => {
    expect(tQuantile(0.975, 1e7)).toBeCloseTo(1.959963985, 5);
  });

  it('inverts its own distribution function', () => {
    for (const df of [1, 3, 14, 250])
      for (const p of [0.6, 0.9, 0.975, 0.999]) expect(tCdf(tQuantile(p, df), df)).toBeCloseTo(p, 10);
  });

  it('refuses probabilities outside (0, 1) and degrees of freedom ≤ 0', () => {
    expect(() => tQuantile(1, 5)).toThrow(RangeError);
    expect(() => tQuantile(0, 5)).toThrow(RangeError);
    expect(() => tQuantile(0.9, 0)).toThrow(RangeError);
  });

  it('computes ln Γ exactly enough for factorials and Γ(1/2)', () => {
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(lnGamma(101)).toBeCloseTo(363.73937555556347, 9);
  });
});

describe('paired change', () => {
  it('gives mean, SD, CI and Cohen’s dz of the differences', () => {
    const d = [-3, -1, 0, -2, -4, 1, -2, -3, 0, -1];
    const mean = -1.5;
    const sd = Math.sqrt(d.reduce((s, x) => s + (x - mean) ** 2, 0) / 9);
    const r = pairedChange(sumsOf(d));
    expect(r?.n).toBe(10);
    expect(r?.mean).toBeCloseTo(mean, 12);
    expect(r?.sd).toBeCloseTo(sd, 12);
    const half = 2.262157163 * (sd / Math.sqrt(10));
    expect(r?.ciLow).toBeCloseTo(mean - half, 7);
    expect(r?.ciHigh).toBeCloseTo(mean + half, 7);
    expect(r?.effectSize).toBeCloseTo(mean / sd, 12);
  });

  it('gives the same result from combined group sums as from all differences at once', () => {
    const a = [1, 2, 3, -1, 0];
    const b = [-5, -2, 4, 0, 0, 1];
    const together = pairedChange(sumsOf([...a, ...b]));
    const combined = pairedChange(addSums(sumsOf(a), sumsOf(b)));
    expect(combined).toEqual(together);
  });

  it('has no SD, interval or effect size with one pair, and nothing without pairs', () => {
    expect(pairedChange(sumsOf([4]))).toEqual({
      n: 1,
      mean: 4,
      sd: null,
      ciLow: null,
      ciHigh: null,
      effectSize: null,
    });
    expect(pairedChange(sumsOf([]))).toBeNull();
  });

  it('has a zero-width interval and no effect size when every pair changed equally', () => {
    const r = pairedChange(sumsOf(Array.from({ length: 12 }, () => -2)));
    expect(r?.sd).toBe(0);
    expect(r?.ciLow).toBe(-2);
    expect(r?.ciHigh).toBe(-2);
    expect(r?.effectSize).toBeNull();
  });
});
