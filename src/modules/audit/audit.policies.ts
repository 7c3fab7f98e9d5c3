import { hasRole, type Principal } from '../../platform/auth/principal.ts';
import { forbidden } from '../../platform/errors.ts';

/**
 * Which organisations' audit log a principal may read: platform admins all,
 * an organisation's admins and coordinators their own.
 */
export function auditScope(principal: Principal, organisationId: string | undefined): string[] | 'all' {
  if (organisationId === undefined) {
    if (principal.user.isPlatformAdmin) return 'all';
    const own = principal.memberships
      .filter((m) => m.effective && (m.role === 'admin' || m.role === 'coordinator'))
      .map((m) => m.organisationId);
    if (own.length === 0) throw forbidden();
    return own;
  }
  if (principal.user.isPlatformAdmin || hasRole(principal, organisationId, 'admin', 'coordinator'))
    return [organisationId];
  throw forbidden();
}
