import type { Principal } from '../../platform/auth/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { recordAudit } from '../audit/audit.usecases.ts';
import { signalNotFound, transitionNotAllowed } from './signals.errors.ts';
import {
  type ContactMethod,
  type ContactResult,
  OUTREACH_STATUSES,
  statusAfterContact,
} from './signals.models.ts';
import * as outreach from './signals.outreach.repository.ts';
import { actingOrganisation, assertMayRead } from './signals.policies.ts';
import * as repo from './signals.repository.ts';

/**
 * Logs one attempt to reach the person (a visit, a call, a letter, via a
 * neighbour) and its result, and moves the signal to "contact attempted" or
 * "in contact" accordingly, in one transaction. Only while it is assigned.
 */
export async function logContactAttempt(input: {
  ctx: AppContext;
  principal: Principal;
  key: { municipalityId: string; id: string };
  method: ContactMethod;
  result: ContactResult;
  note?: string;
  attemptedAt?: Date;
  ip: string;
}): Promise<{ id: string }> {
  const { ctx, principal, key } = input;
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    const signal = await repo.lockSignal(trx, key.municipalityId, key.id);
    assertMayRead(principal, signal);
    if (!signal) throw signalNotFound();
    if (!OUTREACH_STATUSES.includes(signal.status))
      throw transitionNotAllowed(signal.status, 'contact_attempted');
    const now = ctx.clock.now();
    const organisationId = actingOrganisation(principal, signal);
    await outreach.insertContactAttempt(trx, {
      municipality_id: key.municipalityId,
      signal_id: key.id,
      id,
      method: input.method,
      result: input.result,
      note: input.note || null,
      attempted_at: input.attemptedAt ?? now,
      actor_user_id: principal.user.id,
      actor_organisation_id: organisationId,
      created_at: now,
    });
    const next = statusAfterContact(signal.status, input.result);
    if (next !== signal.status) {
      await repo.updateSignal(trx, key, { status: next, updatedAt: now });
      await repo.insertTransition(trx, {
        municipality_id: key.municipalityId,
        signal_id: key.id,
        from_status: signal.status,
        to_status: next,
        outcome: null,
        actor_user_id: principal.user.id,
        actor_organisation_id: organisationId,
        at: now,
      });
    }
    await recordAudit(trx, now, {
      actorUserId: principal.user.id,
      organisationId,
      action: 'signals.contact_logged',
      subjectType: 'signal',
      subjectId: key.id,
      ip: input.ip,
      details: { method: input.method, result: input.result },
    });
  });
  return { id };
}
