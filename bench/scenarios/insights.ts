import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { change, whatWorks } from '../../src/modules/insights/insights.change.usecases.ts';
import { directoryHealth, reach } from '../../src/modules/insights/insights.usecases.ts';
import type { Principal } from '../../src/platform/auth/principal.ts';
import { type BenchContext, openBenchContext } from '../lib/directory-data.ts';
import type { Bar, ScenarioContext, ScenarioReport } from '../lib/report.ts';
import { formatMs, percentile, renderTable, verdict } from '../lib/stats.ts';

// Insights at the scale of the issue: 1,000,000 measurements from 200,000
// generated people in 300 municipalities, generated with generate_series in
// the database. Every dashboard use case is timed in process, many runs per
// scope, beside a bare GROUP BY over the same measurements in the same run.

const MUNICIPALITIES = 300;
const PEOPLE = 200_000;
const SIGNALS = 100_000;
const ENTRIES_PER_MUNICIPALITY = 10;
const BAR_P95_MS = 200;
const RUNS = { postgres: 40, pglite: 10 };
const WARMUP = 2;
const QUERY = { from: '2025-07', to: '2026-06', period: 'year' as const };

const say = (line: string) => process.stdout.write(`${line}\n`);
const ms = (v: number) => `${v.toFixed(1)} ms`;

/** Everything in SQL: tenancy, people, tracks with four occasions, one loose measurement each, referrals, signals. */
async function generate(bench: BenchContext) {
  const db = bench.ctx.db;
  const step = async (label: string, query: ReturnType<typeof sql>) => {
    const started = performance.now();
    await query.execute(db);
    say(`  ${label}: ${formatMs(performance.now() - started)}`);
  };
  await step(
    'tenancy',
    sql`
    with region as (insert into regions (id, name) values ('00000000-0000-4000-8000-000000000001', 'Bench') returning id),
    chosen as (
      select nis_code, name_nl, name_fr, row_number() over (order by (region = 'VLG') desc, nis_code) as n
      from gazetteer_municipalities order by (region = 'VLG') desc, nis_code limit ${MUNICIPALITIES}
    ), m as (
      insert into municipalities (id, region_id, nis_code, name_nl, name_fr)
      select ('00000000-0000-4000-8002-' || lpad(n::text, 12, '0'))::uuid, (select id from region), nis_code, name_nl, name_fr
      from chosen returning id, nis_code
    ), o as (
      insert into organisations (id, region_id, name, kind)
      select ('00000000-0000-4000-8003-' || lpad(n::text, 12, '0'))::uuid, (select id from region), 'Bench org ' || n, 'caw'
      from chosen returning id
    )
    insert into organisation_municipalities (organisation_id, municipality_id)
    select ('00000000-0000-4000-8003-' || lpad(n::text, 12, '0'))::uuid, ('00000000-0000-4000-8002-' || lpad(n::text, 12, '0'))::uuid
    from chosen`,
  );
  // One organisation works in five municipalities: the coordinator's set.
  await step(
    'coordinator set',
    sql`insert into organisation_municipalities (organisation_id, municipality_id)
    select '00000000-0000-4000-8003-000000000001'::uuid, id from municipalities
    where id <> '00000000-0000-4000-8002-000000000001' order by nis_code limit 4`,
  );
  await step(
    `${PEOPLE.toLocaleString('en-US')} clients`,
    sql`
    insert into clients (organisation_id, id, municipality_nis, given_name, postcode, created_at, created_by, updated_at)
    select o.organisation_id, ('10000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, m.nis_code, 'Bench',
      (1000 + (g % 4) * 10 + (g % ${MUNICIPALITIES}))::text,
      timestamptz '2023-07-01' + ((g * 7919) % 1080) * interval '1 day',
      '00000000-0000-4000-8000-00000000000f', timestamptz '2023-07-01'
    from generate_series(1, ${PEOPLE}) g
    join municipalities m on m.id = ('00000000-0000-4000-8002-' || lpad((1 + g % ${MUNICIPALITIES})::text, 12, '0'))::uuid
    join organisation_municipalities o on o.municipality_id = m.id
      and o.organisation_id = ('00000000-0000-4000-8003-' || lpad((1 + g % ${MUNICIPALITIES})::text, 12, '0'))::uuid`,
  );
  await step(
    'directory entries',
    sql`
    insert into directory_services (organisation_id, id, region_id, municipality_id, status, name, type, how_to_join,
      cost_option, evidence_level, assured_date, created_at, updated_at)
    select o.organisation_id, gen_random_uuid(), m.region_id, m.id, 'published', 'Bench ' || k,
      (array['buddy','telephone_circle','meeting_place','neighbourhood_salon','soup_cafe','community_garden','home_visits','support_group'])[1 + (k + length(m.nis_code::text) + m.nis_code::int) % 8],
      'walk_in', 'free',
      (array['none','well_described','theory_based','first_indications','good_indications','strong_indications'])[1 + k % 6],
      case when k % 3 = 0 then null else date '2025-01-01' + (k * 37 % 500) end, now(), now()
    from municipalities m
    join organisation_municipalities o on o.municipality_id = m.id and o.organisation_id::text like '00000000-0000-4000-8003-%'
      and right(o.organisation_id::text, 12) = right(m.id::text, 12)
    cross join generate_series(1, ${ENTRIES_PER_MUNICIPALITY}) k`,
  );
  await step(
    `${PEOPLE.toLocaleString('en-US')} tracks`,
    sql`
    insert into measurement_tracks (organisation_id, client_id, id, instrument_id, context, service_type, started_on, created_by, created_at)
    select c.organisation_id, c.id, c.id, (array['djg-11','djg-6','ucla-3','direct'])[1 + g % 4], 'initiative',
      (array['buddy','telephone_circle','meeting_place','neighbourhood_salon','soup_cafe','community_garden','home_visits','support_group'])[1 + (g / 4) % 8],
      (c.created_at at time zone 'Europe/Brussels')::date, c.created_by, c.created_at
    from clients c, lateral (select right(c.id::text, 12)::int as g) n`,
  );
  await step(
    '1,000,000 measurements',
    sql`
    insert into client_measurements (organisation_id, client_id, id, instrument_id, instrument_version, mode, taken_on,
      answers, status, total, track_id, occasion_months, municipality_nis, service_type, recorded_by, created_at)
    select t.organisation_id, t.client_id, gen_random_uuid(), t.instrument_id, '1', 'interviewer',
      t.started_on + o.months * 30, '{}', 'complete',
      greatest(0, least(11, 7 - (o.months / 4) + ((right(t.id::text, 12)::int * (o.months + 3)) % 5) - 2)),
      case when o.months >= 0 then t.id end, case when o.months >= 0 then o.months end,
      c.municipality_nis, t.service_type, t.created_by, t.created_at
    from measurement_tracks t
    join clients c on c.organisation_id = t.organisation_id and c.id = t.client_id
    cross join (values (0), (3), (6), (12), (-1)) o(months)`,
  );
  await step(
    'referrals',
    sql`
    insert into client_referrals (organisation_id, client_id, id, service_organisation_id, service_id, service_name, status, created_at, created_by, updated_at)
    select c.organisation_id, c.id, gen_random_uuid(), s.organisation_id, s.id, s.name,
      (array['started','completed','proposed','declined'])[1 + n % 4], c.created_at + interval '3 days', c.created_by, c.created_at
    from (select c.*, right(c.id::text, 12)::int as n from clients c) c
    join lateral (select organisation_id, id, name from directory_services d
      where d.organisation_id = c.organisation_id order by d.id limit 1 offset c.n % ${ENTRIES_PER_MUNICIPALITY}) s on true
    where c.n % 2 = 0`,
  );
  await step(
    `${SIGNALS.toLocaleString('en-US')} signals`,
    sql`
    insert into signals (municipality_id, id, organisation_id, reference, urgency, source, description, reporter_anonymous,
      privacy_notice_accepted_at, created_at, updated_at, triage_due_at, contact_due_at)
    select m.id, gen_random_uuid(), o.organisation_id, 'BENCH-' || g, 'normal', 'citizen', 'Bench', true,
      ts, ts, ts, ts, ts
    from generate_series(1, ${SIGNALS}) g
    cross join lateral (select timestamptz '2023-07-01' + ((g::bigint * 104729) % 1080) * interval '1 day' as ts) t
    join municipalities m on m.id = ('00000000-0000-4000-8002-' || lpad((1 + g % ${MUNICIPALITIES})::text, 12, '0'))::uuid
    join organisation_municipalities o on o.municipality_id = m.id
      and o.organisation_id = ('00000000-0000-4000-8003-' || lpad((1 + g % ${MUNICIPALITIES})::text, 12, '0'))::uuid`,
  );
  // As autovacuum would soon after a bulk load: statistics, and the visibility map the index-only scans rely on.
  await step('vacuum analyze', sql`vacuum analyze`);
  // Starts are kept by the triggers of migration 0010 as the inserts above went in, as in production.
  const counts = await sql<{ measurements: number; people: number; municipalities: number; starts: number }>`
    select (select count(*)::int from client_measurements) as measurements,
      (select count(distinct (organisation_id, client_id))::int from client_measurements) as people,
      (select count(distinct municipality_nis)::int from client_measurements) as municipalities,
      (select count(*)::int from insights_starts) as starts`.execute(db);
  return counts.rows[0] as { measurements: number; people: number; municipalities: number; starts: number };
}

const principal = (isPlatformAdmin: boolean): Principal => ({
  user: {
    id: '00000000-0000-4000-8000-00000000000f',
    email: 'bench@example.org',
    name: 'Bench',
    locale: 'nl-BE',
    largeText: false,
    isPlatformAdmin,
    totpEnabled: false,
  },
  memberships: isPlatformAdmin
    ? []
    : [
        {
          organisationId: '00000000-0000-4000-8003-000000000001',
          organisationName: 'Bench org 1',
          role: 'coordinator',
          effective: true,
        },
      ],
  via: 'session',
  pendingSecondFactor: false,
});

interface Row {
  view: string;
  scope: string;
  p50: number;
  p95: number;
  p99: number;
  sqlP50: number;
  sqlP95: number;
}

const stats = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
};

async function timeRuns(runs: number, run: () => Promise<unknown>) {
  for (let i = 0; i < WARMUP; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return stats(samples);
}

export async function insights(ctx: ScenarioContext): Promise<ScenarioReport> {
  const { backend } = ctx;
  say(`Insights on ${backend.label}: generating ${PEOPLE.toLocaleString('en-US')} people`);
  const bench = await openBenchContext(await backend.fresh());
  try {
    const counts = await generate(bench);
    say(
      `  ${counts.measurements.toLocaleString('en-US')} measurements from ${counts.people.toLocaleString('en-US')} people in ${counts.municipalities} municipalities, ${counts.starts.toLocaleString('en-US')} starts kept`,
    );
    const single = (
      await sql<{
        nis_code: string;
      }>`select nis_code from municipalities where id = '00000000-0000-4000-8002-000000000001'`.execute(
        bench.ctx.db,
      )
    ).rows[0]?.nis_code as string;
    const scopes = [
      { label: '1 municipality', principal: principal(false), municipality: single },
      { label: "coordinator's 5", principal: principal(false), municipality: undefined },
      { label: `all ${MUNICIPALITIES} (admin)`, principal: principal(true), municipality: undefined },
    ];
    const views = { reach, change, 'what-works': whatWorks, 'directory-health': directoryHealth } as const;
    const runs = RUNS[backend.kind];
    const rows: Row[] = [];
    for (const scope of scopes) {
      // The bare aggregate over the same measurements: one GROUP BY, no pairing, no suppression.
      const nis = (
        await sql<{ nis: string[] }>`
          select array_agg(m.nis_code) as nis from municipalities m
          ${scope.principal.user.isPlatformAdmin ? sql`` : scope.municipality ? sql`where m.nis_code = ${scope.municipality}` : sql`join organisation_municipalities o on o.municipality_id = m.id and o.organisation_id = '00000000-0000-4000-8003-000000000001'`}`.execute(
          bench.ctx.db,
        )
      ).rows[0]?.nis as string[];
      const bare = await timeRuns(runs, () =>
        bench.pool.query(
          `select instrument_id, service_type, occasion_months, count(*), avg(total) from client_measurements
           where municipality_nis = any($1) and taken_on >= $2 and taken_on < $3 group by 1, 2, 3`,
          [nis, `${QUERY.from}-01`, '2026-07-01'],
        ),
      );
      for (const [view, useCase] of Object.entries(views)) {
        const query = { ...QUERY, municipality: scope.municipality };
        const t = await timeRuns(runs, () => useCase({ ctx: bench.ctx, principal: scope.principal, query }));
        rows.push({ view, scope: scope.label, ...t, sqlP50: bare.p50, sqlP95: bare.p95 });
      }
    }
    say(
      renderTable(
        [
          `Insights, ${backend.label}, ${runs} runs each`,
          'scope',
          'p50',
          'p95',
          'p99',
          'bare SQL p50',
          'bare SQL p95',
        ],
        rows.map((r) => [r.view, r.scope, ms(r.p50), ms(r.p95), ms(r.p99), ms(r.sqlP50), ms(r.sqlP95)]),
      ),
    );
    say(
      `  months ${QUERY.from} to ${QUERY.to}. p50–p99: the use case behind GET /api/insights/<view>, in process\n` +
        '  (scope check, aggregates, suppression, presenting). bare SQL: one GROUP BY over the same measurements\n' +
        '  (instrument × type × occasion, count and mean) through pg on the same connections.',
    );
    const bars: Bar[] = [];
    if (backend.kind === 'postgres') {
      const worst = rows.reduce((a, b) => (b.p95 > a.p95 ? b : a));
      bars.push({
        label: `every insights view p95 < ${BAR_P95_MS} ms, ${counts.measurements.toLocaleString('en-US')} measurements`,
        met: worst.p95 < BAR_P95_MS,
        value: worst.p95,
        limit: BAR_P95_MS,
        detail: `worst ${ms(worst.p95)} (${worst.view}, ${worst.scope})`,
      });
    }
    for (const bar of bars) say(verdict(bar.label, bar.met, bar.detail));
    return { scenario: 'insights', backend: backend.kind, results: { counts, runs, rows }, bars };
  } finally {
    await bench.close();
  }
}
