/** The job queue that delivers outbox messages. */
export const OUTBOX_QUEUE = 'outbox.deliver';

/**
 * With the runner's default backoff (10 s doubling, at most an hour, half of it
 * jitter) twelve attempts keep trying for roughly two to three hours: long
 * enough to ride out a mail relay's restart or maintenance.
 */
export const OUTBOX_MAX_ATTEMPTS = 12;

const FALLBACK_DOMAIN = 'verbonden.invalid';

/** The domain of the sender address in MAIL_FROM ("Name <a@b.be>" or "a@b.be"). */
export function senderDomain(mailFrom: string): string {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(mailFrom.trim());
  return match?.[1]?.toLowerCase() ?? FALLBACK_DOMAIN;
}

/**
 * The Message-ID of an outbox row, fixed when the row is made: if a delivery is
 * ever repeated (see ADR 0005), both copies carry the same Message-ID, which
 * mail servers and clients use to recognise duplicates.
 */
export function messageIdFor(outboxMessageId: string, mailFrom: string): string {
  return `<${outboxMessageId}@${senderDomain(mailFrom)}>`;
}

/**
 * True when the mail server refused the message for good (a 5xx reply other
 * than 503): sending it again would be refused again. Nodemailer marks such
 * errors `permanent`.
 */
export function isPermanentRefusal(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { permanent?: unknown }).permanent === true;
}
