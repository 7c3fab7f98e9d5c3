import { hasRole, organisationsWithRole, type Principal } from '../../platform/auth/principal.ts';
import { mayNotEditMap, noNetworkRole } from './networks.errors.ts';

/**
 * Network maps belong to a client's team. Who may see which client is the
 * clients module's rule (loadClientForWork); these say which roles reach
 * network maps at all, and who may change one.
 */

/** People without a team role (organisation admins, platform admins) get 403 before any client is looked up. */
export function assertMayUseNetworks(principal: Principal): void {
  if (organisationsWithRole(principal, 'coordinator', 'worker', 'volunteer').length === 0)
    throw noNetworkRole();
}

/**
 * Coordinators and workers draw and snapshot maps; an assigned volunteer may
 * read the map of the person they visit but not change it.
 */
export function assertMayEditMap(principal: Principal, organisationId: string): void {
  if (!hasRole(principal, organisationId, 'coordinator', 'worker')) throw mayNotEditMap();
}
