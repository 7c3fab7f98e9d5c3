// Whole calendar months, as 'YYYY-MM' text: no time zones involved.

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

export const quarterOf = (month: string) =>
  `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;

/** The quarters and years that the months touch, in order. */
export function periodsOf(months: readonly string[]) {
  return {
    quarters: [...new Set(months.map(quarterOf))],
    years: [...new Set(months.map((m) => m.slice(0, 4)))],
  };
}
