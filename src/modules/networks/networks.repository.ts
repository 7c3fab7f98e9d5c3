import { type Kysely, sql } from 'kysely';
import type { NetworkMapDocument } from '../../contracts/networks.ts';
import type { DB } from '../../platform/db/schema.ts';

export interface ClientKey {
  organisationId: string;
  clientId: string;
}

/** The current map with the name of whoever saved it last (null when that account is gone). */
export async function findMap(db: Kysely<DB>, key: ClientKey) {
  return db
    .selectFrom('network_maps as m')
    .leftJoin('users as u', 'u.id', 'm.updated_by')
    .select(['m.document', 'm.version', 'm.updated_at', 'm.updated_by', 'u.name as updated_by_name'])
    .where('m.organisation_id', '=', key.organisationId)
    .where('m.client_id', '=', key.clientId)
    .executeTakeFirst();
}
export type MapRow = NonNullable<Awaited<ReturnType<typeof findMap>>>;

interface MapWrite extends ClientKey {
  document: NetworkMapDocument;
  at: Date;
  by: string;
}

/**
 * Saves the map if it is still at `expectedVersion`, in one statement, so two
 * saves from the same version cannot both succeed: the first save inserts (or
 * bumps the version) and the second finds a row already there (or the version
 * moved on). Answers the new version, or undefined when the save lost.
 */
export async function saveMapAtVersion(
  db: Kysely<DB>,
  write: MapWrite,
  expectedVersion: number,
): Promise<number | undefined> {
  const document = JSON.stringify(write.document);
  if (expectedVersion === 0) {
    const row = await db
      .insertInto('network_maps')
      .values({
        organisation_id: write.organisationId,
        client_id: write.clientId,
        document,
        version: 1,
        updated_at: write.at,
        updated_by: write.by,
      })
      .onConflict((oc) => oc.columns(['organisation_id', 'client_id']).doNothing())
      .returning('version')
      .executeTakeFirst();
    return row?.version;
  }
  const row = await db
    .updateTable('network_maps')
    .set((eb) => ({
      document,
      version: eb('version', '+', 1),
      updated_at: write.at,
      updated_by: write.by,
    }))
    .where('organisation_id', '=', write.organisationId)
    .where('client_id', '=', write.clientId)
    .where('version', '=', expectedVersion)
    .returning('version')
    .executeTakeFirst();
  return row?.version;
}

export async function insertSnapshot(
  db: Kysely<DB>,
  snapshot: ClientKey & {
    id: string;
    takenOn: string;
    label: string | null;
    document: NetworkMapDocument;
    mapVersion: number;
    at: Date;
    by: string;
  },
) {
  await db
    .insertInto('network_snapshots')
    .values({
      organisation_id: snapshot.organisationId,
      client_id: snapshot.clientId,
      id: snapshot.id,
      taken_on: snapshot.takenOn,
      label: snapshot.label,
      document: JSON.stringify(snapshot.document),
      map_version: snapshot.mapVersion,
      created_at: snapshot.at,
      created_by: snapshot.by,
    })
    .execute();
}

const count = (path: string[]) =>
  sql<number>`coalesce(jsonb_array_length(s.document #> ${sql.lit(`{${path.join(',')}}`)}), 0)`;

/** Snapshots of a client, newest date first, with counts but without their documents. */
export async function listSnapshots(db: Kysely<DB>, key: ClientKey) {
  return db
    .selectFrom('network_snapshots as s')
    .leftJoin('users as u', 'u.id', 's.created_by')
    .select([
      's.id',
      sql<string>`to_char(s.taken_on, 'YYYY-MM-DD')`.as('taken_on'),
      's.label',
      's.map_version',
      's.created_at',
      's.created_by',
      'u.name as created_by_name',
      count(['ecogram', 'members']).as('members'),
      count(['ecogram', 'ties']).as('ties'),
      count(['genogram', 'people']).as('people'),
      count(['strengths', 'cards']).as('cards'),
    ])
    .where('s.organisation_id', '=', key.organisationId)
    .where('s.client_id', '=', key.clientId)
    .orderBy('s.taken_on', 'desc')
    .orderBy('s.created_at', 'desc')
    .orderBy('s.id')
    .execute();
}

/** One snapshot with its document. */
export async function findSnapshot(db: Kysely<DB>, key: ClientKey, id: string) {
  return db
    .selectFrom('network_snapshots as s')
    .leftJoin('users as u', 'u.id', 's.created_by')
    .select([
      's.id',
      sql<string>`to_char(s.taken_on, 'YYYY-MM-DD')`.as('taken_on'),
      's.label',
      's.map_version',
      's.document',
      's.created_at',
      's.created_by',
      'u.name as created_by_name',
    ])
    .where('s.organisation_id', '=', key.organisationId)
    .where('s.client_id', '=', key.clientId)
    .where('s.id', '=', id)
    .executeTakeFirst();
}
export type SnapshotRow = NonNullable<Awaited<ReturnType<typeof findSnapshot>>>;

/** Every snapshot of a client with its document, oldest first (for the access request). */
export async function listSnapshotsWithDocuments(db: Kysely<DB>, key: ClientKey) {
  return db
    .selectFrom('network_snapshots')
    .select([
      'id',
      sql<string>`to_char(taken_on, 'YYYY-MM-DD')`.as('taken_on'),
      'label',
      'map_version',
      'document',
      'created_at',
    ])
    .where('organisation_id', '=', key.organisationId)
    .where('client_id', '=', key.clientId)
    .orderBy('taken_on')
    .orderBy('created_at')
    .execute();
}
