import { hasRole, organisationsWithRole, type Principal } from '../../platform/auth/principal.ts';
import { forbidden } from '../../platform/errors.ts';
import { signalNotFound } from './signals.errors.ts';
import type { SignalRow } from './signals.repository.ts';

/**
 * Who sees a signal: the coordinators of the organisation running the
 * municipality's meldpunt (they triage), and the organisation it is assigned
 * to — its coordinators and the assigned worker (they handle it).
 */
export interface SignalAccess {
  triage: boolean;
  handle: boolean;
}

type Scoped = Pick<SignalRow, 'organisation_id' | 'assigned_organisation_id' | 'assigned_user_id'>;

export function signalAccess(principal: Principal, signal: Scoped): SignalAccess {
  const triage = hasRole(principal, signal.organisation_id, 'coordinator');
  const assignedOrg = signal.assigned_organisation_id;
  const handle =
    assignedOrg !== null &&
    (hasRole(principal, assignedOrg, 'coordinator') ||
      (signal.assigned_user_id === principal.user.id && hasRole(principal, assignedOrg, 'worker')));
  return { triage, handle: handle || triage };
}

/** Nobody without a worker or coordinator role anywhere handles signals. */
export function assertHandlesSignals(principal: Principal): void {
  if (organisationsWithRole(principal, 'coordinator', 'worker').length === 0) throw forbidden();
}

/**
 * The access this person has to the signal; a signal they may not see is
 * "not found", so its existence is not revealed.
 */
export function assertMayRead(principal: Principal, signal: Scoped | undefined): SignalAccess {
  assertHandlesSignals(principal);
  const access = signal ? signalAccess(principal, signal) : { triage: false, handle: false };
  if (!signal || !access.handle) throw signalNotFound();
  return access;
}

export function assertMayTriage(access: SignalAccess): void {
  if (!access.triage) throw forbidden();
}

/** The organisations whose meldpunt queue this person sees (as coordinator). */
export function queueOrganisations(principal: Principal): string[] {
  const ids = organisationsWithRole(principal, 'coordinator');
  if (ids.length === 0) throw forbidden();
  return ids;
}

/** Someone's act on a signal, attributed to the organisation they acted for. */
export function actingOrganisation(principal: Principal, signal: Scoped): string {
  if (hasRole(principal, signal.organisation_id, 'coordinator')) return signal.organisation_id;
  return signal.assigned_organisation_id ?? signal.organisation_id;
}

/** Only the coordinators of the organisation running the municipality's meldpunt. */
export function assertMeldpuntCoordinator(principal: Principal, meldpuntOrganisationId: string | null): void {
  if (!meldpuntOrganisationId || !hasRole(principal, meldpuntOrganisationId, 'coordinator'))
    throw forbidden();
}
