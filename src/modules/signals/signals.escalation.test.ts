import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectGuarded } from '../../../test/harness/access.ts';
import { createTestApp, createTestContext, type TestContext } from '../../../test/harness/context.ts';
import { createUser, loginAs, type TestUser } from '../../../test/harness/factories.ts';
import type { App } from '../../platform/http/app.ts';
import { JobRunner } from '../../platform/jobs/runner.ts';
import { escalate } from './signals.escalation.usecases.ts';
import { anonymousReport, createMeldpunt } from './signals.fixture.ts';
import { signalsJobs } from './signals.jobs.ts';

let ctx: TestContext;
let app: App;
let here: Awaited<ReturnType<typeof createMeldpunt>>;
let coordinators: TestUser[];
let ip = 1;
const monday = new Date('2026-03-02T09:00:00Z');

beforeAll(async () => {
  ctx = await createTestContext();
  app = await createTestApp(ctx);
  here = await createMeldpunt(ctx);
  coordinators = [
    await createUser(ctx, { organisationId: here.organisation.id, role: 'coordinator' }),
    await createUser(ctx, { organisationId: here.organisation.id, role: 'coordinator' }),
  ];
  await createUser(ctx, { organisationId: here.organisation.id, role: 'worker' });
  // The second coordinator chose French for the app: their escalations come in French.
  await ctx.db
    .updateTable('users')
    .set({ locale: 'fr-BE' })
    .where('id', '=', coordinators[1]?.id ?? '')
    .execute();
});
afterAll(async () => {
  await app.close();
  await ctx.close();
});

async function newSignal() {
  const res = await app.inject({
    method: 'POST',
    url: '/api/signals',
    payload: anonymousReport(here.postcode),
    remoteAddress: `192.0.2.${ip++}`,
  });
  return ctx.db
    .selectFrom('signals')
    .selectAll()
    .where('reference', '=', res.json().reference)
    .executeTakeFirstOrThrow();
}

const escalationMails = (reference: string) =>
  ctx.db
    .selectFrom('outbox_messages')
    .select(['recipient', 'subject', 'body_text'])
    .where('subject', 'like', `%${reference}%`)
    .orderBy('recipient')
    .execute();

describe('deadlines', () => {
  it('follow the service levels in Belgian working days', async () => {
    ctx.clock.set(monday);
    const signal = await newSignal();
    expect(signal.triage_due_at.toISOString()).toBe('2026-03-04T23:00:00.000Z');
    expect(signal.contact_due_at.toISOString()).toBe('2026-03-09T23:00:00.000Z');
    const jobs = await ctx.db
      .selectFrom('jobs')
      .select(['key', 'run_at'])
      .where('queue', '=', 'signals.escalate')
      .where('key', 'like', `%${signal.id}%`)
      .orderBy('run_at')
      .execute();
    expect(jobs.map((j) => j.run_at.toISOString())).toEqual([
      '2026-03-04T23:00:00.000Z',
      '2026-03-09T23:00:00.000Z',
    ]);
  });

  it('escalate to the meldpunt coordinators exactly once per step, with two workers and after a restart', async () => {
    ctx.clock.set(monday);
    const signal = await newSignal();
    ctx.clock.set(new Date('2026-03-05T08:00:00Z'));
    const one = new JobRunner({ ctx, handlers: signalsJobs });
    const two = new JobRunner({ ctx, handlers: signalsJobs });
    await Promise.all([one.runDue(), two.runDue()]);
    const mails = await escalationMails(signal.reference);
    expect(mails.map((m) => m.recipient)).toEqual(coordinators.map((c) => c.email).sort());
    const to = (user: TestUser | undefined) => mails.find((m) => m.recipient === user?.email);
    expect(to(coordinators[0])?.subject).toBe(`Melding ${signal.reference} wacht nog op een eerste blik`);
    expect(to(coordinators[1])?.subject).toBe(`Le signalement ${signal.reference} attend un premier examen`);
    expect(to(coordinators[0])?.body_text).toContain(`/signals/${signal.municipality_id}/${signal.id}`);

    // The same step again, as a job run twice would (after a crash, or on a second instance): nothing more.
    const again = await Promise.all([
      escalate({ ctx, municipalityId: signal.municipality_id, signalId: signal.id, step: 'triage' }),
      escalate({ ctx, municipalityId: signal.municipality_id, signalId: signal.id, step: 'triage' }),
    ]);
    expect(again).toEqual([{ sent: 0 }, { sent: 0 }]);
    await new JobRunner({ ctx, handlers: signalsJobs }).runDue();
    expect(await escalationMails(signal.reference)).toHaveLength(2);

    ctx.clock.set(new Date('2026-03-10T08:00:00Z'));
    await new JobRunner({ ctx, handlers: signalsJobs }).runDue();
    const both = await escalationMails(signal.reference);
    expect(both).toHaveLength(4);
    expect(both.filter((m) => /contactpoging|tentative de contact/.test(m.subject))).toHaveLength(2);
  });

  it('do not escalate a step done in time, and show as overdue in the queue once passed', async () => {
    ctx.clock.set(monday);
    const signal = await newSignal();
    const session = await loginAs(app, coordinators[0] as TestUser);
    const url = `/api/signals/${signal.municipality_id}/${signal.id}`;
    await app.inject({
      method: 'POST',
      url: `${url}/transitions`,
      payload: { status: 'triaged' },
      headers: session.headers,
    });
    ctx.clock.set(new Date('2026-03-05T08:00:00Z'));
    await new JobRunner({ ctx, handlers: signalsJobs }).runDue();
    expect(await escalationMails(signal.reference)).toEqual([]);
    ctx.clock.set(new Date('2026-03-10T08:00:00Z'));
    const later = await loginAs(app, coordinators[0] as TestUser);
    const queue = (
      await app.inject({ method: 'GET', url: '/api/signals/queue', headers: later.headers })
    ).json();
    expect(queue.items.find((i: { id: string }) => i.id === signal.id)).toMatchObject({ overdue: true });
  });
});

describe('service levels', () => {
  it('are set by the meldpunt coordinators and apply to new signals', async () => {
    ctx.clock.set(monday);
    const coordinator = await loginAs(app, coordinators[0] as TestUser);
    const worker = await loginAs(
      app,
      await createUser(ctx, { organisationId: here.organisation.id, role: 'worker' }),
    );
    const cawCoordinator = await loginAs(
      app,
      await createUser(ctx, { organisationId: here.caw.id, role: 'coordinator' }),
    );
    const url = `/api/signals/service-levels/${here.municipality.id}`;
    expect((await app.inject({ method: 'GET', url, headers: worker.headers })).json()).toEqual({
      triageWorkingDays: 2,
      contactWorkingDays: 5,
      retentionMonths: 12,
    });
    const res = await expectGuarded(
      app,
      { method: 'PUT', url, payload: { triageWorkingDays: 1, contactWorkingDays: 3, retentionMonths: 6 } },
      { wrongRole: worker, wrongTenant: cawCoordinator, allowed: coordinator },
    );
    expect(res.json()).toEqual({ triageWorkingDays: 1, contactWorkingDays: 3, retentionMonths: 6 });
    const signal = await newSignal();
    expect(signal.triage_due_at.toISOString()).toBe('2026-03-03T23:00:00.000Z');
    expect(signal.contact_due_at.toISOString()).toBe('2026-03-05T23:00:00.000Z');
  });
});
