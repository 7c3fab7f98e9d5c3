import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestContext, type TestContext } from '../../../test/harness/context.ts';
import { loginAs } from '../../../test/harness/factories.ts';
import { loadConfig } from '../../platform/config.ts';
import type { App } from '../../platform/http/app.ts';
import { DEMO_PASSWORD, demoUsers } from './demo.models.ts';
import { hasDemo, loadDemo } from './demo.usecases.ts';

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

describe('the demo region', () => {
  it('loads five West-Flemish municipalities, fictional organisations and one account per role, once', async () => {
    expect(await loadDemo({ ctx })).toEqual({ loaded: true });
    expect(await loadDemo({ ctx })).toEqual({ loaded: false });
    expect(await hasDemo({ ctx })).toBe(true);
    const names = (
      await ctx.db.selectFrom('municipalities').select('name_nl').orderBy('name_nl').execute()
    ).map((m) => m.name_nl);
    expect(names).toEqual(['Brugge', 'Kortrijk', 'Oostende', 'Poperinge', 'Roeselare']);
    const orgs = await ctx.db.selectFrom('organisations').select('name').execute();
    expect(orgs.every((o) => /demo/i.test(o.name))).toBe(true);
    for (const u of demoUsers) {
      expect(u.email.endsWith('.invalid')).toBe(true);
      const s = await loginAs(app, { email: u.email, password: DEMO_PASSWORD });
      const session = (await app.inject({ method: 'GET', url: '/api/session', headers: s.headers })).json();
      if (u.role) expect(session.memberships).toEqual([expect.objectContaining({ role: u.role })]);
      else expect(session.user.isPlatformAdmin).toBe(true);
    }
  });

  it('is refused in production', async () => {
    const production = { ...ctx, config: loadConfig({ NODE_ENV: 'production' }) };
    await expect(loadDemo({ ctx: production })).rejects.toMatchObject({ code: 'demo.refused_in_production' });
  });
});
