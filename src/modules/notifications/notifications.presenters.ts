import { z } from 'zod';
import type { OutboxMessageRow } from './notifications.repository.ts';

export const mailLogMessageSchema = z.object({
  id: z.uuid(),
  organisationId: z
    .uuid()
    .nullable()
    .describe('Whose mail log it is in; null for messages of the platform itself.'),
  recipient: z.string(),
  subject: z.string(),
  bodyText: z.string(),
  status: z
    .enum(['pending', 'sent', 'logged', 'failed'])
    .describe('logged: no mail server is configured, so the message was only written to this log.'),
  transport: z.enum(['smtp', 'log']).nullable(),
  attempts: z.number().int(),
  lastError: z
    .string()
    .nullable()
    .describe('Why the last delivery attempt failed, as the mail server said it.'),
  messageId: z.string().describe('The Message-ID header the message is (or will be) sent with.'),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
});

export const mailLogPageSchema = z.object({
  items: z.array(mailLogMessageSchema),
  page: z.number().int(),
  perPage: z.number().int(),
  total: z.number().int(),
});

export function presentMailLogMessage(row: OutboxMessageRow): z.infer<typeof mailLogMessageSchema> {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    recipient: row.recipient,
    subject: row.subject,
    bodyText: row.body_text,
    status: row.status,
    transport: row.transport === 'smtp' || row.transport === 'log' ? row.transport : null,
    attempts: row.attempts,
    lastError: row.last_error,
    messageId: row.message_id,
    createdAt: row.created_at.toISOString(),
    sentAt: row.sent_at?.toISOString() ?? null,
  };
}

export function presentMailLogPage(page: {
  messages: OutboxMessageRow[];
  page: number;
  perPage: number;
  total: number;
}): z.infer<typeof mailLogPageSchema> {
  return {
    items: page.messages.map(presentMailLogMessage),
    page: page.page,
    perPage: page.perPage,
    total: page.total,
  };
}
