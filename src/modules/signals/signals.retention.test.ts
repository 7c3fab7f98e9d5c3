import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestContext, type TestContext } from '../../../test/harness/context.ts';
import { createUser, loginAs } from '../../../test/harness/factories.ts';
import type { App } from '../../platform/http/app.ts';
import { JobRunner } from '../../platform/jobs/runner.ts';
import { anonymousReport, createMeldpunt } from './signals.fixture.ts';
import { signalsJobs } from './signals.jobs.ts';
import { anonymiseExpiredSignals, scheduleSignalsRetention } from './signals.retention.usecases.ts';

let ctx: TestContext;
let app: App;
let here: Awaited<ReturnType<typeof createMeldpunt>>;
let ip = 1;

beforeAll(async () => {
  ctx = await createTestContext();
  app = await createTestApp(ctx);
  here = await createMeldpunt(ctx);
});
afterAll(async () => {
  await app.close();
  await ctx.close();
});

/** A signal with every kind of personal data, closed (or not) now. */
async function signalWithEverything(close: boolean) {
  const coordinator = await loginAs(
    app,
    await createUser(ctx, { organisationId: here.organisation.id, role: 'coordinator' }),
  );
  const res = await app.inject({
    method: 'POST',
    url: '/api/signals',
    payload: {
      ...anonymousReport(here.postcode, 'Meneer Voorbeeld zit altijd alleen.'),
      person: { name: 'Meneer Voorbeeld', street: 'Dorpsstraat 1' },
      signs: ['no_visitors'],
      reporter: { anonymous: false, name: 'Buur', phone: '050 12 34 56', email: 'buur@example.org' },
    },
    remoteAddress: `192.0.2.${ip++}`,
  });
  const row = await ctx.db
    .selectFrom('signals')
    .select(['id', 'municipality_id'])
    .where('reference', '=', res.json().reference)
    .executeTakeFirstOrThrow();
  const url = `/api/signals/${row.municipality_id}/${row.id}`;
  const send = (path: string, payload: object) =>
    app.inject({ method: 'POST', url: `${url}${path}`, payload, headers: coordinator.headers });
  await send('/notes', { body: 'Zijn dochter woont in Gent.' });
  await send('/assign', { organisationId: here.organisation.id });
  await send('/contact-attempts', { method: 'visit', result: 'reached', note: 'Koffie gedronken.' });
  if (close) await send('/transitions', { status: 'closed', outcome: 'support_accepted' });
  return row;
}

describe('retention', () => {
  it('removes the personal data of signals closed longer than 12 months ago and keeps the numbers', async () => {
    ctx.clock.set(new Date('2026-03-02T09:00:00Z'));
    const closed = await signalWithEverything(true);
    const open = await signalWithEverything(false);
    ctx.clock.set(new Date('2027-03-01T09:00:00Z'));
    expect(await anonymiseExpiredSignals({ ctx })).toEqual({ anonymised: 0 });
    ctx.clock.set(new Date('2027-03-02T09:00:00Z'));
    expect(await anonymiseExpiredSignals({ ctx })).toEqual({ anonymised: 1 });
    const row = await ctx.db
      .selectFrom('signals')
      .selectAll()
      .where('id', '=', closed.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      person_name: null,
      person_street: null,
      description: '',
      reporter_name: null,
      reporter_phone: null,
      reporter_email: null,
      status: 'closed',
      outcome: 'support_accepted',
      signs: ['no_visitors'],
      person_postcode: here.postcode,
    });
    const text = JSON.stringify([
      row,
      await ctx.db.selectFrom('signal_notes').selectAll().where('signal_id', '=', closed.id).execute(),
      await ctx.db
        .selectFrom('signal_contact_attempts')
        .selectAll()
        .where('signal_id', '=', closed.id)
        .execute(),
    ]);
    for (const secret of ['Voorbeeld', 'Dorpsstraat', 'Gent', 'Koffie', '12 34 56', 'buur@'])
      expect(text).not.toContain(secret);
    const untouched = await ctx.db
      .selectFrom('signals')
      .select('person_name')
      .where('id', '=', open.id)
      .executeTakeFirstOrThrow();
    expect(untouched.person_name).toBe('Meneer Voorbeeld');
    expect(await anonymiseExpiredSignals({ ctx })).toEqual({ anonymised: 0 });
  });

  it('runs as a daily durable job that schedules the next day', async () => {
    ctx.clock.set(new Date('2027-06-01T09:00:00Z'));
    await scheduleSignalsRetention(ctx);
    await scheduleSignalsRetention(ctx);
    const pending = () =>
      ctx.db
        .selectFrom('jobs')
        .select(['run_at', 'status'])
        .where('queue', '=', 'signals.retention')
        .where('status', '=', 'pending')
        .execute();
    expect((await pending()).map((j) => j.run_at.toISOString())).toEqual(['2027-06-02T03:00:00.000Z']);
    ctx.clock.set(new Date('2027-06-02T03:00:00Z'));
    await new JobRunner({ ctx, handlers: signalsJobs }).runDue();
    expect((await pending()).map((j) => j.run_at.toISOString())).toEqual(['2027-06-03T03:00:00.000Z']);
  });
});
