// Small-cell suppression for figures about people (docs/adr/0011-small-cell-suppression.md).
//
// Every figure a response publishes is a variable of one system; every known
// linear relation between figures (a total is the sum of its parts, the same
// count shown in two views is one variable) is an equation of that system.
// Primary suppression hides each figure from 1 to MIN_PEOPLE − 1 people (a
// zero is about nobody, and hiding it would not hold: hidden cells that must
// add up to nothing are all zero);
// complementary suppression then hides more figures until no hidden figure can
// be solved from the shown ones: a hidden variable is recoverable exactly when
// no solution of the homogeneous system restricted to the hidden variables
// moves it, which we test on the reduced row echelon form.

/** No count or statistic is published from fewer than this many people. */
export const MIN_PEOPLE = 10;

/**
 * Cell-key perturbation (ABS TableBuilder, ONS): every person-record has a
 * pseudo-random key (hashtext of its id, in the database); a figure's key is
 * the sum of its contributors' keys modulo 2^32, so the same people always
 * give the same figure, whichever request shows it, and different people give
 * independent noise. That makes a difference of two overlapping figures (two
 * month ranges, a municipality and the coordinator's set, this month and last)
 * come out noisy instead of exact. Suppression still hides everything from
 * fewer than MIN_PEOPLE people; noise never shows a figure below MIN_PEOPLE
 * and never touches a zero.
 */
export function cellKeyOf(contributors: number): number {
  const m = contributors % 4_294_967_296;
  return (m < 0 ? m + 4_294_967_296 : m) / 4_294_967_296;
}

/** The noise of a cell key: −2 (5%), −1 (20%), 0 (50%), +1 (20%), +2 (5%). */
export function noiseOf(key: number): number {
  if (key < 0.05) return -2;
  if (key < 0.25) return -1;
  if (key < 0.75) return 0;
  if (key < 0.95) return 1;
  return 2;
}

/** A count as published: zero stays zero, anything else moves by its noise but never below MIN_PEOPLE. */
export function perturb(value: number, contributors: number): number {
  if (value === 0) return 0;
  return Math.max(MIN_PEOPLE, value + noiseOf(cellKeyOf(contributors)));
}

/** One published figure: its value, or null when it is suppressed. */
export interface Cell {
  value: number | null;
  suppressed: boolean;
}

export const shown = (value: number): Cell => ({ value, suppressed: false });
export const hidden = (): Cell => ({ value: null, suppressed: true });

interface Variable {
  key: string;
  value: number;
  /** Hidden whatever its value: a count of pairs from fewer than MIN_PEOPLE people, say. */
  forced: boolean;
  /** A total: chosen as a complement only after the cells of the same size. */
  total: boolean;
  /** Sum of the contributors' record keys (see perturb); without it the figure is published exactly. */
  contributors?: number;
}

/** A count table: `cells[row][column]`, with its row and column keys. */
export interface CountTable {
  rows: string[];
  columns: string[];
  cells: number[][];
  /** Per cell, the sum of its contributors' record keys (margins add them up); omitted: published exactly. */
  contributors?: number[][];
}

export interface FigureOptions {
  forced?: boolean;
  total?: boolean;
  /** Sum of the contributors' record keys: the published figure carries their noise. */
  contributors?: number;
}

export interface TableOptions {
  /** Publish each row's total (the sum over the columns). */
  rowTotals: boolean;
  /** Publish each column's total (the sum over the rows). */
  columnTotals: boolean;
  /** Publish the grand total; needs rowTotals or columnTotals. */
  total: boolean;
  /** Cells hidden whatever their count, by `row|column` key. */
  forced?: ReadonlySet<string>;
}

/** Keys of a table's figures in a plan: its own cells, its margins, and an optional shared grand total. */
export interface TableKeys {
  cell: (row: number, column: number) => string;
  rowTotal: (row: number) => string;
  columnTotal: (column: number) => string;
  total: string;
}

/**
 * All the figures of one response and the relations between them. Figures
 * shown in more than one view get one key, so they are one variable and are
 * shown or hidden together everywhere (API, CSV, PDF).
 */
export class SuppressionPlan {
  private readonly variables: Variable[] = [];
  private readonly index = new Map<string, number>();
  private readonly sums: { total: number; parts: number[] }[] = [];
  private suppressed: boolean[] | null = null;

  /** Adds a figure (or returns the one with this key; its value must agree). */
  figure(key: string, value: number, opts: FigureOptions = {}): number {
    const known = this.index.get(key);
    if (known !== undefined) {
      const v = this.variables[known] as Variable;
      if (v.value !== value)
        throw new Error(`figure ${key} is ${v.value} in one view and ${value} in another`);
      if (v.contributors !== opts.contributors)
        throw new Error(`figure ${key} has other contributors in another view`);
      v.forced ||= opts.forced ?? false;
      return known;
    }
    this.suppressed = null;
    this.variables.push({
      key,
      value,
      forced: opts.forced ?? false,
      total: opts.total ?? false,
      ...(opts.contributors === undefined ? {} : { contributors: opts.contributors }),
    });
    this.index.set(key, this.variables.length - 1);
    return this.variables.length - 1;
  }

  /** Declares that the figure `total` is the sum of `parts` (all already added). */
  sum(total: string, parts: readonly string[]) {
    const t = this.lookup(total);
    const p = parts.map((k) => this.lookup(k));
    if (p.includes(t)) throw new Error(`total ${total} is one of its own parts`);
    const check = p.reduce((s, i) => s + (this.variables[i] as Variable).value, 0);
    if (check !== (this.variables[t] as Variable).value)
      throw new Error(
        `total ${total} is ${(this.variables[t] as Variable).value}, its parts sum to ${check}`,
      );
    this.suppressed = null;
    this.sums.push({ total: t, parts: p });
  }

  /**
   * Adds a count table with the margins asked for, under `prefix`, and the
   * equations linking them. A grand total key may be shared with other views.
   */
  table(prefix: string, table: CountTable, opts: TableOptions & { totalKey?: string }): TableKeys {
    const keys: TableKeys = {
      cell: (r, c) => `${prefix}|${table.rows[r]}|${table.columns[c]}`,
      rowTotal: (r) => `${prefix}|${table.rows[r]}|*`,
      columnTotal: (c) => `${prefix}|*|${table.columns[c]}`,
      total: opts.totalKey ?? `${prefix}|*|*`,
    };
    const rowSum = (r: number) => (table.cells[r] ?? []).reduce((s, v) => s + v, 0);
    const columnSum = (c: number) => table.cells.reduce((s, row) => s + (row[c] ?? 0), 0);
    const keyed = table.contributors;
    const cellKeys = (r: number, c: number) => keyed?.[r]?.[c] ?? 0;
    const keysOf = (cells: [number, number][]) =>
      keyed ? { contributors: cells.reduce((s, [r, c]) => s + cellKeys(r, c), 0) } : {};
    const rowCells = (r: number) => table.columns.map((_, c) => [r, c] as [number, number]);
    const columnCells = (c: number) => table.rows.map((_, r) => [r, c] as [number, number]);
    table.rows.forEach((row, r) => {
      table.columns.forEach((column, c) => {
        this.figure(keys.cell(r, c), table.cells[r]?.[c] ?? 0, {
          forced: opts.forced?.has(`${row}|${column}`) ?? false,
          ...keysOf([[r, c]]),
        });
      });
    });
    const columnIndexes = table.columns.map((_, c) => c);
    const rowIndexes = table.rows.map((_, r) => r);
    if (opts.rowTotals)
      rowIndexes.forEach((r) => {
        this.figure(keys.rowTotal(r), rowSum(r), { total: true, ...keysOf(rowCells(r)) });
        this.sum(
          keys.rowTotal(r),
          columnIndexes.map((c) => keys.cell(r, c)),
        );
      });
    if (opts.columnTotals)
      columnIndexes.forEach((c) => {
        this.figure(keys.columnTotal(c), columnSum(c), { total: true, ...keysOf(columnCells(c)) });
        this.sum(
          keys.columnTotal(c),
          rowIndexes.map((r) => keys.cell(r, c)),
        );
      });
    if (opts.total) {
      const grand = table.cells.reduce((s, _, r) => s + rowSum(r), 0);
      this.figure(keys.total, grand, { total: true, ...keysOf(rowIndexes.flatMap(rowCells)) });
      if (opts.rowTotals) this.sum(keys.total, rowIndexes.map(keys.rowTotal));
      if (opts.columnTotals) this.sum(keys.total, columnIndexes.map(keys.columnTotal));
      if (!opts.rowTotals && !opts.columnTotals)
        this.sum(
          keys.total,
          rowIndexes.flatMap((r) => columnIndexes.map((c) => keys.cell(r, c))),
        );
    }
    return keys;
  }

  /** The figure with this key as published: its value (with its noise, when it has contributors), or hidden. */
  cell(key: string): Cell {
    const i = this.lookup(key);
    if (this.solve()[i]) return hidden();
    const v = this.variables[i] as Variable;
    return shown(v.contributors === undefined ? v.value : perturb(v.value, v.contributors));
  }

  isSuppressed(key: string): boolean {
    return this.solve()[this.lookup(key)] as boolean;
  }

  /** Runs primary and complementary suppression to a fixed point (once; cached). */
  solve(): readonly boolean[] {
    if (this.suppressed) return this.suppressed;
    const out = this.variables.map((v) => v.forced || (v.value > 0 && v.value < MIN_PEOPLE));
    // First the textbook rule, cheap and enough for most tables: a relation with
    // one hidden figure gets its smallest shown figure hidden too. Then the exact
    // check; while figures are still exposed (through several relations at once),
    // one complement at a time: of the shown figures sharing a relation with an
    // exposed one, the one that leaves the fewest exposed, then the smallest.
    for (;;) {
      this.hideLoneFigures(out);
      const exposed = recoverable(this.variables.length, this.sums, out);
      if (exposed.length === 0) break;
      const candidates = this.candidatesFor(exposed, out).slice(0, MAX_CANDIDATES);
      // Nothing left to hide beside them: only possible if the relations are contradictory.
      if (candidates.length === 0) throw new Error('complementary suppression found no figure to hide');
      let best = candidates[0] as number;
      let fewest = Number.POSITIVE_INFINITY;
      for (const k of candidates) {
        out[k] = true;
        const left = recoverable(this.variables.length, this.sums, out).length;
        out[k] = false;
        if (left < fewest) {
          fewest = left;
          best = k;
        }
        if (left === 0) break;
      }
      out[best] = true;
    }
    this.suppressed = out;
    return out;
  }

  /** Until none is left: in every relation with exactly one hidden figure, hide the smallest shown one. */
  private hideLoneFigures(out: boolean[]) {
    for (let changed = true; changed; ) {
      changed = false;
      for (const s of this.sums) {
        const line = [s.total, ...s.parts];
        if (line.filter((k) => out[k]).length !== 1) continue;
        let best: number | null = null;
        for (const k of line) if (!out[k] && (best === null || this.smaller(k, best))) best = k;
        if (best === null) continue;
        out[best] = true;
        changed = true;
      }
    }
  }

  /**
   * The shown figures that share a relation with an exposed one, smallest
   * first: cells before totals, and zeros last (a hidden zero beside a hidden
   * count protects little once a reader guesses it is zero).
   */
  private candidatesFor(exposed: readonly number[], out: readonly boolean[]): number[] {
    const wanted = new Set(exposed);
    const found = new Set<number>();
    for (const s of this.sums) {
      if (!wanted.has(s.total) && !s.parts.some((p) => wanted.has(p))) continue;
      for (const k of [s.total, ...s.parts]) if (!out[k]) found.add(k);
    }
    return [...found].sort((a, b) => (this.smaller(a, b) ? -1 : this.smaller(b, a) ? 1 : 0));
  }

  private smaller(a: number, b: number): boolean {
    const va = this.variables[a] as Variable;
    const vb = this.variables[b] as Variable;
    if ((va.value === 0) !== (vb.value === 0)) return vb.value === 0;
    if (va.value !== vb.value) return va.value < vb.value;
    if (va.total !== vb.total) return !va.total;
    return a < b;
  }

  private lookup(key: string): number {
    const i = this.index.get(key);
    if (i === undefined) throw new Error(`no figure ${key}`);
    return i;
  }
}

const EPSILON = 1e-9;
/** Complements tried per step: the smallest few are where a good one is. */
const MAX_CANDIDATES = 12;

/**
 * The hidden variables that the shown ones determine: with the shown values
 * moved to the right-hand side, variable j is fixed exactly when, in the
 * reduced row echelon form of the equations over the hidden variables, j is a
 * pivot whose row has no other non-zero entry.
 */
export function recoverable(
  count: number,
  sums: readonly { total: number; parts: readonly number[] }[],
  suppressed: readonly boolean[],
): number[] {
  const hiddenVars: number[] = [];
  const column = new Map<number, number>();
  for (let i = 0; i < count; i++)
    if (suppressed[i]) {
      column.set(i, hiddenVars.length);
      hiddenVars.push(i);
    }
  const width = hiddenVars.length;
  const rows: Float64Array[] = [];
  for (const s of sums) {
    const row = new Float64Array(width);
    let any = false;
    const put = (v: number, coefficient: number) => {
      const c = column.get(v);
      if (c === undefined) return;
      row[c] = (row[c] as number) + coefficient;
      any = true;
    };
    put(s.total, 1);
    for (const p of s.parts) put(p, -1);
    if (any) rows.push(row);
  }
  const pivots: number[] = [];
  let r = 0;
  for (let c = 0; c < width && r < rows.length; c++) {
    let best = r;
    for (let i = r + 1; i < rows.length; i++)
      if (
        Math.abs((rows[i] as Float64Array)[c] as number) > Math.abs((rows[best] as Float64Array)[c] as number)
      )
        best = i;
    if (Math.abs((rows[best] as Float64Array)[c] as number) < EPSILON) continue;
    [rows[r], rows[best]] = [rows[best] as Float64Array, rows[r] as Float64Array];
    const pivotRow = rows[r] as Float64Array;
    const pivot = pivotRow[c] as number;
    for (let k = c; k < width; k++) pivotRow[k] = (pivotRow[k] as number) / pivot;
    for (let i = 0; i < rows.length; i++) {
      if (i === r) continue;
      const row = rows[i] as Float64Array;
      const factor = row[c] as number;
      if (Math.abs(factor) < EPSILON) continue;
      for (let k = c; k < width; k++) row[k] = (row[k] as number) - factor * (pivotRow[k] as number);
    }
    pivots.push(c);
    r += 1;
  }
  const exposed: number[] = [];
  pivots.forEach((c, i) => {
    const row = rows[i] as Float64Array;
    let alone = true;
    for (let k = 0; k < width && alone; k++)
      if (k !== c && Math.abs(row[k] as number) > EPSILON) alone = false;
    if (alone) exposed.push(hiddenVars[c] as number);
  });
  return exposed;
}
