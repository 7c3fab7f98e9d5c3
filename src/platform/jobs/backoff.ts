export interface BackoffOptions {
  /** Delay before the second attempt, before jitter. */
  baseMs: number;
  /** No retry waits longer than this. */
  maxMs: number;
}

export const defaultBackoff: BackoffOptions = { baseMs: 10_000, maxMs: 60 * 60_000 };

/**
 * How long to wait after failed attempt number `attempt` (1-based): doubling
 * from baseMs up to maxMs, then "equal jitter" (half fixed, half random) so that
 * jobs that failed together, say because the mail relay was down, do not all
 * come back in the same instant.
 */
export function retryDelayMs(attempt: number, options: BackoffOptions, random: () => number): number {
  const exponential = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}
