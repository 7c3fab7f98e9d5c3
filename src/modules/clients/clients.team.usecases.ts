import type { Principal } from '../../platform/auth/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { listMembers } from '../accounts/accounts.admin.usecases.ts';
import { listOrganisations } from '../tenancy/tenancy.usecases.ts';
import {
  consentAlreadyWithdrawn,
  consentNotFound,
  sharingWithItself,
  unknownOrganisation,
  userNotInOrganisation,
  volunteerRoleOnly,
  workerNotFound,
} from './clients.errors.ts';
import { assertMayEditClients } from './clients.policies.ts';
import * as repo from './clients.repository.ts';
import {
  auditClient,
  type ClientInput,
  changeClient,
  noteOnTimeline,
  openClient,
  orNull,
} from './clients.support.ts';
import type { ClientWorkerRole, ConsentKind, ConsentMethod } from './clients.tables.ts';

/**
 * Records what the person agreed to: being registered, being contacted,
 * sharing with one named organisation, receiving self-fill links. A new
 * registration consent may be recorded after a withdrawal (the person agreed
 * again); anything else needs the registration in force.
 */
export async function recordConsent(
  input: ClientInput & {
    kind: ConsentKind;
    method: ConsentMethod;
    sharedWithOrganisationId?: string;
    note?: string;
  },
): Promise<{ id: string }> {
  const { ctx, principal } = input;
  const { client: current } = await openClient(input);
  if (input.sharedWithOrganisationId) {
    if (input.sharedWithOrganisationId === current.organisation_id) throw sharingWithItself();
    const [organisation] = await listOrganisations({ ctx, ids: [input.sharedWithOrganisationId] });
    if (!organisation?.active) throw unknownOrganisation();
  }
  const id = newId();
  await changeClient(input, { whenUnregistered: input.kind === 'registration' }, async (trx, client, now) => {
    await repo.insertConsent(trx, {
      organisation_id: client.organisation_id,
      client_id: client.id,
      id,
      kind: input.kind,
      shared_with_organisation_id: input.sharedWithOrganisationId ?? null,
      method: input.method,
      given_at: now,
      recorded_by: principal.user.id,
      withdrawn_at: null,
      withdrawn_by: null,
      withdrawal_method: null,
      note: orNull(input.note),
    });
    const details = {
      kind: input.kind,
      method: input.method,
      ...(input.sharedWithOrganisationId ? { organisationId: input.sharedWithOrganisationId } : {}),
    };
    await noteOnTimeline(trx, client, {
      at: now,
      kind: 'consent_recorded',
      actorUserId: principal.user.id,
      refType: 'client_consent',
      refId: id,
      details,
    });
    await auditClient(trx, input, client, 'clients.consent_recorded', details);
  });
  return { id };
}

/**
 * Withdraws a consent; always possible, also on a closed record. Withdrawing
 * the registration closes the record for new work; withdrawing a sharing
 * consent hides the referrals from the organisation it named at once.
 */
export async function withdrawConsent(input: ClientInput & { consentId: string; method: ConsentMethod }) {
  const { principal } = input;
  await changeClient(input, { whenUnregistered: true, whenClosed: true }, async (trx, client, now) => {
    const key = { organisationId: client.organisation_id, clientId: client.id };
    const consent = (await repo.listConsents(trx, key)).find((c) => c.id === input.consentId);
    if (!consent) throw consentNotFound();
    if (consent.withdrawn_at) throw consentAlreadyWithdrawn();
    await repo.markConsentWithdrawn(
      trx,
      { ...key, id: consent.id },
      { at: now, userId: principal.user.id, method: input.method },
    );
    const details = {
      kind: consent.kind,
      method: input.method,
      ...(consent.shared_with_organisation_id ? { organisationId: consent.shared_with_organisation_id } : {}),
    };
    await noteOnTimeline(trx, client, {
      at: now,
      kind: 'consent_withdrawn',
      actorUserId: principal.user.id,
      refType: 'client_consent',
      refId: consent.id,
      details,
    });
    await auditClient(trx, input, client, 'clients.consent_withdrawn', details);
  });
}

/**
 * Assigns a member of the organisation (checked through the accounts module)
 * to the client, or changes their part. Volunteers take the volunteer's part.
 */
export async function assignWorker(input: ClientInput & { userId: string; role: ClientWorkerRole }) {
  const { ctx, principal } = input;
  const { client: current } = await openClient(input);
  const member = (await listMembers({ ctx, organisationId: current.organisation_id })).find(
    (m) => m.id === input.userId,
  );
  if (!member?.active || member.role === 'admin') throw userNotInOrganisation();
  if (member.role === 'volunteer' && input.role !== 'volunteer') throw volunteerRoleOnly();
  await changeClient(input, {}, async (trx, client, now) => {
    await repo.upsertWorker(trx, {
      organisation_id: client.organisation_id,
      client_id: client.id,
      user_id: input.userId,
      role: input.role,
      assigned_at: now,
      assigned_by: principal.user.id,
    });
    await noteOnTimeline(trx, client, {
      at: now,
      kind: 'worker_assigned',
      actorUserId: principal.user.id,
      refType: 'user',
      refId: input.userId,
      details: { role: input.role },
    });
    await auditClient(trx, input, client, 'clients.worker_assigned', {
      userId: input.userId,
      role: input.role,
    });
  });
}

/** Takes someone off the client; always possible (it only narrows who sees the record). */
export async function unassignWorker(input: ClientInput & { userId: string }) {
  const { principal } = input;
  await changeClient(input, { whenUnregistered: true, whenClosed: true }, async (trx, client, now) => {
    const removed = await repo.deleteWorker(trx, {
      organisationId: client.organisation_id,
      clientId: client.id,
      userId: input.userId,
    });
    if (!removed) throw workerNotFound();
    await noteOnTimeline(trx, client, {
      at: now,
      kind: 'worker_unassigned',
      actorUserId: principal.user.id,
      refType: 'user',
      refId: input.userId,
    });
    await auditClient(trx, input, client, 'clients.worker_unassigned', { userId: input.userId });
  });
}

/** The people of the organisation who can be assigned to its clients, for its team. */
export async function listAssignable(input: {
  ctx: AppContext;
  principal: Principal;
  organisationId: string;
}) {
  assertMayEditClients(input.principal, input.organisationId);
  const members = await listMembers({ ctx: input.ctx, organisationId: input.organisationId });
  return {
    items: members.flatMap((m) =>
      m.active && m.role !== 'admin' ? [{ userId: m.id, name: m.name, role: m.role }] : [],
    ),
  };
}
