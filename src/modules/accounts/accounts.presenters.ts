import type { SessionView } from '../../contracts/accounts.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import type { UserRow } from '../../platform/db/schema.ts';

export function presentSession(principal: Principal | null): SessionView {
  if (!principal)
    return {
      authenticated: false,
      pendingSecondFactor: false,
      memberships: [],
      secondFactorSetupRequired: false,
    };
  const memberships = principal.memberships.map((m) => ({
    organisationId: m.organisationId,
    organisationName: m.organisationName,
    role: m.role,
    effective: m.effective,
  }));
  return {
    authenticated: !principal.pendingSecondFactor,
    pendingSecondFactor: principal.pendingSecondFactor,
    csrfToken: principal.session?.csrfToken,
    user: principal.pendingSecondFactor ? undefined : principal.user,
    memberships: principal.pendingSecondFactor ? [] : memberships,
    secondFactorSetupRequired: memberships.some((m) => !m.effective),
  };
}

export const presentAccount = (u: UserRow) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  locale: u.locale,
  largeText: u.large_text,
  totpEnabled: u.totp_enabled_at !== null,
});

export const presentApiToken = (t: {
  id: string;
  name: string;
  prefix: string;
  created_at: Date;
  last_used_at: Date | null;
}) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: t.created_at.toISOString(),
  lastUsedAt: t.last_used_at?.toISOString() ?? null,
});

/** The account as the request's principal knows it: no database read (the principal is at most seconds old). */
export const presentPrincipalAccount = (p: Principal) => ({
  id: p.user.id,
  email: p.user.email,
  name: p.user.name,
  locale: p.user.locale,
  largeText: p.user.largeText,
  totpEnabled: p.user.totpEnabled,
});
