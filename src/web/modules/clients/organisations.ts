import { useSearch } from 'wouter';
import { effectiveMemberships, hasRoleIn } from '../../session.tsx';
import type { Membership, Role, SessionView } from '../../types.ts';

/** The roles that work with client records; admins manage accounts, not people's files. */
export const CLIENT_ROLES: readonly Role[] = ['coordinator', 'worker', 'volunteer'];

/** The organisations where this person works with client records, one entry each. */
export function clientOrganisations(session: SessionView): Membership[] {
  const seen = new Set<string>();
  return effectiveMemberships(session).filter((m) => {
    if (!CLIENT_ROLES.includes(m.role) || seen.has(m.organisationId)) return false;
    seen.add(m.organisationId);
    return true;
  });
}

/** Registering people and editing records: the organisation's team, not its volunteers. */
export const mayRegister = (session: SessionView, organisationId: string) =>
  hasRoleIn(session, organisationId, ['coordinator', 'worker']);

export const isCoordinatorIn = (session: SessionView, organisationId: string) =>
  hasRoleIn(session, organisationId, ['coordinator']);

/** The organisation chosen with ?org= (kept in the URL, so links and reloads keep it), else the first. */
export function useChosenOrganisation(session: SessionView): Membership | undefined {
  const search = useSearch();
  const wanted = new URLSearchParams(search).get('org');
  const organisations = clientOrganisations(session);
  return organisations.find((m) => m.organisationId === wanted) ?? organisations[0];
}
