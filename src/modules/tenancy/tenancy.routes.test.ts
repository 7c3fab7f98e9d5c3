import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectGuarded } from '../../../test/harness/access.ts';
import { createTestApp, createTestContext, type TestContext } from '../../../test/harness/context.ts';
import { createTenant, createUser, loginAs, type TestSession } from '../../../test/harness/factories.ts';
import type { App } from '../../platform/http/app.ts';
import { ensureGazetteerLoaded } from '../gazetteer/gazetteer.usecases.ts';

let ctx: TestContext;
let app: App;
let platform: TestSession;
beforeAll(async () => {
  ctx = await createTestContext();
  await ensureGazetteerLoaded(ctx);
  app = await createTestApp(ctx);
  platform = await loginAs(app, await createUser(ctx, { platformAdmin: true }));
});
afterAll(async () => {
  await app.close();
  await ctx.close();
});

describe('the platform admin', () => {
  it('creates a region, adds municipalities by NIS code with names from the gazetteer, and an organisation', async () => {
    const region = await app.inject({
      method: 'POST',
      url: '/api/admin/regions',
      payload: { name: 'Limburg (test)' },
      headers: platform.headers,
    });
    expect(region.statusCode).toBe(201);
    const regionId = region.json().id;
    const brugge = await app.inject({
      method: 'POST',
      url: '/api/admin/municipalities',
      payload: { regionId, nisCode: '31005' },
      headers: platform.headers,
    });
    expect(brugge.statusCode).toBe(201);
    expect(brugge.json()).toMatchObject({ nisCode: '31005', nameNl: 'Brugge', nameFr: 'Bruges' });
    const org = await app.inject({
      method: 'POST',
      url: '/api/admin/organisations',
      payload: { regionId, name: 'Testhuis', kind: 'association', municipalityIds: [brugge.json().id] },
      headers: platform.headers,
    });
    expect(org.statusCode).toBe(201);
    expect(org.json()).toMatchObject({
      name: 'Testhuis',
      kind: 'association',
      municipalityIds: [brugge.json().id],
    });
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', org.json().id)
      .execute();
    expect(audit.map((a) => a.action)).toContain('tenancy.organisation_created');
  });

  it('gets a specific error for an unknown NIS code, a municipality of another region and a duplicate name', async () => {
    const { region, municipality } = await createTenant(ctx);
    const other = await createTenant(ctx);
    const nis = await app.inject({
      method: 'POST',
      url: '/api/admin/municipalities',
      payload: { regionId: region.id, nisCode: '99999' },
      headers: platform.headers,
    });
    expect(nis.json().errors).toEqual([
      expect.objectContaining({ field: 'nisCode', code: 'tenancy.unknown_nis_code' }),
    ]);
    const format = await app.inject({
      method: 'POST',
      url: '/api/admin/municipalities',
      payload: { regionId: region.id, nisCode: '310' },
      headers: platform.headers,
    });
    expect(format.json().errors).toEqual([
      expect.objectContaining({ field: 'nisCode', code: 'tenancy.nis_code_format' }),
    ]);
    const foreign = await app.inject({
      method: 'POST',
      url: '/api/admin/organisations',
      payload: {
        regionId: region.id,
        name: 'Over de grens',
        kind: 'other',
        municipalityIds: [other.municipality.id],
      },
      headers: platform.headers,
    });
    expect(foreign.json().errors).toEqual([
      expect.objectContaining({ field: 'municipalityIds', code: 'tenancy.unknown_municipality' }),
    ]);
    const payload = {
      regionId: region.id,
      name: 'Dubbel',
      kind: 'other',
      municipalityIds: [municipality.id],
    };
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/admin/organisations',
          payload,
          headers: platform.headers,
        })
      ).statusCode,
    ).toBe(201);
    const dup = await app.inject({
      method: 'POST',
      url: '/api/admin/organisations',
      payload: { ...payload, name: 'DUBBEL' },
      headers: platform.headers,
    });
    expect(dup.json().errors).toEqual([
      expect.objectContaining({ field: 'name', code: 'tenancy.organisation_exists' }),
    ]);
  });
});

describe('access to the admin pages', () => {
  it('lets only the platform admin create regions, municipalities and organisations', async () => {
    const { region, organisation, municipality } = await createTenant(ctx);
    const orgAdmin = await loginAs(
      app,
      await createUser(ctx, { organisationId: organisation.id, role: 'admin' }),
    );
    await expectGuarded(
      app,
      { method: 'POST', url: '/api/admin/regions', payload: { name: 'Nieuw' } },
      { wrongRole: orgAdmin, allowed: platform },
    );
    await expectGuarded(
      app,
      {
        method: 'POST',
        url: '/api/admin/organisations',
        payload: { regionId: region.id, name: 'X', kind: 'other', municipalityIds: [municipality.id] },
      },
      { wrongRole: orgAdmin, allowed: platform },
    );
    await expectGuarded(
      app,
      { method: 'GET', url: '/api/admin/users' },
      { wrongRole: orgAdmin, allowed: platform },
    );
  });

  it('lets an organisation admin see and switch on the second factor for their own organisation only', async () => {
    const mine = await createTenant(ctx);
    const theirs = await createTenant(ctx);
    const admin = await loginAs(
      app,
      await createUser(ctx, { organisationId: mine.organisation.id, role: 'admin' }),
    );
    const worker = await loginAs(
      app,
      await createUser(ctx, { organisationId: mine.organisation.id, role: 'worker' }),
    );
    const otherAdmin = await loginAs(
      app,
      await createUser(ctx, { organisationId: theirs.organisation.id, role: 'admin' }),
    );
    await expectGuarded(
      app,
      {
        method: 'PATCH',
        url: `/api/admin/organisations/${mine.organisation.id}`,
        payload: { requireSecondFactor: true },
      },
      { wrongRole: worker, wrongTenant: otherAdmin, allowed: admin },
    );
    const before = await app.inject({
      method: 'GET',
      url: '/api/admin/organisations',
      headers: otherAdmin.headers,
    });
    expect(before.json().map((o: { id: string }) => o.id)).toEqual([theirs.organisation.id]);
    const rename = await app.inject({
      method: 'PATCH',
      url: `/api/admin/organisations/${mine.organisation.id}`,
      payload: { name: 'Andere naam' },
      headers: admin.headers,
    });
    expect(rename.statusCode).toBe(403);
    // Switched on, the admin (who has no second factor yet) must set one up before managing anything.
    const session = await app.inject({ method: 'GET', url: '/api/session', headers: admin.headers });
    expect(session.json()).toMatchObject({
      secondFactorSetupRequired: true,
      memberships: [{ effective: false }],
    });
    const listed = await app.inject({
      method: 'GET',
      url: '/api/admin/organisations',
      headers: admin.headers,
    });
    expect(listed.json()).toEqual([]);
  });
});
