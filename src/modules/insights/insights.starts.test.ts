import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/harness/context.ts';
import { createTestDatabase } from '../../../test/harness/database.ts';
import { createUser } from '../../../test/harness/factories.ts';
import { backupDatabase, restoreDatabase } from '../../platform/db/backup.ts';
import type { DB } from '../../platform/db/schema.ts';
import { newId } from '../../platform/ids.ts';
import { addMunicipality, clientsOn, createTenant } from './insights.fixture.ts';
import * as repo from './insights.repository.ts';

// insights_starts (migration 0010) against the live join it replaces: after
// every kind of change, the table holds exactly what the join computes, and
// the reach queries give what they gave when they joined.

let ctx: TestContext;
let tenant: Awaited<ReturnType<typeof createTenant>>;
let second: Awaited<ReturnType<typeof addMunicipality>>;
let by: string;

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await createTenant(ctx);
  second = await addMunicipality(ctx, tenant);
  by = (await createUser(ctx, { organisationId: tenant.organisation.id, role: 'worker' })).id;
});
afterAll(async () => {
  await ctx.close();
});

interface Start {
  client_id: string;
  type: string;
  month: string;
  nis: string;
  postcode: string;
  starts: number;
}

/** The starts per person, type and month as the reach queries computed them before migration 0010. */
const liveStarts = (db: Kysely<DB>) =>
  sql<Start>`
    select client_id, type, to_char(month, 'YYYY-MM') as month, nis, postcode, count(*)::int as starts
    from (
      select c.id as client_id, c.municipality_nis as nis, coalesce(c.postcode, '') as postcode,
        coalesce(t.service_type, case t.context when 'buddy' then 'buddy' when 'circle' then 'telephone_circle'
          else 'other' end) as type, date_trunc('month', t.started_on) as month
      from clients c
      join measurement_tracks t on t.organisation_id = c.organisation_id and t.client_id = c.id
      union all
      select c.id, c.municipality_nis, coalesce(c.postcode, ''), coalesce(s.type, 'other'),
        date_trunc('month', (r.created_at at time zone 'Europe/Brussels')::date)
      from clients c
      join client_referrals r on r.organisation_id = c.organisation_id and r.client_id = c.id
      left join directory_services s on s.organisation_id = r.service_organisation_id and s.id = r.service_id
      where r.status in ('started', 'stopped', 'completed')
    ) live
    group by 1, 2, 3, 4, 5 order by 1, 2, 3`
    .execute(db)
    .then((r) => r.rows);

const keptStarts = (db: Kysely<DB>) =>
  sql<Start>`
    select client_id, type, to_char(month, 'YYYY-MM') as month, municipality_nis as nis, postcode, starts
    from insights_starts order by 1, 2, 3`
    .execute(db)
    .then((r) => r.rows);

/** participantsPerMonth and participantsPerPostcode as they were, joining the live tables. */
const BRUSSELS = 'Europe/Brussels';
const startOf = (day: string) => sql`(${day}::date)::timestamp at time zone ${BRUSSELS}`;
const liveJoin = (nisCodes: readonly string[], range: repo.Range) => sql`
  select c.municipality_nis as nis, coalesce(c.postcode, '') as postcode, t.organisation_id, t.client_id,
    coalesce(t.service_type, case t.context when 'buddy' then 'buddy' when 'circle' then 'telephone_circle'
      else 'other' end) as type, t.started_on as day
  from clients c
  join measurement_tracks t on t.organisation_id = c.organisation_id and t.client_id = c.id
  where c.municipality_nis = any(${nisCodes}::text[])
    and t.started_on >= ${range.from}::date and t.started_on < ${range.until}::date
  union all
  select c.municipality_nis, coalesce(c.postcode, ''), r.organisation_id, r.client_id, coalesce(s.type, 'other'),
    (r.created_at at time zone ${BRUSSELS})::date
  from clients c
  join client_referrals r on r.organisation_id = c.organisation_id and r.client_id = c.id
  left join directory_services s on s.organisation_id = r.service_organisation_id and s.id = r.service_id
  where c.municipality_nis = any(${nisCodes}::text[]) and r.status in ('started', 'stopped', 'completed')
    and r.created_at >= ${startOf(range.from)} and r.created_at < ${startOf(range.until)}`;
const livePerMonth = (nisCodes: readonly string[], range: repo.Range) =>
  sql<repo.TwoWayCount & { type: string | null }>`
    select nis as municipality, type, to_char(month, 'YYYY-MM') as month, count(*)::int as n,
      sum(hashtext(client_id::text))::float8 as k
    from (
      select distinct nis, type, date_trunc('month', day) as month, organisation_id, client_id
      from (${liveJoin(nisCodes, range)}) st
    ) people
    group by grouping sets ((type, month), (nis))`
    .execute(ctx.db)
    .then((r) => r.rows);
const livePerPostcode = (nis: string, range: repo.Range) =>
  sql<{ postcode: string; n: number; k: number }>`
    select postcode, count(*)::int as n, sum(hashtext(client_id::text))::float8 as k
    from (
      select distinct postcode, type, to_char(day, 'YYYY-MM') as month, organisation_id, client_id
      from (${liveJoin([nis], range)}) st
    ) people
    group by 1`
    .execute(ctx.db)
    .then((r) => r.rows);

const sorted = <T>(rows: T[]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

/** The table equals the live join, and both reach queries equal their live versions, over a few ranges. */
async function expectSameAsLive() {
  const kept = await keptStarts(ctx.db);
  expect(kept).toEqual(await liveStarts(ctx.db));
  const both = [tenant.municipality.nis_code, second.nis_code];
  for (const range of [
    { from: '2026-01-01', until: '2027-01-01' },
    { from: '2026-02-01', until: '2026-03-01' },
    { from: '2025-12-01', until: '2026-02-01' },
  ]) {
    const scope = { municipalityIds: [], nisCodes: both };
    expect(sorted(await repo.participantsPerMonth(ctx.db, scope, range))).toEqual(
      sorted(await livePerMonth(both, range)),
    );
    for (const nis of both)
      expect(sorted(await repo.participantsPerPostcode(ctx.db, nis, range))).toEqual(
        sorted(await livePerPostcode(nis, range)),
      );
  }
  return kept;
}

async function service(type: string) {
  const id = newId();
  await sql`
    insert into directory_services (organisation_id, id, region_id, municipality_id, status, name, type,
      how_to_join, cost_option, created_at, updated_at)
    values (${tenant.organisation.id}, ${id}, ${tenant.region.id}, ${tenant.municipality.id}, 'published',
      ${`Initiatief ${id.slice(0, 6)}`}, ${type}, 'walk_in', 'free', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`.execute(
    ctx.db,
  );
  return id;
}

type Client = { organisation_id: string; id: string };

const track = (
  client: Client,
  opts: {
    context?: 'initiative' | 'buddy' | 'circle' | 'other';
    serviceType?: string | null;
    startedOn: string;
  },
) => ({
  organisation_id: client.organisation_id,
  client_id: client.id,
  id: newId(),
  instrument_id: 'djg-11' as const,
  context: opts.context ?? 'initiative',
  service_type: opts.serviceType ?? null,
  started_on: opts.startedOn,
  created_by: by,
  created_at: new Date(`${opts.startedOn}T10:00:00Z`),
});

const referral = (
  client: Client,
  serviceId: string,
  status: 'proposed' | 'sent' | 'started' | 'declined' | 'stopped' | 'completed',
  at: string,
) => ({
  organisation_id: client.organisation_id,
  client_id: client.id,
  id: newId(),
  service_organisation_id: tenant.organisation.id,
  service_id: serviceId,
  service_name: 'Initiatief',
  status,
  created_at: new Date(at),
  created_by: by,
  updated_at: new Date(at),
});

describe('the starts kept for reach', () => {
  it('equal the live join after inserts, status changes, moves, type changes, deletes and erasure', async () => {
    const soup = await service('soup_cafe');
    const garden = await service('community_garden');
    const here = await clientsOn(ctx, {
      organisationId: tenant.organisation.id,
      createdBy: by,
      nis: tenant.municipality.nis_code,
      day: '2025-12-20',
      count: 4,
      postcode: '9000',
    });
    const there = await clientsOn(ctx, {
      organisationId: tenant.organisation.id,
      createdBy: by,
      nis: second.nis_code,
      day: '2025-12-20',
      count: 3,
      postcode: '9050',
    });
    const [a, b, c, d, e, f, g] = [...here, ...there];
    if (!a || !b || !c || !d || !e || !f || !g) throw new Error('seven clients expected');

    // Several tracks in one statement, as an import or a restore does.
    await ctx.db
      .insertInto('measurement_tracks')
      .values([
        track(a, { serviceType: 'buddy', startedOn: '2026-01-10' }),
        track(a, { serviceType: 'buddy', startedOn: '2026-01-20' }),
        track(b, { context: 'circle', startedOn: '2026-02-01' }),
        track(c, { context: 'buddy', startedOn: '2025-12-31' }),
        track(e, { context: 'other', startedOn: '2026-02-28' }),
        track(f, { serviceType: 'soup_cafe', startedOn: '2026-03-01' }),
      ])
      .execute();
    const referrals = [
      referral(a, soup, 'started', '2026-01-15T09:00:00Z'),
      // 23:30 UTC on 31 January is 1 February in Brussels.
      referral(b, soup, 'completed', '2026-01-31T23:30:00Z'),
      referral(c, garden, 'proposed', '2026-02-03T09:00:00Z'),
      referral(d, garden, 'sent', '2026-02-04T09:00:00Z'),
      referral(e, soup, 'stopped', '2026-02-05T09:00:00Z'),
      referral(g, garden, 'declined', '2026-02-06T09:00:00Z'),
      referral(g, soup, 'started', '2025-12-31T23:10:00Z'),
    ];
    await ctx.db.insertInto('client_referrals').values(referrals).execute();
    const afterInsert = await expectSameAsLive();
    const of = (rows: Start[], client: Client) =>
      rows.filter((r) => r.client_id === client.id).map((r) => `${r.type} ${r.month} ${r.starts}`);
    // Two tracks of one type in one month are one row with two starts.
    expect(of(afterInsert, a)).toEqual(['buddy 2026-01 2', 'soup_cafe 2026-01 1']);
    // 23:30 UTC on 31 January is February in Brussels; 23:10 UTC on 31 December is January.
    expect(of(afterInsert, b)).toEqual(['soup_cafe 2026-02 1', 'telephone_circle 2026-02 1']);
    expect(of(afterInsert, g)).toEqual(['soup_cafe 2026-01 1']);
    // Proposed and sent referrals are no start.
    expect(of(afterInsert, d)).toEqual([]);

    // Referrals start, finish, are declined after all.
    const [ra, , rc, rd] = referrals;
    if (!ra || !rc || !rd) throw new Error('referrals expected');
    await ctx.db.updateTable('client_referrals').set({ status: 'started' }).where('id', '=', rc.id).execute();
    await ctx.db
      .updateTable('client_referrals')
      .set({ status: 'completed' })
      .where('id', '=', ra.id)
      .execute();
    await ctx.db
      .updateTable('client_referrals')
      .set({ status: 'declined' })
      .where('id', '=', rd.id)
      .execute();
    await ctx.db
      .updateTable('client_referrals')
      .set({ status: 'stopped' })
      .where('status', '=', 'started')
      .where('client_id', 'in', [c.id, g.id])
      .execute();
    const restarted = await expectSameAsLive();
    expect(of(restarted, c)).toEqual(['buddy 2025-12 1', 'community_garden 2026-02 1']);
    expect(of(restarted, g)).toEqual(['soup_cafe 2026-01 1']);

    // A track gets another type and start date; another is removed.
    await ctx.db
      .updateTable('measurement_tracks')
      .set({ service_type: 'meeting_place', started_on: '2026-02-15' })
      .where('client_id', '=', b.id)
      .execute();
    await ctx.db.deleteFrom('measurement_tracks').where('client_id', '=', c.id).execute();
    await expectSameAsLive();

    // People move: to the other municipality, to another postcode, to no postcode; an edit that moves nobody.
    await ctx.db
      .updateTable('clients')
      .set({ municipality_nis: second.nis_code, postcode: '9052' })
      .where('id', '=', a.id)
      .execute();
    await ctx.db.updateTable('clients').set({ postcode: null }).where('id', '=', e.id).execute();
    await ctx.db.updateTable('clients').set({ given_name: 'Andere naam' }).where('id', '=', b.id).execute();
    const moved = await expectSameAsLive();
    expect(moved.filter((s) => s.nis === second.nis_code && s.postcode === '9052')).toHaveLength(2);
    expect(moved.filter((s) => s.postcode === '').map((s) => s.client_id)).toEqual([e.id, e.id]);

    // A directory entry changes type, another is deleted (its referrals count as 'other').
    await sql`update directory_services set type = 'neighbourhood_salon' where id = ${soup}`.execute(ctx.db);
    await sql`delete from directory_services where id = ${garden}`.execute(ctx.db);
    const retyped = await expectSameAsLive();
    expect(retyped.filter((s) => s.type === 'neighbourhood_salon')).toHaveLength(4);
    expect(of(retyped, c)).toEqual(['other 2026-02 1']);

    // A referral deleted, then erasure: the person's record goes, and their starts with it.
    await ctx.db.deleteFrom('client_referrals').where('id', '=', ra.id).execute();
    await expectSameAsLive();
    await ctx.db.deleteFrom('clients').where('id', 'in', [a.id, e.id]).execute();
    const erased = await expectSameAsLive();
    expect(erased.length).toBeGreaterThan(0);
    const left = await sql<{ n: number }>`
      select count(*)::int as n from insights_starts where client_id in (${a.id}, ${e.id})`.execute(ctx.db);
    expect(left.rows[0]?.n).toBe(0);
  });

  it('are left out of a backup and rebuilt the same by a restore', async () => {
    const salon = await service('neighbourhood_salon');
    const people = await clientsOn(ctx, {
      organisationId: tenant.organisation.id,
      createdBy: by,
      nis: tenant.municipality.nis_code,
      day: '2026-03-02',
      count: 3,
    });
    for (const [i, person] of people.entries()) {
      await ctx.db
        .insertInto('measurement_tracks')
        .values(track(person, { serviceType: 'home_visits', startedOn: `2026-03-0${i + 3}` }))
        .execute();
      await ctx.db
        .insertInto('client_referrals')
        .values(referral(person, salon, 'started', `2026-03-0${i + 3}T12:00:00Z`))
        .execute();
    }
    const before = await keptStarts(ctx.db);
    expect(before.filter((s) => people.some((p) => p.id === s.client_id))).toHaveLength(6);
    expect(before).toEqual(await liveStarts(ctx.db));
    const dir = mkdtempSync(join(tmpdir(), 'insights-starts-backup-'));
    const target = await createTestDatabase();
    try {
      const file = join(dir, 'backup.jsonl');
      await backupDatabase({ database: ctx.database, file, now: new Date('2026-06-01T00:00:00Z') });
      const header = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8').split('\n')[0] ?? '') as {
        tables: { name: string }[];
      };
      expect(header.tables.map((t) => t.name)).toContain('client_referrals');
      expect(header.tables.map((t) => t.name)).not.toContain('insights_starts');
      await restoreDatabase({ database: target, file, force: true });
      expect(await keptStarts(target.db)).toEqual(before);
    } finally {
      await target.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // Two connections are needed, so this runs on PostgreSQL only (PGlite has one).
  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'never keep an old municipality when a track starts while the person moves',
    async () => {
      const [person] = await clientsOn(ctx, {
        organisationId: tenant.organisation.id,
        createdBy: by,
        nis: tenant.municipality.nis_code,
        day: '2026-04-01',
        count: 1,
      });
      if (!person) throw new Error('no client');
      const row = track(person, { serviceType: 'buddy', startedOn: '2026-04-02' });
      let inserting: Promise<unknown> | undefined;
      await ctx.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('clients')
          .set({ municipality_nis: second.nis_code })
          .where('id', '=', person.id)
          .execute();
        // Another connection starts a track for the same person before the move commits.
        inserting = ctx.db.insertInto('measurement_tracks').values(row).execute();
        await new Promise((resolve) => setTimeout(resolve, 300));
      });
      await inserting;
      const kept = await sql<{ nis: string }>`
        select municipality_nis as nis from insights_starts where client_id = ${person.id}`.execute(ctx.db);
      expect(kept.rows).toEqual([{ nis: second.nis_code }]);
      expect(await keptStarts(ctx.db)).toEqual(await liveStarts(ctx.db));
    },
  );
});
