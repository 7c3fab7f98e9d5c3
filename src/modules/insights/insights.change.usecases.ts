import type { ChangeStat, ChangeView, InsightsQuery, WhatWorksView } from '../../contracts/insights.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import { INSTRUMENT_IDS, type InstrumentId } from '../measurements/instruments/instrument.ts';
import { hidden, MIN_PEOPLE, SuppressionPlan } from './insights.models.ts';
import { periodsOf } from './insights.periods.ts';
import { plain } from './insights.presenters.ts';
import * as repo from './insights.repository.ts';
import { presentScope, type ResolvedScope, resolveScope } from './insights.scope.ts';
import { addSums, NO_PAIRS, type PairSums, pairedChange } from './insights.statistics.ts';
import { TYPE_ROWS, typeRow } from './insights.usecases.ts';

const ALL = 'all';
const round = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 1000);

/**
 * One instrument's pairs as one plan: type × quarter and type × year (each
 * year the sum of its quarters), with totals per type, per period and overall.
 * Whichever period a reader asks for, the same figures are hidden, so a
 * quarter view cannot undo a year view.
 */
export class InstrumentChange {
  readonly plan = new SuppressionPlan();
  private readonly sums = new Map<string, PairSums>();
  /** Per type|quarter, the sum of the pairs' record keys (see perturb in insights.models.ts). */
  private readonly keys = new Map<string, number>();
  readonly quarters: string[];
  readonly years: string[];

  constructor(
    readonly instrument: InstrumentId,
    months: string[],
    groups: readonly repo.PairGroup[],
  ) {
    ({ quarters: this.quarters, years: this.years } = periodsOf(months));
    const people = new Map<string, number>();
    for (const g of groups) {
      const k = `${typeRow(g.type)}|${g.period}`;
      this.sums.set(
        k,
        addSums(this.sums.get(k) ?? NO_PAIRS, { n: g.n, sum: g.sum, sumSquares: g.sum_squares }),
      );
      people.set(k, (people.get(k) ?? 0) + g.people);
      this.keys.set(k, (this.keys.get(k) ?? 0) + g.k);
    }
    const p = this.plan;
    const n = (k: string) => this.sums.get(k)?.n ?? 0;
    // Ten pairs from fewer than ten people (someone with two tracks) are still hidden; no pairs are not.
    const fewPeople = (pairs: number, persons: number) => pairs > 0 && persons < MIN_PEOPLE;
    for (const t of TYPE_ROWS) {
      for (const q of this.quarters)
        p.figure(this.key(t, q), n(`${t}|${q}`), {
          forced: fewPeople(n(`${t}|${q}`), people.get(`${t}|${q}`) ?? 0),
          contributors: this.keysOf([t], [q]),
        });
      for (const y of this.years) {
        const inYear = this.quarters.filter((q) => q.startsWith(y));
        const yearPeople = inYear.reduce((s, q) => s + (people.get(`${t}|${q}`) ?? 0), 0);
        const pairs = this.combine(t, inYear).n;
        p.figure(this.key(t, y), pairs, {
          forced: fewPeople(pairs, yearPeople),
          contributors: this.keysOf([t], inYear),
        });
        p.sum(
          this.key(t, y),
          inYear.map((q) => this.key(t, q)),
        );
      }
      p.figure(this.key(t, ALL), this.combine(t, this.quarters).n, {
        total: true,
        contributors: this.keysOf([t], this.quarters),
      });
      p.sum(
        this.key(t, ALL),
        this.years.map((y) => this.key(t, y)),
      );
    }
    for (const period of [...this.quarters, ...this.years]) {
      p.figure(this.key(ALL, period), this.periodSums(period).n, {
        total: true,
        contributors: this.keysOf(TYPE_ROWS, this.quartersOf(period)),
      });
      p.sum(
        this.key(ALL, period),
        TYPE_ROWS.map((t) => this.key(t, period)),
      );
    }
    for (const y of this.years)
      p.sum(
        this.key(ALL, y),
        this.quarters.filter((q) => q.startsWith(y)).map((q) => this.key(ALL, q)),
      );
    p.figure(this.key(ALL, ALL), this.periodSums(ALL).n, {
      total: true,
      contributors: this.keysOf(TYPE_ROWS, this.quarters),
    });
    p.sum(
      this.key(ALL, ALL),
      TYPE_ROWS.map((t) => this.key(t, ALL)),
    );
    p.sum(
      this.key(ALL, ALL),
      this.years.map((y) => this.key(ALL, y)),
    );
  }

  private key = (type: string, period: string) => `change|${this.instrument}|${type}|${period}`;

  private keysOf(types: readonly string[], quarters: readonly string[]): number {
    let sum = 0;
    for (const t of types) for (const q of quarters) sum += this.keys.get(`${t}|${q}`) ?? 0;
    return sum;
  }

  /** The quarters a period covers: itself, a year's, or all of them. */
  private quartersOf(period: string): string[] {
    if (period === ALL) return this.quarters;
    if (period.includes('-Q')) return [period];
    return this.quarters.filter((q) => q.startsWith(period));
  }

  private combine(type: string, quarters: readonly string[]): PairSums {
    return quarters.reduce((s, q) => addSums(s, this.sums.get(`${type}|${q}`) ?? NO_PAIRS), NO_PAIRS);
  }

  private periodSums(period: string): PairSums {
    const quarters = this.quartersOf(period);
    return TYPE_ROWS.reduce((s, t) => addSums(s, this.combine(t, quarters)), NO_PAIRS);
  }

  /** The statistics of one type (or 'all') and period (quarter, year or 'all'), hidden with its count. */
  stat(type: string, period: string): ChangeStat {
    const sums = type === ALL ? this.periodSums(period) : this.combine(type, this.quartersOf(period));
    const base = { key: type, period };
    const count = this.plan.cell(this.key(type, period));
    if (count.suppressed)
      return {
        ...base,
        n: hidden(),
        mean: hidden(),
        sd: hidden(),
        ciLow: hidden(),
        ciHigh: hidden(),
        effectSize: hidden(),
      };
    const r = pairedChange(sums);
    const cell = (v: number | null | undefined) => ({ value: round(v ?? null), suppressed: false });
    return {
      ...base,
      // The number of pairs as published (with its cell-key noise); the statistics are of the real pairs.
      n: count,
      mean: cell(r?.mean),
      sd: cell(r?.sd),
      ciLow: cell(r?.ciLow),
      ciHigh: cell(r?.ciHigh),
      effectSize: cell(r?.effectSize),
    };
  }
}

export async function loadChanges(ctx: AppContext, scope: ResolvedScope, instrument?: InstrumentId) {
  const groups = await repo.pairSums(ctx.db, scope.db, scope.range, { instrumentId: instrument });
  return (instrument ? [instrument] : [...INSTRUMENT_IDS]).map(
    (id) =>
      new InstrumentChange(
        id,
        scope.months,
        groups.filter((g) => g.instrument_id === id),
      ),
  );
}

/**
 * Change: pairs of measurements per instrument, by initiative type and the
 * year or quarter of the baseline, with mean change, 95% CI and Cohen's dz.
 */
export async function change(input: {
  ctx: AppContext;
  principal: Principal;
  query: InsightsQuery;
}): Promise<ChangeView> {
  const scope = await resolveScope(input);
  const changes = await loadChanges(input.ctx, scope, input.query.instrument);
  return changeViewOf(scope, changes, input.query.period);
}

export function changeViewOf(
  scope: ResolvedScope,
  changes: InstrumentChange[],
  period: 'year' | 'quarter',
): ChangeView {
  return {
    scope: presentScope(scope),
    period,
    instruments: changes.map((c) => {
      const periods = period === 'year' ? c.years : c.quarters;
      return {
        instrument: c.instrument,
        periods,
        cells: [...TYPE_ROWS, ALL].flatMap((t) => [...periods, ALL].map((p) => c.stat(t, p))),
      };
    }),
  };
}

/**
 * What works: initiative types side by side per instrument (pairs, mean
 * change, CI, effect size, from the same plan as the change view), with the
 * evidence levels of that type's published good practices in the directory.
 */
export async function whatWorks(input: {
  ctx: AppContext;
  principal: Principal;
  query: InsightsQuery;
}): Promise<WhatWorksView> {
  const scope = await resolveScope(input);
  const [changes, evidence] = await Promise.all([
    loadChanges(input.ctx, scope, input.query.instrument),
    repo.evidencePerType(input.ctx.db),
  ]);
  return whatWorksViewOf(scope, changes, evidence);
}

export function whatWorksViewOf(
  scope: ResolvedScope,
  changes: InstrumentChange[],
  evidence: { type: string; evidence_level: string; n: number }[],
): WhatWorksView {
  const evidenceOf = (type: string) =>
    Object.fromEntries(
      evidence.filter((e) => e.type === type).map((e) => [e.evidence_level, plain(e.n)] as const),
    );
  return {
    scope: presentScope(scope),
    instruments: changes.map((c) => ({
      instrument: c.instrument,
      types: TYPE_ROWS.map((t) => ({ ...c.stat(t, ALL), evidence: evidenceOf(t) })),
      overall: c.stat(ALL, ALL),
    })),
  };
}
