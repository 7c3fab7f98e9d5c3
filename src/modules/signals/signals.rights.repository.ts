import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { SignalInformationRecordsTable } from './signals.tables.ts';

export const upsertInformationRecord = (db: Kysely<DB>, row: Insertable<SignalInformationRecordsTable>) =>
  db
    .insertInto('signal_information_records')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['municipality_id', 'signal_id']).doUpdateSet({
        kind: row.kind,
        method: row.method ?? null,
        exception: row.exception ?? null,
        reason: row.reason ?? null,
        recorded_by: row.recorded_by,
        recorded_at: row.recorded_at,
      }),
    )
    .execute();

export const findInformationRecord = (db: Kysely<DB>, municipalityId: string, signalId: string) =>
  db
    .selectFrom('signal_information_records')
    .leftJoin('users', 'users.id', 'signal_information_records.recorded_by')
    .select([
      'signal_information_records.kind',
      'signal_information_records.method',
      'signal_information_records.exception',
      'signal_information_records.reason',
      'signal_information_records.recorded_at',
      'users.name as recorded_by_name',
    ])
    .where('signal_information_records.municipality_id', '=', municipalityId)
    .where('signal_information_records.signal_id', '=', signalId)
    .executeTakeFirst();

/** Signals of a municipality that are (still) about someone with this name or address, for an access request. */
export const findSignalsAbout = (db: Kysely<DB>, municipalityId: string) =>
  db
    .selectFrom('signals')
    .select(['id', 'municipality_id', 'person_name', 'person_street'])
    .where('municipality_id', '=', municipalityId)
    .where('anonymised_at', 'is', null)
    .where((eb) => eb.or([eb('person_name', 'is not', null), eb('person_street', 'is not', null)]))
    .orderBy('created_at')
    .execute();
