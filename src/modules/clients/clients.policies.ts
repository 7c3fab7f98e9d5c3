import { hasRole, type Principal, rolesIn } from '../../platform/auth/principal.ts';
import { clientNotFound, notAllowed } from './clients.errors.ts';

/**
 * Who works with a client record: the coordinators and workers of the
 * organisation that holds it (its team), and volunteers only for the clients
 * they are assigned to. Organisation admins manage accounts, not client data,
 * and platform admins see no client records at all (least privilege).
 */
export function mayWorkWithClient(
  principal: Principal,
  client: { organisation_id: string },
  assignedUserIds: readonly string[],
): boolean {
  if (hasRole(principal, client.organisation_id, 'coordinator', 'worker')) return true;
  return (
    hasRole(principal, client.organisation_id, 'volunteer') && assignedUserIds.includes(principal.user.id)
  );
}

/**
 * Like mayWorkWithClient, but throws: outsiders learn nothing (404), while a
 * member of the organisation whose role does not allow it hears so (403).
 */
export function assertMayWorkWithClient(
  principal: Principal,
  client: { organisation_id: string } | undefined,
  assignedUserIds: readonly string[],
): asserts client is { organisation_id: string } {
  if (!client) throw clientNotFound();
  if (mayWorkWithClient(principal, client, assignedUserIds)) return;
  throw isMember(principal, client.organisation_id) ? notAllowed() : clientNotFound();
}

const isMember = (principal: Principal, organisationId: string) =>
  rolesIn(principal, organisationId).length > 0;

/** Registering people and editing their record, consents, workers and referrals: the team. */
export const mayEditClients = (principal: Principal, organisationId: string) =>
  hasRole(principal, organisationId, 'coordinator', 'worker');

/** Access requests and erasure answer to the person's rights: the organisation's coordinators. */
export const mayManageClients = (principal: Principal, organisationId: string) =>
  hasRole(principal, organisationId, 'coordinator');

/** Which of an organisation's records a list shows: all (the team), assigned ones (volunteers) or none. */
export function listScope(principal: Principal, organisationId: string): 'all' | 'assigned' {
  if (mayEditClients(principal, organisationId)) return 'all';
  if (hasRole(principal, organisationId, 'volunteer')) return 'assigned';
  throw notAllowed();
}

export function assertMayEditClients(principal: Principal, organisationId: string) {
  if (!mayEditClients(principal, organisationId)) throw notAllowed();
}

export function assertMayManageClients(principal: Principal, organisationId: string) {
  if (!mayManageClients(principal, organisationId)) throw notAllowed();
}
