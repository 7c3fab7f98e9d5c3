import type { Kysely } from 'kysely';
import type { Principal } from '../../platform/auth/principal.ts';
import { publicUrl } from '../../platform/config.ts';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import { enqueue } from '../../platform/jobs/jobs.ts';
import { PermanentJobError } from '../../platform/jobs/runner.ts';
import { listMembers } from '../accounts/accounts.admin.usecases.ts';
import { recordAudit } from '../audit/audit.usecases.ts';
import { queueEmail } from '../notifications/notifications.usecases.ts';
import { addWorkingDays } from './signals.calendar.ts';
import * as escalation from './signals.escalation.repository.ts';
import { DEFAULT_SERVICE_LEVELS, type EscalationStep, stepOpen } from './signals.models.ts';
import { assertMeldpuntCoordinator } from './signals.policies.ts';
import * as repo from './signals.repository.ts';

export const ESCALATION_QUEUE = 'signals.escalate';

/** A municipality's service levels in working days, or the defaults. */
export async function getServiceLevels(input: { ctx: AppContext; municipalityId: string }) {
  const row = await escalation.findServiceLevels(input.ctx.db, input.municipalityId);
  return row
    ? {
        triageWorkingDays: row.triage_working_days,
        contactWorkingDays: row.contact_working_days,
        retentionMonths: row.retention_months,
      }
    : { ...DEFAULT_SERVICE_LEVELS };
}

/**
 * Sets a municipality's service levels; only its meldpunt's coordinators may.
 * New signals get the new deadlines; the retention applies at the next run.
 */
export async function setServiceLevels(input: {
  ctx: AppContext;
  principal: Principal;
  municipalityId: string;
  triageWorkingDays: number;
  contactWorkingDays: number;
  retentionMonths: number;
  ip: string;
}) {
  const { ctx, principal, municipalityId } = input;
  const organisationId = await repo.findMeldpuntOrganisation(ctx.db, municipalityId);
  assertMeldpuntCoordinator(principal, organisationId);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await escalation.upsertServiceLevels(trx, { ...input, at: now });
    await recordAudit(trx, now, {
      actorUserId: principal.user.id,
      organisationId,
      action: 'signals.service_levels_changed',
      subjectType: 'municipality',
      subjectId: municipalityId,
      ip: input.ip,
      details: {
        triage: input.triageWorkingDays,
        contact: input.contactWorkingDays,
        retentionMonths: input.retentionMonths,
      },
    });
  });
  return getServiceLevels({ ctx, municipalityId });
}

/** The deadlines of a signal received now in this municipality. */
export async function deadlinesFor(ctx: AppContext, municipalityId: string, receivedAt: Date) {
  const levels = await getServiceLevels({ ctx, municipalityId });
  return {
    triageDueAt: addWorkingDays(receivedAt, levels.triageWorkingDays),
    contactDueAt: addWorkingDays(receivedAt, levels.contactWorkingDays),
  };
}

/**
 * Schedules the escalation of both deadlines, in the transaction that stores
 * the signal: one job per signal and step (the key), whatever happens later.
 */
export async function scheduleEscalations(
  trx: Kysely<DB>,
  s: { municipalityId: string; signalId: string; now: Date; triageDueAt: Date; contactDueAt: Date },
) {
  const steps: [EscalationStep, Date][] = [
    ['triage', s.triageDueAt],
    ['contact', s.contactDueAt],
  ];
  for (const [step, runAt] of steps)
    await enqueue(trx, {
      queue: ESCALATION_QUEUE,
      key: `${s.municipalityId}:${s.signalId}:${step}`,
      payload: { municipalityId: s.municipalityId, signalId: s.signalId, step },
      now: s.now,
      runAt,
    });
}

/**
 * When a deadline passed and its step is still open, emails the meldpunt's
 * coordinators, exactly once per signal and step: the escalation row and the
 * emails commit together, so a job that runs twice (a restart, a second
 * instance) finds the row and sends nothing.
 */
export async function escalate(input: {
  ctx: AppContext;
  municipalityId: string;
  signalId: string;
  step: EscalationStep;
}): Promise<{ sent: number }> {
  const { ctx, municipalityId, signalId, step } = input;
  const signal = await repo.findSignal(ctx.db, municipalityId, signalId);
  if (!signal || !stepOpen(step, signal.status)) return { sent: 0 };
  const coordinators = (await listMembers({ ctx, organisationId: signal.organisation_id })).filter(
    (m) => m.active && m.role === 'coordinator',
  );
  const municipality = await repo.findMunicipalityName(ctx.db, municipalityId);
  const due = step === 'triage' ? signal.triage_due_at : signal.contact_due_at;
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await repo.lockSignal(trx, municipalityId, signalId);
    if (!locked || !stepOpen(step, locked.status)) return { sent: 0 };
    const now = ctx.clock.now();
    const claimed = await escalation.claimEscalation(trx, {
      municipalityId,
      signalId,
      step,
      at: now,
      recipients: coordinators.length,
    });
    if (!claimed) return { sent: 0 };
    for (const c of coordinators) {
      // Each coordinator reads it in the language they chose for the app.
      const t = translator(c.locale);
      await queueEmail({
        ctx,
        trx,
        organisationId: signal.organisation_id,
        to: c.email,
        subject: t(`signals.escalationEmail.subject.${step}`, { reference: signal.reference }),
        text: t(`signals.escalationEmail.body.${step}`, {
          name: c.name,
          reference: signal.reference,
          municipality,
          due: due.toLocaleString(c.locale, {
            timeZone: 'Europe/Brussels',
            dateStyle: 'long',
            timeStyle: 'short',
          }),
          url: `${publicUrl(ctx.config)}/signals/${municipalityId}/${signalId}`,
        }),
      });
    }
    await recordAudit(trx, now, {
      actorUserId: null,
      organisationId: signal.organisation_id,
      action: 'signals.escalated',
      subjectType: 'signal',
      subjectId: signalId,
      details: { step, recipients: coordinators.length },
    });
    return { sent: coordinators.length };
  });
}

/** The escalation job's handler. */
export async function runEscalationJob(ctx: AppContext, payload: Record<string, unknown>) {
  const { municipalityId, signalId, step } = payload;
  if (
    typeof municipalityId !== 'string' ||
    typeof signalId !== 'string' ||
    (step !== 'triage' && step !== 'contact')
  )
    throw new PermanentJobError('malformed signals.escalate payload');
  await escalate({ ctx, municipalityId, signalId, step });
}
