import type { Cell, ChangeStat, CountTableView } from './types.ts';

/** A shown zero: about nobody, so leaving its line out hides nothing and keeps long lists short. */
export function isShownZero(cell: Cell | null | undefined): boolean {
  return !cell || (!cell.suppressed && cell.value === 0);
}

/** The rows with at least one figure that is not a shown zero (hidden figures stay: they are about people). */
export function rowsWithPeople(table: CountTableView): CountTableView {
  return { ...table, rows: table.rows.filter((r) => !(r.cells.every(isShownZero) && isShownZero(r.total))) };
}

/** Statistics of types and periods in which someone was measured twice (or that are hidden). */
export function statsWithPairs<S extends ChangeStat>(stats: S[]): S[] {
  return stats.filter((s) => !isShownZero(s.n));
}
