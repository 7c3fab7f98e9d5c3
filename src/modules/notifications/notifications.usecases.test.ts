import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/harness/context.ts';
import { type SinkReply, SmtpSink } from '../../../test/harness/smtp-sink.ts';
import type { AppContext } from '../../platform/context.ts';
import { type Database, openDatabase } from '../../platform/db/database.ts';
import { JobRunner } from '../../platform/jobs/runner.ts';
import { notificationJobs } from './notifications.jobs.ts';
import { OUTBOX_QUEUE } from './notifications.models.ts';
import { deliverOutboxMessage, queueEmail } from './notifications.usecases.ts';

let ctx: TestContext;
let sink: SmtpSink | undefined;
beforeAll(async () => {
  ctx = await createTestContext({ MAIL_FROM: 'Verbonden Gent <noreply@gent.example>' });
});
afterEach(async () => {
  await sink?.close();
  sink = undefined;
});
afterAll(async () => {
  await ctx.close();
});

/** The context with SMTP_URL pointing at a fresh sink that answers as `reply` says. */
async function withSmtp(reply?: (n: number) => SinkReply): Promise<AppContext> {
  sink = await SmtpSink.start(reply);
  return { ...ctx, config: { ...ctx.config, smtpUrl: sink.url } };
}

const runner = (on: AppContext) => new JobRunner({ ctx: on, handlers: notificationJobs, random: () => 1 });

async function queue(to = 'an@example.org', on: AppContext = ctx) {
  return on.db
    .transaction()
    .execute((trx) =>
      queueEmail({ ctx: on, trx, organisationId: null, to, subject: 'Welkom', text: 'Dag An,\n\nWelkom!' }),
    );
}

const outboxRow = (id: string) =>
  ctx.db.selectFrom('outbox_messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const deliveryJob = (id: string) =>
  ctx.db
    .selectFrom('jobs')
    .selectAll()
    .where('queue', '=', OUTBOX_QUEUE)
    .where('key', '=', id)
    .executeTakeFirstOrThrow();

describe('the email outbox', () => {
  it('queues nothing, neither message nor job, when the surrounding transaction rolls back', async () => {
    let id = '';
    await expect(
      ctx.db.transaction().execute(async (trx) => {
        ({ outboxMessageId: id } = await queueEmail({
          ctx,
          trx,
          organisationId: null,
          to: 'an@example.org',
          subject: 'Uitnodiging',
          text: 'Hallo',
        }));
        throw new Error('the invitation could not be saved');
      }),
    ).rejects.toThrow();
    expect(await ctx.db.selectFrom('outbox_messages').select('id').where('id', '=', id).execute()).toEqual(
      [],
    );
    expect(await ctx.db.selectFrom('jobs').select('id').where('key', '=', id).execute()).toEqual([]);
  });

  it('sends a queued email over SMTP exactly once, with its sender, text and stable Message-ID', async () => {
    const smtp = await withSmtp();
    const { outboxMessageId, messageId } = await queue('an@example.org', smtp);

    expect(await runner(smtp).runDue()).toMatchObject({ claimed: 1, done: 1 });
    expect(await runner(smtp).runDue()).toMatchObject({ claimed: 0 });

    expect(sink?.accepted).toHaveLength(1);
    const mail = sink?.accepted[0];
    expect(mail?.messageId).toBe(messageId);
    expect(messageId).toBe(`<${outboxMessageId}@gent.example>`);
    expect(mail?.from?.value).toEqual([{ address: 'noreply@gent.example', name: 'Verbonden Gent' }]);
    expect(mail?.subject).toBe('Welkom');
    expect(mail?.text?.trim()).toBe('Dag An,\n\nWelkom!');
    expect(await outboxRow(outboxMessageId)).toMatchObject({
      status: 'sent',
      transport: 'smtp',
      attempts: 1,
      sent_at: ctx.clock.now(),
    });
  });

  it('writes the email to the mail log instead when no SMTP server is configured', async () => {
    const { outboxMessageId } = await queue();

    expect(await runner(ctx).runDue()).toMatchObject({ claimed: 1, done: 1 });

    expect(await outboxRow(outboxMessageId)).toMatchObject({
      status: 'logged',
      transport: 'log',
      sent_at: ctx.clock.now(),
    });
    expect(await deliveryJob(outboxMessageId)).toMatchObject({ status: 'done' });
  });

  it('keeps an email the mail server defers pending, and sends it on a later attempt', async () => {
    const smtp = await withSmtp((n) => (n === 1 ? { code: 451, message: 'Try again later' } : 'accept'));
    const { outboxMessageId } = await queue('bo@example.org', smtp);

    expect(await runner(smtp).runDue()).toMatchObject({ claimed: 1, retried: 1 });
    const deferred = await outboxRow(outboxMessageId);
    expect(deferred).toMatchObject({ status: 'pending', attempts: 1 });
    expect(deferred.last_error).toContain('451');

    ctx.clock.advance(10_000);
    expect(await runner(smtp).runDue()).toMatchObject({ claimed: 1, done: 1 });
    expect(await outboxRow(outboxMessageId)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(sink?.accepted).toHaveLength(1);
  });

  it('marks an email failed without retrying when the mail server refuses it for good', async () => {
    const smtp = await withSmtp(() => ({ code: 550, message: 'No such mailbox' }));
    const { outboxMessageId } = await queue('nobody@example.org', smtp);

    expect(await runner(smtp).runDue()).toMatchObject({ claimed: 1, failed: 1 });

    const refused = await outboxRow(outboxMessageId);
    expect(refused).toMatchObject({ status: 'failed', attempts: 1, sent_at: null });
    expect(refused.last_error).toContain('550');
    expect(await deliveryJob(outboxMessageId)).toMatchObject({ status: 'failed', attempts: 1 });
    expect(sink?.accepted).toHaveLength(0);
  });

  it('marks an email failed when its last attempt is deferred too', async () => {
    const smtp = await withSmtp(() => ({ code: 421, message: 'Service not available' }));
    const { outboxMessageId } = await queue('cas@example.org', smtp);
    await ctx.db.updateTable('jobs').set({ max_attempts: 1 }).where('key', '=', outboxMessageId).execute();

    expect(await runner(smtp).runDue()).toMatchObject({ claimed: 1, failed: 1 });
    expect(await outboxRow(outboxMessageId)).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('sends an email once when two workers deliver it at the same moment', async () => {
    const smtp = await withSmtp();
    const { outboxMessageId } = await queue('dirk@example.org', smtp);
    // On PostgreSQL the second worker has its own pool, so the two really overlap on the row lock.
    const url = (ctx.database as Database & { url?: string }).url;
    const second = url ? await openDatabase({ url, poolSize: 2 }) : undefined;
    const other: AppContext = second ? { ...smtp, database: second, db: second.db } : smtp;
    try {
      const outcomes = await Promise.all([
        deliverOutboxMessage({ ctx: smtp, outboxMessageId, lastAttempt: false }),
        deliverOutboxMessage({ ctx: other, outboxMessageId, lastAttempt: false }),
      ]);
      expect(outcomes.map((o) => o.outcome).sort()).toEqual(['sent', 'skipped']);
    } finally {
      await second?.close();
    }
    expect(sink?.accepted).toHaveLength(1);
    expect(await outboxRow(outboxMessageId)).toMatchObject({ status: 'sent', attempts: 1 });
  });
});
