import { hasRole, type Principal } from '../../platform/auth/principal.ts';
import { forbidden } from '../../platform/errors.ts';

/** An organisation's members and invitations: its admins, and the platform operator. */
export function assertMayManageMembers(principal: Principal, organisationId: string): void {
  if (!principal.user.isPlatformAdmin && !hasRole(principal, organisationId, 'admin')) throw forbidden();
}

/** Accounts across organisations (list, deactivate): the platform operator only. */
export function assertMayManageUsers(principal: Principal): void {
  if (!principal.user.isPlatformAdmin) throw forbidden();
}
