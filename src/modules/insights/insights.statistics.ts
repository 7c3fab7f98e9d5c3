// Paired change statistics and the Student t quantile they need. Written out
// here rather than taken from a package: it is forty lines, has no state, and
// is tested against published table values (docs/adr/0011-small-cell-suppression.md).

/** Sums over the pairs of one group, as the database returns them: enough to combine groups exactly. */
export interface PairSums {
  /** Number of pairs (baseline, latest follow-up of the same track). */
  n: number;
  /** Σ (follow-up − baseline). */
  sum: number;
  /** Σ (follow-up − baseline)². */
  sumSquares: number;
}

export interface PairedChange {
  n: number;
  /** Mean of follow-up − baseline: negative means less lonely on the De Jong Gierveld and UCLA scales. */
  mean: number;
  /** Standard deviation of the differences (n − 1 in the denominator); null with one pair. */
  sd: number | null;
  /** 95% confidence interval of the mean, t distribution with n − 1 degrees of freedom. */
  ciLow: number | null;
  ciHigh: number | null;
  /** Cohen's dz: mean difference ÷ SD of the differences; null when the SD is 0 or unknown. */
  effectSize: number | null;
}

export const addSums = (a: PairSums, b: PairSums): PairSums => ({
  n: a.n + b.n,
  sum: a.sum + b.sum,
  sumSquares: a.sumSquares + b.sumSquares,
});

export const NO_PAIRS: PairSums = { n: 0, sum: 0, sumSquares: 0 };

/** Mean change, SD, 95% CI and paired effect size from a group's sums; null without pairs. */
export function pairedChange(s: PairSums): PairedChange | null {
  if (s.n === 0) return null;
  const mean = s.sum / s.n;
  if (s.n === 1) return { n: 1, mean, sd: null, ciLow: null, ciHigh: null, effectSize: null };
  // n·Σd² − (Σd)² is exact in doubles for integer scores and millions of pairs; it never goes below 0.
  const variance = Math.max(0, (s.n * s.sumSquares - s.sum * s.sum) / (s.n * (s.n - 1)));
  const sd = Math.sqrt(variance);
  const half = tQuantile(0.975, s.n - 1) * (sd / Math.sqrt(s.n));
  return {
    n: s.n,
    mean,
    sd,
    ciLow: mean - half,
    ciHigh: mean + half,
    effectSize: sd > 0 ? mean / sd : null,
  };
}

/** The same sums from a list of differences (tests and small callers). */
export const sumsOf = (differences: readonly number[]): PairSums => ({
  n: differences.length,
  sum: differences.reduce((s, d) => s + d, 0),
  sumSquares: differences.reduce((s, d) => s + d * d, 0),
});

// ln Γ(x) for x > 0, Lanczos approximation (g = 7, 9 terms): about 15 significant digits.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0] as number;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += (LANCZOS[i] as number) / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

// Continued fraction of the incomplete beta function (modified Lentz).
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 500; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return h;
}

/** The regularised incomplete beta function I_x(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  // The fraction converges fast on this side of the mean; use the symmetry on the other.
  if (x < (a + 1) / (a + b + 2)) return (front * betaFraction(a, b, x)) / a;
  return 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom. */
export function tCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** The p-quantile of Student's t with `df` > 0 degrees of freedom, by bisection on the CDF. */
export function tQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1) || !(df > 0)) throw new RangeError(`tQuantile(${p}, ${df})`);
  if (p === 0.5) return 0;
  if (p < 0.5) return -tQuantile(1 - p, df);
  let low = 0;
  let high = 1;
  while (tCdf(high, df) < p) high *= 2;
  for (let i = 0; i < 200 && high - low > 1e-12 * Math.max(1, high); i++) {
    const mid = (low + high) / 2;
    if (tCdf(mid, df) < p) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}
