import type { SessionView } from '../../contracts/accounts.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import type { UserRow } from '../../platform/db/schema.ts';
import { listMembershipsOfUser } from './accounts.repository.ts';

export async function presentSession(ctx: AppContext, principal: Principal | null): Promise<SessionView> {
  if (!principal)
    return {
      authenticated: false,
      pendingSecondFactor: false,
      memberships: [],
      secondFactorSetupRequired: false,
    };
  const names = new Map(
    (await listMembershipsOfUser(ctx.db, principal.user.id)).map((m) => [m.organisation_id, m.name]),
  );
  const memberships = principal.memberships.map((m) => ({
    organisationId: m.organisationId,
    organisationName: names.get(m.organisationId) ?? '',
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
