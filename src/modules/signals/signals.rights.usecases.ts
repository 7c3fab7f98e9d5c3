import type { Principal } from '../../platform/auth/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import { invalidField } from '../../platform/errors.ts';
import { recordAudit } from '../audit/audit.usecases.ts';
import { signalNotFound } from './signals.errors.ts';
import { comparable, type InformationException, type InformationMethod } from './signals.models.ts';
import { actingOrganisation, assertMayRead, assertMeldpuntCoordinator } from './signals.policies.ts';
import * as repo from './signals.repository.ts';
import * as rights from './signals.rights.repository.ts';
import { getSignal } from './signals.triage.usecases.ts';

export type InformationRecord =
  | { kind: 'informed'; method: InformationMethod }
  | { kind: 'exception'; exception: InformationException; reason: string };

/**
 * Records whether and how the person was told that the meldpunt holds data
 * about them (GDPR art. 14), or which exception applied and why. A later
 * record replaces the earlier one; the audit log keeps the history.
 */
export async function recordInformation(input: {
  ctx: AppContext;
  principal: Principal;
  key: { municipalityId: string; id: string };
  record: InformationRecord;
  ip: string;
}) {
  const { ctx, principal, key, record } = input;
  const signal = await repo.findSignal(ctx.db, key.municipalityId, key.id);
  assertMayRead(principal, signal);
  if (!signal) throw signalNotFound();
  const now = ctx.clock.now();
  const organisationId = actingOrganisation(principal, signal);
  await ctx.db.transaction().execute(async (trx) => {
    await rights.upsertInformationRecord(trx, {
      municipality_id: key.municipalityId,
      signal_id: key.id,
      kind: record.kind,
      method: record.kind === 'informed' ? record.method : null,
      exception: record.kind === 'exception' ? record.exception : null,
      reason: record.kind === 'exception' ? record.reason : null,
      recorded_by: principal.user.id,
      recorded_at: now,
    });
    await recordAudit(trx, now, {
      actorUserId: principal.user.id,
      organisationId,
      action: 'signals.information_recorded',
      subjectType: 'signal',
      subjectId: key.id,
      ip: input.ip,
      details: { kind: record.kind, ...(record.kind === 'exception' ? { exception: record.exception } : {}) },
    });
  });
}

/**
 * An access request by a person (GDPR art. 15), whose identity the meldpunt
 * checked: everything held about someone with this name or at this address
 * in the municipality, each signal in full. Only the meldpunt's coordinators.
 */
export async function answerAccessRequest(input: {
  ctx: AppContext;
  principal: Principal;
  municipalityId: string;
  name?: string;
  street?: string;
  ip: string;
}) {
  const { ctx, principal, municipalityId } = input;
  const organisationId = await repo.findMeldpuntOrganisation(ctx.db, municipalityId);
  assertMeldpuntCoordinator(principal, organisationId);
  const name = comparable(input.name);
  const street = comparable(input.street);
  if (!name && !street) throw invalidField('name', 'signals.name_or_street_required');
  const matches = (await rights.findSignalsAbout(ctx.db, municipalityId)).filter(
    (s) => (name && comparable(s.person_name) === name) || (street && comparable(s.person_street) === street),
  );
  const signals = [];
  for (const m of matches)
    signals.push(await getSignal({ ctx, principal, key: { municipalityId, id: m.id }, ip: input.ip }));
  await recordAudit(ctx.db, ctx.clock.now(), {
    actorUserId: principal.user.id,
    organisationId,
    action: 'signals.access_request',
    subjectType: 'municipality',
    subjectId: municipalityId,
    ip: input.ip,
    details: { signals: matches.map((m) => m.id) },
  });
  return { signals };
}
