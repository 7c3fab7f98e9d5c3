import { expect } from 'vitest';
import {
  createTenant,
  createUser,
  loginAs,
  type TestSession,
  type TestUser,
} from '../../../test/harness/factories.ts';
import type { AppContext } from '../../platform/context.ts';
import type { App } from '../../platform/http/app.ts';
import { sampleEntry } from '../directory/directory.fixtures.ts';
import { ensureGazetteerLoaded } from '../gazetteer/gazetteer.usecases.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type Role = 'admin' | 'coordinator' | 'worker' | 'volunteer';

/**
 * Two organisations of their own (A in Brugge, B in Oostende, real NIS codes
 * so the gazetteer and the directory know them) with a person in every role,
 * logged in.
 */
export async function createClientsWorld(ctx: AppContext, app: App) {
  await ensureGazetteerLoaded(ctx);
  // Real NIS codes, so entries get their municipality's centre from the gazetteer.
  const a = await createTenant(ctx, { nisCode: '31005' });
  const b = await createTenant(ctx, { nisCode: '35013' });
  const person = async (
    organisationId: string,
    role: Role,
  ): Promise<{ user: TestUser; session: TestSession }> => {
    const user = await createUser(ctx, { organisationId, role });
    return { user, session: await loginAs(app, user) };
  };
  return {
    a,
    b,
    coordinator: await person(a.organisation.id, 'coordinator'),
    worker: await person(a.organisation.id, 'worker'),
    volunteer: await person(a.organisation.id, 'volunteer'),
    otherVolunteer: await person(a.organisation.id, 'volunteer'),
    admin: await person(a.organisation.id, 'admin'),
    otherCoordinator: await person(b.organisation.id, 'coordinator'),
    otherWorker: await person(b.organisation.id, 'worker'),
  };
}
export type ClientsWorld = Awaited<ReturnType<typeof createClientsWorld>>;

export const sender = (app: App) => (method: Method, url: string, session?: TestSession, payload?: unknown) =>
  app.inject({ method, url, headers: session?.headers, payload: payload as object });

/** The smallest valid registration, in Brugge. */
export const newClient = (organisationId: string, overrides: Record<string, unknown> = {}) => ({
  organisationId,
  givenName: 'Mariette',
  familyName: 'Voorbeeld',
  postcode: '8000',
  consent: { method: 'in_person' },
  ...overrides,
});

/** Registers a client through the API as `session`; answers its id. */
export async function registerClient(
  app: App,
  session: TestSession,
  organisationId: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const res = await sender(app)('POST', '/api/clients', session, newClient(organisationId, overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

/** A published directory initiative of an organisation, made through the directory's API. */
export async function publishService(
  app: App,
  coordinator: TestSession,
  tenant: { organisation: { id: string }; municipality: { id: string } },
  name: string,
): Promise<string> {
  const send = sender(app);
  const draft = await send('POST', '/api/directory/manage/entries', coordinator, {
    ...sampleEntry({ name }),
    organisationId: tenant.organisation.id,
    municipalityId: tenant.municipality.id,
  });
  expect(draft.statusCode, draft.body).toBe(201);
  const id = draft.json().id as string;
  const published = await send('POST', `/api/directory/manage/entries/${id}/publish`, coordinator);
  expect(published.statusCode, published.body).toBe(200);
  return id;
}

/** The audit rows of one action about one client. */
export const auditRows = (ctx: AppContext, action: string, clientId: string) =>
  ctx.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', action)
    .where('subject_id', '=', clientId)
    .execute();
