import type { Insertable } from 'kysely';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { ClientMeasurementsTable } from './measurements.tables.ts';

type Key = { organisationId: string; clientId: string };

const dateText = (column: string) => sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

export async function findTrack(db: Kysely<DB>, key: Key, trackId: string) {
  return db
    .selectFrom('measurement_tracks')
    .select(['id', 'instrument_id', 'service_type', 'follow_up_months', 'self_fill', 'status'])
    .select(dateText('started_on').as('started_on'))
    .where('organisation_id', '=', key.organisationId)
    .where('client_id', '=', key.clientId)
    .where('id', '=', trackId)
    .executeTakeFirst();
}

export type NewMeasurement = Insertable<ClientMeasurementsTable>;

/** Inserts a measurement; false when its track occasion was already measured. */
export async function insertMeasurement(db: Kysely<DB>, row: NewMeasurement): Promise<boolean> {
  const inserted = await db
    .insertInto('client_measurements')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['organisation_id', 'client_id', 'track_id', 'occasion_months'])
        .where('track_id', 'is not', null)
        .where('occasion_months', 'is not', null)
        .doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** A client's measurements, newest first (or only the one with `id`). */
export async function listMeasurements(db: Kysely<DB>, key: Key, id?: string) {
  let query = db
    .selectFrom('client_measurements as m')
    .leftJoin('users as u', 'u.id', 'm.recorded_by')
    .select([
      'm.id',
      'm.instrument_id',
      'm.instrument_version',
      'm.mode',
      'm.answers',
      'm.threshold',
      'm.status',
      'm.total',
      'm.emotional',
      'm.social',
      'm.category',
      'm.emotional_category',
      'm.social_category',
      'm.track_id',
      'm.occasion_months',
      'm.recorded_by',
      'u.name as recorded_by_name',
      'm.created_at',
    ])
    .select(dateText('m.taken_on').as('taken_on'))
    .where('m.organisation_id', '=', key.organisationId)
    .where('m.client_id', '=', key.clientId);
  if (id) query = query.where('m.id', '=', id);
  return query.orderBy('m.taken_on', 'desc').orderBy('m.created_at', 'desc').execute();
}

export type MeasurementRow = Awaited<ReturnType<typeof listMeasurements>>[number];

export async function insertSelfFillLink(
  db: Kysely<DB>,
  row: {
    token_hash: string;
    organisation_id: string;
    client_id: string;
    id: string;
    instrument_id: ClientMeasurementsTable['instrument_id'];
    track_id: string | null;
    occasion_months: number | null;
    locale: 'nl-BE' | 'fr-BE' | 'en';
    created_by: string | null;
    created_at: Date;
    expires_at: Date;
  },
) {
  await db.insertInto('self_fill_links').values(row).execute();
}

/** The link by its token's hash; `forUpdate` inside the submitting transaction, so two submissions queue. */
export async function findSelfFillLink(db: Kysely<DB>, tokenHash: string, forUpdate = false) {
  let q = db.selectFrom('self_fill_links').selectAll().where('token_hash', '=', tokenHash);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function markSelfFillLinkUsed(
  db: Kysely<DB>,
  tokenHash: string,
  at: Date,
  measurementId: string,
): Promise<boolean> {
  const r = await db
    .updateTable('self_fill_links')
    .set({ used_at: at, measurement_id: measurementId })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
