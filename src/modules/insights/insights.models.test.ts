import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../platform/random.ts';
import {
  type CountTable,
  cellKeyOf,
  MIN_PEOPLE,
  noiseOf,
  perturb,
  recoverable,
  SuppressionPlan,
} from './insights.models.ts';

/** What a patient reader does with a table: solve every relation with one unknown, until nothing changes. */
function solveByLines(plan: SuppressionPlan, keys: string[], sums: [string, string[]][]) {
  const known = new Map<string, number>();
  for (const k of keys) {
    const c = plan.cell(k);
    if (!c.suppressed) known.set(k, c.value as number);
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const [total, parts] of sums) {
      const all = [total, ...parts];
      const unknown = all.filter((k) => !known.has(k));
      if (unknown.length !== 1) continue;
      const u = unknown[0] as string;
      const partsKnown = parts.filter((k) => k !== u).reduce((s, k) => s + (known.get(k) as number), 0);
      known.set(u, u === total ? partsKnown : (known.get(total) as number) - partsKnown);
      changed = true;
    }
  }
  return known;
}

function tableSums(prefix: string, t: CountTable): [string, string[]][] {
  const cell = (r: string, c: string) => `${prefix}|${r}|${c}`;
  return [
    ...t.rows.map((r): [string, string[]] => [`${prefix}|${r}|*`, t.columns.map((c) => cell(r, c))]),
    ...t.columns.map((c): [string, string[]] => [`${prefix}|*|${c}`, t.rows.map((r) => cell(r, c))]),
    [`${prefix}|*|*`, t.rows.map((r) => `${prefix}|${r}|*`)],
    [`${prefix}|*|*`, t.columns.map((c) => `${prefix}|*|${c}`)],
  ];
}

const allKeys = (prefix: string, t: CountTable) => [
  ...t.rows.flatMap((r) => [...t.columns.map((c) => `${prefix}|${r}|${c}`), `${prefix}|${r}|*`]),
  ...t.columns.map((c) => `${prefix}|*|${c}`),
  `${prefix}|*|*`,
];

const full = { rowTotals: true, columnTotals: true, total: true };

describe('primary suppression', () => {
  it('hides every count from one to nine people, and shows zero and ten and more', () => {
    const plan = new SuppressionPlan();
    for (const v of [0, 1, 9, 10, 11, 250]) plan.figure(`v${v}`, v);
    expect([0, 1, 9, 10, 11, 250].map((v) => plan.isSuppressed(`v${v}`))).toEqual([
      false,
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(MIN_PEOPLE).toBe(10);
  });

  it('hides a figure forced hidden whatever its value, and gives its value only when shown', () => {
    const plan = new SuppressionPlan();
    plan.figure('statistic', 40, { forced: true });
    plan.figure('count', 40);
    expect(plan.cell('statistic')).toEqual({ value: null, suppressed: true });
    expect(plan.cell('count')).toEqual({ value: 40, suppressed: false });
  });
});

describe('complementary suppression in a list with a total', () => {
  it('hides the next-smallest figure when only one is hidden', () => {
    const plan = new SuppressionPlan();
    const t: CountTable = { rows: ['all'], columns: ['jan', 'feb', 'mar', 'apr'], cells: [[30, 4, 12, 50]] };
    plan.table('m', t, { rowTotals: true, columnTotals: false, total: false });
    expect(plan.isSuppressed('m|all|feb')).toBe(true);
    expect(plan.isSuppressed('m|all|mar')).toBe(true);
    expect(plan.isSuppressed('m|all|jan')).toBe(false);
    expect(plan.cell('m|all|*')).toEqual({ value: 96, suppressed: false });
  });

  it('hides nothing more when two figures are already hidden', () => {
    const plan = new SuppressionPlan();
    const t: CountTable = { rows: ['all'], columns: ['a', 'b', 'c'], cells: [[3, 4, 40]] };
    plan.table('m', t, { rowTotals: true, columnTotals: false, total: false });
    expect(['a', 'b', 'c'].map((c) => plan.isSuppressed(`m|all|${c}`))).toEqual([true, true, false]);
    expect(plan.isSuppressed('m|all|*')).toBe(false);
  });

  it('hides the total when it is the only other figure', () => {
    const plan = new SuppressionPlan();
    const t: CountTable = { rows: ['all'], columns: ['only'], cells: [[5]] };
    plan.table('m', t, { rowTotals: true, columnTotals: false, total: false });
    expect(plan.isSuppressed('m|all|*')).toBe(true);
  });
});

describe('complementary suppression in a table with margins', () => {
  const table: CountTable = {
    rows: ['buddy', 'circle', 'salon'],
    columns: ['jan', 'feb', 'mar'],
    cells: [
      [25, 3, 40],
      [18, 22, 31],
      [11, 14, 60],
    ],
  };

  it('leaves no hidden cell that row and column totals give back', () => {
    const plan = new SuppressionPlan();
    plan.table('p', table, full);
    const known = solveByLines(plan, allKeys('p', table), tableSums('p', table));
    expect(plan.isSuppressed('p|buddy|feb')).toBe(true);
    expect(known.has('p|buddy|feb')).toBe(false);
    for (const k of allKeys('p', table)) if (plan.isSuppressed(k)) expect(known.has(k), k).toBe(false);
  });

  it('hides at least two figures in every row and column that has a hidden one', () => {
    const plan = new SuppressionPlan();
    plan.table('p', table, full);
    const lines = tableSums('p', table).map(([t, parts]) => [t, ...parts]);
    for (const line of lines) {
      const n = line.filter((k) => plan.isSuppressed(k)).length;
      expect(n === 0 || n >= 2, line.join(',')).toBe(true);
    }
  });

  it('chooses the smallest shown cells as complements', () => {
    const plan = new SuppressionPlan();
    plan.table('p', table, full);
    // Row buddy: after feb (3) the smallest is jan (25); column feb: after 3 the smallest is 14.
    expect(plan.isSuppressed('p|buddy|jan')).toBe(true);
    expect(plan.isSuppressed('p|salon|feb')).toBe(true);
    expect(plan.isSuppressed('p|circle|mar')).toBe(false);
  });

  it('also protects a cell that no single line exposes but a combination of lines does', () => {
    // Two blocks of four hidden cells joined by one hidden cell (a bridge): every row and column
    // has two hidden cells or none, yet the bridge equals a sum of shown totals minus shown cells.
    const plan = new SuppressionPlan();
    const cells = [
      [1, 1, 50, 50, 50],
      [1, 1, 50, 1, 50],
      [50, 50, 50, 1, 1],
      [50, 50, 50, 1, 1],
      [50, 50, 50, 50, 50],
    ];
    const t: CountTable = { rows: ['a', 'b', 'c', 'd', 'e'], columns: ['1', '2', '3', '4', '5'], cells };
    const sums = tableSums('x', t);
    const index = new Map(allKeys('x', t).map((k, i) => [k, i]));
    const hiddenBefore = allKeys('x', t).map((k) => {
      const [, r, c] = k.split('|');
      const ri = t.rows.indexOf(r as string);
      const ci = t.columns.indexOf(c as string);
      return ri >= 0 && ci >= 0 && (cells[ri]?.[ci] as number) < 10;
    });
    // Without further suppression the bridge (row b, column 3) is recoverable …
    const bridge = index.get('x|b|4') as number;
    const exposed = recoverable(
      index.size,
      sums.map(([total, parts]) => ({
        total: index.get(total) as number,
        parts: parts.map((p) => index.get(p) as number),
      })),
      hiddenBefore,
    );
    expect(exposed).toContain(bridge);
    // … by rows a + b minus columns 1 + 2, though no single row or column has one hidden cell alone.
    const lines = sums.map(([total, parts]) => [total, ...parts]);
    for (const line of lines) {
      const n = line.filter((k) => hiddenBefore[index.get(k) as number]).length;
      expect(n === 0 || n >= 2, line.join(',')).toBe(true);
    }
    plan.table('x', t, full);
    expect(plan.isSuppressed('x|b|4')).toBe(true);
    const again = recoverable(
      index.size,
      sums.map(([total, parts]) => ({
        total: index.get(total) as number,
        parts: parts.map((p) => index.get(p) as number),
      })),
      allKeys('x', t).map((k) => plan.isSuppressed(k)),
    );
    expect(again).toEqual([]);
  });

  it('shows everything when no cell is small', () => {
    const plan = new SuppressionPlan();
    const t: CountTable = {
      rows: ['a', 'b'],
      columns: ['x', 'y'],
      cells: [
        [10, 20],
        [30, 40],
      ],
    };
    plan.table('t', t, full);
    expect(allKeys('t', t).some((k) => plan.isSuppressed(k))).toBe(false);
    expect(plan.cell('t|*|*')).toEqual({ value: 100, suppressed: false });
  });

  it('hides a table of small counts and its small margins, and shows a grand total of ten', () => {
    const plan = new SuppressionPlan();
    const t: CountTable = {
      rows: ['a', 'b'],
      columns: ['x', 'y'],
      cells: [
        [1, 2],
        [4, 3],
      ],
    };
    plan.table('t', t, full);
    expect(allKeys('t', t).filter((k) => !plan.isSuppressed(k))).toEqual(['t|*|*']);
    expect(plan.cell('t|*|*')).toEqual({ value: 10, suppressed: false });
  });

  it('takes a zero as complement only when no other figure is left', () => {
    const plan = new SuppressionPlan();
    const t: CountTable = { rows: ['all'], columns: ['a', 'b', 'c'], cells: [[0, 4, 30]] };
    plan.table('m', t, { rowTotals: true, columnTotals: false, total: false });
    expect(['a', 'b', 'c'].map((c) => plan.isSuppressed(`m|all|${c}`))).toEqual([false, true, true]);
    const alone = new SuppressionPlan();
    alone.table(
      'm',
      { rows: ['all'], columns: ['a', 'b'], cells: [[0, 4]] },
      {
        rowTotals: true,
        columnTotals: false,
        total: false,
      },
    );
    // The total (4) is hidden itself, so the zero may stay.
    expect(alone.isSuppressed('m|all|*')).toBe(true);
    expect(alone.isSuppressed('m|all|a')).toBe(false);
  });
});

describe('figures shown in more than one view', () => {
  it('are one figure: hidden in one view means hidden in every view', () => {
    const plan = new SuppressionPlan();
    // Per month, the grand total is shared with a per-municipality list.
    plan.table(
      'month',
      { rows: ['all'], columns: ['jan', 'feb'], cells: [[40, 4]] },
      {
        rowTotals: true,
        columnTotals: false,
        total: false,
      },
    );
    plan.figure('muni|A', 30);
    plan.figure('muni|B', 14);
    plan.figure('month|all|*', 44, { total: true });
    plan.sum('month|all|*', ['muni|A', 'muni|B']);
    // feb (4) forces a complement in its list: jan or the total. The total is also the municipalities'
    // total, so whichever is chosen, no hidden figure can be solved from either list.
    const keys = ['month|all|jan', 'month|all|feb', 'month|all|*', 'muni|A', 'muni|B'];
    const known = solveByLines(plan, keys, [
      ['month|all|*', ['month|all|jan', 'month|all|feb']],
      ['month|all|*', ['muni|A', 'muni|B']],
    ]);
    for (const k of keys) if (plan.isSuppressed(k)) expect(known.has(k), k).toBe(false);
    expect(plan.isSuppressed('month|all|feb')).toBe(true);
  });

  it('refuses a figure given two different values, and a total that is not the sum of its parts', () => {
    const plan = new SuppressionPlan();
    plan.figure('a', 12);
    expect(() => plan.figure('a', 13)).toThrow(/12 in one view and 13/);
    plan.figure('b', 20);
    plan.figure('t', 33);
    expect(() => plan.sum('t', ['a', 'b'])).toThrow(/parts sum to 32/);
    expect(() => plan.sum('t', ['t'])).toThrow(/own parts/);
    expect(() => plan.cell('missing')).toThrow(/no figure missing/);
  });
});

describe('cell-key perturbation', () => {
  it('turns any sum of record keys into a key in [0, 1), negative sums too', () => {
    for (const sum of [0, 1, -1, 4_294_967_295, 4_294_967_296, -4_294_967_296 * 3 + 5, 123_456_789_012_345]) {
      const key = cellKeyOf(sum);
      expect(key).toBeGreaterThanOrEqual(0);
      expect(key).toBeLessThan(1);
    }
    expect(cellKeyOf(-1)).toBeCloseTo(1 - 1 / 4_294_967_296, 12);
    expect(cellKeyOf(4_294_967_296 + 2_147_483_648)).toBe(0.5);
  });

  it('moves a count by −2 to +2 with chances 5, 20, 50, 20, 5 percent', () => {
    const tally = new Map<number, number>();
    for (let i = 0; i < 10_000; i++) {
      const noise = noiseOf((i + 0.5) / 10_000);
      tally.set(noise, (tally.get(noise) ?? 0) + 1);
    }
    expect(Object.fromEntries(tally)).toEqual({ '-2': 500, '-1': 2_000, '0': 5_000, '1': 2_000, '2': 500 });
  });

  it('leaves zero alone and never publishes a count below the threshold', () => {
    expect(perturb(0, 123)).toBe(0);
    for (let k = 0; k < 4_294_967_296; k += 99_999_989) {
      expect(perturb(10, k)).toBeGreaterThanOrEqual(MIN_PEOPLE);
      expect(Math.abs(perturb(40, k) - 40)).toBeLessThanOrEqual(2);
    }
  });

  it('publishes a figure with the noise of its contributors, the same in every view, margins with theirs', () => {
    const plan = new SuppressionPlan();
    const keys = plan.table(
      'p',
      {
        rows: ['a', 'b'],
        columns: ['x', 'y'],
        cells: [
          [20, 30],
          [40, 50],
        ],
        contributors: [
          [1, 2],
          [3, 4],
        ],
      },
      { rowTotals: true, columnTotals: true, total: true },
    );
    expect(plan.cell(keys.cell(0, 0)).value).toBe(perturb(20, 1));
    expect(plan.cell(keys.rowTotal(1)).value).toBe(perturb(90, 7));
    expect(plan.cell(keys.columnTotal(1)).value).toBe(perturb(80, 6));
    expect(plan.cell(keys.total).value).toBe(perturb(140, 10));
    // Another view declaring the same figure with other contributors is a programming error.
    expect(() => plan.figure(keys.total, 140, { contributors: 11 })).toThrow(/other contributors/);
  });

  it('makes the difference of two overlapping totals miss a hidden count most of the time', () => {
    // The attack: a total with the hidden month and one without it, both shown.
    // Exact totals would give the hidden count away every time.
    const random = seededRandom(20261129);
    const recordKey = () => Math.floor(random() * 4_294_967_296) - 2_147_483_648;
    let exact = 0;
    const trials = 2_000;
    for (let i = 0; i < trials; i++) {
      const shownPart = 10 + Math.floor(random() * 40);
      const hiddenPart = 1 + Math.floor(random() * 9);
      const shownKeys = Array.from({ length: shownPart }, recordKey).reduce((a, b) => a + b, 0);
      const hiddenKeys = Array.from({ length: hiddenPart }, recordKey).reduce((a, b) => a + b, 0);
      const withHidden = perturb(shownPart + hiddenPart, shownKeys + hiddenKeys);
      const without = perturb(shownPart, shownKeys);
      if (withHidden - without === hiddenPart) exact += 1;
    }
    // Independent noise on both totals: right about a quarter of the time, never reliably.
    expect(exact / trials).toBeLessThan(0.35);
  });
});
