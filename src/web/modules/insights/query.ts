import type { Filters } from './types.ts';

/** The query string of every insights request: only the filters that are set. */
export function insightsQuery(filters: Filters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra })) if (value) params.set(key, value);
  return params.toString();
}

/** The last 36 months, newest first: the longest range the server accepts. */
export function recentMonths(now = new Date()): string[] {
  const months: string[] = [];
  for (let i = 0; i < 36; i++) {
    const d = new Date(Date.UTC(now.getFullYear(), now.getMonth() - i, 1));
    months.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return months;
}
