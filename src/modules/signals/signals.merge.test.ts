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
let otherCoordinator: TestSession;
let ip = 1;

beforeAll(async () => {
  ctx = await createTestContext();
  app = await createTestApp(ctx);
  here = await createMeldpunt(ctx);
  const elsewhere = await createMeldpunt(ctx);
  coordinator = await loginAs(
    app,
    await createUser(ctx, { organisationId: here.organisation.id, role: 'coordinator' }),
  );
  volunteer = await loginAs(
    app,
    await createUser(ctx, { organisationId: here.organisation.id, role: 'volunteer' }),
  );
  otherCoordinator = await loginAs(
    app,
    await createUser(ctx, { organisationId: elsewhere.organisation.id, role: 'coordinator' }),
  );
});
afterAll(async () => {
  await app.close();
  await ctx.close();
});

async function newSignal(extra: object) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/signals',
    payload: { ...anonymousReport(here.postcode), ...extra },
    remoteAddress: `198.18.0.${ip++}`,
  });
  const { reference } = res.json();
  const row = await ctx.db
    .selectFrom('signals')
    .select(['id', 'municipality_id'])
    .where('reference', '=', reference)
    .executeTakeFirstOrThrow();
  return { reference, id: row.id, url: `/api/signals/${row.municipality_id}/${row.id}` };
}

const post = (url: string, payload: object, session = coordinator) =>
  app.inject({ method: 'POST', url, payload, headers: session.headers });
const publicStatus = async (reference: string) =>
  (
    await app.inject({ method: 'GET', url: `/api/signals/status/${reference}`, remoteAddress: '198.18.1.1' })
  ).json();

describe('possible duplicates', () => {
  it('are shown to the meldpunt coordinators with the reasons, and merged into one signal', async () => {
    const first = await newSignal({
      person: { name: 'Meneer Voorbeeld', street: 'Dorpsstraat 1' },
      reporter: { anonymous: false, name: 'Buur Een', email: 'buur.een@example.org' },
    });
    const second = await newSignal({
      person: { street: 'dorpsstraat 1' },
      reporter: { anonymous: false, name: 'Buur Twee', email: 'buur.twee@example.org' },
    });
    const unrelated = await newSignal({ person: { street: 'Kerkstraat 9' } });
    const res = await expectGuarded(
      app,
      { method: 'GET', url: `${second.url}/duplicates` },
      { wrongRole: volunteer, wrongTenant: otherCoordinator, allowed: coordinator },
    );
    expect(res.json().items).toMatchObject([{ id: first.id, reasons: ['same_address'] }]);
    expect(res.json().items.map((i: { id: string }) => i.id)).not.toContain(unrelated.id);

    await expectGuarded(
      app,
      { method: 'POST', url: `${second.url}/merge`, payload: { intoId: first.id } },
      { wrongRole: volunteer, wrongTenant: otherCoordinator },
    );
    expect((await post(`${second.url}/merge`, { intoId: first.id })).statusCode).toBe(204);

    const target = (await app.inject({ method: 'GET', url: first.url, headers: coordinator.headers })).json();
    expect(target.merged).toMatchObject([{ id: second.id, reporter: { email: 'buur.twee@example.org' } }]);
    const merged = (
      await app.inject({ method: 'GET', url: second.url, headers: coordinator.headers })
    ).json();
    expect(merged).toMatchObject({ status: 'closed', outcome: null, mergedIntoId: first.id });
    const queue = (
      await app.inject({ method: 'GET', url: '/api/signals/queue', headers: coordinator.headers })
    ).json();
    expect(queue.items.map((i: { id: string }) => i.id)).not.toContain(second.id);

    expect(await publicStatus(second.reference)).toEqual({ status: 'received' });
    await post(`${first.url}/transitions`, { status: 'triaged' });
    expect(await publicStatus(second.reference)).toEqual({ status: 'being_handled' });

    await post(`${first.url}/transitions`, { status: 'closed', outcome: 'already_known' });
    const mails = await ctx.db
      .selectFrom('outbox_messages')
      .select(['recipient', 'body_text'])
      .where('recipient', 'in', ['buur.een@example.org', 'buur.twee@example.org'])
      .orderBy('recipient')
      .execute();
    expect(mails.map((m) => m.recipient)).toEqual(['buur.een@example.org', 'buur.twee@example.org']);
    expect(mails[1]?.body_text).toContain(second.reference);
    expect(await publicStatus(second.reference)).toEqual({ status: 'closed' });
  });

  it('cannot merge a signal into itself, or into or from a closed one', async () => {
    const a = await newSignal({ person: { name: 'Mevrouw Dubbel' } });
    const b = await newSignal({ person: { name: 'Mevrouw Dubbel' } });
    const self = await post(`${a.url}/merge`, { intoId: a.id });
    expect(self.statusCode).toBe(400);
    expect(self.json().errors[0]).toMatchObject({ field: 'intoId' });
    await post(`${b.url}/transitions`, { status: 'closed', outcome: 'no_concern' });
    expect((await post(`${a.url}/merge`, { intoId: b.id })).statusCode).toBe(409);
    expect((await post(`${b.url}/merge`, { intoId: a.id })).statusCode).toBe(409);
  });
});
