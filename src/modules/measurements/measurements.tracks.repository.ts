import { type Insertable, type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { MeasurementTracksTable } from './measurements.tables.ts';

type Key = { organisationId: string; clientId: string };

export async function insertTrack(db: Kysely<DB>, row: Insertable<MeasurementTracksTable>) {
  await db.insertInto('measurement_tracks').values(row).execute();
}

export async function listTracks(db: Kysely<DB>, key: Key) {
  return db
    .selectFrom('measurement_tracks')
    .select([
      'id',
      'instrument_id',
      'context',
      'service_type',
      'service_id',
      'service_name',
      'follow_up_months',
      'self_fill',
      'status',
      'created_at',
    ])
    .select(sql<string>`to_char(started_on, 'YYYY-MM-DD')`.as('started_on'))
    .where('organisation_id', '=', key.organisationId)
    .where('client_id', '=', key.clientId)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Per track, the occasions (0 = baseline, or months) already measured. */
export async function measuredOccasions(db: Kysely<DB>, key: Key) {
  return db
    .selectFrom('client_measurements')
    .select(['id', 'track_id', 'occasion_months'])
    .select(sql<string>`to_char(taken_on, 'YYYY-MM-DD')`.as('taken_on'))
    .where('organisation_id', '=', key.organisationId)
    .where('client_id', '=', key.clientId)
    .where('track_id', 'is not', null)
    .execute();
}

export async function occasionMeasured(db: Kysely<DB>, key: Key, trackId: string, months: number) {
  const row = await db
    .selectFrom('client_measurements')
    .select('id')
    .where('organisation_id', '=', key.organisationId)
    .where('client_id', '=', key.clientId)
    .where('track_id', '=', trackId)
    .where('occasion_months', '=', months)
    .executeTakeFirst();
  return row !== undefined;
}

export async function stopTrack(db: Kysely<DB>, key: Key, trackId: string): Promise<boolean> {
  const r = await db
    .updateTable('measurement_tracks')
    .set({ status: 'stopped' })
    .where('organisation_id', '=', key.organisationId)
    .where('client_id', '=', key.clientId)
    .where('id', '=', trackId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Claims the reminder of one occasion; false when it was already sent. */
export async function claimReminder(db: Kysely<DB>, key: Key, trackId: string, months: number, at: Date) {
  const row = await db
    .insertInto('measurement_reminders')
    .values({
      organisation_id: key.organisationId,
      client_id: key.clientId,
      track_id: trackId,
      occasion_months: months,
      sent_at: at,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('track_id')
    .executeTakeFirst();
  return row !== undefined;
}
