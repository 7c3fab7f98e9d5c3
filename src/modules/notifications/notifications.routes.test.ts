import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/harness/context.ts';
import { createTenant, createUser } from '../../../test/harness/factories.ts';
import { buildApp } from '../../platform/http/app.ts';
import { newId, randomToken, sha256 } from '../../platform/ids.ts';
import { notificationsRoutes } from './notifications.routes.ts';
import { queueEmail } from './notifications.usecases.ts';

let ctx: TestContext;
let app: Awaited<ReturnType<typeof buildApp>>;
const as: Record<'platformAdmin' | 'adminA' | 'workerA' | 'adminB', Record<string, string>> = {
  platformAdmin: {},
  adminA: {},
  workerA: {},
  adminB: {},
};
const ids = { a: '', b: '', platform: '', orgA: '' };

/** Authorization headers with a fresh API token of the user. */
async function bearer(userId: string): Promise<Record<string, string>> {
  const token = `vb_${randomToken()}`;
  await ctx.db
    .insertInto('api_tokens')
    .values({
      id: newId(),
      user_id: userId,
      name: 'test',
      token_hash: sha256(token),
      prefix: token.slice(0, 8),
      created_at: ctx.clock.now(),
    })
    .execute();
  return { authorization: `Bearer ${token}` };
}

async function queue(organisationId: string | null, to: string) {
  ctx.clock.advance(60_000);
  const { outboxMessageId } = await ctx.db
    .transaction()
    .execute((trx) => queueEmail({ ctx, trx, organisationId, to, subject: `Voor ${to}`, text: `Dag ${to}` }));
  return outboxMessageId;
}

beforeAll(async () => {
  ctx = await createTestContext();
  app = await buildApp({ ctx, modules: [notificationsRoutes], version: '0.0.0-test' });
  await app.ready();
  const { organisation: orgA } = await createTenant(ctx);
  const { organisation: orgB } = await createTenant(ctx);
  as.platformAdmin = await bearer((await createUser(ctx, { platformAdmin: true })).id);
  as.adminA = await bearer((await createUser(ctx, { organisationId: orgA.id, role: 'admin' })).id);
  as.workerA = await bearer((await createUser(ctx, { organisationId: orgA.id, role: 'coordinator' })).id);
  as.adminB = await bearer((await createUser(ctx, { organisationId: orgB.id, role: 'admin' })).id);
  ids.orgA = orgA.id;
  ids.a = await queue(orgA.id, 'a@example.org');
  ids.b = await queue(orgB.id, 'b@example.org');
  ids.platform = await queue(null, 'platform@example.org');
});
afterAll(async () => {
  await app.close();
  await ctx.close();
});

const get = (url: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers: { 'accept-language': 'nl-BE', ...headers } });

describe('the mail log API', () => {
  it('asks anonymous callers to log in', async () => {
    for (const url of ['/api/notifications/mail-log', `/api/notifications/mail-log/${ids.a}`]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(401);
      expect(res.json()).toMatchObject({ code: 'auth.unauthenticated' });
    }
  });

  it('refuses people who administer no organisation', async () => {
    for (const url of ['/api/notifications/mail-log', `/api/notifications/mail-log/${ids.a}`]) {
      const res = await get(url, as.workerA);
      expect(res.statusCode, url).toBe(403);
      expect(res.json()).toMatchObject({ code: 'auth.forbidden' });
    }
  });

  it('shows a platform admin every message, newest first, one page at a time', async () => {
    const first = await get('/api/notifications/mail-log?per_page=2', as.platformAdmin);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ page: 1, perPage: 2, total: 3 });
    expect(first.json().items.map((m: { id: string }) => m.id)).toEqual([ids.platform, ids.b]);

    const second = await get('/api/notifications/mail-log?per_page=2&page=2', as.platformAdmin);
    expect(second.json().items.map((m: { id: string }) => m.id)).toEqual([ids.a]);
  });

  it('shows an organisation admin only the messages of their own organisation', async () => {
    const res = await get('/api/notifications/mail-log', as.adminA);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total: 1, items: [{ id: ids.a, recipient: 'a@example.org' }] });

    expect((await get(`/api/notifications/mail-log/${ids.a}`, as.adminA)).statusCode).toBe(200);
    const reads = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'organisation_id'])
      .where('subject_id', '=', ids.a)
      .execute();
    expect(reads).toEqual([{ action: 'notifications.mail_read', organisation_id: ids.orgA }]);
    for (const id of [ids.b, ids.platform]) {
      const hidden = await get(`/api/notifications/mail-log/${id}`, as.adminA);
      expect(hidden.statusCode).toBe(404);
      expect(hidden.json()).toMatchObject({
        code: 'notifications.message_not_found',
        title: 'We vinden dit bericht niet. Misschien bestaat het niet, of mag je het niet bekijken.',
      });
    }
  });

  it('shows one message with its recipient, text, status, transport and times', async () => {
    const res = await get(`/api/notifications/mail-log/${ids.b}`, as.adminB);
    expect(res.statusCode).toBe(200);
    const message = res.json();
    expect(message).toMatchObject({
      id: ids.b,
      recipient: 'b@example.org',
      subject: 'Voor b@example.org',
      bodyText: 'Dag b@example.org',
      status: 'pending',
      transport: null,
      attempts: 0,
      lastError: null,
      sentAt: null,
    });
    expect(message.messageId).toBe(`<${ids.b}@verbonden.invalid>`);
    expect(Date.parse(message.createdAt)).toBeLessThanOrEqual(ctx.clock.now().getTime());
  });

  it('refuses a page size above 100 and an id that is not a UUID', async () => {
    const tooMany = await get('/api/notifications/mail-log?per_page=101', as.platformAdmin);
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().errors).toEqual([expect.objectContaining({ field: 'querystring.per_page' })]);
    expect((await get('/api/notifications/mail-log/not-an-id', as.platformAdmin)).statusCode).toBe(400);
  });
});
