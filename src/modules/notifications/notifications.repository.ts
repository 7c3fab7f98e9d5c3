import type { Kysely, Selectable } from 'kysely';
import type { DB, OutboxMessagesTable } from '../../platform/db/schema.ts';

export type OutboxMessageRow = Selectable<OutboxMessagesTable>;

export async function insertOutboxMessage(
  db: Kysely<DB>,
  message: {
    id: string;
    organisationId: string | null;
    recipient: string;
    subject: string;
    bodyText: string;
    messageId: string;
    createdAt: Date;
  },
): Promise<void> {
  await db
    .insertInto('outbox_messages')
    .values({
      id: message.id,
      organisation_id: message.organisationId,
      recipient: message.recipient,
      subject: message.subject,
      body_text: message.bodyText,
      message_id: message.messageId,
      created_at: message.createdAt,
    })
    .execute();
}

/** Locks the row until the transaction ends: a second deliverer of the same message waits here. */
export async function lockOutboxMessage(trx: Kysely<DB>, id: string): Promise<OutboxMessageRow | undefined> {
  return trx.selectFrom('outbox_messages').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function markOutboxMessageDelivered(
  trx: Kysely<DB>,
  id: string,
  delivery: { status: 'sent' | 'logged'; transport: 'smtp' | 'log'; at: Date },
): Promise<void> {
  await trx
    .updateTable('outbox_messages')
    .set((eb) => ({
      status: delivery.status,
      transport: delivery.transport,
      sent_at: delivery.at,
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', '=', id)
    .execute();
}

export async function recordOutboxFailure(
  trx: Kysely<DB>,
  id: string,
  failure: { error: string; final: boolean; transport: 'smtp' },
): Promise<void> {
  await trx
    .updateTable('outbox_messages')
    .set((eb) => ({
      status: failure.final ? 'failed' : 'pending',
      transport: failure.transport,
      last_error: failure.error,
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', '=', id)
    .execute();
}

export async function listOutboxMessages(
  db: Kysely<DB>,
  query: { organisationIds: string[] | null; limit: number; offset: number },
): Promise<{ rows: OutboxMessageRow[]; total: number }> {
  const { organisationIds } = query;
  let scoped = db.selectFrom('outbox_messages');
  if (organisationIds !== null) scoped = scoped.where('organisation_id', 'in', organisationIds);
  const [rows, count] = await Promise.all([
    scoped
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    scoped.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export async function findOutboxMessage(
  db: Kysely<DB>,
  query: { id: string; organisationIds: string[] | null },
): Promise<OutboxMessageRow | undefined> {
  let scoped = db.selectFrom('outbox_messages').selectAll().where('id', '=', query.id);
  if (query.organisationIds !== null) scoped = scoped.where('organisation_id', 'in', query.organisationIds);
  return scoped.executeTakeFirst();
}
