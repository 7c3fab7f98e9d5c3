import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectGuarded } from '../../../test/harness/access.ts';
import { createTestApp, createTestContext, type TestContext } from '../../../test/harness/context.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import type { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/app.ts';
import { loadClientForWork } from './clients.access.usecases.ts';
import {
  auditRows,
  type ClientsWorld,
  createClientsWorld,
  registerClient,
  sender,
} from './clients.fixture.ts';

let ctx: TestContext;
let app: App;
let w: ClientsWorld;
let send: ReturnType<typeof sender>;
let orgA: string;

beforeAll(async () => {
  ctx = await createTestContext();
  app = await createTestApp(ctx);
  w = await createClientsWorld(ctx, app);
  send = sender(app);
  orgA = w.a.organisation.id;
});
afterAll(async () => {
  await app.close();
  await ctx.close();
});

const registrationOf = async (id: string) =>
  (await send('GET', `/api/clients/${id}`, w.worker.session))
    .json()
    .consents.find((c: { kind: string; active: boolean }) => c.kind === 'registration' && c.active)
    .id as string;

const asWorker = (): Principal => ({
  user: {
    id: w.worker.user.id,
    email: w.worker.user.email,
    name: w.worker.user.name,
    locale: 'nl-BE',
    largeText: false,
    isPlatformAdmin: false,
    totpEnabled: false,
  },
  memberships: [{ organisationId: orgA, organisationName: 'A', role: 'worker', effective: true }],
  via: 'token',
  pendingSecondFactor: false,
});

describe('consents', () => {
  it('records a consent to share with one named organisation, shown with its name', async () => {
    const id = await registerClient(app, w.worker.session, orgA);
    const res = await expectGuarded(
      app,
      {
        method: 'POST',
        url: `/api/clients/${id}/consents`,
        payload: { kind: 'sharing', method: 'written', sharedWithOrganisationId: w.b.organisation.id },
      },
      { allowed: w.worker.session, wrongRole: w.admin.session, wrongTenant: w.otherCoordinator.session },
    );
    expect(res.statusCode).toBe(201);
    const detail = (await send('GET', `/api/clients/${id}`, w.worker.session)).json();
    expect(detail.consents).toContainEqual(
      expect.objectContaining({
        id: res.json().id,
        kind: 'sharing',
        sharedWithOrganisation: { id: w.b.organisation.id, name: w.b.organisation.name },
        active: true,
      }),
    );
    await send('POST', `/api/clients/${id}/consents/${res.json().id}/withdraw`, w.worker.session, {
      method: 'phone',
    });
    const timeline = (await send('GET', `/api/clients/${id}/timeline`, w.worker.session)).json();
    const organisation = { id: w.b.organisation.id, name: w.b.organisation.name };
    expect(timeline.items.slice(0, 2)).toMatchObject([
      { kind: 'consent_withdrawn', details: { kind: 'sharing' }, organisation },
      { kind: 'consent_recorded', details: { kind: 'sharing' }, organisation },
    ]);
    expect(timeline.items.at(-1)).toMatchObject({ kind: 'created', organisation: null });
  });

  it('refuses sharing without an organisation, with its own organisation, or with one that does not exist', async () => {
    const id = await registerClient(app, w.worker.session, orgA);
    const url = `/api/clients/${id}/consents`;
    const cases: [object, string][] = [
      [{ kind: 'sharing', method: 'phone' }, 'clients.sharing_needs_organisation'],
      [
        { kind: 'contact', method: 'phone', sharedWithOrganisationId: w.b.organisation.id },
        'clients.sharing_needs_organisation',
      ],
      [{ kind: 'sharing', method: 'phone', sharedWithOrganisationId: orgA }, 'clients.sharing_with_itself'],
      [
        { kind: 'sharing', method: 'phone', sharedWithOrganisationId: crypto.randomUUID() },
        'clients.unknown_organisation',
      ],
    ];
    for (const [payload, code] of cases) {
      const res = await send('POST', url, w.worker.session, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().errors).toEqual([
        expect.objectContaining({ field: 'sharedWithOrganisationId', code }),
      ]);
    }
  });

  it('withdrawing the registration closes the record for new work, notes it on the timeline and keeps it readable', async () => {
    const id = await registerClient(app, w.worker.session, orgA);
    const consentId = await registrationOf(id);
    await expectGuarded(
      app,
      {
        method: 'POST',
        url: `/api/clients/${id}/consents/${consentId}/withdraw`,
        payload: { method: 'phone' },
      },
      { wrongRole: w.admin.session, wrongTenant: w.otherCoordinator.session },
    );
    ctx.clock.advance(1_000);
    const withdraw = await send(
      'POST',
      `/api/clients/${id}/consents/${consentId}/withdraw`,
      w.worker.session,
      {
        method: 'phone',
      },
    );
    expect(withdraw.statusCode).toBe(204);
    const again = await send('POST', `/api/clients/${id}/consents/${consentId}/withdraw`, w.worker.session, {
      method: 'phone',
    });
    expect(again.json().code).toBe('clients.consent_already_withdrawn');

    const refused = [
      await send('POST', `/api/clients/${id}/contacts`, w.worker.session, {
        mode: 'visit',
        summary: 'Bezoek.',
      }),
      await send('PATCH', `/api/clients/${id}`, w.worker.session, { version: 1, street: 'Nieuwstraat 1' }),
      await send('POST', `/api/clients/${id}/consents`, w.worker.session, {
        kind: 'contact',
        method: 'phone',
      }),
      await send('POST', `/api/clients/${id}/workers`, w.worker.session, {
        userId: w.coordinator.user.id,
        role: 'worker',
      }),
    ];
    for (const res of refused) {
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('clients.consent_withdrawn');
    }
    await expect(
      loadClientForWork({ ctx, principal: asWorker(), clientId: id, purpose: 'write' }),
    ).rejects.toMatchObject({ code: 'clients.consent_withdrawn' } satisfies Partial<AppError>);
    expect(
      await loadClientForWork({ ctx, principal: asWorker(), clientId: id, purpose: 'read' }),
    ).toMatchObject({
      registered: false,
    });

    const detail = await send('GET', `/api/clients/${id}`, w.worker.session);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ registered: false });
    const timeline = (await send('GET', `/api/clients/${id}/timeline`, w.worker.session)).json();
    expect(timeline.items[0]).toMatchObject({
      kind: 'consent_withdrawn',
      actorName: w.worker.user.name,
      details: { kind: 'registration', method: 'phone' },
    });
    expect(await auditRows(ctx, 'clients.consent_withdrawn', id)).toHaveLength(1);
  });

  it('takes a new registration after a withdrawal, and the record is open for work again', async () => {
    const id = await registerClient(app, w.worker.session, orgA);
    await send('POST', `/api/clients/${id}/consents/${await registrationOf(id)}/withdraw`, w.worker.session, {
      method: 'written',
    });
    const again = await send('POST', `/api/clients/${id}/consents`, w.worker.session, {
      kind: 'registration',
      method: 'in_person',
    });
    expect(again.statusCode).toBe(201);
    const contact = await send('POST', `/api/clients/${id}/contacts`, w.worker.session, {
      mode: 'visit',
      summary: 'Terug van weggeweest.',
    });
    expect(contact.statusCode).toBe(201);
  });

  it('answers 404 for a consent of another client', async () => {
    const one = await registerClient(app, w.worker.session, orgA);
    const two = await registerClient(app, w.worker.session, orgA);
    const res = await send(
      'POST',
      `/api/clients/${one}/consents/${await registrationOf(two)}/withdraw`,
      w.worker.session,
      {
        method: 'phone',
      },
    );
    expect(res.json().code).toBe('clients.consent_not_found');
  });
});

describe('workers', () => {
  it('lists who can be assigned: the organisation’s active coordinators, workers and volunteers, not its admins', async () => {
    const res = await expectGuarded(
      app,
      { method: 'GET', url: `/api/clients/team?organisationId=${orgA}` },
      { allowed: w.worker.session, wrongRole: w.volunteer.session, wrongTenant: w.otherCoordinator.session },
    );
    const ids = res.json().items.map((i: { userId: string }) => i.userId);
    expect(ids).toEqual(
      expect.arrayContaining([
        w.coordinator.user.id,
        w.worker.user.id,
        w.volunteer.user.id,
        w.otherVolunteer.user.id,
      ]),
    );
    expect(ids).not.toContain(w.admin.user.id);
    expect(res.json().items).toContainEqual({
      userId: w.volunteer.user.id,
      name: w.volunteer.user.name,
      role: 'volunteer',
    });
  });

  it('assigns members of the organisation and takes them off again', async () => {
    const id = await registerClient(app, w.worker.session, orgA);
    await expectGuarded(
      app,
      {
        method: 'POST',
        url: `/api/clients/${id}/workers`,
        payload: { userId: w.volunteer.user.id, role: 'volunteer' },
      },
      { allowed: w.coordinator.session, wrongRole: w.admin.session, wrongTenant: w.otherCoordinator.session },
    );
    expect((await send('GET', `/api/clients/${id}`, w.volunteer.session)).statusCode).toBe(200);
    await expectGuarded(
      app,
      { method: 'DELETE', url: `/api/clients/${id}/workers/${w.volunteer.user.id}` },
      {
        allowed: w.coordinator.session,
        wrongRole: w.volunteer.session,
        wrongTenant: w.otherCoordinator.session,
      },
    );
    expect((await send('GET', `/api/clients/${id}`, w.volunteer.session)).statusCode).toBe(403);
    const gone = await send(
      'DELETE',
      `/api/clients/${id}/workers/${w.volunteer.user.id}`,
      w.coordinator.session,
    );
    expect(gone.json().code).toBe('clients.worker_not_found');
    expect(await auditRows(ctx, 'clients.worker_unassigned', id)).toHaveLength(1);
  });

  it('refuses people of another organisation, admins, and volunteers in a worker’s part', async () => {
    const id = await registerClient(app, w.worker.session, orgA);
    const url = `/api/clients/${id}/workers`;
    const cases: [object, string, string][] = [
      [{ userId: w.otherWorker.user.id, role: 'worker' }, 'userId', 'clients.user_not_in_organisation'],
      [{ userId: w.admin.user.id, role: 'worker' }, 'userId', 'clients.user_not_in_organisation'],
      [{ userId: w.volunteer.user.id, role: 'lead' }, 'role', 'clients.volunteer_role_only'],
    ];
    for (const [payload, field, code] of cases) {
      const res = await send('POST', url, w.worker.session, payload);
      expect(res.json().errors).toEqual([expect.objectContaining({ field, code })]);
    }
  });
});

describe('contacts and the timeline', () => {
  it('lets the team and an assigned volunteer write down contacts, newest first on the timeline', async () => {
    const id = await registerClient(app, w.worker.session, orgA);
    await send('POST', `/api/clients/${id}/workers`, w.worker.session, {
      userId: w.volunteer.user.id,
      role: 'volunteer',
    });
    ctx.clock.advance(60_000);
    const first = await expectGuarded(
      app,
      {
        method: 'POST',
        url: `/api/clients/${id}/contacts`,
        payload: { mode: 'visit', summary: 'Koffie gedronken.' },
      },
      {
        allowed: w.volunteer.session,
        wrongRole: w.otherVolunteer.session,
        wrongTenant: w.otherCoordinator.session,
      },
    );
    expect(first.statusCode).toBe(201);
    ctx.clock.advance(60_000);
    await send('POST', `/api/clients/${id}/contacts`, w.worker.session, {
      mode: 'phone',
      summary: 'Afspraak gemaakt.',
    });
    const timeline = await expectGuarded(
      app,
      { method: 'GET', url: `/api/clients/${id}/timeline?per_page=2` },
      {
        allowed: w.volunteer.session,
        wrongRole: w.otherVolunteer.session,
        wrongTenant: w.otherCoordinator.session,
      },
    );
    expect(timeline.json()).toMatchObject({
      total: 5,
      items: [
        {
          kind: 'contact',
          contact: { mode: 'phone', summary: 'Afspraak gemaakt.' },
          actorName: w.worker.user.name,
        },
        {
          kind: 'contact',
          contact: { mode: 'visit', summary: 'Koffie gedronken.' },
          actorName: w.volunteer.user.name,
        },
      ],
    });
    const kinds = async (page: number) =>
      (await send('GET', `/api/clients/${id}/timeline?per_page=2&page=${page}`, w.worker.session))
        .json()
        .items.map((i: { kind: string }) => i.kind);
    // Registering and assigning happened at the same instant: they still come back newest first.
    expect([...(await kinds(2)), ...(await kinds(3))]).toEqual([
      'worker_assigned',
      'consent_recorded',
      'created',
    ]);
    expect((await auditRows(ctx, 'clients.timeline_read', id)).length).toBeGreaterThanOrEqual(2);
    expect((await send('GET', `/api/clients/${id}`, w.worker.session)).json().counts).toMatchObject({
      contacts: 2,
    });
  });

  it('refuses an empty summary and an unknown mode', async () => {
    const id = await registerClient(app, w.worker.session, orgA);
    const res = await send('POST', `/api/clients/${id}/contacts`, w.worker.session, {
      mode: 'pigeon',
      summary: ' ',
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['mode', 'summary']);
  });
});
