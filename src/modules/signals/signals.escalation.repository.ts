import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { EscalationStep } from './signals.models.ts';

export const findServiceLevels = (db: Kysely<DB>, municipalityId: string) =>
  db
    .selectFrom('signal_service_levels')
    .select(['triage_working_days', 'contact_working_days', 'retention_months'])
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirst();

export const upsertServiceLevels = (
  db: Kysely<DB>,
  s: {
    municipalityId: string;
    triageWorkingDays: number;
    contactWorkingDays: number;
    retentionMonths: number;
    at: Date;
  },
) =>
  db
    .insertInto('signal_service_levels')
    .values({
      municipality_id: s.municipalityId,
      triage_working_days: s.triageWorkingDays,
      contact_working_days: s.contactWorkingDays,
      retention_months: s.retentionMonths,
      updated_at: s.at,
    })
    .onConflict((oc) =>
      oc.column('municipality_id').doUpdateSet({
        triage_working_days: s.triageWorkingDays,
        contact_working_days: s.contactWorkingDays,
        retention_months: s.retentionMonths,
        updated_at: s.at,
      }),
    )
    .execute();

/** Records that a step escalated; false when it already had (the caller then sends nothing). */
export async function claimEscalation(
  db: Kysely<DB>,
  e: { municipalityId: string; signalId: string; step: EscalationStep; at: Date; recipients: number },
): Promise<boolean> {
  const result = await db
    .insertInto('signal_escalations')
    .values({
      municipality_id: e.municipalityId,
      signal_id: e.signalId,
      step: e.step,
      escalated_at: e.at,
      recipients: e.recipients,
    })
    .onConflict((oc) => oc.columns(['municipality_id', 'signal_id', 'step']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}
