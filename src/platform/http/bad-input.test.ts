import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestContext, type TestContext } from '../../../test/harness/context.ts';
import { createUser, loginAs, type TestSession } from '../../../test/harness/factories.ts';
import type { App } from './app.ts';

let ctx: TestContext;
let app: App;
let session: TestSession;
beforeAll(async () => {
  ctx = await createTestContext();
  app = await createTestApp(ctx);
  session = await loginAs(app, await createUser(ctx));
});
afterAll(async () => {
  await app.close();
  await ctx.close();
});

const post = (
  url: string,
  body: string | Buffer,
  contentType = 'application/json',
  headers: Record<string, string> = {},
) => app.inject({ method: 'POST', url, payload: body, headers: { 'content-type': contentType, ...headers } });

function expectProblem(
  res: { statusCode: number; headers: Record<string, unknown>; body: string },
  status: number,
  code: string,
) {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  const body = JSON.parse(res.body);
  expect(body.code).toBe(code);
  expect(res.body).not.toMatch(/at .*\.ts:\d+|stack|select |insert /i);
  return body;
}

describe('bad input', () => {
  it('malformed JSON is a 400 that says so', async () => {
    expectProblem(await post('/api/session/login', '{"email": "a@b.be", '), 400, 'http.malformed_json');
  });

  it('invalid UTF-8 is refused, not silently replaced', async () => {
    const body = Buffer.concat([
      Buffer.from('{"email":"a'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('@b.be","password":"x"}'),
    ]);
    expectProblem(await post('/api/session/login', body), 400, 'http.invalid_utf8');
  });

  it('a body over the size limit is a 413', async () => {
    const big = JSON.stringify({ email: 'a@b.be', password: 'x'.repeat(300_000) });
    expectProblem(await post('/api/session/login', big), 413, 'http.body_too_large');
  });

  it('a form post instead of JSON is a 415', async () => {
    expectProblem(
      await post('/api/session/login', 'email=a@b.be&password=x', 'application/x-www-form-urlencoded'),
      415,
      'http.unsupported_media_type',
    );
  });

  it('wrong types, unknown fields and very long strings name the field', async () => {
    const wrongType = expectProblem(
      await post('/api/session/login', JSON.stringify({ email: 42, password: 'x' })),
      400,
      'validation.failed',
    );
    expect(wrongType.errors).toEqual([
      expect.objectContaining({ field: 'email', code: 'validation.invalid_type' }),
    ]);
    const unknown = expectProblem(
      await post('/api/session/login', JSON.stringify({ email: 'a@b.be', password: 'x', admin: true })),
      400,
      'validation.failed',
    );
    expect(unknown.errors).toEqual([
      expect.objectContaining({ field: 'admin', code: 'validation.unknown_field' }),
    ]);
    const long = expectProblem(
      await post('/api/session/login', JSON.stringify({ email: 'a@b.be', password: 'x'.repeat(10_000) })),
      400,
      'validation.failed',
    );
    expect(long.errors).toEqual([
      expect.objectContaining({
        field: 'password',
        code: 'validation.too_long',
        message: 'Gebruik hoogstens 200 tekens.',
      }),
    ]);
    const missing = expectProblem(
      await post('/api/session/login', JSON.stringify({ password: 'x' })),
      400,
      'validation.failed',
    );
    expect(missing.errors).toEqual([
      expect.objectContaining({ field: 'email', code: 'validation.required', message: 'Vul dit veld in.' }),
    ]);
  });

  it('injection strings are plain data: refused where they do not fit, stored as text where they do', async () => {
    const sqli = expectProblem(
      await post(
        '/api/session/login',
        JSON.stringify({ email: "' or 1=1 --@x.be", password: "'; drop table users; --" }),
      ),
      400,
      'validation.failed',
    );
    expect(sqli.errors[0].field).toBe('email');
    const name = "<script>alert(1)</script> Robert'); DROP TABLE users;--";
    const res = await app.inject({
      method: 'PATCH',
      url: '/api/account',
      payload: { name },
      headers: session.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().name).toBe(name);
    expect((await ctx.db.selectFrom('users').select('id').execute()).length).toBeGreaterThan(0);
  });

  it('control characters in a name are refused', async () => {
    const res = await app.inject({
      method: 'PATCH',
      url: '/api/account',
      payload: { name: 'Jan\u0000Janssens' },
      headers: session.headers,
    });
    const body = expectProblem(res, 400, 'validation.failed');
    expect(body.errors).toEqual([
      expect.objectContaining({ field: 'name', code: 'validation.control_characters' }),
    ]);
  });

  it('bad path and query parameters name the parameter', async () => {
    const res = await app.inject({
      method: 'DELETE',
      url: '/api/account/tokens/not-a-uuid',
      headers: session.headers,
    });
    const body = expectProblem(res, 400, 'validation.failed');
    expect(body.errors[0].field).toBe('params.id');
    const page = await app.inject({ method: 'GET', url: '/api/audit?page=-1', headers: session.headers });
    expect(expectProblem(page, 400, 'validation.failed').errors[0].field).toBe('querystring.page');
  });

  it('personal data is never cached', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/account', headers: session.headers });
    expect(res.headers['cache-control']).toBe('no-store');
  });
});
