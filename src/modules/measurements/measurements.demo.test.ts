import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/harness/context.ts';
import type { ChangeView, InsightsQuery } from '../../contracts/insights.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { demoOrganisations } from '../demo/demo.models.ts';
import { loadDemo } from '../demo/demo.usecases.ts';
import { change, whatWorks } from '../insights/insights.change.usecases.ts';
import { reach } from '../insights/insights.usecases.ts';
import { findOrganisation } from '../tenancy/tenancy.usecases.ts';
import { DEMO_PARTICIPANTS_ORGANISATION, loadMeasurementsDemo } from './measurements.demo.ts';
import { FOLLOW_UP_QUEUE } from './measurements.tracks.usecases.ts';
import { scoreInstrument } from './measurements.usecases.ts';

const COORDINATOR = 'coordinator@demo.verbonden.invalid';
const BRUGGE = demoOrganisations.find((o) => o.key === 'brugge')?.name ?? '';

/** The demo coordinator of Sociaal Huis Brugge, as the insights see them. */
async function coordinator(ctx: TestContext): Promise<Principal> {
  const user = await ctx.db
    .selectFrom('users')
    .select(['id', 'email', 'name'])
    .where('email', '=', COORDINATOR)
    .executeTakeFirstOrThrow();
  const organisation = await findOrganisation({ ctx, idOrName: BRUGGE });
  if (!organisation) throw new Error('no demo organisation for Brugge');
  return {
    user: { ...user, locale: 'nl-BE', largeText: false, isPlatformAdmin: false, totpEnabled: false },
    memberships: [
      { organisationId: organisation.id, organisationName: BRUGGE, role: 'coordinator', effective: true },
    ],
    via: 'token',
    pendingSecondFactor: false,
  };
}

const query = (period: 'year' | 'quarter'): InsightsQuery => ({ period });

/** What the coordinator's dashboard shows, and what the demo wrote, without the random ids. */
async function snapshot(ctx: TestContext) {
  const principal = await coordinator(ctx);
  const [byQuarter, byYear, works, reached] = await Promise.all([
    change({ ctx, principal, query: query('quarter') }),
    change({ ctx, principal, query: query('year') }),
    whatWorks({ ctx, principal, query: query('year') }),
    reach({ ctx, principal, query: query('year') }),
  ]);
  const people = await ctx.db
    .selectFrom('clients')
    .select(['given_name', 'family_name', 'postcode', 'municipality_nis', 'age_band', 'created_at'])
    .orderBy('family_name')
    .orderBy('given_name')
    .execute();
  const measured = await ctx.db
    .selectFrom('client_measurements')
    .select(['instrument_id', 'occasion_months', 'answers', 'status', 'total', 'category'])
    .select(sql<string>`to_char(taken_on, 'YYYY-MM-DD')`.as('taken_on'))
    .execute();
  return {
    byQuarter,
    byYear,
    works,
    reached,
    people,
    measured: measured.map((m) => JSON.stringify(m)).sort(),
  };
}

/**
 * A view with every shown count taken out (into `counts`, in order): the cells
 * of count tables, and `n` of change and what-works figures.
 */
function withoutCounts(view: unknown, counts: number[]): unknown {
  const strip = (value: unknown, key: string | null, inCounts: boolean): unknown => {
    if (Array.isArray(value)) return value.map((v) => strip(v, null, inCounts));
    if (value === null || typeof value !== 'object') return value;
    const record = value as Record<string, unknown>;
    if ('suppressed' in record && 'value' in record && (inCounts || key === 'n')) {
      if (typeof record.value === 'number' && record.value !== 0) counts.push(record.value);
      return { suppressed: record.suppressed };
    }
    const countTable = 'rows' in record && 'columns' in record;
    return Object.fromEntries(
      Object.entries(record).map(([k, v]) => [k, strip(v, k, inCounts || countTable)]),
    );
  };
  return strip(view, null, false);
}

const shownMeans = (view: ChangeView) =>
  view.instruments.flatMap((i) =>
    i.cells.filter(
      (c) => c.key !== 'all' && c.period !== 'all' && !c.mean.suppressed && c.mean.value !== null,
    ),
  );

let first: TestContext;
let second: TestContext;
beforeAll(async () => {
  [first, second] = await Promise.all([createTestContext(), createTestContext()]);
  await loadDemo({ ctx: first });
  await loadDemo({ ctx: second });
}, 240_000);
afterAll(async () => {
  await Promise.all([first?.close(), second?.close()]);
});

describe('the demo participants', () => {
  it('give the Brugge coordinator change figures per initiative type and period, with some still hidden', async () => {
    const { byQuarter, byYear, works, reached } = await snapshot(first);
    for (const view of [byQuarter, byYear]) {
      const shown = shownMeans(view);
      expect(shown.length).toBeGreaterThan(0);
      for (const c of shown) expect(c.n.value).toBeGreaterThanOrEqual(10);
      // Both a figure shown and one hidden in the same view: suppression is visibly at work.
      expect(view.instruments.some((i) => i.cells.some((c) => c.n.suppressed))).toBe(true);
      // The interval is there wherever the mean is.
      for (const c of shown) {
        expect(c.ciLow.value).not.toBeNull();
        expect(c.ciHigh.value).not.toBeNull();
      }
    }
    // Brugge's participants are measured with the long De Jong Gierveld form and UCLA-3, not the short form.
    const withPairs = byYear.instruments.filter((i) =>
      i.cells.some((c) => c.n.suppressed || (c.n.value ?? 0) > 0),
    );
    expect(withPairs.map((i) => i.instrument).sort()).toEqual(['djg-11', 'ucla-3']);
    const types = works.instruments.flatMap((i) =>
      i.types.filter((t) => !t.mean.suppressed && (t.n.value ?? 0) > 0),
    );
    expect(types.length).toBeGreaterThanOrEqual(2);
    const participants = reached.participants.rows.flatMap((r) => r.cells);
    expect(participants.some((c) => !c.suppressed && (c.value ?? 0) >= 10)).toBe(true);
    expect(participants.some((c) => c.suppressed)).toBe(true);
  });

  it('are invented people of the demo, scored by the instruments themselves, loaded once', async () => {
    const organisation = await findOrganisation({ ctx: first, idOrName: DEMO_PARTICIPANTS_ORGANISATION });
    expect(organisation?.name).toContain('(demo)');
    const people = await first.db
      .selectFrom('clients')
      .select(['family_name', 'phone', 'email', 'street'])
      .execute();
    expect(people.length).toBeGreaterThan(400);
    for (const p of people) expect(p.family_name).toContain('(demo');
    expect(people.filter((p) => p.phone || p.email || p.street).length).toBeLessThanOrEqual(4);

    const measured = await first.db
      .selectFrom('client_measurements')
      .select(['instrument_id', 'answers', 'threshold', 'status', 'total', 'emotional', 'social', 'category'])
      .execute();
    expect(measured.length).toBeGreaterThan(800);
    for (const m of measured) {
      const again = scoreInstrument({
        instrumentId: m.instrument_id,
        answers: m.answers as Record<string, string>,
      });
      expect([m.status, m.total, m.emotional, m.social, m.category, m.threshold]).toEqual([
        again.status,
        again.total,
        again.emotional,
        again.social,
        again.category,
        again.threshold,
      ]);
    }
    // The insights' triggers paired the baselines with their follow-ups as the rows went in.
    const pairs = await sql<{ n: number }>`select count(*)::int as n from insights_pairs`.execute(first.db);
    expect(pairs.rows[0]?.n).toBeGreaterThan(200);

    // Every follow-up still to come of an active track has its reminder waiting, as a started track has.
    const due = await sql<{ track_id: string; months: number; run_at: Date }>`
      select t.id as track_id, m as months, (t.started_on + make_interval(months => m))::timestamp as run_at
      from measurement_tracks t, unnest(t.follow_up_months) as m
      where t.status = 'active' and t.started_on + make_interval(months => m) > ${first.clock.now()}::date`.execute(
      first.db,
    );
    expect(due.rows.length).toBeGreaterThan(100);
    const waiting = await first.db
      .selectFrom('jobs')
      .select(['key', 'run_at'])
      .where('queue', '=', FOLLOW_UP_QUEUE)
      .execute();
    const keys = new Set(waiting.map((j) => j.key));
    for (const d of due.rows)
      expect(keys.has(`${d.track_id}:${d.months}`), `${d.track_id}:${d.months}`).toBe(true);

    const actor = await coordinator(first);
    expect(await loadMeasurementsDemo({ ctx: first, actor })).toEqual({
      people: 0,
      tracks: 0,
      measurements: 0,
      referrals: 0,
    });
  });

  it('is the same demo on every new database started on the same day', async () => {
    const [a, b] = await Promise.all([snapshot(first), snapshot(second)]);
    expect(b.people).toEqual(a.people);
    expect(b.measured).toEqual(a.measured);
    // The same figures are hidden and the statistics agree; the counts carry cell-key noise from
    // the records' ids, which each database draws itself, so they agree within twice the noise.
    for (const view of ['byQuarter', 'works', 'reached'] as const) {
      const countsA: number[] = [];
      const countsB: number[] = [];
      expect(withoutCounts(b[view], countsB)).toEqual(withoutCounts(a[view], countsA));
      expect(countsB).toHaveLength(countsA.length);
      countsA.forEach((n, i) => {
        expect(Math.abs(n - (countsB[i] as number))).toBeLessThanOrEqual(4);
      });
    }
  });
});
