/** Summary of repeated timings: what the startup tables print. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  samples: number[];
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] as number) + upper) / 2;
}

/** Nearest-rank percentile of values already sorted ascending. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) throw new Error('percentile of no values');
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

export function spread(samples: readonly number[]): Spread {
  return {
    median: median(samples),
    min: Math.min(...samples),
    max: Math.max(...samples),
    samples: [...samples],
  };
}

export const formatMs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

export const formatSpread = (s: Spread) => `${formatMs(s.median)} (${formatMs(s.min)}–${formatMs(s.max)})`;

export const formatRate = (perSecond: number) => Math.round(perSecond).toLocaleString('en-US');

export const formatPercent = (ratio: number) => `${(ratio * 100).toFixed(0)}%`;

/** A plain-text table: the first column left-aligned, the others right-aligned. */
export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

/** "met" / "NOT met" with the figure and the bar, for the verdict lines under a table. */
export function verdict(label: string, met: boolean, detail: string): string {
  return `  ${met ? '✓ met    ' : '✗ NOT met'}  ${label}: ${detail}`;
}
