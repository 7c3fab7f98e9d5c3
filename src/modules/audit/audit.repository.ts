import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

export async function findAuditEntries(
  db: Kysely<DB>,
  q: { organisationIds: string[] | 'all'; action?: string; page: number; perPage: number },
) {
  let base = db.selectFrom('audit_log');
  if (q.organisationIds !== 'all') {
    if (q.organisationIds.length === 0) return { rows: [], total: 0 };
    base = base.where('audit_log.organisation_id', 'in', q.organisationIds);
  }
  if (q.action) base = base.where('audit_log.action', '=', q.action);
  const [rows, count] = await Promise.all([
    base
      .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
      .select([
        'audit_log.id',
        'audit_log.at',
        'audit_log.actor_user_id',
        'users.name as actor_name',
        'audit_log.organisation_id',
        'audit_log.action',
        'audit_log.subject_type',
        'audit_log.subject_id',
        'audit_log.ip',
      ])
      .orderBy('audit_log.at', 'desc')
      .orderBy('audit_log.id', 'desc')
      .limit(q.perPage)
      .offset((q.page - 1) * q.perPage)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
