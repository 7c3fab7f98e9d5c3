import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestContext, type TestContext } from '../../../test/harness/context.ts';
import { createUser, loginAs } from '../../../test/harness/factories.ts';
import type { App } from '../../platform/http/app.ts';
import { JobRunner } from '../../platform/jobs/runner.ts';
import { accountsJobs, CLEANUP_QUEUE, scheduleAccountsCleanup } from './accounts.jobs.ts';

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

describe('the hourly accounts clean-up', () => {
  it('removes expired sessions and rate-limit events older than a day, and schedules exactly one next run', async () => {
    const user = await createUser(ctx);
    await loginAs(app, user);
    await app.inject({
      method: 'POST',
      url: '/api/session/login',
      payload: { email: user.email, password: 'fout fout fout' },
    });
    await scheduleAccountsCleanup(ctx);
    await scheduleAccountsCleanup(ctx);
    const runner = new JobRunner({ ctx, handlers: accountsJobs });
    ctx.clock.advance(25 * 3_600_000);
    expect((await runner.runDue()).done).toBe(1);
    expect(await ctx.db.selectFrom('sessions').selectAll().execute()).toEqual([]);
    expect(await ctx.db.selectFrom('rate_limit_events').selectAll().execute()).toEqual([]);
    const pending = await ctx.db
      .selectFrom('jobs')
      .select('run_at')
      .where('queue', '=', CLEANUP_QUEUE)
      .where('status', '=', 'pending')
      .execute();
    expect(pending).toHaveLength(1);
    expect(pending[0]?.run_at.getTime()).toBeGreaterThan(ctx.clock.now().getTime());
  });
});
