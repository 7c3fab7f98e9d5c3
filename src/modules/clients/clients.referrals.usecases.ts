import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { getPublishedEntry } from '../directory/directory.usecases.ts';
import {
  referralNotFound,
  referralTransitionNotAllowed,
  serviceNotFound,
  sharingConsentRequired,
} from './clients.errors.ts';
import { canMoveReferral } from './clients.models.ts';
import * as repo from './clients.repository.ts';
import {
  auditClient,
  type ClientInput,
  changeClient,
  noteOnTimeline,
  openClient,
} from './clients.support.ts';
import type { ReferralStatus } from './clients.tables.ts';

/**
 * Refers the person to a published initiative of the directory. An
 * initiative of another organisation needs the person's consent to share
 * with that organisation: then its coordinators see the referral (given and
 * family name, phone, the reason) once it is sent, for as long as the
 * consent stands.
 */
export async function createReferral(
  input: ClientInput & { serviceId: string; reason?: string; status: 'proposed' | 'sent' },
): Promise<{ id: string }> {
  const { ctx, principal } = input;
  const { client: current, key } = await openClient(input);
  const service = await getPublishedEntry({ ctx, id: input.serviceId }).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) throw serviceNotFound();
    throw error;
  });
  const serviceOrganisationId = service.row.organisation_id;
  const shared = serviceOrganisationId !== current.organisation_id;
  let consentId: string | null = null;
  if (shared) {
    const consent = (await repo.listConsents(ctx.db, key)).find(
      (c) =>
        c.kind === 'sharing' &&
        c.withdrawn_at === null &&
        c.shared_with_organisation_id === serviceOrganisationId,
    );
    if (!consent) throw sharingConsentRequired();
    consentId = consent.id;
  }
  const id = newId();
  await changeClient(input, {}, async (trx, client, now) => {
    await repo.insertReferral(trx, {
      organisation_id: client.organisation_id,
      client_id: client.id,
      id,
      service_organisation_id: serviceOrganisationId,
      service_id: service.row.id,
      service_name: service.row.name,
      consent_id: consentId,
      status: input.status,
      reason: input.reason || null,
      outcome_note: null,
      created_at: now,
      created_by: principal.user.id,
      updated_at: now,
    });
    const details = { status: input.status, serviceId: service.row.id, shared };
    await noteOnTimeline(trx, client, {
      at: now,
      kind: 'referral',
      actorUserId: principal.user.id,
      refType: 'client_referral',
      refId: id,
      details,
    });
    await auditClient(trx, input, client, 'clients.referral_created', details);
  });
  return { id };
}

/**
 * Moves a referral on (sent, started, declined, stopped, completed) and keeps
 * how it went. Allowed on a closed or withdrawn record too: stopping a
 * referral or writing down its outcome is winding the work down.
 */
export async function updateReferral(
  input: ClientInput & { referralId: string; status?: ReferralStatus; outcomeNote?: string | null },
) {
  const { principal } = input;
  await changeClient(input, { whenUnregistered: true, whenClosed: true }, async (trx, client, now) => {
    const key = { organisationId: client.organisation_id, clientId: client.id, id: input.referralId };
    const referral = await repo.lockReferral(trx, key);
    if (!referral) throw referralNotFound();
    const to = input.status ?? referral.status;
    if (!canMoveReferral(referral.status, to)) throw referralTransitionNotAllowed(referral.status, to);
    await repo.updateReferral(trx, key, {
      status: to,
      outcome_note: input.outcomeNote === undefined ? undefined : input.outcomeNote || null,
      updated_at: now,
    });
    const details = { from: referral.status, to };
    await noteOnTimeline(trx, client, {
      at: now,
      kind: 'referral_updated',
      actorUserId: principal.user.id,
      refType: 'client_referral',
      refId: referral.id,
      details,
    });
    await auditClient(trx, input, client, 'clients.referral_updated', details);
  });
}
