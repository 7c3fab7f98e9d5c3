import type { Principal } from '../../platform/auth/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import { recordAudit } from '../audit/audit.usecases.ts';
import { cannotMergeIntoItself, signalNotFound, transitionNotAllowed } from './signals.errors.ts';
import * as merge from './signals.merge.repository.ts';
import { DUPLICATE_WINDOW_DAYS, duplicateReasons } from './signals.models.ts';
import { assertMayRead, assertMayTriage } from './signals.policies.ts';
import * as repo from './signals.repository.ts';

interface Key {
  municipalityId: string;
  id: string;
}

/**
 * Signals of the same meldpunt from the last months that may be about the
 * same person or address, or come from the same reporter, with the reasons,
 * for the coordinator to compare side by side. Each one shown is a read of a
 * personal record, so each is audited.
 */
export async function listPossibleDuplicates(input: {
  ctx: AppContext;
  principal: Principal;
  key: Key;
  ip: string;
}) {
  const { ctx, principal, key } = input;
  const signal = await repo.findSignal(ctx.db, key.municipalityId, key.id);
  assertMayTriage(assertMayRead(principal, signal));
  if (!signal) throw signalNotFound();
  const since = new Date(signal.created_at.getTime() - DUPLICATE_WINDOW_DAYS * 86_400_000);
  const candidates = await merge.listDuplicateCandidates(ctx.db, {
    municipalityId: key.municipalityId,
    organisationId: signal.organisation_id,
    exceptId: signal.id,
    since,
  });
  const matches = candidates
    .map((c) => ({ candidate: c, reasons: duplicateReasons(signal, c) }))
    .filter((m) => m.reasons.length > 0);
  const now = ctx.clock.now();
  for (const m of matches)
    await recordAudit(ctx.db, now, {
      actorUserId: principal.user.id,
      organisationId: signal.organisation_id,
      action: 'signals.read',
      subjectType: 'signal',
      subjectId: m.candidate.id,
      ip: input.ip,
      details: { asDuplicateOf: signal.id },
    });
  return matches.map(({ candidate: c, reasons }) => ({
    id: c.id,
    reference: c.reference,
    status: c.status,
    urgency: c.urgency,
    personName: c.person_name,
    personStreet: c.person_street,
    personPostcode: c.person_postcode,
    description: c.description,
    createdAt: c.created_at.toISOString(),
    reasons,
  }));
}

/**
 * Merges a duplicate into another open signal of the same meldpunt: the
 * duplicate is closed and points at the other one, whose file then shows it;
 * its reporter follows the other one's status and hears when that is closed.
 */
export async function mergeSignal(input: {
  ctx: AppContext;
  principal: Principal;
  key: Key;
  intoId: string;
  ip: string;
}) {
  const { ctx, principal, key } = input;
  if (key.id === input.intoId) throw cannotMergeIntoItself();
  await ctx.db.transaction().execute(async (trx) => {
    // Locked in id order, so two coordinators merging the same pair cannot deadlock.
    const [first, second] = [key.id, input.intoId].sort();
    const locked = new Map<string, repo.SignalRow | undefined>();
    for (const id of [first, second] as string[])
      locked.set(id, await repo.lockSignal(trx, key.municipalityId, id));
    const source = locked.get(key.id);
    const target = locked.get(input.intoId);
    assertMayTriage(assertMayRead(principal, source));
    assertMayTriage(assertMayRead(principal, target));
    if (!source || !target) throw signalNotFound();
    if (source.status === 'closed') throw transitionNotAllowed(source.status, 'closed');
    if (target.status === 'closed') throw transitionNotAllowed(target.status, 'closed');
    const now = ctx.clock.now();
    await merge.markMerged(trx, {
      municipalityId: key.municipalityId,
      id: source.id,
      intoId: target.id,
      at: now,
    });
    await repo.insertTransition(trx, {
      municipality_id: key.municipalityId,
      signal_id: source.id,
      from_status: source.status,
      to_status: 'closed',
      outcome: null,
      actor_user_id: principal.user.id,
      actor_organisation_id: source.organisation_id,
      at: now,
    });
    await recordAudit(trx, now, {
      actorUserId: principal.user.id,
      organisationId: source.organisation_id,
      action: 'signals.merged',
      subjectType: 'signal',
      subjectId: source.id,
      ip: input.ip,
      details: { into: target.id },
    });
  });
}
