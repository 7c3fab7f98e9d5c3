import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '../../../test/harness/clients.ts';
import { createTestApp, createTestContext, type TestContext } from '../../../test/harness/context.ts';
import {
  createTenant,
  createUser,
  loginAs,
  type TestSession,
  type TestUser,
} from '../../../test/harness/factories.ts';
import type { App } from '../../platform/http/app.ts';
import { newId } from '../../platform/ids.ts';
import { JobRunner } from '../../platform/jobs/runner.ts';
import { publishService } from '../clients/clients.fixture.ts';
import { ensureGazetteerLoaded } from '../gazetteer/gazetteer.usecases.ts';
import { measurementsJobs } from './measurements.jobs.ts';
import { addMonths } from './measurements.models.ts';
import { sendFollowUpReminder } from './measurements.tracks.usecases.ts';

let ctx: TestContext;
let app: App;
let worker: TestUser;
let session: TestSession;
let coordinator: TestSession;
let tenant: Awaited<ReturnType<typeof createTenant>>;

beforeAll(async () => {
  ctx = await createTestContext();
  app = await createTestApp(ctx);
  ctx.clock.set(new Date('2026-01-10T10:00:00Z'));
  await ensureGazetteerLoaded(ctx);
  // A real municipality (Brugge), so the directory accepts the initiative's address.
  tenant = await createTenant(ctx, { nisCode: '31005' });
  worker = await createUser(ctx, { organisationId: tenant.organisation.id, role: 'worker' });
  session = await loginAs(app, worker);
  coordinator = await loginAs(
    app,
    await createUser(ctx, { organisationId: tenant.organisation.id, role: 'coordinator' }),
  );
});
afterAll(async () => {
  await app.close();
  await ctx.close();
});

async function clientWithSelfFillConsent(email: string | null) {
  const client = await createClient(ctx, {
    organisationId: tenant.organisation.id,
    createdBy: worker.id,
    assigned: [{ userId: worker.id, role: 'lead' }],
  });
  await ctx.db.updateTable('clients').set({ email }).where('id', '=', client.id).execute();
  await ctx.db
    .insertInto('client_consents')
    .values({
      organisation_id: tenant.organisation.id,
      client_id: client.id,
      id: newId(),
      kind: 'self_fill',
      shared_with_organisation_id: null,
      method: 'in_person',
      given_at: ctx.clock.now(),
      recorded_by: worker.id,
      withdrawn_at: null,
      withdrawn_by: null,
      withdrawal_method: null,
      note: null,
    })
    .execute();
  return client;
}

const startTrack = (clientId: string, body: Record<string, unknown>) =>
  app.inject({
    method: 'POST',
    url: `/api/clients/${clientId}/measurement-tracks`,
    headers: session.headers,
    payload: body,
  });

const outbox = () =>
  ctx.db.selectFrom('outbox_messages').select(['recipient', 'subject', 'body_text']).execute();

describe('addMonths', () => {
  it('keeps the day of the month, and ends on the last day of a shorter month', () => {
    expect(addMonths('2026-01-10', 3)).toBe('2026-04-10');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-05-20', 0)).toBe('2026-05-20');
  });
});

describe('follow-up tracks', () => {
  // Each test starts on the track's first day with a fresh session (the clock jumps months ahead).
  beforeEach(async () => {
    ctx.clock.set(new Date('2026-01-10T10:00:00Z'));
    session = await loginAs(app, worker);
  });

  it('remind the assigned worker when a follow-up is due and email the person a self-fill link they agreed to, once', async () => {
    const client = await clientWithSelfFillConsent('fictief@example.invalid');
    const serviceId = await publishService(app, coordinator, tenant, 'Wandelclub De Trage Stap');
    const res = await startTrack(client.id, {
      instrumentId: 'djg-6',
      context: 'initiative',
      serviceId,
      startedOn: '2026-01-10',
      followUpMonths: [3, 6],
      selfFill: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    const trackId = res.json().id;
    const tracks = await app.inject({
      method: 'GET',
      url: `/api/clients/${client.id}/measurement-tracks`,
      headers: session.headers,
    });
    expect(tracks.json().items[0]).toMatchObject({
      serviceName: 'Wandelclub De Trage Stap',
      serviceType: 'meeting_place',
    });
    expect(tracks.json().items[0].occasions.map((o: { dueOn: string }) => o.dueOn)).toEqual([
      '2026-01-10',
      '2026-04-10',
      '2026-07-10',
    ]);

    const runner = new JobRunner({ ctx, handlers: measurementsJobs });
    await runner.runDue();
    expect(await outbox()).toEqual([]);

    ctx.clock.set(new Date('2026-04-10T09:00:00Z'));
    await Promise.all([runner.runDue(), new JobRunner({ ctx, handlers: measurementsJobs }).runDue()]);
    const mails = await outbox();
    expect(mails.map((m) => m.recipient).sort()).toEqual([worker.email, 'fictief@example.invalid'].sort());
    const toPerson = mails.find((m) => m.recipient === 'fictief@example.invalid');
    expect(toPerson?.body_text).not.toContain(client.given_name);
    const token = /\/invullen#([A-Za-z0-9_-]+)/.exec(toPerson?.body_text ?? '')?.[1] ?? '';

    // The job again (a restart): nothing more is sent.
    await sendFollowUpReminder(ctx, {
      organisationId: tenant.organisation.id,
      clientId: client.id,
      trackId,
      months: 3,
    });
    expect(await outbox()).toHaveLength(2);

    const answers = { '3': 'no', '4': 'yes', '7': 'yes', '8': 'yes', '9': 'no', '10': 'no' };
    const done = await app.inject({
      method: 'POST',
      url: '/api/self-fill/submit',
      payload: { token, answers },
    });
    expect(done.statusCode, done.body).toBe(200);
    const stored = await ctx.db
      .selectFrom('client_measurements')
      .select(['occasion_months', 'service_type', 'mode', 'total'])
      .where('client_id', '=', client.id)
      .execute();
    expect(stored).toEqual([
      { occasion_months: 3, service_type: 'meeting_place', mode: 'self_fill', total: 0 },
    ]);
  });

  it('send nothing for an occasion already measured, or after the track was stopped', async () => {
    const client = await clientWithSelfFillConsent(null);
    const trackId = (
      await startTrack(client.id, {
        instrumentId: 'direct',
        context: 'buddy',
        startedOn: '2026-01-10',
        followUpMonths: [3],
      })
    ).json().id;
    const measured = await app.inject({
      method: 'POST',
      url: `/api/clients/${client.id}/measurements`,
      headers: session.headers,
      payload: {
        instrumentId: 'direct',
        mode: 'interviewer',
        takenOn: '2026-01-10',
        answers: { '1': 'never' },
        trackId,
        occasionMonths: 3,
      },
    });
    expect(measured.statusCode, measured.body).toBe(201);
    const twice = await app.inject({
      method: 'POST',
      url: `/api/clients/${client.id}/measurements`,
      headers: session.headers,
      payload: {
        instrumentId: 'direct',
        mode: 'interviewer',
        takenOn: '2026-01-10',
        answers: { '1': 'never' },
        trackId,
        occasionMonths: 3,
      },
    });
    expect(twice.statusCode).toBe(409);
    const key = { organisationId: tenant.organisation.id, clientId: client.id, trackId, months: 3 };
    expect(await sendFollowUpReminder(ctx, key)).toEqual({ workers: 0, selfFill: false });

    const other = await clientWithSelfFillConsent(null);
    const otherTrack = (
      await startTrack(other.id, { instrumentId: 'direct', context: 'circle', startedOn: '2026-01-10' })
    ).json().id;
    const stop = await app.inject({
      method: 'POST',
      url: `/api/clients/${other.id}/measurement-tracks/${otherTrack}/stop`,
      headers: session.headers,
    });
    expect(stop.statusCode).toBe(204);
    expect(await sendFollowUpReminder(ctx, { ...key, clientId: other.id, trackId: otherTrack })).toEqual({
      workers: 0,
      selfFill: false,
    });
  });

  it('need the initiative for an initiative track, and a measurement must fit its track', async () => {
    const client = await clientWithSelfFillConsent(null);
    const missing = await startTrack(client.id, {
      instrumentId: 'djg-6',
      context: 'initiative',
      startedOn: '2026-01-10',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].field).toBe('serviceId');
    const trackId = (
      await startTrack(client.id, { instrumentId: 'djg-6', context: 'buddy', startedOn: '2026-01-10' })
    ).json().id;
    const wrong = await app.inject({
      method: 'POST',
      url: `/api/clients/${client.id}/measurements`,
      headers: session.headers,
      payload: {
        instrumentId: 'direct',
        mode: 'interviewer',
        takenOn: '2026-01-10',
        answers: { '1': 'never' },
        trackId,
        occasionMonths: 4,
      },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('trackId');
  });
});
