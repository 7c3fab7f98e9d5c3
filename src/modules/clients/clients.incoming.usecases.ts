import type { Principal } from '../../platform/auth/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import { recordAudit } from '../audit/audit.usecases.ts';
import { referralNotFound, referralTransitionNotAllowed } from './clients.errors.ts';
import { canMoveReferral } from './clients.models.ts';
import { assertMayManageClients } from './clients.policies.ts';
import * as repo from './clients.repository.ts';
import { noteOnTimeline, organisationNames } from './clients.support.ts';

/**
 * Referrals other organisations sent to this organisation's initiatives, with
 * only the fields the person agreed to share. For its coordinators; audited.
 */
export async function listIncomingReferrals(input: {
  ctx: AppContext;
  principal: Principal;
  organisationId: string;
  ip: string;
}) {
  const { ctx, principal, organisationId } = input;
  assertMayManageClients(principal, organisationId);
  const rows = await repo.listIncomingReferrals(ctx.db, organisationId);
  const organisations = await organisationNames(
    ctx,
    rows.map((r) => r.organisation_id),
  );
  await recordAudit(ctx.db, ctx.clock.now(), {
    actorUserId: principal.user.id,
    organisationId,
    action: 'clients.incoming_referrals_read',
    subjectType: 'organisation',
    subjectId: organisationId,
    ip: input.ip,
    details: { referrals: rows.map((r) => r.id) },
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      fromOrganisation: { id: r.organisation_id, name: organisations.get(r.organisation_id) ?? null },
      serviceId: r.service_id,
      serviceName: r.service_name,
      status: r.status,
      givenName: r.given_name,
      familyName: r.family_name,
      phone: r.phone,
      reason: r.reason,
      answerNote: r.answer_note,
      createdAt: r.created_at.toISOString(),
    })),
  };
}

/**
 * The organisation that received a referral answers it: it takes the person
 * in (started) or cannot (declined, with a word why). Only its coordinators,
 * only while the person's consent to share with it stands; anyone else learns
 * nothing of the referral (404). The sending organisation reads the answer on
 * the person's timeline; the change is audited in the name of the record's
 * organisation, whose data it is.
 */
export async function answerIncomingReferral(input: {
  ctx: AppContext;
  principal: Principal;
  referralId: string;
  answer: 'accept' | 'decline';
  note?: string;
  ip: string;
}) {
  const { ctx, principal } = input;
  const receiver = await findReceiver(ctx, principal, input.referralId);
  assertMayManageClients(principal, receiver);
  const to = input.answer === 'accept' ? 'started' : 'declined';
  await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findIncomingReferral(trx, receiver, input.referralId);
    if (!before) throw referralNotFound();
    // The client row is what consent changes lock: a withdrawal cannot slip in between.
    const client = await repo.lockClient(trx, before.client_id);
    const referral = client && (await repo.findIncomingReferral(trx, receiver, input.referralId));
    if (!client || !referral) throw referralNotFound();
    // Answering twice the same way (a double click, two coordinators) changes nothing.
    if (referral.status === to) return;
    if (!canMoveReferral(referral.status, to)) throw referralTransitionNotAllowed(referral.status, to);
    const now = ctx.clock.now();
    const key = { organisationId: referral.organisation_id, clientId: referral.client_id, id: referral.id };
    await repo.updateReferral(trx, key, {
      status: to,
      answer_note: input.note ? input.note : null,
      updated_at: now,
    });
    const details = { from: referral.status, to, organisationId: receiver };
    await noteOnTimeline(trx, client, {
      at: now,
      kind: 'referral_answered',
      actorUserId: principal.user.id,
      refType: 'client_referral',
      refId: referral.id,
      details,
    });
    await recordAudit(trx, now, {
      actorUserId: principal.user.id,
      organisationId: client.organisation_id,
      action: 'clients.referral_answered',
      subjectType: 'client',
      subjectId: client.id,
      ip: input.ip,
      details: { ...details, referralId: referral.id },
    });
  });
}

/**
 * Which of the person's organisations received the referral and may still
 * see it; 404 when none does (an outsider, or the consent was withdrawn).
 */
async function findReceiver(ctx: AppContext, principal: Principal, referralId: string): Promise<string> {
  const organisationIds = new Set(
    principal.memberships.filter((m) => m.effective).map((m) => m.organisationId),
  );
  for (const organisationId of organisationIds)
    if (await repo.findIncomingReferral(ctx.db, organisationId, referralId)) return organisationId;
  throw referralNotFound();
}
