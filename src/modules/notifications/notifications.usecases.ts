import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { newId } from '../../platform/ids.ts';
import { enqueue } from '../../platform/jobs/jobs.ts';
import { PermanentJobError } from '../../platform/jobs/runner.ts';
import { recordAudit } from '../audit/audit.usecases.ts';
import { messageNotFound } from './notifications.errors.ts';
import {
  isPermanentRefusal,
  messageIdFor,
  OUTBOX_MAX_ATTEMPTS,
  OUTBOX_QUEUE,
} from './notifications.models.ts';
import type { MailLogScope } from './notifications.policies.ts';
import {
  findOutboxMessage,
  insertOutboxMessage,
  listOutboxMessages,
  lockOutboxMessage,
  markOutboxMessageDelivered,
  type OutboxMessageRow,
  recordOutboxFailure,
} from './notifications.repository.ts';
import { sendOverSmtp } from './notifications.smtp.ts';

/**
 * Puts one email in the outbox. Pass the transaction of the change the email
 * is about: the email goes out (exactly once) if and only if that transaction
 * commits. Without SMTP_URL it lands in the mail log instead of being sent.
 * `organisationId` decides which organisation admins may read it in the mail
 * log; null means only platform admins.
 */
export async function queueEmail({
  ctx,
  trx,
  organisationId,
  to,
  subject,
  text,
}: {
  ctx: AppContext;
  trx: Kysely<DB>;
  organisationId: string | null;
  to: string;
  subject: string;
  text: string;
}): Promise<{ outboxMessageId: string; messageId: string }> {
  const id = newId();
  const now = ctx.clock.now();
  const messageId = messageIdFor(id, ctx.config.mailFrom);
  await insertOutboxMessage(trx, {
    id,
    organisationId,
    recipient: to,
    subject,
    bodyText: text,
    messageId,
    createdAt: now,
  });
  await enqueue(trx, {
    queue: OUTBOX_QUEUE,
    key: id,
    payload: { outboxMessageId: id },
    now,
    maxAttempts: OUTBOX_MAX_ATTEMPTS,
  });
  return { outboxMessageId: id, messageId };
}

export type DeliveryOutcome = 'sent' | 'logged' | 'skipped';

/**
 * Delivers one outbox message, holding its row lock from the check to the
 * commit: a second deliverer waits and then skips it, and a worker killed
 * mid-send leaves it pending for the next one. Throws when the mail server
 * did not accept it, after recording why (PermanentJobError when it refused
 * for good); on `lastAttempt` the message is then marked failed.
 */
export async function deliverOutboxMessage({
  ctx,
  outboxMessageId,
  lastAttempt,
}: {
  ctx: AppContext;
  outboxMessageId: string;
  lastAttempt: boolean;
}): Promise<{ outcome: DeliveryOutcome }> {
  const { smtpUrl, mailFrom } = ctx.config;
  const result = await ctx.db.transaction().execute(async (trx) => {
    const row = await lockOutboxMessage(trx, outboxMessageId);
    if (row?.status !== 'pending') return { outcome: 'skipped' as const };
    if (!smtpUrl) {
      await markOutboxMessageDelivered(trx, row.id, {
        status: 'logged',
        transport: 'log',
        at: ctx.clock.now(),
      });
      return { outcome: 'logged' as const };
    }
    try {
      await sendOverSmtp(smtpUrl, {
        from: mailFrom,
        to: row.recipient,
        subject: row.subject,
        text: row.body_text,
        messageId: row.message_id,
        date: row.created_at,
      });
    } catch (error) {
      const permanent = isPermanentRefusal(error);
      const message = error instanceof Error ? error.message : String(error);
      await recordOutboxFailure(trx, row.id, {
        error: message.slice(0, 2_000),
        final: permanent || lastAttempt,
        transport: 'smtp',
      });
      return { outcome: 'failed' as const, error, permanent, message };
    }
    await markOutboxMessageDelivered(trx, row.id, { status: 'sent', transport: 'smtp', at: ctx.clock.now() });
    return { outcome: 'sent' as const };
  });
  // Thrown only after the commit, so that the recorded failure survives.
  if (result.outcome === 'failed')
    throw result.permanent ? new PermanentJobError(result.message) : result.error;
  return { outcome: result.outcome };
}

/** One page of the mail log, newest first, limited to what the scope allows. */
export async function listMailLog({
  ctx,
  scope,
  page,
  perPage,
}: {
  ctx: AppContext;
  scope: MailLogScope;
  page: number;
  perPage: number;
}): Promise<{ messages: OutboxMessageRow[]; page: number; perPage: number; total: number }> {
  const { rows, total } = await listOutboxMessages(ctx.db, {
    organisationIds: scope.organisationIds,
    limit: perPage,
    offset: (page - 1) * perPage,
  });
  return { messages: rows, page, perPage, total };
}

/**
 * One message of the mail log; not found when it lies outside the scope. It
 * holds personal data (a recipient, a message to them), so each read is audited.
 */
export async function getMailLogMessage({
  ctx,
  scope,
  id,
  actorUserId,
  ip,
}: {
  ctx: AppContext;
  scope: MailLogScope;
  id: string;
  actorUserId: string;
  ip: string;
}): Promise<{ message: OutboxMessageRow }> {
  const message = await findOutboxMessage(ctx.db, { id, organisationIds: scope.organisationIds });
  if (!message) throw messageNotFound();
  await recordAudit(ctx.db, ctx.clock.now(), {
    actorUserId,
    organisationId: message.organisation_id,
    action: 'notifications.mail_read',
    subjectType: 'outbox_message',
    subjectId: message.id,
    ip,
  });
  return { message };
}
