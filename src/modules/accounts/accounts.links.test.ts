import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectGuarded } from '../../../test/harness/access.ts';
import { createTestApp, createTestContext, type TestContext } from '../../../test/harness/context.ts';
import {
  createTenant,
  createUser,
  loginAs,
  type TestSession,
  type TestUser,
} from '../../../test/harness/factories.ts';
import type { App } from '../../platform/http/app.ts';

let ctx: TestContext;
let app: App;
beforeAll(async () => {
  ctx = await createTestContext({ PUBLIC_URL: 'https://verbonden.example.org' });
  app = await createTestApp(ctx);
});
afterAll(async () => {
  await app.close();
  await ctx.close();
});

/** The link in the newest email to this address (read from the outbox, as the mail log shows it). */
async function linkSentTo(email: string, kind: 'invitation' | 'reset-password') {
  const mail = await ctx.db
    .selectFrom('outbox_messages')
    .select(['body_text', 'subject'])
    .where('recipient', '=', email)
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  const match = new RegExp(`https://verbonden\\.example\\.org/${kind}#([A-Za-z0-9_-]+)`).exec(mail.body_text);
  if (!match?.[1]) throw new Error(`no ${kind} link in: ${mail.body_text}`);
  return { token: match[1], mail };
}

describe('inviting a worker', () => {
  let admin: TestSession;
  let adminUser: TestUser;
  let organisationId: string;
  beforeAll(async () => {
    const tenant = await createTenant(ctx);
    organisationId = tenant.organisation.id;
    adminUser = await createUser(ctx, { organisationId, role: 'admin' });
  });
  // A fresh session per test: some tests move the clock past the session's lifetime.
  beforeEach(async () => {
    admin = await loginAs(app, adminUser);
  });

  it('emails a single-use link; accepting sets the password and starts the membership', async () => {
    const sent = await app.inject({
      method: 'POST',
      url: `/api/admin/organisations/${organisationId}/invitations`,
      payload: { email: 'nieuwe.collega@example.org', name: 'Nora Nieuw', role: 'worker' },
      headers: admin.headers,
    });
    expect(sent.statusCode).toBe(201);
    const { token, mail } = await linkSentTo('nieuwe.collega@example.org', 'invitation');
    expect(mail.subject).toContain('nodigt je uit');
    expect(mail.body_text).toContain('als medewerker mee te werken bij');
    expect(mail.body_text).toMatch(/^Dag Nora,/);

    const view = await app.inject({ method: 'GET', url: `/api/account/invitations/${token}` });
    expect(view.json()).toMatchObject({
      email: 'nieuwe.collega@example.org',
      role: 'worker',
      hasPassword: false,
    });

    const weak = await app.inject({
      method: 'POST',
      url: '/api/account/invitations/accept',
      payload: { token, password: 'nora12345678' },
    });
    expect(weak.statusCode).toBe(400);
    expect(
      await ctx.db
        .selectFrom('memberships')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .execute(),
    ).toHaveLength(1);

    const accepted = await app.inject({
      method: 'POST',
      url: '/api/account/invitations/accept',
      payload: { token, password: 'mijn eerste dag bij het CAW' },
    });
    expect(accepted.statusCode).toBe(204);
    const session = await loginAs(app, {
      email: 'nieuwe.collega@example.org',
      password: 'mijn eerste dag bij het CAW',
    });
    const me = await app.inject({ method: 'GET', url: '/api/session', headers: session.headers });
    expect(me.json().memberships).toEqual([expect.objectContaining({ organisationId, role: 'worker' })]);

    const again = await app.inject({
      method: 'POST',
      url: '/api/account/invitations/accept',
      payload: { token, password: 'nog een andere lange zin' },
    });
    expect(again.statusCode).toBe(410);
    expect(again.json().code).toBe('accounts.link_not_usable');
  });

  it('shows open invitations to the admins, who can withdraw one so its link stops working', async () => {
    const url = `/api/admin/organisations/${organisationId}/invitations`;
    await app.inject({
      method: 'POST',
      url,
      payload: { email: 'bedacht@example.org', name: 'Bea Bedacht', role: 'volunteer' },
      headers: admin.headers,
    });
    const { token } = await linkSentTo('bedacht@example.org', 'invitation');
    const open = (await app.inject({ method: 'GET', url, headers: admin.headers })).json();
    const mine = open.find((i: { email: string }) => i.email === 'bedacht@example.org');
    expect(mine).toMatchObject({ name: 'Bea Bedacht', role: 'volunteer', invitedBy: adminUser.name });
    const worker = await loginAs(app, await createUser(ctx, { organisationId, role: 'worker' }));
    await expectGuarded(app, { method: 'GET', url }, { wrongRole: worker });
    expect(
      (await app.inject({ method: 'DELETE', url: `${url}/${mine.id}`, headers: worker.headers })).statusCode,
    ).toBe(403);
    expect(
      (await app.inject({ method: 'DELETE', url: `${url}/${mine.id}`, headers: admin.headers })).statusCode,
    ).toBe(204);
    expect((await app.inject({ method: 'GET', url: `/api/account/invitations/${token}` })).statusCode).toBe(
      410,
    );
    const again = await app.inject({ method: 'DELETE', url: `${url}/${mine.id}`, headers: admin.headers });
    expect(again.statusCode).toBe(404);
    expect(again.json().code).toBe('accounts.invitation_not_found');
  });

  it('expires after seven days', async () => {
    await app.inject({
      method: 'POST',
      url: `/api/admin/organisations/${organisationId}/invitations`,
      payload: { email: 'te.laat@example.org', name: 'Tim Laat', role: 'volunteer' },
      headers: admin.headers,
    });
    const { token } = await linkSentTo('te.laat@example.org', 'invitation');
    ctx.clock.advance(7 * 86_400_000 + 1000);
    expect((await app.inject({ method: 'GET', url: `/api/account/invitations/${token}` })).statusCode).toBe(
      410,
    );
  });

  it('is refused to anyone but the organisation admins', async () => {
    const other = await createTenant(ctx);
    const worker = await loginAs(app, await createUser(ctx, { organisationId, role: 'worker' }));
    const otherAdmin = await loginAs(
      app,
      await createUser(ctx, { organisationId: other.organisation.id, role: 'admin' }),
    );
    await expectGuarded(
      app,
      {
        method: 'POST',
        url: `/api/admin/organisations/${organisationId}/invitations`,
        payload: { email: 'x.y@example.org', name: 'X Y', role: 'worker' },
      },
      { wrongRole: worker, wrongTenant: otherAdmin, allowed: admin },
    );
    await expectGuarded(
      app,
      { method: 'GET', url: `/api/admin/organisations/${organisationId}/members` },
      { wrongRole: worker, wrongTenant: otherAdmin, allowed: admin },
    );
  });

  it('keeps at least one admin in the organisation', async () => {
    const me = (await app.inject({ method: 'GET', url: '/api/session', headers: admin.headers })).json();
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/admin/organisations/${organisationId}/members/${me.user.id}`,
      payload: { role: 'worker' },
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('accounts.last_admin');
  });

  it('refuses bad input naming the field, and stores nothing', async () => {
    const before = await ctx.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    for (const payload of [
      { email: 'geen-email', name: 'A', role: 'worker' },
      { email: 'a@example.org', name: 'A', role: 'koning' },
      { email: 'a@example.org', name: 'x'.repeat(5000), role: 'worker' },
      { email: "a@example.org'; drop table users;--", name: 'A', role: 'worker' },
      { email: 'a@example.org', name: 'A', role: 'worker', isPlatformAdmin: true },
    ]) {
      const res = await app.inject({
        method: 'POST',
        url: `/api/admin/organisations/${organisationId}/invitations`,
        payload,
        headers: admin.headers,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].field).toMatch(/^(email|role|name|isPlatformAdmin)$/);
    }
    const after = await ctx.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});

describe('resetting a forgotten password', () => {
  it('answers the same for unknown emails, and a link works once and ends all sessions', async () => {
    const user = await createUser(ctx);
    const old = await loginAs(app, user);
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/account/password-reset/request',
      payload: { email: 'onbekend@example.org' },
    });
    const known = await app.inject({
      method: 'POST',
      url: '/api/account/password-reset/request',
      payload: { email: user.email },
    });
    expect(unknown.statusCode).toBe(202);
    expect(known.statusCode).toBe(202);
    expect(unknown.body).toBe(known.body);
    const { token } = await linkSentTo(user.email, 'reset-password');
    const reset = await app.inject({
      method: 'POST',
      url: '/api/account/password-reset',
      payload: { token, password: 'een gloednieuw wachtwoord' },
    });
    expect(reset.statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/account', headers: old.headers })).statusCode).toBe(
      401,
    );
    await loginAs(app, { email: user.email, password: 'een gloednieuw wachtwoord' });
    const twice = await app.inject({
      method: 'POST',
      url: '/api/account/password-reset',
      payload: { token, password: 'nog een ander wachtwoord' },
    });
    expect(twice.statusCode).toBe(410);
  });
});
