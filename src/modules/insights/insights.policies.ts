import { organisationsWithRole, type Principal } from '../../platform/auth/principal.ts';
import { forbidden } from '../../platform/errors.ts';

/**
 * Insights are for coordinators (the municipalities their organisations work
 * in) and platform admins (every municipality). Workers, volunteers and
 * organisation admins see people, not aggregates: they are refused.
 */
export function insightsReader(
  principal: Principal,
): { all: true } | { all: false; organisationIds: string[] } {
  if (principal.user.isPlatformAdmin) return { all: true };
  const organisationIds = organisationsWithRole(principal, 'coordinator');
  if (organisationIds.length === 0) throw forbidden();
  return { all: false, organisationIds };
}
