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
let volunteer: TestSession;
let worker: TestSession;
let otherCoordinator: TestSession;
let ip = 1;

beforeAll(async () => {
  ctx = await createTestContext();
  app = await createTestApp(ctx);
  here = await createMeldpunt(ctx);
  const elsewhere = await createMeldpunt(ctx);
  const login = async (organisationId: string, role: 'coordinator' | 'worker' | 'volunteer') =>
    loginAs(app, await createUser(ctx, { organisationId, role }));
  coordinator = await login(here.organisation.id, 'coordinator');
  volunteer = await login(here.organisation.id, 'volunteer');
  worker = await login(here.organisation.id, 'worker');
  otherCoordinator = await login(elsewhere.organisation.id, 'coordinator');
});
afterAll(async () => {
  await app.close();
  await ctx.close();
});

async function newSignal(person: { name?: string; street?: string }) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/signals',
    payload: { ...anonymousReport(here.postcode), person },
    remoteAddress: `192.0.2.${ip++}`,
  });
  const row = await ctx.db
    .selectFrom('signals')
    .select(['id', 'municipality_id'])
    .where('reference', '=', res.json().reference)
    .executeTakeFirstOrThrow();
  return { ...row, url: `/api/signals/${row.municipality_id}/${row.id}` };
}

describe("the person's right to be informed (GDPR art. 14)", () => {
  it('is recorded: how the person was told, or which exception applied and why', async () => {
    const signal = await newSignal({ name: 'Meneer Informatie' });
    await expectGuarded(
      app,
      { method: 'PUT', url: `${signal.url}/information`, payload: { kind: 'informed', method: 'letter' } },
      { wrongRole: volunteer, wrongTenant: otherCoordinator, allowed: coordinator },
    );
    const get = async () =>
      (await app.inject({ method: 'GET', url: signal.url, headers: coordinator.headers })).json().information;
    expect(await get()).toMatchObject({ kind: 'informed', method: 'letter', exception: null });

    const noReason = await app.inject({
      method: 'PUT',
      url: `${signal.url}/information`,
      payload: { kind: 'exception', exception: 'impairs_objectives' },
      headers: coordinator.headers,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].field).toBe('reason');

    const exception = await app.inject({
      method: 'PUT',
      url: `${signal.url}/information`,
      payload: {
        kind: 'exception',
        exception: 'impairs_objectives',
        reason: 'Hem nu inlichten zou het eerste contact onmogelijk maken.',
      },
      headers: coordinator.headers,
    });
    expect(exception.statusCode).toBe(204);
    expect(await get()).toMatchObject({ kind: 'exception', method: null, exception: 'impairs_objectives' });
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'signals.information_recorded')
      .where('subject_id', '=', signal.id)
      .execute();
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toContain('onmogelijk');
  });
});

describe('an access request (GDPR art. 15)', () => {
  it('gives the meldpunt coordinators everything held about a person by name or address, each read audited', async () => {
    const byName = await newSignal({ name: 'Mevrouw Inzage', street: 'Kerkstraat 3' });
    const sameNameOtherSpelling = await newSignal({ name: 'mevrouw  INZAGE' });
    const byStreet = await newSignal({ street: 'kerkstraat 3' });
    const unrelated = await newSignal({ name: 'Iemand Anders', street: 'Molenweg 8' });
    await app.inject({
      method: 'POST',
      url: `${byName.url}/notes`,
      payload: { body: 'Notitie over mevrouw.' },
      headers: coordinator.headers,
    });
    const payload = { municipalityId: here.municipality.id, name: 'Mevrouw Inzage', street: 'Kerkstraat 3' };
    const res = await expectGuarded(
      app,
      { method: 'POST', url: '/api/signals/access-requests', payload },
      { wrongRole: worker, wrongTenant: otherCoordinator, allowed: coordinator },
    );
    const ids = res.json().signals.map((s: { id: string }) => s.id);
    expect(ids.sort()).toEqual([byName.id, sameNameOtherSpelling.id, byStreet.id].sort());
    expect(ids).not.toContain(unrelated.id);
    expect(res.json().signals.find((s: { id: string }) => s.id === byName.id).notes).toMatchObject([
      { body: 'Notitie over mevrouw.' },
    ]);
    const reads = await ctx.db
      .selectFrom('audit_log')
      .select('subject_id')
      .where('action', '=', 'signals.read')
      .where('subject_id', 'in', ids)
      .execute();
    expect(reads.length).toBeGreaterThanOrEqual(3);
    const empty = await app.inject({
      method: 'POST',
      url: '/api/signals/access-requests',
      payload: { municipalityId: here.municipality.id },
      headers: coordinator.headers,
    });
    expect(empty.statusCode).toBe(400);
  });
});
