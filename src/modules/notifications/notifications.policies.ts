import { organisationsWithRole, type Principal } from '../../platform/auth/principal.ts';
import { forbidden } from '../../platform/errors.ts';

/** Which outbox messages a caller may read: every one (null), or those of these organisations. */
export interface MailLogScope {
  organisationIds: string[] | null;
}

/**
 * The mail log holds what was said to people, so only admins read it: a
 * platform admin everything, an organisation admin the messages of the
 * organisations they administer. Messages of no organisation (sent by the
 * platform itself) are for platform admins only.
 */
export function mailLogScope(principal: Principal): MailLogScope {
  if (principal.user.isPlatformAdmin) return { organisationIds: null };
  const organisationIds = organisationsWithRole(principal, 'admin');
  if (organisationIds.length === 0) throw forbidden();
  return { organisationIds };
}
