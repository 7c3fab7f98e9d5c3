import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectGuarded } from '../../../test/harness/access.ts';
import { createTestApp, createTestContext, type TestContext } from '../../../test/harness/context.ts';
import { createTenant, createUser, loginAs, type TestSession } from '../../../test/harness/factories.ts';
import type { App } from '../../platform/http/app.ts';
import { termId } from './directory.terms.ts';

let ctx: TestContext;
let app: App;
let orgA: string;
let nisA: string;
let coordinator: TestSession;
let coordinatorId: string;
let worker: TestSession;
let otherCoordinator: TestSession;

beforeAll(async () => {
  ctx = await createTestContext();
  app = await createTestApp(ctx);
  const a = await createTenant(ctx);
  const b = await createTenant(ctx);
  orgA = a.organisation.id;
  nisA = a.municipality.nis_code;
  const as = async (organisationId: string, role: 'worker' | 'coordinator') =>
    loginAs(app, await createUser(ctx, { organisationId, role }));
  const coordinatorUser = await createUser(ctx, { organisationId: orgA, role: 'coordinator' });
  coordinatorId = coordinatorUser.id;
  coordinator = await loginAs(app, coordinatorUser);
  worker = await as(orgA, 'worker');
  otherCoordinator = await as(b.organisation.id, 'coordinator');
});
afterAll(async () => {
  await app.close();
  await ctx.close();
});

const service = (id: string, name: string) => ({
  id,
  name,
  status: 'active',
  attributes: [
    { taxonomy_term_id: termId('type', 'telephone_circle') },
    { taxonomy_term_id: termId('how_to_join', 'register') },
    { taxonomy_term_id: termId('cost', 'free') },
    { taxonomy_term_id: termId('evidence_level', 'none') },
  ],
});

const importing = (data: unknown, dryRun: boolean, session = coordinator, nis = nisA) =>
  app.inject({
    method: 'POST',
    url: '/api/directory/manage/import',
    headers: session.headers,
    payload: { municipalityNis: nis, organisationId: orgA, dryRun, data },
  });

const entriesOfA = async () =>
  (
    await ctx.db.selectFrom('directory_services').select('name').where('organisation_id', '=', orgA).execute()
  ).map((r) => r.name);

describe('importing HSDS JSON in the web app', () => {
  it('lets only coordinators of the organisation import, not workers or other organisations', async () => {
    const payload = {
      municipalityNis: nisA,
      organisationId: orgA,
      dryRun: true,
      data: service('guard-1', 'Telefooncirkel'),
    };
    const ok = await expectGuarded(
      app,
      { method: 'POST', url: '/api/directory/manage/import', payload },
      { allowed: coordinator, wrongRole: worker, wrongTenant: otherCoordinator },
    );
    expect(ok.json()).toEqual({ dryRun: true, created: 1, updated: 0, problems: [] });
    const options = await app.inject({
      method: 'GET',
      url: '/api/directory/manage/import/options',
      headers: worker.headers,
    });
    expect(options.json()).toEqual({ organisations: [] });
  });

  it('offers the coordinator their organisation and its municipalities', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/directory/manage/import/options',
      headers: coordinator.headers,
    });
    expect(res.json().organisations).toEqual([
      expect.objectContaining({ id: orgA, municipalities: [expect.objectContaining({ nisCode: nisA })] }),
    ]);
  });

  it('reports what a dry run would do and changes nothing', async () => {
    const res = await importing([service('dry-1', 'Buurtsalon'), service('dry-2', 'Soepcafé')], true);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ dryRun: true, created: 2, updated: 0, problems: [] });
    expect(await entriesOfA()).not.toContain('Buurtsalon');
  });

  it('refuses a file with problems as a whole, naming each problem in the reader’s language', async () => {
    const broken = {
      ...service('bad-2', 'Wandelclub'),
      service_at_locations: [{ id: 'sal', location: { id: 'l', latitude: 'noord' } }],
    };
    for (const dryRun of [true, false]) {
      const res = await importing([service('bad-1', 'Breiclub'), broken], dryRun);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const body = res.json();
      expect(body.code).toBe('directory_import.invalid_data');
      expect(body.problems).toHaveLength(3);
      expect(body.problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            row: 2,
            field: 'service_at_locations[0].location.latitude',
            code: 'directory_import.not_number',
            // The user's own language: Dutch.
            message: "'noord' is geen getal.",
          }),
        ]),
      );
      expect(body.errors).toContainEqual(
        expect.objectContaining({
          field: 'initiatief 2 in het bestand · service_at_locations[0].location.latitude',
          message: "'noord' is geen getal.",
        }),
      );
    }
    expect(await entriesOfA()).not.toContain('Breiclub');
  });

  it('imports a good file, audits it once with its counts, and updates the entries on a second import', async () => {
    // Over the global 256 kB limit: this route alone takes bigger files.
    const padding = 'x'.repeat(300 * 1024);
    const data = { total_items: 1, contents: [{ ...service('good-1', 'Koffiebabbel Zonneweide'), padding }] };
    const res = await importing(data, false);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ dryRun: false, created: 1, updated: 0, problems: [] });
    expect(await entriesOfA()).toContain('Koffiebabbel Zonneweide');
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['details', 'actor_user_id'])
      .where('action', '=', 'directory.import')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_user_id).toBe(coordinatorId);
    expect(audit[0]?.details).toMatchObject({ municipalityNis: nisA, created: 1, updated: 0 });
    const found = await app.inject({ method: 'GET', url: '/api/directory/search?q=zonneweide' });
    expect(found.json().total).toBe(1);
    expect((await importing(data, true)).json()).toEqual({
      dryRun: true,
      created: 0,
      updated: 1,
      problems: [],
    });
    expect((await importing(data, false)).json()).toMatchObject({ created: 0, updated: 1 });
  });

  it('refuses a municipality the organisation does not work in', async () => {
    const res = await importing(service('x-1', 'Elders'), true, coordinator, '99999');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'municipalityNis' });
  });
});
