import type { Kysely } from 'kysely';
import { forgetPrincipal, forgetUser } from '../../platform/auth/principal-cache.ts';
import type { DB, Locale, Role } from '../../platform/db/schema.ts';

// Every write that changes who someone is or may do evicts the cached principal (platform/auth/principal-cache.ts).

export const findUserByEmail = (db: Kysely<DB>, email: string) =>
  db
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst();

export const findUserById = (db: Kysely<DB>, id: string) =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertUser(
  db: Kysely<DB>,
  user: {
    id: string;
    email: string;
    name: string;
    passwordHash: string | null;
    locale?: Locale;
    isPlatformAdmin?: boolean;
  },
) {
  await db
    .insertInto('users')
    .values({
      id: user.id,
      email: user.email,
      name: user.name,
      password_hash: user.passwordHash,
      locale: user.locale,
      is_platform_admin: user.isPlatformAdmin ?? false,
    })
    .execute();
}

export async function updateUser(
  db: Kysely<DB>,
  id: string,
  patch: Partial<{
    name: string;
    locale: Locale;
    large_text: boolean;
    password_hash: string;
    totp_secret: string | null;
    totp_enabled_at: Date | null;
    totp_last_step: number | null;
    active: boolean;
    deactivated_at: Date | null;
  }>,
) {
  if (Object.keys(patch).length === 0) return;
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
  forgetUser(id);
}

/** Sets the last used TOTP step only when the new one is later: a code is never used twice, even concurrently. */
export async function claimTotpStep(db: Kysely<DB>, userId: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertSession(
  db: Kysely<DB>,
  s: {
    idHash: string;
    userId: string;
    csrfToken: string;
    secondFactorDone: boolean;
    now: Date;
    expiresAt: Date;
    ip: string;
    userAgent: string | null;
  },
) {
  await db
    .insertInto('sessions')
    .values({
      id_hash: s.idHash,
      user_id: s.userId,
      csrf_token: s.csrfToken,
      second_factor_done: s.secondFactorDone,
      created_at: s.now,
      last_seen_at: s.now,
      expires_at: s.expiresAt,
      ip: s.ip,
      user_agent: s.userAgent,
    })
    .execute();
}

export const findSession = (db: Kysely<DB>, idHash: string) =>
  db.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();

export async function deleteSession(db: Kysely<DB>, idHash: string) {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  forgetPrincipal(idHash);
}

/** Ends every session of a user, but the one to keep (the session that changed the password). */
export async function deleteUserSessions(db: Kysely<DB>, userId: string, keepIdHash?: string) {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepIdHash) q = q.where('id_hash', '!=', keepIdHash);
  await q.execute();
  forgetUser(userId);
}

export async function markSecondFactorDone(db: Kysely<DB>, idHash: string) {
  await db.updateTable('sessions').set({ second_factor_done: true }).where('id_hash', '=', idHash).execute();
  forgetPrincipal(idHash);
}

export const deleteExpiredSessions = (db: Kysely<DB>, now: Date, idleCutoff: Date) =>
  db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleCutoff)]))
    .execute();

export async function insertAccountLink(
  db: Kysely<DB>,
  link: {
    id: string;
    kind: 'invitation' | 'password_reset';
    tokenHash: string;
    userId: string;
    organisationId: string | null;
    role: Role | null;
    createdBy: string | null;
    now: Date;
    expiresAt: Date;
  },
) {
  await db
    .insertInto('account_links')
    .values({
      id: link.id,
      kind: link.kind,
      token_hash: link.tokenHash,
      user_id: link.userId,
      organisation_id: link.organisationId,
      role: link.role,
      created_by: link.createdBy,
      created_at: link.now,
      expires_at: link.expiresAt,
    })
    .execute();
}

/** A usable link (unused, unexpired) with its user and organisation, locked when `forUpdate`. */
export async function findUsableLink(
  db: Kysely<DB>,
  kind: 'invitation' | 'password_reset',
  tokenHash: string,
  now: Date,
  forUpdate = false,
) {
  let q = db
    .selectFrom('account_links')
    .innerJoin('users', 'users.id', 'account_links.user_id')
    .leftJoin('organisations', 'organisations.id', 'account_links.organisation_id')
    .select([
      'account_links.id',
      'account_links.user_id',
      'account_links.organisation_id',
      'account_links.role',
      'users.email',
      'users.name',
      'users.password_hash',
      'users.active',
      'organisations.name as organisation_name',
    ])
    .where('account_links.kind', '=', kind)
    .where('account_links.token_hash', '=', tokenHash)
    .where('account_links.used_at', 'is', null)
    .where('account_links.expires_at', '>', now);
  if (forUpdate) q = q.forUpdate(['account_links']);
  return q.executeTakeFirst();
}

export const markLinkUsed = (db: Kysely<DB>, id: string, now: Date) =>
  db.updateTable('account_links').set({ used_at: now }).where('id', '=', id).execute();

/** Earlier unused links of the same kind for the same user stop working when a new one is sent. */
export const expireOpenLinks = (
  db: Kysely<DB>,
  userId: string,
  kind: 'invitation' | 'password_reset',
  now: Date,
) =>
  db
    .updateTable('account_links')
    .set({ expires_at: now })
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .execute();

export async function upsertMembership(db: Kysely<DB>, organisationId: string, userId: string, role: Role) {
  forgetUser(userId);
  await db
    .insertInto('memberships')
    .values({ organisation_id: organisationId, user_id: userId, role })
    .onConflict((oc) => oc.columns(['organisation_id', 'user_id']).doUpdateSet({ role }))
    .execute();
}

export const listApiTokens = (db: Kysely<DB>, userId: string) =>
  db
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();

export async function insertApiToken(
  db: Kysely<DB>,
  t: { id: string; userId: string; name: string; tokenHash: string; prefix: string; now: Date },
) {
  await db
    .insertInto('api_tokens')
    .values({
      id: t.id,
      user_id: t.userId,
      name: t.name,
      token_hash: t.tokenHash,
      prefix: t.prefix,
      created_at: t.now,
    })
    .execute();
}

export async function revokeApiToken(
  db: Kysely<DB>,
  userId: string,
  id: string,
  now: Date,
): Promise<boolean> {
  const r = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  forgetUser(userId);
  return Number(r.numUpdatedRows) === 1;
}

export const listMembers = (db: Kysely<DB>, organisationId: string) =>
  db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'users.id',
      'users.email',
      'users.name',
      'users.active',
      'users.totp_enabled_at',
      'users.locale',
      'memberships.role',
    ])
    .where('memberships.organisation_id', '=', organisationId)
    .orderBy('users.name')
    .execute();

export const findMembership = (db: Kysely<DB>, organisationId: string, userId: string) =>
  db
    .selectFrom('memberships')
    .select('role')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .forUpdate()
    .executeTakeFirst();

export const countAdmins = async (db: Kysely<DB>, organisationId: string) =>
  Number(
    (
      await db
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('memberships.organisation_id', '=', organisationId)
        .where('memberships.role', '=', 'admin')
        .where('users.active', '=', true)
        .executeTakeFirstOrThrow()
    ).n,
  );

export async function setMemberRole(db: Kysely<DB>, organisationId: string, userId: string, role: Role) {
  await db
    .updateTable('memberships')
    .set({ role })
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .execute();
  forgetUser(userId);
}

export async function deleteMembership(db: Kysely<DB>, organisationId: string, userId: string) {
  await db
    .deleteFrom('memberships')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .execute();
  forgetUser(userId);
}

export async function listUsers(db: Kysely<DB>) {
  const users = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'active', 'is_platform_admin'])
    .orderBy('name')
    .execute();
  const memberships = await db
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select(['memberships.user_id', 'memberships.organisation_id', 'organisations.name', 'memberships.role'])
    .execute();
  return users.map((u) => ({ ...u, memberships: memberships.filter((m) => m.user_id === u.id) }));
}

export async function setUserActive(db: Kysely<DB>, id: string, active: boolean, now: Date) {
  const r = await db
    .updateTable('users')
    .set({ active, deactivated_at: active ? null : now })
    .where('id', '=', id)
    .executeTakeFirst();
  if (!active) await db.deleteFrom('sessions').where('user_id', '=', id).execute();
  forgetUser(id);
  return Number(r.numUpdatedRows) === 1;
}

export const deleteOldLinks = (db: Kysely<DB>, before: Date) =>
  db
    .deleteFrom('account_links')
    .where((eb) => eb.or([eb('used_at', '<', before), eb('expires_at', '<', before)]))
    .execute();

export const listOpenInvitations = (db: Kysely<DB>, organisationId: string, now: Date) =>
  db
    .selectFrom('account_links')
    .innerJoin('users', 'users.id', 'account_links.user_id')
    .leftJoin('users as inviter', 'inviter.id', 'account_links.created_by')
    .select([
      'account_links.id',
      'users.email',
      'users.name',
      'account_links.role',
      'account_links.created_at',
      'account_links.expires_at',
      'inviter.name as inviter_name',
    ])
    .where('account_links.kind', '=', 'invitation')
    .where('account_links.organisation_id', '=', organisationId)
    .where('account_links.used_at', 'is', null)
    .where('account_links.expires_at', '>', now)
    .where('account_links.role', 'is not', null)
    .$narrowType<{ role: Role }>()
    .orderBy('account_links.created_at', 'desc')
    .execute();

/** Ends an open invitation of this organisation; false when there is none. */
export async function expireInvitation(db: Kysely<DB>, organisationId: string, id: string, now: Date) {
  const r = await db
    .updateTable('account_links')
    .set({ expires_at: now })
    .where('id', '=', id)
    .where('kind', '=', 'invitation')
    .where('organisation_id', '=', organisationId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('user_id')
    .executeTakeFirst();
  return r?.user_id;
}
