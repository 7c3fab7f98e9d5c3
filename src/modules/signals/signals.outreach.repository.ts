import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { SignalContactAttemptsTable } from './signals.tables.ts';

export const insertContactAttempt = (db: Kysely<DB>, row: Insertable<SignalContactAttemptsTable>) =>
  db.insertInto('signal_contact_attempts').values(row).execute();

export const listContactAttempts = (db: Kysely<DB>, municipalityId: string, signalId: string) =>
  db
    .selectFrom('signal_contact_attempts')
    .innerJoin('users', 'users.id', 'signal_contact_attempts.actor_user_id')
    .select([
      'signal_contact_attempts.id',
      'signal_contact_attempts.method',
      'signal_contact_attempts.result',
      'signal_contact_attempts.note',
      'signal_contact_attempts.attempted_at',
      'users.name as actor_name',
    ])
    .where('signal_contact_attempts.municipality_id', '=', municipalityId)
    .where('signal_contact_attempts.signal_id', '=', signalId)
    .orderBy('signal_contact_attempts.attempted_at')
    .orderBy('signal_contact_attempts.created_at')
    .execute();
