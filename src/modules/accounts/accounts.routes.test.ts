import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestContext, type TestContext } from '../../../test/harness/context.ts';
import { createTenant, createUser, loginAs, TEST_PASSWORD } from '../../../test/harness/factories.ts';
import type { App } from '../../platform/http/app.ts';
import { newTotpSecret, totpCode } from './accounts.models.ts';

let ctx: TestContext;
let app: App;
beforeAll(async () => {
  ctx = await createTestContext();
  app = await createTestApp(ctx);
});
afterAll(async () => {
  await app.close();
  await ctx.close();
});

const login = (email: string, password: string, ip = '203.0.113.7') =>
  app.inject({ method: 'POST', url: '/api/session/login', payload: { email, password }, remoteAddress: ip });

describe('logging in', () => {
  it('gives a session cookie that is HttpOnly and SameSite=Lax, and the session shows the user', async () => {
    const { organisation } = await createTenant(ctx);
    const user = await createUser(ctx, { organisationId: organisation.id, role: 'worker' });
    const res = await login(user.email.toUpperCase(), user.password);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'vb_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const session = await app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: `vb_session=${cookie?.value}` },
    });
    expect(session.json()).toMatchObject({
      authenticated: true,
      user: { email: user.email },
      memberships: [{ organisationId: organisation.id, role: 'worker', effective: true }],
    });
  });

  it('answers a wrong password and an unknown email the same way, translated', async () => {
    const user = await createUser(ctx);
    const wrong = await login(user.email, 'niet het juiste wachtwoord');
    const unknown = await login('niemand@example.org', 'niet het juiste wachtwoord');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().title).toContain('wachtwoord');
  });

  it('gives a new session id at every login', async () => {
    const user = await createUser(ctx);
    const a = await loginAs(app, user);
    const res = await app.inject({
      method: 'POST',
      url: '/api/session/login',
      payload: { email: user.email, password: user.password },
      headers: a.headers,
    });
    expect(res.cookies.find((c) => c.name === 'vb_session')?.value).not.toBe(a.cookie.split('=')[1]);
    const old = await app.inject({ method: 'GET', url: '/api/session', headers: { cookie: a.cookie } });
    expect(old.json().authenticated).toBe(false);
  });

  it('throttles guessing per account and address, without locking the user out from elsewhere', async () => {
    const user = await createUser(ctx);
    for (let i = 0; i < 5; i++)
      expect((await login(user.email, `fout wachtwoord ${i}`, '198.51.100.1')).statusCode).toBe(401);
    const blocked = await login(user.email, user.password, '198.51.100.1');
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login(user.email, user.password, '198.51.100.2')).statusCode).toBe(200);
    ctx.clock.advance(16 * 60_000);
    expect((await login(user.email, user.password, '198.51.100.1')).statusCode).toBe(200);
  });

  it('refuses deactivated users and ends their sessions', async () => {
    const admin = await createUser(ctx, { platformAdmin: true });
    const user = await createUser(ctx);
    const session = await loginAs(app, user);
    const adminSession = await loginAs(app, admin);
    const res = await app.inject({
      method: 'POST',
      url: `/api/admin/users/${user.id}/deactivate`,
      headers: adminSession.headers,
    });
    expect(res.statusCode).toBe(204);
    expect(
      (await app.inject({ method: 'GET', url: '/api/account', headers: session.headers })).statusCode,
    ).toBe(401);
    expect((await login(user.email, user.password)).statusCode).toBe(401);
  });
});

describe('sessions', () => {
  it('end after the idle time and after the absolute time', async () => {
    const user = await createUser(ctx);
    const s = await loginAs(app, user);
    ctx.clock.advance(59 * 60_000);
    expect((await app.inject({ method: 'GET', url: '/api/account', headers: s.headers })).statusCode).toBe(
      200,
    );
    ctx.clock.advance(61 * 60_000);
    expect((await app.inject({ method: 'GET', url: '/api/account', headers: s.headers })).statusCode).toBe(
      401,
    );

    const t = await loginAs(app, user);
    // Active every 55 minutes, so never idle: the absolute limit (12 hours) ends it.
    for (let i = 0; i < 13; i++) {
      ctx.clock.advance(55 * 60_000);
      expect((await app.inject({ method: 'GET', url: '/api/account', headers: t.headers })).statusCode).toBe(
        200,
      );
    }
    ctx.clock.advance(55 * 60_000);
    expect((await app.inject({ method: 'GET', url: '/api/account', headers: t.headers })).statusCode).toBe(
      401,
    );
  });

  it('refuse a cookie-authenticated write without the CSRF token', async () => {
    const user = await createUser(ctx);
    const s = await loginAs(app, user);
    const res = await app.inject({
      method: 'PATCH',
      url: '/api/account',
      payload: { largeText: true },
      headers: { cookie: s.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('auth.csrf');
    const bad = await app.inject({
      method: 'PATCH',
      url: '/api/account',
      payload: { largeText: true },
      headers: { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(32) },
    });
    expect(bad.statusCode).toBe(403);
    const ok = await app.inject({
      method: 'PATCH',
      url: '/api/account',
      payload: { largeText: true },
      headers: s.headers,
    });
    expect(ok.json().largeText).toBe(true);
  });

  it('log out everywhere ends every session of the user', async () => {
    const user = await createUser(ctx);
    const a = await loginAs(app, user);
    const b = await loginAs(app, user);
    expect(
      (await app.inject({ method: 'POST', url: '/api/session/logout-everywhere', headers: a.headers }))
        .statusCode,
    ).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/account', headers: b.headers })).statusCode).toBe(
      401,
    );
  });
});

describe('the second factor', () => {
  it('is asked after the password, and a code works only once', async () => {
    const secret = newTotpSecret();
    const user = await createUser(ctx, { totpSecret: secret });
    const first = await login(user.email, user.password);
    expect(first.json()).toMatchObject({ authenticated: false, pendingSecondFactor: true });
    const cookie = `vb_session=${first.cookies.find((c) => c.name === 'vb_session')?.value}`;
    const headers = { cookie, 'x-csrf-token': first.json().csrfToken };
    expect((await app.inject({ method: 'GET', url: '/api/account', headers })).statusCode).toBe(401);
    const code = totpCode(secret, ctx.clock.now());
    const done = await app.inject({
      method: 'POST',
      url: '/api/session/second-factor',
      payload: { code },
      headers,
    });
    expect(done.statusCode).toBe(200);
    expect(done.json().authenticated).toBe(true);
    const newCookie = `vb_session=${done.cookies.find((c) => c.name === 'vb_session')?.value}`;
    expect(newCookie).not.toBe(cookie);
    expect(
      (await app.inject({ method: 'GET', url: '/api/account', headers: { cookie: newCookie } })).statusCode,
    ).toBe(200);

    const again = await login(user.email, user.password);
    const againHeaders = {
      cookie: `vb_session=${again.cookies.find((c) => c.name === 'vb_session')?.value}`,
      'x-csrf-token': again.json().csrfToken,
    };
    const replay = await app.inject({
      method: 'POST',
      url: '/api/session/second-factor',
      payload: { code },
      headers: againHeaders,
    });
    expect(replay.statusCode).toBe(400);
    expect(replay.json().errors[0]).toMatchObject({ field: 'code', code: 'accounts.invalid_code' });
  });

  it('can be set up from the account settings with a confirming code', async () => {
    const user = await createUser(ctx);
    const s = await loginAs(app, user);
    const setup = await app.inject({
      method: 'POST',
      url: '/api/account/second-factor/setup',
      headers: s.headers,
    });
    expect(setup.json().otpauthUrl).toMatch(/^otpauth:\/\/totp\/Verbonden:/);
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/account/second-factor/enable',
      payload: { code: '000000' },
      headers: s.headers,
    });
    expect(wrong.statusCode).toBe(400);
    const code = totpCode(setup.json().secret, ctx.clock.now());
    const ok = await app.inject({
      method: 'POST',
      url: '/api/account/second-factor/enable',
      payload: { code },
      headers: s.headers,
    });
    expect(ok.statusCode).toBe(204);
    expect(
      (await app.inject({ method: 'GET', url: '/api/account', headers: s.headers })).json().totpEnabled,
    ).toBe(true);
  });

  it('is required for coordinators when their organisation switches it on', async () => {
    const { organisation } = await createTenant(ctx, { requireSecondFactor: true });
    const coordinator = await createUser(ctx, { organisationId: organisation.id, role: 'coordinator' });
    const worker = await createUser(ctx, { organisationId: organisation.id, role: 'worker' });
    const c = (
      await app.inject({
        method: 'GET',
        url: '/api/session',
        headers: (await loginAs(app, coordinator)).headers,
      })
    ).json();
    expect(c).toMatchObject({ secondFactorSetupRequired: true, memberships: [{ effective: false }] });
    const w = (
      await app.inject({ method: 'GET', url: '/api/session', headers: (await loginAs(app, worker)).headers })
    ).json();
    expect(w).toMatchObject({ secondFactorSetupRequired: false, memberships: [{ effective: true }] });
  });
});

describe('API tokens', () => {
  it('act as their user until revoked, and are stored only as a hash', async () => {
    const user = await createUser(ctx);
    const s = await loginAs(app, user);
    const created = await app.inject({
      method: 'POST',
      url: '/api/account/tokens',
      payload: { name: 'Koppeling' },
      headers: s.headers,
    });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    const stored = await ctx.db
      .selectFrom('api_tokens')
      .select('token_hash')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    const bearer = { authorization: `Bearer ${token}` };
    expect((await app.inject({ method: 'GET', url: '/api/account', headers: bearer })).json().email).toBe(
      user.email,
    );
    expect(
      (
        await app.inject({
          method: 'PATCH',
          url: '/api/account',
          payload: { largeText: true },
          headers: bearer,
        })
      ).statusCode,
    ).toBe(200);
    await app.inject({ method: 'DELETE', url: `/api/account/tokens/${id}`, headers: s.headers });
    const revoked = await app.inject({ method: 'GET', url: '/api/account', headers: bearer });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().code).toBe('auth.invalid_token');
  });
});

describe('account settings', () => {
  it('change the password only with the current one and a strong new one', async () => {
    const user = await createUser(ctx);
    const s = await loginAs(app, user);
    const change = (currentPassword: string, newPassword: string) =>
      app.inject({
        method: 'POST',
        url: '/api/account/password',
        payload: { currentPassword, newPassword },
        headers: s.headers,
      });
    const weak = await change(TEST_PASSWORD, 'wachtwoord12');
    expect(weak.json().errors[0]).toMatchObject({
      field: 'newPassword',
      code: 'accounts.password_too_common',
    });
    const short = await change(TEST_PASSWORD, 'kort');
    expect(short.json().errors[0]).toMatchObject({
      field: 'newPassword',
      code: 'accounts.password_too_short',
    });
    const wrong = await change('niet mijn wachtwoord', 'een nieuwe lange zin om te onthouden');
    expect(wrong.json().errors[0]).toMatchObject({
      field: 'currentPassword',
      code: 'accounts.wrong_password',
    });
    expect((await change(TEST_PASSWORD, 'een nieuwe lange zin om te onthouden')).statusCode).toBe(204);
    expect((await login(user.email, 'een nieuwe lange zin om te onthouden')).statusCode).toBe(200);
  });

  it('answers in the language the user chose', async () => {
    const user = await createUser(ctx);
    const s = await loginAs(app, user);
    await app.inject({
      method: 'PATCH',
      url: '/api/account',
      payload: { locale: 'fr-BE' },
      headers: s.headers,
    });
    const res = await app.inject({
      method: 'PATCH',
      url: '/api/account',
      payload: { name: '' },
      headers: s.headers,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({
      field: 'name',
      code: 'validation.required',
      message: 'Complétez ce champ.',
    });
  });
});
