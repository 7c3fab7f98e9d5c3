import type { ChangeStat, ChangeView, InsightsQuery, WhatWorksView } from '../../contracts/insights.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import { INSTRUMENT_IDS, type InstrumentId } from '../measurements/instruments/instrument.ts';
import { hidden, MIN_PEOPLE, SuppressionPlan, shown } from './insights.models.ts';
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
    }
    const p = this.plan;
    const n = (k: string) => this.sums.get(k)?.n ?? 0;
    // Ten pairs from fewer than ten people (someone with two tracks) are still hidden; no pairs are not.
    const fewPeople = (pairs: number, persons: number) => pairs > 0 && persons < MIN_PEOPLE;
    for (const t of TYPE_ROWS) {
      for (const q of this.quarters)
        p.figure(this.key(t, q), n(`${t}|${q}`), {
          forced: fewPeople(n(`${t}|${q}`), people.get(`${t}|${q}`) ?? 0),
        });
      for (const y of this.years) {
        const inYear = this.quarters.filter((q) => q.startsWith(y));
        const yearPeople = inYear.reduce((s, q) => s + (people.get(`${t}|${q}`) ?? 0), 0);
        const pairs = this.combine(t, inYear).n;
        p.figure(this.key(t, y), pairs, { forced: fewPeople(pairs, yearPeople) });
        p.sum(
          this.key(t, y),
          inYear.map((q) => this.key(t, q)),
        );
      }
      p.figure(this.key(t, ALL), this.combine(t, this.quarters).n, { total: true });
      p.sum(
        this.key(t, ALL),
        this.years.map((y) => this.key(t, y)),
      );
    }
    for (const period of [...this.quarters, ...this.years]) {
      p.figure(this.key(ALL, period), this.periodSums(period).n, { total: true });
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
    p.figure(this.key(ALL, ALL), this.periodSums(ALL).n, { total: true });
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

  private combine(type: string, quarters: readonly string[]): PairSums {
    return quarters.reduce((s, q) => addSums(s, this.sums.get(`${type}|${q}`) ?? NO_PAIRS), NO_PAIRS);
  }

  private periodSums(period: string): PairSums {
    const quarters = period === ALL ? this.quarters : this.quarters.filter((q) => q.startsWith(period));
    return TYPE_ROWS.reduce((s, t) => addSums(s, this.combine(t, quarters)), NO_PAIRS);
  }

  /** The statistics of one type (or 'all') and period (quarter, year or 'all'), hidden with its count. */
  stat(type: string, period: string): ChangeStat {
    const isQuarter = period.includes('-Q');
    const quarters =
      period === ALL
        ? this.quarters
        : isQuarter
          ? [period]
          : this.quarters.filter((q) => q.startsWith(period));
    const sums =
      type === ALL
        ? TYPE_ROWS.reduce((s, t) => addSums(s, this.combine(t, quarters)), NO_PAIRS)
        : this.combine(type, quarters);
    const base = { key: type, period };
    if (this.plan.isSuppressed(this.key(type, period)))
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
      n: shown(sums.n),
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
