import type { Locale, Role } from '../db/schema.ts';

export interface Membership {
  organisationId: string;
  organisationName: string;
  role: Role;
  /** False while the organisation requires a second factor the user has not set up. */
  effective: boolean;
}

/** Who is making a request, resolved from a session cookie or an API token. */
export interface Principal {
  user: {
    id: string;
    email: string;
    name: string;
    locale: Locale;
    largeText: boolean;
    isPlatformAdmin: boolean;
    totpEnabled: boolean;
  };
  memberships: Membership[];
  via: 'session' | 'token';
  session?: { idHash: string; csrfToken: string; secondFactorDone: boolean };
  /** Logged in with a password, but the second factor is still to be given. */
  pendingSecondFactor: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: Principal | null;
  }
}

export function rolesIn(principal: Principal, organisationId: string): Role[] {
  return principal.memberships
    .filter((m) => m.effective && m.organisationId === organisationId)
    .map((m) => m.role);
}

export function hasRole(principal: Principal, organisationId: string, ...roles: Role[]): boolean {
  return rolesIn(principal, organisationId).some((r) => roles.includes(r));
}

export function organisationsWithRole(principal: Principal, ...roles: Role[]): string[] {
  return principal.memberships
    .filter((m) => m.effective && roles.includes(m.role))
    .map((m) => m.organisationId);
}
