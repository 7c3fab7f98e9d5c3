import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectGuarded } from '../../../test/harness/access.ts';
import { createClient } from '../../../test/harness/clients.ts';
import { createTestApp, createTestContext, type TestContext } from '../../../test/harness/context.ts';
import { createTenant, createUser, loginAs, type TestSession } from '../../../test/harness/factories.ts';
import type { App } from '../../platform/http/app.ts';

let ctx: TestContext;
let app: App;
let worker: TestSession;
let otherWorker: TestSession;
let admin: TestSession;
let organisationId: string;
let workerId: string;

// Answers of the 11-item De Jong Gierveld scale; "yes" to every item scores the 6 negative ones.
const allYes = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [String(i + 1), 'yes']));

beforeAll(async () => {
  ctx = await createTestContext();
  app = await createTestApp(ctx);
  ctx.clock.set(new Date('2026-06-15T10:00:00Z'));
  const here = await createTenant(ctx);
  const there = await createTenant(ctx);
  organisationId = here.organisation.id;
  const w = await createUser(ctx, { organisationId, role: 'worker' });
  workerId = w.id;
  worker = await loginAs(app, w);
  admin = await loginAs(app, await createUser(ctx, { organisationId, role: 'admin' }));
  otherWorker = await loginAs(
    app,
    await createUser(ctx, { organisationId: there.organisation.id, role: 'worker' }),
  );
});
afterAll(async () => {
  await app.close();
  await ctx.close();
});

const newClient = (opts: { registered?: boolean } = {}) =>
  createClient(ctx, { organisationId, createdBy: workerId, ...opts });

const record = (session: TestSession, clientId: string, body: Record<string, unknown>) =>
  app.inject({
    method: 'POST',
    url: `/api/clients/${clientId}/measurements`,
    headers: session.headers,
    payload: body,
  });

describe('measurements taken by a worker', () => {
  it('are scored on the server and stored with the instrument version, and listed with their meaning in words', async () => {
    const client = await newClient();
    const res = await record(worker, client.id, {
      instrumentId: 'djg-11',
      mode: 'interviewer',
      takenOn: '2026-06-14',
      answers: allYes,
    });
    expect(res.statusCode, res.body).toBe(201);
    const saved = res.json();
    const list = await app.inject({
      method: 'GET',
      url: `/api/clients/${client.id}/measurements`,
      headers: worker.headers,
    });
    expect(list.statusCode).toBe(200);
    const [m] = list.json().items;
    // The save answers the stored measurement as the list shows it.
    expect(saved).toEqual(m);
    expect(m.score).toMatchObject({
      instrument: 'djg-11',
      version: expect.any(String),
      status: 'complete',
      total: 6,
    });
    expect(m.score.category).toBe('moderately_lonely');
    expect(m.meaning).toBe(
      'Score 6 van 11. Op deze schaal wijst dat op gevoelens van eenzaamheid: de persoon mist soms mensen of nabijheid.',
    );
    expect(m.recordedBy.id).toBe(workerId);
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', client.id)
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['measurements.read', 'measurements.recorded']);
    const timeline = await ctx.db
      .selectFrom('client_timeline')
      .select('kind')
      .where('client_id', '=', client.id)
      .execute();
    expect(timeline).toEqual([{ kind: 'measurement_recorded' }]);
  });

  it('keep unanswered items as the incomplete status the instrument defines', async () => {
    const client = await newClient();
    const { '4': _, ...partial } = allYes;
    const res = await record(worker, client.id, {
      instrumentId: 'djg-11',
      mode: 'paper',
      takenOn: '2026-06-01',
      answers: partial,
    });
    expect(res.statusCode).toBe(201);
    const list = await app.inject({
      method: 'GET',
      url: `/api/clients/${client.id}/measurements`,
      headers: worker.headers,
    });
    const [m] = list.json().items;
    expect(m.score).toMatchObject({ status: 'incomplete', total: null, missingItems: [4] });
    expect(m.meaning).toContain('Nog open: vraag 4');
  });

  it('refuse answers off the scale and impossible days, naming the field, and store nothing', async () => {
    const client = await newClient();
    const offScale = await record(worker, client.id, {
      instrumentId: 'ucla-3',
      mode: 'interviewer',
      takenOn: '2026-06-14',
      answers: { '1': 'often', '2': 'always', '3': 'often' },
    });
    expect(offScale.statusCode).toBe(400);
    expect(offScale.json().errors).toEqual([expect.objectContaining({ field: 'answers.2' })]);
    const future = await record(worker, client.id, {
      instrumentId: 'direct',
      mode: 'interviewer',
      takenOn: '2026-07-01',
      answers: { '1': 'never' },
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].field).toBe('takenOn');
    const notADay = await record(worker, client.id, {
      instrumentId: 'direct',
      mode: 'interviewer',
      takenOn: '2026-02-30',
      answers: { '1': 'never' },
    });
    expect(notADay.statusCode).toBe(400);
    const stored = await ctx.db
      .selectFrom('client_measurements')
      .select('id')
      .where('client_id', '=', client.id)
      .execute();
    expect(stored).toEqual([]);
  });

  it('are only for the organisation’s team, and nothing new once the person withdrew consent', async () => {
    const client = await newClient();
    const body = {
      instrumentId: 'direct',
      mode: 'interviewer',
      takenOn: '2026-06-14',
      answers: { '1': 'never' },
    };
    await expectGuarded(
      app,
      { method: 'GET', url: `/api/clients/${client.id}/measurements` },
      { wrongTenant: otherWorker, allowed: worker },
    );
    // A member whose role does not reach client data hears so; an outsider learns nothing.
    expect((await record(admin, client.id, body)).statusCode).toBe(403);
    expect((await record(otherWorker, client.id, body)).statusCode).toBe(404);
    const withdrawn = await newClient({ registered: false });
    const refused = await record(worker, withdrawn.id, body);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('clients.consent_withdrawn');
  });
});

describe('follow-up tracks and self-fill links of a client', () => {
  it('are refused without login, to another organisation and to an organisation admin', async () => {
    const client = await newClient();
    const started = await app.inject({
      method: 'POST',
      url: `/api/clients/${client.id}/measurement-tracks`,
      headers: worker.headers,
      payload: { instrumentId: 'direct', context: 'buddy', startedOn: '2026-06-01' },
    });
    expect(started.statusCode, started.body).toBe(201);
    const trackId = started.json().id;
    const routes = [
      { method: 'GET', url: `/api/clients/${client.id}/measurement-tracks` },
      {
        method: 'POST',
        url: `/api/clients/${client.id}/measurement-tracks`,
        payload: { instrumentId: 'direct', context: 'circle', startedOn: '2026-06-01' },
      },
      { method: 'POST', url: `/api/clients/${client.id}/measurement-tracks/${trackId}/stop` },
      {
        method: 'POST',
        url: `/api/clients/${client.id}/measurements/self-fill-links`,
        payload: { instrumentId: 'djg-6' },
      },
    ] as const;
    for (const route of routes) {
      await expectGuarded(app, route, { wrongTenant: otherWorker });
      const byAdmin = await app.inject({ ...route, headers: admin.headers });
      expect(byAdmin.statusCode, `${route.method} ${route.url} by an organisation admin`).toBe(403);
    }
    const tracks = await ctx.db
      .selectFrom('measurement_tracks')
      .select(['status'])
      .where('client_id', '=', client.id)
      .execute();
    expect(tracks).toEqual([{ status: 'active' }]);
    expect(
      await ctx.db.selectFrom('self_fill_links').select('id').where('client_id', '=', client.id).execute(),
    ).toEqual([]);
  });
});

describe('self-fill links', () => {
  async function newLink(clientId: string, validDays = 14) {
    const res = await app.inject({
      method: 'POST',
      url: `/api/clients/${clientId}/measurements/self-fill-links`,
      headers: worker.headers,
      payload: { instrumentId: 'djg-6', validDays },
    });
    expect(res.statusCode, res.body).toBe(201);
    return new URL(res.json().url).hash.slice(1);
  }
  const open = (token: string) =>
    app.inject({ method: 'POST', url: '/api/self-fill/open', payload: { token } });
  const submit = (token: string, answers: Record<string, string>) =>
    app.inject({ method: 'POST', url: '/api/self-fill/submit', payload: { token, answers } });
  const sixAnswers = { '3': 'yes', '4': 'no', '7': 'yes', '8': 'no', '9': 'more_or_less', '10': 'no' };

  it('show the questions and nothing about the person, and store the answers exactly once', async () => {
    const client = await newClient();
    const token = await newLink(client.id);
    const opened = await open(token);
    expect(opened.statusCode).toBe(200);
    expect(opened.body).not.toContain(client.given_name);
    expect(opened.body).not.toContain(client.id);
    expect(opened.json().instrument.id).toBe('djg-6');

    const [first, second] = await Promise.all([submit(token, sixAnswers), submit(token, sixAnswers)]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409]);
    const stored = await ctx.db
      .selectFrom('client_measurements')
      .select(['mode', 'recorded_by', 'total'])
      .where('client_id', '=', client.id)
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ mode: 'self_fill', recorded_by: null });
    expect((await open(token)).json().code).toBe('measurements.link_used');
  });

  it('stop working after they expire, for unknown tokens, and once consent is withdrawn', async () => {
    const client = await newClient();
    const token = await newLink(client.id, 1);
    ctx.clock.advance(2 * 86_400_000);
    const late = await submit(token, sixAnswers);
    expect(late.statusCode).toBe(410);
    expect(late.json().code).toBe('measurements.link_expired');
    ctx.clock.set(new Date('2026-06-15T10:00:00Z'));
    expect((await open('x'.repeat(43))).statusCode).toBe(404);

    const other = await newClient();
    const otherToken = await newLink(other.id);
    await ctx.db
      .updateTable('client_consents')
      .set({ withdrawn_at: new Date(), withdrawn_by: workerId })
      .where('client_id', '=', other.id)
      .execute();
    expect((await submit(otherToken, sixAnswers)).statusCode).toBe(404);
    const stored = await ctx.db
      .selectFrom('client_measurements')
      .select('id')
      .where('client_id', 'in', [client.id, other.id])
      .execute();
    expect(stored).toEqual([]);
  });

  it('refuse answers off the scale without using up the link', async () => {
    const client = await newClient();
    const token = await newLink(client.id);
    const bad = await submit(token, { ...sixAnswers, '3': 'maybe' });
    expect(bad.statusCode).toBe(400);
    expect((await submit(token, sixAnswers)).statusCode).toBe(200);
  });
});
