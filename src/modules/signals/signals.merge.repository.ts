import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/** Signals of the same municipality since a date that could match on any field, except this one. */
export const listDuplicateCandidates = (
  db: Kysely<DB>,
  q: { municipalityId: string; organisationId: string; exceptId: string; since: Date },
) =>
  db
    .selectFrom('signals')
    .select([
      'id',
      'municipality_id',
      'reference',
      'status',
      'urgency',
      'person_name',
      'person_street',
      'person_postcode',
      'description',
      'reporter_email',
      'reporter_phone',
      'created_at',
    ])
    .where('municipality_id', '=', q.municipalityId)
    .where('organisation_id', '=', q.organisationId)
    .where('id', '<>', q.exceptId)
    .where('merged_into_id', 'is', null)
    .where('created_at', '>=', q.since)
    .where((eb) =>
      eb.or([
        eb('person_street', 'is not', null),
        eb('person_name', 'is not', null),
        eb('reporter_email', 'is not', null),
        eb('reporter_phone', 'is not', null),
      ]),
    )
    .orderBy('created_at', 'desc')
    .limit(500)
    .execute();

export const markMerged = (
  db: Kysely<DB>,
  m: { municipalityId: string; id: string; intoId: string; at: Date },
) =>
  db
    .updateTable('signals')
    .set({ status: 'closed', merged_into_id: m.intoId, closed_at: m.at, updated_at: m.at })
    .where('municipality_id', '=', m.municipalityId)
    .where('id', '=', m.id)
    .execute();

/** The signals merged into this one, for its file. */
export const listMergedInto = (db: Kysely<DB>, municipalityId: string, id: string) =>
  db
    .selectFrom('signals')
    .select([
      'id',
      'reference',
      'created_at',
      'signs',
      'description',
      'reporter_anonymous',
      'reporter_name',
      'reporter_phone',
      'reporter_email',
      'reporter_locale',
    ])
    .where('municipality_id', '=', municipalityId)
    .where('merged_into_id', '=', id)
    .orderBy('created_at')
    .execute();
