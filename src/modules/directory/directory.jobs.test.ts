import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/harness/context.ts';
import { platformAdmin as admin, createTenant, createUser } from '../../../test/harness/factories.ts';
import { searchQuery } from '../../contracts/directory.ts';
import { JobRunner } from '../../platform/jobs/runner.ts';
import { ensureGazetteerLoaded } from '../gazetteer/gazetteer.usecases.ts';
import { sampleEntry } from './directory.fixtures.ts';
import {
  directoryJobs,
  SEARCH_ORDER_QUEUE,
  STALE_QUEUE,
  scheduleSearchReorder,
  scheduleStaleReminders,
} from './directory.jobs.ts';
import { resolveEditorScope } from './directory.scope.usecases.ts';
import { searchDirectory } from './directory.search.usecases.ts';
import { assureEntry, changeStatus, createEntry, updateEntry } from './directory.usecases.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  await ensureGazetteerLoaded(ctx);
});
afterAll(async () => {
  await ctx.close();
});

describe('the stale-entry reminder', () => {
  it('mails the coordinators once about entries nobody checked for a year, and not again after a check', async () => {
    const t = await createTenant(ctx, { nisCode: '31005' });
    const coordinator = await createUser(ctx, { organisationId: t.organisation.id, role: 'coordinator' });
    const french = await createUser(ctx, { organisationId: t.organisation.id, role: 'coordinator' });
    await ctx.db.updateTable('users').set({ locale: 'fr-BE' }).where('id', '=', french.id).execute();
    await createUser(ctx, { organisationId: t.organisation.id, role: 'worker' });
    const scope = await resolveEditorScope({ ctx, principal: admin });
    const common = { ctx, principal: admin, scope, ip: '127.0.0.1' };
    const { id } = await createEntry({
      ...common,
      organisationId: t.organisation.id,
      municipalityId: t.municipality.id,
      entry: sampleEntry({ name: 'Praatcafé De Vergeten Hoek' }),
    });
    await changeStatus({ ...common, id, action: 'publish' });
    await assureEntry({ ...common, id });
    const runner = new JobRunner({ ctx, handlers: directoryJobs });
    const outbox = () =>
      ctx.db.selectFrom('outbox_messages').select(['recipient', 'subject', 'body_text']).execute();

    await scheduleStaleReminders(ctx);
    ctx.clock.advance(2 * 86_400_000);
    expect((await runner.runDue()).done).toBe(1);
    expect(await outbox()).toEqual([]);

    ctx.clock.advance(366 * 86_400_000);
    await runner.runDue();
    const mails = await outbox();
    // Each coordinator in the language they chose for the app.
    expect(mails).toEqual(
      expect.arrayContaining([
        {
          recipient: coordinator.email,
          subject: '1 initiatief in Verbonden wacht op een controle',
          body_text: expect.stringContaining('- Praatcafé De Vergeten Hoek'),
        },
        {
          recipient: french.email,
          subject: '1 initiative dans Verbonden attend une vérification',
          body_text: expect.stringContaining('- Praatcafé De Vergeten Hoek'),
        },
      ]),
    );
    expect(mails).toHaveLength(2);

    ctx.clock.advance(2 * 86_400_000);
    await runner.runDue();
    expect(await outbox()).toHaveLength(2);

    await assureEntry({ ...common, id });
    ctx.clock.advance(40 * 86_400_000);
    await runner.runDue();
    expect(await outbox()).toHaveLength(2);
    const pending = await ctx.db
      .selectFrom('jobs')
      .select('id')
      .where('queue', '=', STALE_QUEUE)
      .where('status', '=', 'pending')
      .execute();
    expect(pending).toHaveLength(1);
  });
});

describe('the nightly reorder of the search rows', () => {
  it('writes every search row again in order of place, and searches find the same', async () => {
    const t = await createTenant(ctx, { nisCode: '44021' });
    const scope = await resolveEditorScope({ ctx, principal: admin });
    const common = { ctx, principal: admin, scope, ip: '127.0.0.1' };
    // Published one by one, north and south in turn: written in that order, not in order of place.
    const latitudes = [51.31, 50.81, 51.21, 50.91, 51.11, 50.86];
    for (const [n, latitude] of latitudes.entries()) {
      const base = sampleEntry();
      const location = { ...base.locations[0], latitude, longitude: 3.1 + n * 0.07 };
      const { id } = await createEntry({
        ...common,
        organisationId: t.organisation.id,
        municipalityId: t.municipality.id,
        entry: sampleEntry({ name: `Ontmoeting ${n}`, locations: [location] as typeof base.locations }),
      });
      await changeStatus({ ...common, id, action: 'publish' });
    }
    const rows = (order: 'written' | 'place') =>
      sql<{ name: string }>`select name from directory_search where name like 'Ontmoeting %'
        order by ${order === 'written' ? sql`ctid` : sql`floor((center(bbox))[1] / 0.05), (center(bbox))[0], organisation_id, service_id`}`
        .execute(ctx.db)
        .then((r) => r.rows.map((x) => x.name));
    expect(await rows('written')).not.toEqual(await rows('place'));
    const search = () =>
      searchDirectory({
        ctx,
        query: searchQuery.parse({ q: 'ontmoeting', near: '51.05,3.3', radius_km: '30' }),
      });
    const before = await search();
    expect(before.total).toBeGreaterThan(0);

    await scheduleSearchReorder(ctx);
    ctx.clock.advance(2 * 86_400_000);
    await new JobRunner({ ctx, handlers: directoryJobs }).runDue();

    expect(await rows('written')).toEqual(await rows('place'));
    const after = await search();
    expect(after.total).toBe(before.total);
    expect(after.results.map((r) => r.id)).toEqual(before.results.map((r) => r.id));
    expect(after.facets).toEqual(before.facets);
    // The next night is already planned, once.
    const pending = await ctx.db
      .selectFrom('jobs')
      .select('run_at')
      .where('queue', '=', SEARCH_ORDER_QUEUE)
      .where('status', '=', 'pending')
      .execute();
    expect(pending).toHaveLength(1);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'keeps an edit committed while the reorder runs, once: the edit waits for it (PostgreSQL)',
    async () => {
      const t = await createTenant(ctx, { nisCode: '11002' });
      const scope = await resolveEditorScope({ ctx, principal: admin });
      const common = { ctx, principal: admin, scope, ip: '127.0.0.1' };
      const { id } = await createEntry({
        ...common,
        organisationId: t.organisation.id,
        municipalityId: t.municipality.id,
        entry: sampleEntry({ name: 'Wachtende ontmoeting' }),
      });
      await changeStatus({ ...common, id, action: 'publish' });

      let release = () => {};
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      let reordered = () => {};
      const started = new Promise<void>((resolve) => {
        reordered = resolve;
      });
      // The reorder's transaction stays open (its lock held) until the edit is seen waiting.
      const reorder = ctx.db.transaction().execute(async (trx) => {
        await sql`select directory_search_reorder()`.execute(trx);
        reordered();
        await gate;
      });
      await started;
      const edit = updateEntry({ ...common, id, entry: sampleEntry({ name: 'Verhuisde ontmoeting' }) });
      const waiting = async () =>
        (await sql<{ n: number }>`select count(*)::int as n from pg_locks where not granted`.execute(ctx.db))
          .rows[0]?.n ?? 0;
      for (let tries = 0; (await waiting()) === 0; tries++) {
        if (tries > 250) throw new Error('the edit never waited for the reorder');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      release();
      await Promise.all([reorder, edit]);
      const rows = await ctx.db
        .selectFrom('directory_search')
        .select('name')
        .where('service_id', '=', id)
        .execute();
      expect(rows).toEqual([{ name: 'Verhuisde ontmoeting' }]);
    },
  );
});
