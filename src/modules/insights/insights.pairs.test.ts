import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/harness/context.ts';
import { createTestDatabase } from '../../../test/harness/database.ts';
import { createUser } from '../../../test/harness/factories.ts';
import { backupDatabase, restoreDatabase } from '../../platform/db/backup.ts';
import { newId } from '../../platform/ids.ts';
import { clientsOn, createTenant, trackWithScores } from './insights.fixture.ts';
import * as repo from './insights.repository.ts';

let ctx: TestContext;
let tenant: Awaited<ReturnType<typeof createTenant>>;
let by: string;

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await createTenant(ctx);
  by = (await createUser(ctx, { organisationId: tenant.organisation.id, role: 'worker' })).id;
});
afterAll(async () => {
  await ctx.close();
});

const pairsOf = (trackId: string) =>
  sql<{ diff: number; type: string; baseline_on: string }>`
    select diff, type, to_char(baseline_on, 'YYYY-MM-DD') as baseline_on from insights_pairs where track_id = ${trackId}`
    .execute(ctx.db)
    .then((r) => r.rows);

describe('the pairs kept for change and what works', () => {
  it('follow the measurements: a pair appears with a follow-up, moves to the latest one, and goes with the person', async () => {
    const nis = tenant.municipality.nis_code;
    const [client] = await clientsOn(ctx, {
      organisationId: tenant.organisation.id,
      createdBy: by,
      nis,
      day: '2026-01-05',
      count: 1,
    });
    if (!client) throw new Error('no client');
    const track = await trackWithScores(ctx, {
      client,
      createdBy: by,
      serviceType: null,
      context: 'buddy',
      startedOn: '2026-01-10',
      baseline: 8,
    });
    expect(await pairsOf(track.id)).toEqual([]);
    const followUp = (occasion: number, total: number, takenOn: string) =>
      ctx.db
        .insertInto('client_measurements')
        .values({
          organisation_id: client.organisation_id,
          client_id: client.id,
          id: newId(),
          instrument_id: 'djg-11',
          instrument_version: '1',
          mode: 'paper',
          taken_on: takenOn,
          answers: JSON.stringify({}),
          status: 'complete',
          total,
          track_id: track.id,
          occasion_months: occasion,
          municipality_nis: nis,
          service_type: null,
          recorded_by: by,
          created_at: new Date(`${takenOn}T10:00:00Z`),
        })
        .execute();
    await followUp(3, 6, '2026-04-10');
    expect(await pairsOf(track.id)).toEqual([{ diff: -2, type: 'buddy', baseline_on: '2026-01-10' }]);
    await followUp(6, 3, '2026-07-10');
    expect((await pairsOf(track.id)).map((p) => p.diff)).toEqual([-5]);
    // A follow-up corrected afterwards.
    await ctx.db
      .updateTable('client_measurements')
      .set({ total: 9 })
      .where('track_id', '=', track.id)
      .where('occasion_months', '=', 6)
      .execute();
    expect((await pairsOf(track.id)).map((p) => p.diff)).toEqual([1]);
    const sums = await repo.pairSums(
      ctx.db,
      { municipalityIds: [], nisCodes: [nis] },
      { from: '2026-01-01', until: '2026-02-01' },
      {},
    );
    // k: the person's record key, once per pair (cell-key perturbation).
    const key = await sql<{ k: number }>`select hashtext(${client.id}::text)::float8 as k`.execute(ctx.db);
    expect(sums).toEqual([
      {
        instrument_id: 'djg-11',
        type: 'buddy',
        period: '2026-Q1',
        n: 1,
        people: 1,
        sum: 1,
        sum_squares: 1,
        k: key.rows[0]?.k,
      },
    ]);
    // Erasure: the person's record goes, and their pair with it.
    await ctx.db.deleteFrom('clients').where('id', '=', client.id).execute();
    expect(await pairsOf(track.id)).toEqual([]);
  });

  it('count a person once per quarter, instrument and type, however many tracks they have there', async () => {
    const nis = tenant.municipality.nis_code;
    const [client] = await clientsOn(ctx, {
      organisationId: tenant.organisation.id,
      createdBy: by,
      nis,
      day: '2025-07-01',
      count: 1,
    });
    if (!client) throw new Error('no client');
    const track = (startedOn: string, followUp: number, serviceType = 'meeting_place') =>
      trackWithScores(ctx, { client, createdBy: by, serviceType, startedOn, baseline: 8, followUp });
    const first = await track('2025-07-10', 6);
    await track('2025-09-20', 5);
    await track('2025-08-01', 7, 'soup_cafe');
    await track('2025-10-05', 4);
    const cells = async (from: string, until: string) =>
      (await repo.pairSums(ctx.db, { municipalityIds: [], nisCodes: [nis] }, { from, until }, {}))
        .map((c) => ({ type: c.type, period: c.period, n: c.n, people: c.people }))
        .sort((a, b) => a.period.localeCompare(b.period) || a.type.localeCompare(b.type));
    expect(await cells('2025-07-01', '2026-01-01')).toEqual([
      { type: 'meeting_place', period: '2025-Q3', n: 2, people: 1 },
      { type: 'soup_cafe', period: '2025-Q3', n: 1, people: 1 },
      { type: 'meeting_place', period: '2025-Q4', n: 1, people: 1 },
    ]);
    // A range that starts inside the quarter may count fewer people, never more.
    expect(await cells('2025-09-01', '2026-01-01')).toEqual([
      { type: 'meeting_place', period: '2025-Q3', n: 1, people: 0 },
      { type: 'meeting_place', period: '2025-Q4', n: 1, people: 1 },
    ]);
    // Without the first track's baseline the second pair is the person's first in the quarter.
    await ctx.db
      .deleteFrom('client_measurements')
      .where('track_id', '=', first.id)
      .where('occasion_months', '=', 0)
      .execute();
    expect(await cells('2025-07-01', '2026-01-01')).toEqual([
      { type: 'meeting_place', period: '2025-Q3', n: 1, people: 1 },
      { type: 'soup_cafe', period: '2025-Q3', n: 1, people: 1 },
      { type: 'meeting_place', period: '2025-Q4', n: 1, people: 1 },
    ]);
    // A repeat stays in the table for the backup test below.
    await track('2025-11-03', 3);
    expect((await cells('2025-10-01', '2026-01-01'))[0]).toMatchObject({ n: 2, people: 1 });
  });

  it('are left out of a backup and rebuilt the same by a restore', async () => {
    const nis = tenant.municipality.nis_code;
    for (const [i, client] of (
      await clientsOn(ctx, {
        organisationId: tenant.organisation.id,
        createdBy: by,
        nis,
        day: '2026-02-05',
        count: 3,
      })
    ).entries())
      await trackWithScores(ctx, {
        client,
        createdBy: by,
        serviceType: 'soup_cafe',
        startedOn: '2026-02-10',
        baseline: 7,
        followUp: 7 - i,
      });
    const all = (db: typeof ctx.db) =>
      sql<{ track_id: string; diff: number; repeat: boolean }>`
        select track_id, diff, repeat from insights_pairs order by track_id`
        .execute(db)
        .then((r) => r.rows);
    const before = await all(ctx.db);
    expect(before.length).toBeGreaterThanOrEqual(3);
    expect(before.some((p) => p.repeat)).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'insights-backup-'));
    const target = await createTestDatabase();
    try {
      const file = join(dir, 'backup.jsonl');
      await backupDatabase({ database: ctx.database, file, now: new Date('2026-06-01T00:00:00Z') });
      await restoreDatabase({ database: target, file, force: true });
      expect(await all(target.db)).toEqual(before);
    } finally {
      await target.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
