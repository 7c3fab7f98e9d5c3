import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectGuarded } from '../../../test/harness/access.ts';
import { createTestApp, createTestContext, type TestContext } from '../../../test/harness/context.ts';
import { createTenant, createUser, loginAs } from '../../../test/harness/factories.ts';
import type { App } from '../../platform/http/app.ts';
import { recordAudit } from './audit.usecases.ts';

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

describe('the audit log', () => {
  it("shows an organisation's admins and coordinators their own organisation's entries, newest first", async () => {
    const mine = await createTenant(ctx);
    const theirs = await createTenant(ctx);
    const admin = await loginAs(
      app,
      await createUser(ctx, { organisationId: mine.organisation.id, role: 'admin' }),
    );
    const coordinator = await loginAs(
      app,
      await createUser(ctx, { organisationId: mine.organisation.id, role: 'coordinator' }),
    );
    const worker = await loginAs(
      app,
      await createUser(ctx, { organisationId: mine.organisation.id, role: 'worker' }),
    );
    const otherAdmin = await loginAs(
      app,
      await createUser(ctx, { organisationId: theirs.organisation.id, role: 'admin' }),
    );
    await app.inject({
      method: 'POST',
      url: `/api/admin/organisations/${mine.organisation.id}/invitations`,
      payload: { email: 'audit.test@example.org', name: 'Audit Test', role: 'worker' },
      headers: admin.headers,
    });
    const url = `/api/audit?organisationId=${mine.organisation.id}`;
    const res = await expectGuarded(
      app,
      { method: 'GET', url },
      { wrongRole: worker, wrongTenant: otherAdmin, allowed: coordinator },
    );
    const body = res.json();
    expect(body.items[0]).toMatchObject({
      action: 'accounts.invitation_sent',
      organisationId: mine.organisation.id,
    });
    expect(JSON.stringify(body)).not.toContain('audit.test@example.org');
    const otherLog = await app.inject({ method: 'GET', url: '/api/audit', headers: otherAdmin.headers });
    expect(
      otherLog
        .json()
        .items.every((i: { organisationId: string }) => i.organisationId === theirs.organisation.id),
    ).toBe(true);
  });

  it('cannot be changed or deleted, not even by the database user', async () => {
    await recordAudit(ctx.db, ctx.clock.now(), {
      actorUserId: null,
      organisationId: null,
      action: 'test.entry',
      subjectType: 'test',
      subjectId: null,
    });
    await expect(ctx.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    await expect(ctx.db.updateTable('audit_log').set({ action: 'x' }).execute()).rejects.toThrow(
      /append-only/,
    );
  });
});
