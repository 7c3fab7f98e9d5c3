import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/** The client with the user ids assigned to it, and whether a registration consent is in force. */
export async function findClientForAccess(db: Kysely<DB>, clientId: string) {
  const client = await db
    .selectFrom('clients')
    .select(['organisation_id', 'id', 'given_name', 'family_name', 'municipality_nis', 'postcode', 'status'])
    .where('id', '=', clientId)
    .executeTakeFirst();
  if (!client) return undefined;
  const [workers, consent] = await Promise.all([
    db
      .selectFrom('client_workers')
      .select('user_id')
      .where('organisation_id', '=', client.organisation_id)
      .where('client_id', '=', clientId)
      .execute(),
    db
      .selectFrom('client_consents')
      .select('id')
      .where('organisation_id', '=', client.organisation_id)
      .where('client_id', '=', clientId)
      .where('kind', '=', 'registration')
      .where('withdrawn_at', 'is', null)
      .executeTakeFirst(),
  ]);
  return { client, assignedUserIds: workers.map((w) => w.user_id), registered: consent !== undefined };
}

export async function insertTimelineEvent(
  db: Kysely<DB>,
  event: {
    organisationId: string;
    clientId: string;
    id: string;
    at: Date;
    kind: string;
    actorUserId: string | null;
    refType?: string;
    refId?: string;
    details?: Record<string, unknown>;
  },
) {
  await db
    .insertInto('client_timeline')
    .values({
      organisation_id: event.organisationId,
      client_id: event.clientId,
      id: event.id,
      at: event.at,
      kind: event.kind,
      actor_user_id: event.actorUserId,
      ref_type: event.refType ?? null,
      ref_id: event.refId ?? null,
      details: JSON.stringify(event.details ?? {}),
    })
    .execute();
}

/** The client's email address while a 'self_fill' consent is in force; null otherwise. */
export async function findSelfFillAddress(
  db: Kysely<DB>,
  key: { organisationId: string; clientId: string },
): Promise<string | null> {
  const row = await db
    .selectFrom('clients')
    .innerJoin('client_consents as c', (join) =>
      join.onRef('c.organisation_id', '=', 'clients.organisation_id').onRef('c.client_id', '=', 'clients.id'),
    )
    .select('clients.email')
    .where('clients.organisation_id', '=', key.organisationId)
    .where('clients.id', '=', key.clientId)
    .where('c.kind', '=', 'self_fill')
    .where('c.withdrawn_at', 'is', null)
    .executeTakeFirst();
  return row?.email ?? null;
}

export async function findAssignedUserIds(
  db: Kysely<DB>,
  key: { organisationId: string; clientId: string },
): Promise<string[]> {
  const rows = await db
    .selectFrom('client_workers')
    .select('user_id')
    .where('organisation_id', '=', key.organisationId)
    .where('client_id', '=', key.clientId)
    .execute();
  return rows.map((r) => r.user_id);
}
