import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/**
 * Closed signals whose retention ran out (the municipality's months, 12 when
 * it set none), locked and skipped by any other run, a batch at a time.
 */
export const lockExpiredSignals = (db: Kysely<DB>, now: Date, limit: number) =>
  db
    .selectFrom('signals')
    .leftJoin('signal_service_levels as l', 'l.municipality_id', 'signals.municipality_id')
    .select(['signals.municipality_id', 'signals.id', 'signals.organisation_id'])
    .where('signals.closed_at', 'is not', null)
    .where('signals.anonymised_at', 'is', null)
    .where(sql<boolean>`signals.closed_at + coalesce(l.retention_months, 12) * interval '1 month' <= ${now}`)
    .orderBy('signals.closed_at')
    .limit(limit)
    .forUpdate('signals')
    .skipLocked()
    .execute();

/**
 * Removes the personal data of these signals: who it was about, the free
 * text, who reported it, the notes, what the outreach log says and why the
 * person was not informed. What the
 * numbers need stays: municipality, dates, status, outcome, urgency, source,
 * signs and the postcode.
 */
export async function anonymiseSignals(
  db: Kysely<DB>,
  keys: { municipality_id: string; id: string }[],
  at: Date,
) {
  for (const k of keys) {
    await db
      .updateTable('signals')
      .set({
        person_name: null,
        person_street: null,
        description: '',
        reporter_name: null,
        reporter_phone: null,
        reporter_email: null,
        reporter_user_id: null,
        anonymised_at: at,
      })
      .where('municipality_id', '=', k.municipality_id)
      .where('id', '=', k.id)
      .execute();
    await db
      .deleteFrom('signal_notes')
      .where('municipality_id', '=', k.municipality_id)
      .where('signal_id', '=', k.id)
      .execute();
    await db
      .updateTable('signal_information_records')
      .set({ reason: '' })
      .where('municipality_id', '=', k.municipality_id)
      .where('signal_id', '=', k.id)
      .where('kind', '=', 'exception')
      .execute();
    await db
      .updateTable('signal_contact_attempts')
      .set({ note: null })
      .where('municipality_id', '=', k.municipality_id)
      .where('signal_id', '=', k.id)
      .execute();
  }
}
