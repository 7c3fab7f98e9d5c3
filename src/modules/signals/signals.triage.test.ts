import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectGuarded } from '../../../test/harness/access.ts';
import { createTestApp, createTestContext, type TestContext } from '../../../test/harness/context.ts';
import { createUser, loginAs, type TestSession } from '../../../test/harness/factories.ts';
import type { App } from '../../platform/http/app.ts';
import { anonymousReport, createMeldpunt } from './signals.fixture.ts';

let ctx: TestContext;
let app: App;
let here: Awaited<ReturnType<typeof createMeldpunt>>;
let elsewhere: Awaited<ReturnType<typeof createMeldpunt>>;
let coordinator: TestSession;
let meldpuntWorker: TestSession;
let volunteer: TestSession;
let cawCoordinator: TestSession;
let cawWorker: TestSession;
let cawWorkerId: string;
let otherCawWorker: TestSession;
let otherCoordinator: TestSession;
let ip = 1;

beforeAll(async () => {
  ctx = await createTestContext();
  app = await createTestApp(ctx);
  here = await createMeldpunt(ctx);
  elsewhere = await createMeldpunt(ctx);
  const login = async (organisationId: string, role: 'coordinator' | 'worker' | 'volunteer') =>
    loginAs(app, await createUser(ctx, { organisationId, role }));
  coordinator = await login(here.organisation.id, 'coordinator');
  meldpuntWorker = await login(here.organisation.id, 'worker');
  volunteer = await login(here.organisation.id, 'volunteer');
  cawCoordinator = await login(here.caw.id, 'coordinator');
  const worker = await createUser(ctx, { organisationId: here.caw.id, role: 'worker' });
  cawWorkerId = worker.id;
  cawWorker = await loginAs(app, worker);
  otherCawWorker = await login(here.caw.id, 'worker');
  otherCoordinator = await login(elsewhere.organisation.id, 'coordinator');
});
afterAll(async () => {
  await app.close();
  await ctx.close();
});

async function newSignal(payload: object = anonymousReport(here.postcode)) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/signals',
    payload,
    remoteAddress: `203.0.113.${ip++}`,
  });
  const { reference } = res.json();
  const row = await ctx.db
    .selectFrom('signals')
    .select(['id', 'municipality_id'])
    .where('reference', '=', reference)
    .executeTakeFirstOrThrow();
  return { reference, url: `/api/signals/${row.municipality_id}/${row.id}`, id: row.id };
}

const post = (session: TestSession, url: string, payload: object) =>
  app.inject({ method: 'POST', url, payload, headers: session.headers });
const get = (session: TestSession, url: string) =>
  app.inject({ method: 'GET', url, headers: session.headers });

describe('the triage queue', () => {
  it('shows the meldpunt coordinators their open signals, urgent first, then new ones', async () => {
    const normal = await newSignal();
    const urgent = await newSignal({ ...anonymousReport(here.postcode), urgency: 'high' });
    await newSignal(anonymousReport(elsewhere.postcode));
    const res = await expectGuarded(
      app,
      { method: 'GET', url: '/api/signals/queue' },
      { wrongRole: cawWorker, allowed: coordinator },
    );
    const ids = res.json().items.map((i: { id: string }) => i.id);
    expect(ids.indexOf(urgent.id)).toBeLessThan(ids.indexOf(normal.id));
    expect(
      res.json().items.every((i: { municipalityId: string }) => i.municipalityId === here.municipality.id),
    ).toBe(true);
    const theirs = await get(otherCoordinator, '/api/signals/queue');
    expect(theirs.json().items.map((i: { id: string }) => i.id)).not.toContain(normal.id);
  });
});

describe('one signal', () => {
  it('is read only by the meldpunt coordinators, and every read is in the audit log', async () => {
    const signal = await newSignal({
      ...anonymousReport(here.postcode),
      person: { name: 'Meneer Voorbeeld', street: 'Dorpsstraat 1' },
    });
    const res = await expectGuarded(
      app,
      { method: 'GET', url: signal.url },
      { wrongRole: volunteer, wrongTenant: otherCoordinator, allowed: coordinator },
    );
    expect(res.json()).toMatchObject({
      personName: 'Meneer Voorbeeld',
      status: 'new',
      may: { triage: true, handle: true },
      transitions: [{ fromStatus: null, toStatus: 'new' }],
    });
    for (const session of [meldpuntWorker, cawCoordinator, cawWorker])
      expect((await get(session, signal.url)).statusCode).toBe(404);
    const reads = await ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'signals.read')
      .where('subject_id', '=', signal.id)
      .execute();
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ organisation_id: here.organisation.id });
  });

  it('is assigned to an organisation working in the municipality and a worker, who then see it', async () => {
    const signal = await newSignal();
    const assignees = await get(coordinator, `${signal.url}/assignees`);
    expect(assignees.json().organisations.map((o: { id: string }) => o.id)).toContain(here.caw.id);
    await expectGuarded(
      app,
      {
        method: 'POST',
        url: `${signal.url}/assign`,
        payload: { organisationId: here.caw.id, userId: cawWorkerId },
      },
      { wrongRole: volunteer, wrongTenant: otherCoordinator },
    );
    expect(
      (await post(cawCoordinator, `${signal.url}/assign`, { organisationId: here.caw.id })).statusCode,
    ).toBe(404);
    const assigned = await post(coordinator, `${signal.url}/assign`, {
      organisationId: here.caw.id,
      userId: cawWorkerId,
    });
    expect(assigned.statusCode).toBe(204);
    expect((await get(cawWorker, signal.url)).json()).toMatchObject({
      status: 'assigned',
      may: { triage: false, handle: true },
    });
    expect((await get(cawCoordinator, signal.url)).statusCode).toBe(200);
    expect((await get(otherCawWorker, signal.url)).statusCode).toBe(404);
    const mine = await get(cawWorker, '/api/signals/assigned');
    expect(mine.json().items.map((i: { id: string }) => i.id)).toContain(signal.id);
    expect((await get(otherCawWorker, '/api/signals/assigned')).json().items).toEqual([]);
    const status = await app.inject({ method: 'GET', url: `/api/signals/status/${signal.reference}` });
    expect(status.json()).toEqual({ status: 'being_handled' });
  });

  it('cannot be assigned to an organisation that does not work in its municipality', async () => {
    const signal = await newSignal();
    const res = await post(coordinator, `${signal.url}/assign`, { organisationId: elsewhere.caw.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'organisationId' });
    const notMember = await post(coordinator, `${signal.url}/assign`, {
      organisationId: here.caw.id,
      userId: (await createUser(ctx)).id,
    });
    expect(notMember.json().errors[0]).toMatchObject({ field: 'userId' });
  });

  it('goes through its lifecycle with every transition timestamped and attributed', async () => {
    const signal = await newSignal({
      ...anonymousReport(here.postcode),
      reporter: { anonymous: false, name: 'Buur', email: 'buur.lifecycle@example.org' },
    });
    expect((await post(coordinator, `${signal.url}/transitions`, { status: 'triaged' })).statusCode).toBe(
      204,
    );
    ctx.clock.advance(60_000);
    await post(coordinator, `${signal.url}/assign`, { organisationId: here.caw.id, userId: cawWorkerId });
    expect((await post(cawWorker, `${signal.url}/transitions`, { status: 'triaged' })).statusCode).toBe(403);
    await post(cawWorker, `${signal.url}/transitions`, { status: 'contact_attempted' });
    await post(cawWorker, `${signal.url}/transitions`, { status: 'in_contact' });
    const noOutcome = await post(cawWorker, `${signal.url}/transitions`, { status: 'closed' });
    expect(noOutcome.json().errors[0]).toMatchObject({ field: 'outcome', code: 'signals.outcome_required' });
    const closed = await post(cawWorker, `${signal.url}/transitions`, {
      status: 'closed',
      outcome: 'support_accepted',
    });
    expect(closed.statusCode).toBe(204);
    const again = await post(cawWorker, `${signal.url}/transitions`, { status: 'in_contact' });
    expect(again.statusCode).toBe(409);
    const detail = (await get(coordinator, signal.url)).json();
    expect(detail.outcome).toBe('support_accepted');
    expect(detail.transitions.map((t: { toStatus: string }) => t.toStatus)).toEqual([
      'new',
      'triaged',
      'assigned',
      'contact_attempted',
      'in_contact',
      'closed',
    ]);
    expect(detail.transitions[1].actorName).toMatch(/^Test Gebruiker/);
    expect(detail.transitions[2].at > detail.transitions[1].at).toBe(true);
    const status = await app.inject({ method: 'GET', url: `/api/signals/status/${signal.reference}` });
    expect(status.json()).toEqual({ status: 'closed' });
    const mails = await ctx.db
      .selectFrom('outbox_messages')
      .selectAll()
      .where('recipient', '=', 'buur.lifecycle@example.org')
      .execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe('Je melding is afgesloten');
    expect(mails[0]?.body_text).toContain(signal.reference);
    expect(mails[0]?.body_text).not.toContain('support');
  });

  it('keeps notes from everyone who may see it', async () => {
    const signal = await newSignal();
    await expectGuarded(
      app,
      { method: 'POST', url: `${signal.url}/notes`, payload: { body: 'Gebeld, geen antwoord.' } },
      { wrongRole: volunteer, wrongTenant: otherCoordinator, allowed: coordinator },
    );
    const detail = (await get(coordinator, signal.url)).json();
    expect(detail.notes).toMatchObject([{ body: 'Gebeld, geen antwoord.' }]);
  });
});
