import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { findAuditEntries } from './audit.repository.ts';

export interface AuditEntry {
  actorUserId: string | null;
  organisationId: string | null;
  /** Dotted verb, e.g. accounts.login, signals.read. */
  action: string;
  subjectType: string;
  subjectId: string | null;
  ip?: string | null;
  /** Never personal data: ids, counts, field names. */
  details?: Record<string, unknown>;
}

/**
 * Appends one audit entry, inside the caller's transaction when one is given
 * so the entry exists exactly when the change does.
 */
export async function recordAudit(db: Kysely<DB>, at: Date, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at,
      actor_user_id: entry.actorUserId,
      organisation_id: entry.organisationId,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId,
      ip: entry.ip ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

/** Who and from where, for an audit entry about a request. */
export function requestOrigin(request: FastifyRequest): { actorUserId: string | null; ip: string } {
  return { actorUserId: request.auth?.user.id ?? null, ip: request.ip };
}

/** A page of an organisation's audit log (or the whole log, for platform admins). */
export async function listAudit(input: {
  ctx: AppContext;
  organisationIds: string[] | 'all';
  action?: string;
  page: number;
  perPage: number;
}) {
  return findAuditEntries(input.ctx.db, input);
}
