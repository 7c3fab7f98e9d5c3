import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectGuarded } from '../../../test/harness/access.ts';
import { createTestApp, createTestContext, type TestContext } from '../../../test/harness/context.ts';
import { createTenant, createUser, loginAs, type TestSession } from '../../../test/harness/factories.ts';
import type { App } from '../../platform/http/app.ts';
import { anonymousReport, createMeldpunt } from './signals.fixture.ts';

let ctx: TestContext;
let app: App;
let here: Awaited<ReturnType<typeof createMeldpunt>>;
let ip = 1;

beforeAll(async () => {
  ctx = await createTestContext();
  app = await createTestApp(ctx);
  here = await createMeldpunt(ctx);
});
afterAll(async () => {
  await app.close();
  await ctx.close();
});

const report = (headers?: Record<string, string>) =>
  app.inject({
    method: 'POST',
    url: '/api/signals',
    payload: anonymousReport(here.postcode),
    remoteAddress: `192.0.2.${ip++}`,
    headers,
  });

async function idOf(reference: string) {
  return (
    await ctx.db
      .selectFrom('signals')
      .select('id')
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow()
  ).id;
}

describe("the meldpunt's numbers", () => {
  it('count reports per month, by source and outcome, the median time to first contact and the overdue ones', async () => {
    ctx.clock.set(new Date('2026-03-02T09:00:00Z'));
    const police = await createTenant(ctx, { kind: 'police' });
    const officer = await loginAs(
      app,
      await createUser(ctx, { organisationId: police.organisation.id, role: 'worker' }),
    );
    const first = (await report()).json().reference;
    await report(officer.headers);
    ctx.clock.set(new Date('2026-04-01T09:00:00Z'));
    await report();
    const coordinatorUser = await createUser(ctx, {
      organisationId: here.organisation.id,
      role: 'coordinator',
    });
    let coordinator = await loginAs(app, coordinatorUser);
    const url = `/api/signals/${here.municipality.id}/${await idOf(first)}`;
    const send = (path: string, payload: object) =>
      app.inject({ method: 'POST', url: `${url}${path}`, payload, headers: coordinator.headers });
    await send('/assign', { organisationId: here.caw.id });
    ctx.clock.set(new Date('2026-04-01T15:00:00Z'));
    coordinator = await loginAs(app, coordinatorUser);
    await send('/contact-attempts', { method: 'phone', result: 'reached' });
    await send('/transitions', { status: 'closed', outcome: 'referred_to_initiative' });

    const volunteer = await loginAs(
      app,
      await createUser(ctx, { organisationId: here.organisation.id, role: 'volunteer' }),
    );
    const otherCoordinator = await loginAs(
      app,
      await createUser(ctx, { organisationId: here.caw.id, role: 'coordinator' }),
    );
    const fresh: TestSession = await loginAs(
      app,
      await createUser(ctx, { organisationId: here.organisation.id, role: 'coordinator' }),
    );
    const res = await expectGuarded(
      app,
      { method: 'GET', url: `/api/signals/numbers?municipalityId=${here.municipality.id}` },
      { wrongRole: volunteer, wrongTenant: otherCoordinator, allowed: fresh },
    );
    expect(res.json()).toMatchObject({
      perMonth: [
        { month: '2026-03', count: 2 },
        { month: '2026-04', count: 1 },
      ],
      bySource: [
        { source: 'citizen', organisationKind: null, count: 2 },
        { source: 'professional', organisationKind: 'police', count: 1 },
      ],
      byOutcome: [{ outcome: 'referred_to_initiative', count: 1 }],
      medianHoursToFirstContact: 726,
      overdue: 1,
    });
    const meldpunts = await app.inject({
      method: 'GET',
      url: '/api/signals/meldpunts',
      headers: fresh.headers,
    });
    expect(meldpunts.json().items).toEqual([
      { municipalityId: here.municipality.id, name: here.municipality.name_nl },
    ]);
    const none = await app.inject({
      method: 'GET',
      url: '/api/signals/meldpunts',
      headers: otherCoordinator.headers,
    });
    expect(none.json().items).toEqual([]);
  });

  it('can be run by another organisation working there, named by a platform admin', async () => {
    const admin = await loginAs(app, await createUser(ctx, { platformAdmin: true }));
    const cawCoordinator = await loginAs(
      app,
      await createUser(ctx, { organisationId: here.caw.id, role: 'coordinator' }),
    );
    const url = `/api/signals/meldpunts/${here.municipality.id}`;
    const before = await expectGuarded(
      app,
      { method: 'GET', url },
      { wrongRole: cawCoordinator, allowed: admin },
    );
    expect(before.json().organisation?.id).not.toBe(here.caw.id);
    await expectGuarded(
      app,
      { method: 'PUT', url, payload: { organisationId: here.caw.id } },
      { wrongRole: cawCoordinator, allowed: admin },
    );
    const elsewhere = await createTenant(ctx);
    const refused = await app.inject({
      method: 'PUT',
      url,
      payload: { organisationId: elsewhere.organisation.id },
      headers: admin.headers,
    });
    expect(refused.json().errors[0]).toMatchObject({ field: 'organisationId' });
    const after = await app.inject({ method: 'GET', url, headers: admin.headers });
    expect(after.json()).toEqual({
      municipalityId: here.municipality.id,
      organisation: { id: here.caw.id, name: expect.any(String) },
    });
    const reference = (await report()).json().reference;
    const row = await ctx.db
      .selectFrom('signals')
      .select('organisation_id')
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
    expect(row.organisation_id).toBe(here.caw.id);
    const queue = await app.inject({
      method: 'GET',
      url: '/api/signals/queue',
      headers: cawCoordinator.headers,
    });
    expect(queue.json().items.map((i: { reference: string }) => i.reference)).toContain(reference);
  });
});
