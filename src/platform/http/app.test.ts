import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestContext, type TestContext } from '../../../test/harness/context.ts';
import { type App, buildApp } from './app.ts';

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

describe('the HTTP platform', () => {
  it('reports health with the database kind and version', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ok',
      database: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite',
      version: '0.0.0-test',
    });
  });

  it('answers unknown API routes with a translated 404 problem', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/nope',
      headers: { 'accept-language': 'fr-BE,fr;q=0.9' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      status: 404,
      code: 'http.not_found',
      title: "Cette page ou cette adresse n'existe pas.",
    });
  });

  it('sends strict security headers', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('sends HSTS only when served over https', async () => {
    const secure = await buildApp({
      ctx: { ...ctx, config: { ...ctx.config, publicUrl: 'https://verbonden.example.org' } },
      modules: [],
      version: 't',
    });
    const res = await secure.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    await secure.close();
  });

  it('gives the API docs page the same strict policy as every page', async () => {
    const page = await app.inject({ method: 'GET', url: '/api/docs' });
    const health = await app.inject({ method: 'GET', url: '/healthz' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toBe(health.headers['content-security-policy']);
  });

  it('serves an OpenAPI 3.1 description', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.json().openapi).toBe('3.1.0');
  });
});
