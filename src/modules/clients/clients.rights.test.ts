import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectGuarded } from '../../../test/harness/access.ts';
import { createTestApp, createTestContext, type TestContext } from '../../../test/harness/context.ts';
import { pdfText } from '../../../test/harness/pdf.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import type { App } from '../../platform/http/app.ts';
import {
  auditRows,
  type ClientsWorld,
  createClientsWorld,
  publishService,
  registerClient,
  sender,
} from './clients.fixture.ts';
import type { ClientDataProvider } from './clients.models.ts';
import { renderAccessRequestPdf } from './clients.rights.pdf.ts';
import { buildAccessRequest } from './clients.rights.usecases.ts';

let ctx: TestContext;
let app: App;
let w: ClientsWorld;
let send: ReturnType<typeof sender>;
let orgA: string;
let service: string;

beforeAll(async () => {
  ctx = await createTestContext();
  app = await createTestApp(ctx);
  w = await createClientsWorld(ctx, app);
  send = sender(app);
  orgA = w.a.organisation.id;
  service = await publishService(app, w.coordinator.session, w.a, 'Soepcafé De Ketel');
});
afterAll(async () => {
  await app.close();
  await ctx.close();
});

/** A client with something in every section. */
async function fullClient() {
  const id = await registerClient(app, w.worker.session, orgA, {
    givenName: 'Françoise',
    familyName: 'Hélène (demo)',
    birthDate: '1938-11-02',
    phone: '050 11 22 33',
    street: 'Proefstraat 4',
  });
  await send('POST', `/api/clients/${id}/consents`, w.worker.session, { kind: 'contact', method: 'phone' });
  await send('POST', `/api/clients/${id}/workers`, w.worker.session, {
    userId: w.volunteer.user.id,
    role: 'volunteer',
  });
  await send('POST', `/api/clients/${id}/contacts`, w.worker.session, {
    mode: 'visit',
    summary: 'Samen boodschappen gedaan: € 12 aan soep en brood.',
  });
  await send('POST', `/api/clients/${id}/referrals`, w.worker.session, {
    serviceId: service,
    reason: 'Eet graag samen.',
  });
  return id;
}

const coordinatorPrincipal = (): Principal => ({
  user: {
    id: w.coordinator.user.id,
    email: w.coordinator.user.email,
    name: w.coordinator.user.name,
    locale: 'nl-BE',
    largeText: false,
    isPlatformAdmin: false,
    totpEnabled: false,
  },
  memberships: [{ organisationId: orgA, organisationName: 'A', role: 'coordinator', effective: true }],
  via: 'token',
  pendingSecondFactor: false,
});

describe('access request', () => {
  it('gives coordinators everything about the person as JSON, every section filled, and audits it', async () => {
    const id = await fullClient();
    const res = await expectGuarded(
      app,
      { method: 'GET', url: `/api/clients/${id}/access-request.json` },
      {
        allowed: w.coordinator.session,
        wrongRole: w.worker.session,
        wrongTenant: w.otherCoordinator.session,
      },
    );
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(
      [
        'consents',
        'contacts',
        'generatedAt',
        'organisation',
        'other',
        'record',
        'referrals',
        'timeline',
        'workers',
      ].sort(),
    );
    expect(body.record).toMatchObject({
      givenName: 'Françoise',
      birthDate: '1938-11-02',
      street: 'Proefstraat 4',
    });
    expect(body.consents.map((c: { kind: string }) => c.kind).sort()).toEqual(['contact', 'registration']);
    expect(body.workers).toHaveLength(2);
    expect(body.contacts).toMatchObject([{ mode: 'visit', summary: expect.stringContaining('€ 12') }]);
    expect(body.referrals).toMatchObject([{ serviceName: 'Soepcafé De Ketel', reason: 'Eet graag samen.' }]);
    expect(body.timeline.length).toBe(6);
    expect(body.organisation).toEqual({ id: orgA, name: w.a.organisation.name });
    expect(res.headers['content-disposition']).toContain('attachment');
    expect(await auditRows(ctx, 'clients.access_request', id)).toMatchObject([
      { details: { format: 'json' } },
    ]);
  });

  it('refuses volunteers, even assigned ones, and organisation admins', async () => {
    const id = await fullClient();
    for (const who of [w.volunteer, w.admin])
      expect((await send('GET', `/api/clients/${id}/access-request.json`, who.session)).statusCode).toBe(403);
  });

  it('includes what other modules hold, through the providers passed in', async () => {
    const id = await fullClient();
    const provider: ClientDataProvider = {
      key: 'test',
      titleKey: 'clients.accessRequest.sections.contacts',
      exportForClient: async (_db, key) => ({ clientId: key.clientId, members: [{ name: 'Buurvrouw' }] }),
    };
    const data = await buildAccessRequest({
      ctx,
      principal: coordinatorPrincipal(),
      clientId: id,
      ip: '127.0.0.1',
      locale: 'nl-BE',
      providers: [provider],
      format: 'json',
    });
    expect(data.other).toEqual([
      { key: 'test', title: 'Contacten', data: { clientId: id, members: [{ name: 'Buurvrouw' }] } },
    ]);
    const text = pdfText(await renderAccessRequestPdf(data, 'nl-BE', { compress: false }));
    expect(text).toContain('Buurvrouw');
  });

  it('renders the same as a PDF with headings, accents, the euro sign and dates in the reader’s language', async () => {
    const id = await fullClient();
    const res = await expectGuarded(
      app,
      { method: 'GET', url: `/api/clients/${id}/access-request.pdf` },
      {
        allowed: w.coordinator.session,
        wrongRole: w.worker.session,
        wrongTenant: w.otherCoordinator.session,
      },
    );
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.rawPayload.toString('latin1').match(/\/Type \/Page\b/g)?.length).toBeGreaterThanOrEqual(1);
    expect(await auditRows(ctx, 'clients.access_request', id)).toMatchObject([
      { details: { format: 'pdf' } },
    ]);

    const data = await buildAccessRequest({
      ctx,
      principal: coordinatorPrincipal(),
      clientId: id,
      ip: '127.0.0.1',
      locale: 'fr-BE',
      providers: [],
      format: 'pdf',
    });
    const text = pdfText(await renderAccessRequestPdf(data, 'fr-BE', { compress: false }));
    for (const expected of [
      'Ce que nous conservons sur Françoise Hélène (demo)',
      'Vos données',
      'Ce que vous avez accepté',
      '2 novembre 1938',
      '€ 12',
      'Soepcafé De Ketel',
      'Page 1 sur',
    ])
      expect(text).toContain(expected);
  });
});

describe('erasure', () => {
  it('erases the record and everything hanging off it, leaving an audit row without personal data', async () => {
    const id = await fullClient();
    await expectGuarded(
      app,
      { method: 'DELETE', url: `/api/clients/${id}`, payload: { reason: 'person_request' } },
      { wrongRole: w.worker.session, wrongTenant: w.otherCoordinator.session },
    );
    expect(
      (await send('DELETE', `/api/clients/${id}`, w.coordinator.session, { reason: 'person_request' }))
        .statusCode,
    ).toBe(204);
    for (const table of [
      'client_consents',
      'client_workers',
      'client_timeline',
      'client_contacts',
      'client_referrals',
    ] as const) {
      const rows = await ctx.db.selectFrom(table).select('client_id').where('client_id', '=', id).execute();
      expect(rows, table).toHaveLength(0);
    }
    expect(await ctx.db.selectFrom('clients').select('id').where('id', '=', id).execute()).toHaveLength(0);
    const [audit] = await auditRows(ctx, 'clients.erased', id);
    expect(audit?.details).toEqual({ reason: 'person_request' });
    expect(JSON.stringify(audit)).not.toMatch(/Françoise|Hélène|Proefstraat/);
    expect((await send('GET', `/api/clients/${id}`, w.coordinator.session)).statusCode).toBe(404);
  });

  it('refuses while a referral is sent or started, and erases once it is stopped', async () => {
    const id = await registerClient(app, w.worker.session, orgA);
    const referral = (
      await send('POST', `/api/clients/${id}/referrals`, w.worker.session, {
        serviceId: service,
        status: 'sent',
      })
    ).json().id;
    const blocked = await send('DELETE', `/api/clients/${id}`, w.coordinator.session, {
      reason: 'no_longer_needed',
    });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json()).toMatchObject({ code: 'clients.erasure_blocked' });
    expect(await ctx.db.selectFrom('clients').select('id').where('id', '=', id).execute()).toHaveLength(1);
    await send('PATCH', `/api/clients/${id}/referrals/${referral}`, w.worker.session, { status: 'stopped' });
    expect(
      (await send('DELETE', `/api/clients/${id}`, w.coordinator.session, { reason: 'no_longer_needed' }))
        .statusCode,
    ).toBe(204);
  });

  it('asks for a known reason', async () => {
    const id = await registerClient(app, w.worker.session, orgA);
    const res = await send('DELETE', `/api/clients/${id}`, w.coordinator.session, { reason: 'because' });
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'reason' })]);
  });
});
