import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectGuarded } from '../../../test/harness/access.ts';
import { createTestApp, createTestContext, type TestContext } from '../../../test/harness/context.ts';
import { createUser, loginAs, type TestSession } from '../../../test/harness/factories.ts';
import type { App } from '../../platform/http/app.ts';
import { anonymousReport, createMeldpunt } from './signals.fixture.ts';

let ctx: TestContext;
let app: App;
let here: Awaited<ReturnType<typeof createMeldpunt>>;
let coordinator: TestSession;
let worker: TestSession;
let workerId: string;
let colleague: TestSession;
let ip = 1;

beforeAll(async () => {
  ctx = await createTestContext();
  app = await createTestApp(ctx);
  here = await createMeldpunt(ctx);
  coordinator = await loginAs(
    app,
    await createUser(ctx, { organisationId: here.organisation.id, role: 'coordinator' }),
  );
  const w = await createUser(ctx, { organisationId: here.caw.id, role: 'worker' });
  workerId = w.id;
  worker = await loginAs(app, w);
  colleague = await loginAs(app, await createUser(ctx, { organisationId: here.caw.id, role: 'worker' }));
});
afterAll(async () => {
  await app.close();
  await ctx.close();
});

async function assignedSignal() {
  const res = await app.inject({
    method: 'POST',
    url: '/api/signals',
    payload: anonymousReport(here.postcode),
    remoteAddress: `192.0.2.${ip++}`,
  });
  const row = await ctx.db
    .selectFrom('signals')
    .select(['id', 'municipality_id'])
    .where('reference', '=', res.json().reference)
    .executeTakeFirstOrThrow();
  const url = `/api/signals/${row.municipality_id}/${row.id}`;
  await app.inject({
    method: 'POST',
    url: `${url}/assign`,
    payload: { organisationId: here.caw.id, userId: workerId },
    headers: coordinator.headers,
  });
  return url;
}

const log = (session: TestSession, url: string, payload: object) =>
  app.inject({ method: 'POST', url: `${url}/contact-attempts`, payload, headers: session.headers });

describe('the outreach log', () => {
  it('is kept by the assigned worker, and moves the signal to contact attempted and then in contact', async () => {
    const url = await assignedSignal();
    await expectGuarded(
      app,
      { method: 'POST', url: `${url}/contact-attempts`, payload: { method: 'visit', result: 'not_reached' } },
      { wrongTenant: colleague, allowed: worker },
    );
    const detail = async () => (await app.inject({ method: 'GET', url, headers: worker.headers })).json();
    expect((await detail()).status).toBe('contact_attempted');
    const later = new Date(ctx.clock.now().getTime() + 60_000).toISOString();
    const reached = await log(worker, url, {
      method: 'phone',
      result: 'reached',
      note: 'Ze wil graag bezoek.',
      attemptedAt: later,
    });
    expect(reached.statusCode).toBe(201);
    const after = await detail();
    expect(after.status).toBe('in_contact');
    expect(after.contactAttempts).toMatchObject([
      { method: 'visit', result: 'not_reached', note: null },
      { method: 'phone', result: 'reached', note: 'Ze wil graag bezoek.' },
    ]);
    expect(after.transitions.map((t: { toStatus: string }) => t.toStatus)).toEqual([
      'new',
      'assigned',
      'contact_attempted',
      'in_contact',
    ]);
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'signals.contact_logged')
      .execute();
    expect(JSON.stringify(audit)).not.toContain('bezoek');
  });

  it('refuses attempts before the signal is assigned and after it is closed, and unknown methods', async () => {
    const url = await assignedSignal();
    const bad = await log(worker, url, { method: 'pigeon', result: 'reached' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('method');
    await app.inject({
      method: 'POST',
      url: `${url}/transitions`,
      payload: { status: 'closed', outcome: 'person_not_found' },
      headers: worker.headers,
    });
    expect((await log(worker, url, { method: 'letter', result: 'not_reached' })).statusCode).toBe(409);
  });
});
