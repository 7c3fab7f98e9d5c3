/** A seeded random number in [0, 1): the same seed gives the same sequence everywhere. */
export type Random = () => number;

/**
 * mulberry32: small, fast and good enough to spread invented demo and bench
 * data or to replay a failing generated test case; never for anything secret.
 */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
