import { hasRole, type Principal } from '../../platform/auth/principal.ts';
import { forbidden } from '../../platform/errors.ts';

/** Regions, municipalities, organisations and users as a whole: the platform operator. */
export function assertPlatformAdmin(principal: Principal): void {
  if (!principal.user.isPlatformAdmin) throw forbidden();
}

/** An organisation's members and its own settings: its admins, and the platform operator. */
export function assertOrganisationAdmin(principal: Principal, organisationId: string): void {
  if (!principal.user.isPlatformAdmin && !hasRole(principal, organisationId, 'admin')) throw forbidden();
}

/** Which organisations a principal may see in the admin pages. */
export function visibleOrganisations(principal: Principal): string[] | 'all' {
  if (principal.user.isPlatformAdmin) return 'all';
  return principal.memberships.filter((m) => m.effective && m.role === 'admin').map((m) => m.organisationId);
}

/** Fields an organisation admin may change on their own organisation; the rest is the operator's. */
export function assertMayUpdateOrganisation(
  principal: Principal,
  organisationId: string,
  fields: string[],
): void {
  if (principal.user.isPlatformAdmin) return;
  assertOrganisationAdmin(principal, organisationId);
  if (fields.some((f) => f !== 'requireSecondFactor')) throw forbidden();
}
