import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectGuarded } from '../../../test/harness/access.ts';
import { createTestApp, createTestContext, type TestContext } from '../../../test/harness/context.ts';
import { createTenant, createUser, loginAs, type TestSession } from '../../../test/harness/factories.ts';
import type { App } from '../../platform/http/app.ts';
import {
  auditRows,
  type ClientsWorld,
  createClientsWorld,
  publishService,
  registerClient,
  sender,
} from './clients.fixture.ts';

let ctx: TestContext;
let app: App;
let w: ClientsWorld;
let send: ReturnType<typeof sender>;
let orgA: string;
let orgB: string;
let ownService: string;
let otherService: string;
/** A coordinator of a third organisation, which has nothing to do with the referrals. */
let outsider: TestSession;

beforeAll(async () => {
  ctx = await createTestContext();
  app = await createTestApp(ctx);
  w = await createClientsWorld(ctx, app);
  send = sender(app);
  orgA = w.a.organisation.id;
  orgB = w.b.organisation.id;
  ownService = await publishService(app, w.coordinator.session, w.a, 'Koffiebabbel Sint-Pieters');
  otherService = await publishService(app, w.otherCoordinator.session, w.b, 'Wandelclub Stapvoets');
  const c = await createTenant(ctx);
  outsider = await loginAs(
    app,
    await createUser(ctx, { organisationId: c.organisation.id, role: 'coordinator' }),
  );
});
afterAll(async () => {
  await app.close();
  await ctx.close();
});

const shareWithB = (id: string) =>
  send('POST', `/api/clients/${id}/consents`, w.worker.session, {
    kind: 'sharing',
    method: 'in_person',
    sharedWithOrganisationId: orgB,
  });
const incoming = () =>
  send('GET', `/api/clients/referrals/incoming?organisationId=${orgB}`, w.otherCoordinator.session);

describe('referrals', () => {
  it('refers to an initiative of the own organisation and moves it on to completed', async () => {
    const id = await registerClient(app, w.worker.session, orgA);
    const res = await expectGuarded(
      app,
      {
        method: 'POST',
        url: `/api/clients/${id}/referrals`,
        payload: { serviceId: ownService, reason: 'Wil mensen leren kennen.' },
      },
      { allowed: w.worker.session, wrongRole: w.admin.session, wrongTenant: w.otherCoordinator.session },
    );
    const referralId = res.json().id;
    const url = `/api/clients/${id}/referrals/${referralId}`;
    await expectGuarded(
      app,
      { method: 'PATCH', url, payload: { status: 'sent' } },
      { allowed: w.worker.session, wrongRole: w.admin.session, wrongTenant: w.otherCoordinator.session },
    );
    expect((await send('PATCH', url, w.worker.session, { status: 'started' })).statusCode).toBe(204);
    const done = await send('PATCH', url, w.worker.session, {
      status: 'completed',
      outcomeNote: 'Gaat elke week.',
    });
    expect(done.statusCode).toBe(204);
    const back = await send('PATCH', url, w.worker.session, { status: 'sent' });
    expect(back.json().code).toBe('clients.referral_transition_not_allowed');
    const detail = (await send('GET', `/api/clients/${id}`, w.worker.session)).json();
    expect(detail.referrals).toEqual([
      {
        id: referralId,
        serviceId: ownService,
        serviceName: 'Koffiebabbel Sint-Pieters',
        serviceOrganisationId: orgA,
        sharedWithOtherOrganisation: false,
        status: 'completed',
        reason: 'Wil mensen leren kennen.',
        outcomeNote: 'Gaat elke week.',
        answerNote: null,
        createdAt: expect.any(String),
        createdBy: w.worker.user.name,
        updatedAt: expect.any(String),
      },
    ]);
    const timeline = (await send('GET', `/api/clients/${id}/timeline`, w.worker.session)).json();
    expect(timeline.items).toContainEqual(
      expect.objectContaining({
        kind: 'referral',
        referral: { serviceName: 'Koffiebabbel Sint-Pieters', status: 'completed' },
      }),
    );
  });

  it('refuses an initiative that is not published, with a field error', async () => {
    const id = await registerClient(app, w.worker.session, orgA);
    const res = await send('POST', `/api/clients/${id}/referrals`, w.worker.session, {
      serviceId: crypto.randomUUID(),
    });
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: 'serviceId', code: 'clients.service_not_found' }),
    ]);
  });

  it('refuses an initiative of another organisation without the person’s consent to share with it', async () => {
    const id = await registerClient(app, w.worker.session, orgA);
    const res = await send('POST', `/api/clients/${id}/referrals`, w.worker.session, {
      serviceId: otherService,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('clients.sharing_consent_required');
  });

  it('shows the other organisation’s coordinators only the shared fields, once sent and while the consent stands', async () => {
    const id = await registerClient(app, w.worker.session, orgA, {
      givenName: 'Gerard',
      familyName: 'Gedeeld',
      phone: '059 00 00 01',
      street: 'Geheimstraat 9',
      birthDate: '1940-01-01',
    });
    const consent = (await shareWithB(id)).json().id;
    const referral = await send('POST', `/api/clients/${id}/referrals`, w.worker.session, {
      serviceId: otherService,
      reason: 'Wandelt graag.',
    });
    expect(referral.statusCode).toBe(201);
    const referralId = referral.json().id;
    expect((await incoming()).json().items.map((i: { id: string }) => i.id)).not.toContain(referralId);

    await send('PATCH', `/api/clients/${id}/referrals/${referralId}`, w.worker.session, { status: 'sent' });
    const res = await expectGuarded(
      app,
      { method: 'GET', url: `/api/clients/referrals/incoming?organisationId=${orgB}` },
      {
        allowed: w.otherCoordinator.session,
        wrongRole: w.otherWorker.session,
        wrongTenant: w.coordinator.session,
      },
    );
    const item = res.json().items.find((i: { id: string }) => i.id === referralId);
    expect(item).toEqual({
      id: referralId,
      fromOrganisation: { id: orgA, name: w.a.organisation.name },
      serviceId: otherService,
      serviceName: 'Wandelclub Stapvoets',
      status: 'sent',
      givenName: 'Gerard',
      familyName: 'Gedeeld',
      phone: '059 00 00 01',
      reason: 'Wandelt graag.',
      answerNote: null,
      createdAt: expect.any(String),
    });
    expect(res.body).not.toContain('Geheimstraat');
    const audit = await ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'clients.incoming_referrals_read')
      .where('actor_user_id', '=', w.otherCoordinator.user.id)
      .execute();
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.at(-1)?.details).toMatchObject({ referrals: expect.arrayContaining([referralId]) });

    // The other organisation still cannot open the record itself.
    expect((await send('GET', `/api/clients/${id}`, w.otherCoordinator.session)).statusCode).toBe(404);

    await send('POST', `/api/clients/${id}/consents/${consent}/withdraw`, w.worker.session, {
      method: 'phone',
    });
    expect((await incoming()).json().items.map((i: { id: string }) => i.id)).not.toContain(referralId);
  });

  it('lets the referral be stopped after the registration was withdrawn', async () => {
    const id = await registerClient(app, w.worker.session, orgA);
    const referralId = (
      await send('POST', `/api/clients/${id}/referrals`, w.worker.session, {
        serviceId: ownService,
        status: 'sent',
      })
    ).json().id;
    const detail = (await send('GET', `/api/clients/${id}`, w.worker.session)).json();
    await send('POST', `/api/clients/${id}/consents/${detail.consents[0].id}/withdraw`, w.worker.session, {
      method: 'written',
    });
    const more = await send('POST', `/api/clients/${id}/referrals`, w.worker.session, {
      serviceId: ownService,
    });
    expect(more.json().code).toBe('clients.consent_withdrawn');
    const stop = await send('PATCH', `/api/clients/${id}/referrals/${referralId}`, w.worker.session, {
      status: 'stopped',
    });
    expect(stop.statusCode).toBe(204);
  });
});

describe('answering a referral', () => {
  /** A person of organisation A, referred (sent) to B's initiative with the consent to share. */
  async function referToB(status: 'proposed' | 'sent' = 'sent') {
    const id = await registerClient(app, w.worker.session, orgA, { givenName: 'Rosa' });
    const consentId = (await shareWithB(id)).json().id as string;
    const res = await send('POST', `/api/clients/${id}/referrals`, w.worker.session, {
      serviceId: otherService,
      reason: 'Wandelt graag.',
      status,
    });
    expect(res.statusCode, res.body).toBe(201);
    const referralId = res.json().id as string;
    return { id, consentId, referralId, url: `/api/clients/referrals/incoming/${referralId}/answer` };
  }
  const detailOf = async (id: string) => (await send('GET', `/api/clients/${id}`, w.worker.session)).json();
  const timelineOf = async (id: string) =>
    (await send('GET', `/api/clients/${id}/timeline`, w.worker.session)).json().items;

  it('lets the receiving organisation’s coordinators accept: started, on the sender’s timeline, audited', async () => {
    const { id, referralId, url } = await referToB();
    await expectGuarded(
      app,
      { method: 'POST', url, payload: { answer: 'accept' } },
      { allowed: w.otherCoordinator.session, wrongRole: w.otherWorker.session },
    );
    expect((await send('POST', url, outsider, { answer: 'decline' })).statusCode).toBe(404);
    // The referring organisation answers through its own record, not here.
    expect((await send('POST', url, w.coordinator.session, { answer: 'decline' })).statusCode).toBe(404);

    expect((await detailOf(id)).referrals).toMatchObject([
      { id: referralId, status: 'started', answerNote: null },
    ]);
    const [newest] = await timelineOf(id);
    expect(newest).toMatchObject({
      kind: 'referral_answered',
      details: { from: 'sent', to: 'started' },
      organisation: { id: orgB, name: w.b.organisation.name },
      referral: { serviceName: 'Wandelclub Stapvoets', status: 'started' },
      // Someone of another organisation: the sender's team reads the organisation, not a colleague's name.
      actorName: null,
    });
    const audit = await auditRows(ctx, 'clients.referral_answered', id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      organisation_id: orgA,
      actor_user_id: w.otherCoordinator.user.id,
      details: { referralId, from: 'sent', to: 'started', organisationId: orgB },
    });
    const item = (await incoming()).json().items.find((i: { id: string }) => i.id === referralId);
    expect(item).toMatchObject({ status: 'started' });

    // Accepting twice changes nothing; declining what was accepted is no longer possible.
    expect((await send('POST', url, w.otherCoordinator.session, { answer: 'accept' })).statusCode).toBe(204);
    expect(
      (await timelineOf(id)).filter((e: { kind: string }) => e.kind === 'referral_answered'),
    ).toHaveLength(1);
    const decline = await send('POST', url, w.otherCoordinator.session, { answer: 'decline' });
    expect(decline.statusCode).toBe(409);
    expect(decline.json().code).toBe('clients.referral_transition_not_allowed');
  });

  it('lets them decline with a note that the referring organisation reads', async () => {
    const { id, referralId, url } = await referToB();
    const res = await send('POST', url, w.otherCoordinator.session, {
      answer: 'decline',
      note: 'Onze groep is volzet tot september.',
    });
    expect(res.statusCode).toBe(204);
    expect((await detailOf(id)).referrals).toMatchObject([
      {
        id: referralId,
        status: 'declined',
        answerNote: 'Onze groep is volzet tot september.',
        outcomeNote: null,
      },
    ]);
    expect((await timelineOf(id))[0]).toMatchObject({
      kind: 'referral_answered',
      details: { from: 'sent', to: 'declined' },
    });
    const item = (await incoming()).json().items.find((i: { id: string }) => i.id === referralId);
    expect(item).toMatchObject({ status: 'declined', answerNote: 'Onze groep is volzet tot september.' });
  });

  it('answers 404 once the person withdrew the consent to share, and for a referral not sent yet', async () => {
    const { id, consentId, referralId, url } = await referToB();
    await send('POST', `/api/clients/${id}/consents/${consentId}/withdraw`, w.worker.session, {
      method: 'phone',
    });
    const res = await send('POST', url, w.otherCoordinator.session, { answer: 'accept' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('clients.referral_not_found');
    expect((await detailOf(id)).referrals).toMatchObject([{ id: referralId, status: 'sent' }]);

    const proposed = await referToB('proposed');
    expect(
      (await send('POST', proposed.url, w.otherCoordinator.session, { answer: 'accept' })).statusCode,
    ).toBe(404);
  });
});
