import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectGuarded } from '../../../test/harness/access.ts';
import { createTestApp, createTestContext, type TestContext } from '../../../test/harness/context.ts';
import type { App } from '../../platform/http/app.ts';
import {
  auditRows,
  type ClientsWorld,
  createClientsWorld,
  newClient,
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

const countClients = async () =>
  Number(
    (
      await ctx.db
        .selectFrom('clients')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('POST /api/clients', () => {
  it('registers a person with their consent, the municipality from the postcode and the creator as lead', async () => {
    const res = await expectGuarded(
      app,
      {
        method: 'POST',
        url: '/api/clients',
        payload: newClient(orgA, {
          birthDate: '1941-05-17',
          household: 'alone',
          languages: ['nl', 'fr'],
          phone: '050 12 34 56',
          consent: { method: 'written', note: 'Uitleg gegeven bij het eerste bezoek.' },
        }),
      },
      { allowed: w.worker.session, wrongRole: w.admin.session, wrongTenant: w.otherCoordinator.session },
    );
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    const row = await ctx.db.selectFrom('clients').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      organisation_id: orgA,
      municipality_nis: '31005',
      postcode: '8000',
      household: 'alone',
      languages: ['nl', 'fr'],
      status: 'active',
      version: 1,
    });
    const consents = await ctx.db
      .selectFrom('client_consents')
      .selectAll()
      .where('client_id', '=', id)
      .execute();
    expect(consents).toMatchObject([
      { kind: 'registration', method: 'written', recorded_by: w.worker.user.id, withdrawn_at: null },
    ]);
    const workers = await ctx.db
      .selectFrom('client_workers')
      .selectAll()
      .where('client_id', '=', id)
      .execute();
    expect(workers).toMatchObject([{ user_id: w.worker.user.id, role: 'lead' }]);
    expect(await auditRows(ctx, 'clients.created', id)).toHaveLength(1);
  });

  it('refuses volunteers: registering people is for the team', async () => {
    const res = await send('POST', '/api/clients', w.volunteer.session, newClient(orgA));
    expect(res.statusCode).toBe(403);
  });

  it('takes the municipality by NIS code when the postcode is not known', async () => {
    const id = await registerClient(app, w.worker.session, orgA, {
      postcode: undefined,
      municipalityNis: '35013',
    });
    const detail = await send('GET', `/api/clients/${id}`, w.worker.session);
    expect(detail.json()).toMatchObject({
      municipalityNis: '35013',
      municipalityName: 'Oostende',
      postcode: null,
    });
  });

  it('names the postcode field when the postcode is unknown, and stores nothing', async () => {
    const before = await countClients();
    const res = await send('POST', '/api/clients', w.worker.session, newClient(orgA, { postcode: '9999' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: 'postcode', code: 'clients.unknown_postcode' }),
    ]);
    expect(res.json().errors[0].message).toContain('9999');
    expect(await countClients()).toBe(before);
  });

  it('names every field at fault at once: a birth date in the future and an unknown postcode', async () => {
    const before = await countClients();
    const res = await send(
      'POST',
      '/api/clients',
      w.worker.session,
      newClient(orgA, { postcode: '9999', birthDate: '2099-05-01' }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: 'birthDate', code: 'clients.birth_date_in_future' }),
      expect.objectContaining({ field: 'postcode', code: 'clients.unknown_postcode' }),
    ]);
    expect(await countClients()).toBe(before);
  });

  it('refuses a postcode of another municipality than the one chosen', async () => {
    const res = await send(
      'POST',
      '/api/clients',
      w.worker.session,
      newClient(orgA, { postcode: '8000', municipalityNis: '35013' }),
    );
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: 'municipalityNis', code: 'clients.postcode_not_in_municipality' }),
    ]);
  });

  it.each([
    ['an impossible date', { birthDate: '2023-02-30' }, 'birthDate', 'clients.birth_date_invalid'],
    ['a date in the future', { birthDate: '2027-01-01' }, 'birthDate', 'clients.birth_date_in_future'],
    [
      'a date of birth and an age band',
      { birthDate: '1950-01-01', ageBand: '65-74' },
      'ageBand',
      'clients.birth_date_or_age_band',
    ],
    [
      'control characters in a name',
      { givenName: 'Ma\u0000riette' },
      'givenName',
      'validation.control_characters',
    ],
    ['no consent', { consent: undefined }, 'consent', 'validation.required'],
    ['no place', { postcode: undefined }, 'postcode', 'clients.place_required'],
  ])('refuses %s with a field error, storing nothing', async (_what, overrides, field, code) => {
    const before = await countClients();
    const res = await send('POST', '/api/clients', w.worker.session, newClient(orgA, overrides));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual(expect.objectContaining({ field, code }));
    expect(await countClients()).toBe(before);
  });

  it('stores script in a name as plain text and gives it back as a JSON string, not markup', async () => {
    const name = '<script>alert("x")</script>';
    const id = await registerClient(app, w.worker.session, orgA, { givenName: name });
    const res = await send('GET', `/api/clients/${id}`, w.worker.session);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.json().givenName).toBe(name);
    const row = await ctx.db
      .selectFrom('clients')
      .select('given_name')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.given_name).toBe(name);
  });
});

describe('GET /api/clients', () => {
  it('lists the organisation’s clients by name, searches, filters by status and pages', async () => {
    const tag = `Zoek${Date.now()}`;
    const one = await registerClient(app, w.worker.session, orgA, {
      givenName: 'Albert',
      familyName: `${tag}a`,
    });
    const two = await registerClient(app, w.worker.session, orgA, {
      givenName: 'Bertha',
      familyName: `${tag}b`,
    });
    await send('POST', `/api/clients/${two}/close`, w.worker.session);
    const res = await expectGuarded(
      app,
      { method: 'GET', url: `/api/clients?organisationId=${orgA}&q=${tag}` },
      { allowed: w.coordinator.session, wrongRole: w.admin.session, wrongTenant: w.otherCoordinator.session },
    );
    expect(res.json()).toMatchObject({ total: 2, page: 1 });
    expect(res.json().items.map((i: { id: string }) => i.id)).toEqual([one, two]);
    const active = await send(
      'GET',
      `/api/clients?organisationId=${orgA}&q=${tag}&status=active`,
      w.worker.session,
    );
    expect(active.json().items.map((i: { id: string }) => i.id)).toEqual([one]);
    const page2 = await send(
      'GET',
      `/api/clients?organisationId=${orgA}&q=${tag}&per_page=1&page=2`,
      w.worker.session,
    );
    expect(page2.json()).toMatchObject({
      total: 2,
      items: [{ id: two, status: 'closed', registered: true }],
    });
  });

  it('treats % and _ in a search as letters', async () => {
    const res = await send('GET', `/api/clients?organisationId=${orgA}&q=%25`, w.worker.session);
    expect(res.json().total).toBe(0);
  });

  it('shows volunteers only the clients assigned to them', async () => {
    const mine = await registerClient(app, w.worker.session, orgA);
    await registerClient(app, w.worker.session, orgA);
    const assign = await send('POST', `/api/clients/${mine}/workers`, w.worker.session, {
      userId: w.volunteer.user.id,
      role: 'volunteer',
    });
    expect(assign.statusCode).toBe(204);
    const res = await send('GET', `/api/clients?organisationId=${orgA}`, w.volunteer.session);
    expect(res.json().items.map((i: { id: string }) => i.id)).toEqual([mine]);
    const none = await send('GET', `/api/clients?organisationId=${orgA}`, w.otherVolunteer.session);
    expect(none.json().total).toBe(0);
  });
});

describe('GET /api/clients/:id', () => {
  it('gives the team the record with consents, workers and counts, and audits every read', async () => {
    const id = await registerClient(app, w.worker.session, orgA, { ageBand: '75-84' });
    const res = await expectGuarded(
      app,
      { method: 'GET', url: `/api/clients/${id}` },
      {
        allowed: w.coordinator.session,
        wrongRole: w.otherVolunteer.session,
        wrongTenant: w.otherCoordinator.session,
      },
    );
    expect(res.json()).toMatchObject({
      id,
      givenName: 'Mariette',
      municipalityName: 'Brugge',
      ageBand: '75-84',
      birthDate: null,
      registered: true,
      version: 1,
      consents: [{ kind: 'registration', method: 'in_person', recordedBy: w.worker.user.name, active: true }],
      workers: [{ userId: w.worker.user.id, name: w.worker.user.name, role: 'lead' }],
      referrals: [],
      counts: { contacts: 0, openReferrals: 0, timeline: 2 },
      may: { edit: true, manage: true },
    });
    const audits = await auditRows(ctx, 'clients.read', id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actor_user_id: w.coordinator.user.id, organisation_id: orgA });
  });

  it('hides the record from other organisations and organisation admins (404 and 403), and audits none of it', async () => {
    const id = await registerClient(app, w.worker.session, orgA);
    expect((await send('GET', `/api/clients/${id}`, w.otherCoordinator.session)).statusCode).toBe(404);
    expect((await send('GET', `/api/clients/${id}`, w.admin.session)).statusCode).toBe(403);
    expect(await auditRows(ctx, 'clients.read', id)).toHaveLength(0);
  });

  it('lets an assigned volunteer read, but not edit', async () => {
    const id = await registerClient(app, w.worker.session, orgA);
    await send('POST', `/api/clients/${id}/workers`, w.worker.session, {
      userId: w.volunteer.user.id,
      role: 'volunteer',
    });
    const res = await send('GET', `/api/clients/${id}`, w.volunteer.session);
    expect(res.statusCode).toBe(200);
    expect(res.json().may).toEqual({ edit: false, manage: false });
    const patch = await send('PATCH', `/api/clients/${id}`, w.volunteer.session, {
      version: 1,
      givenName: 'X',
    });
    expect(patch.statusCode).toBe(403);
  });
});

describe('PATCH /api/clients/:id', () => {
  it('saves a change with the version read, and refuses a stale version naming who changed it', async () => {
    const id = await registerClient(app, w.worker.session, orgA, { birthDate: '1950-03-01' });
    await expectGuarded(
      app,
      { method: 'PATCH', url: `/api/clients/${id}`, payload: { version: 1, street: 'Proefstraat 3' } },
      { allowed: w.coordinator.session, wrongRole: w.admin.session, wrongTenant: w.otherCoordinator.session },
    );
    const stale = await send('PATCH', `/api/clients/${id}`, w.worker.session, {
      version: 1,
      givenName: 'Marie',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('clients.version_conflict');
    expect(stale.json().title).toContain(w.coordinator.user.name);
    const fresh = await send('PATCH', `/api/clients/${id}`, w.worker.session, {
      version: 2,
      ageBand: '75-84',
    });
    expect(fresh.json()).toEqual({ version: 3 });
    const detail = (await send('GET', `/api/clients/${id}`, w.worker.session)).json();
    expect(detail).toMatchObject({
      street: 'Proefstraat 3',
      givenName: 'Mariette',
      ageBand: '75-84',
      birthDate: null,
    });
  });

  it('moves the person to another municipality only with a postcode that fits', async () => {
    const id = await registerClient(app, w.worker.session, orgA);
    const wrong = await send('PATCH', `/api/clients/${id}`, w.worker.session, {
      version: 1,
      municipalityNis: '35013',
    });
    expect(wrong.json().errors).toEqual([
      expect.objectContaining({ code: 'clients.postcode_not_in_municipality' }),
    ]);
    const ok = await send('PATCH', `/api/clients/${id}`, w.worker.session, { version: 1, postcode: '8400' });
    expect(ok.statusCode).toBe(200);
    expect((await send('GET', `/api/clients/${id}`, w.worker.session)).json()).toMatchObject({
      postcode: '8400',
      municipalityNis: '35013',
    });
  });

  it('refuses a date of birth in the future', async () => {
    const id = await registerClient(app, w.worker.session, orgA);
    const res = await send('PATCH', `/api/clients/${id}`, w.worker.session, {
      version: 1,
      birthDate: '2030-01-01',
    });
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'birthDate' })]);
  });

  it('names both a birth date in the future and a postcode that does not fit the municipality, changing nothing', async () => {
    const id = await registerClient(app, w.worker.session, orgA);
    const res = await send('PATCH', `/api/clients/${id}`, w.worker.session, {
      version: 1,
      birthDate: '2099-01-01',
      postcode: '8000',
      municipalityNis: '35013',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: 'birthDate', code: 'clients.birth_date_in_future' }),
      expect.objectContaining({ field: 'municipalityNis', code: 'clients.postcode_not_in_municipality' }),
    ]);
    expect((await send('GET', `/api/clients/${id}`, w.worker.session)).json().version).toBe(1);
  });
});

describe('closing and reopening', () => {
  it('closes a record for new work and reopens it', async () => {
    const id = await registerClient(app, w.worker.session, orgA);
    ctx.clock.advance(60_000);
    await expectGuarded(
      app,
      { method: 'POST', url: `/api/clients/${id}/close` },
      { allowed: w.worker.session, wrongRole: w.admin.session, wrongTenant: w.otherCoordinator.session },
    );
    const contact = await send('POST', `/api/clients/${id}/contacts`, w.worker.session, {
      mode: 'phone',
      summary: 'Gebeld.',
    });
    expect(contact.json().code).toBe('clients.record_closed');
    ctx.clock.advance(60_000);
    expect((await send('POST', `/api/clients/${id}/reopen`, w.worker.session)).statusCode).toBe(204);
    expect((await send('POST', `/api/clients/${id}/reopen`, w.worker.session)).json().code).toBe(
      'clients.not_closed',
    );
    const timeline = (await send('GET', `/api/clients/${id}/timeline`, w.worker.session)).json();
    expect(timeline.items.map((i: { kind: string }) => i.kind).slice(0, 2)).toEqual(['reopened', 'closed']);
  });
});
