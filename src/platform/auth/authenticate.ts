import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { type Config, isSecureDeployment } from '../config.ts';
import type { AppContext } from '../context.ts';
import type { DB } from '../db/schema.ts';
import { AppError, unauthenticated } from '../errors.ts';
import { safeEqual, sha256 } from '../ids.ts';
import type { Membership, Principal } from './principal.ts';
import {
  cachedPrincipal,
  forgetPrincipal,
  PRINCIPAL_CACHE_MS,
  rememberPrincipal,
} from './principal-cache.ts';

export const sessionCookieName = (config: Config) =>
  isSecureDeployment(config) ? '__Host-vb_session' : 'vb_session';

const LAST_SEEN_GRANULARITY_MS = 60_000;
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

async function loadMemberships(db: Kysely<DB>, userId: string, totpEnabled: boolean): Promise<Membership[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select([
      'memberships.organisation_id',
      'memberships.role',
      'organisations.name',
      'organisations.require_second_factor',
    ])
    .where('memberships.user_id', '=', userId)
    .where('organisations.active', '=', true)
    .orderBy('organisations.name')
    .execute();
  return rows.map((r) => ({
    organisationId: r.organisation_id,
    organisationName: r.name,
    role: r.role,
    effective: totpEnabled || !r.require_second_factor || (r.role !== 'admin' && r.role !== 'coordinator'),
  }));
}

const userColumns = [
  'users.id',
  'users.email',
  'users.name',
  'users.locale',
  'users.large_text',
  'users.is_platform_admin',
  'users.totp_enabled_at',
] as const;

function toPrincipalUser(u: {
  id: string;
  email: string;
  name: string;
  locale: Principal['user']['locale'];
  large_text: boolean;
  is_platform_admin: boolean;
  totp_enabled_at: Date | null;
}): Principal['user'] {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    locale: u.locale,
    largeText: u.large_text,
    isPlatformAdmin: u.is_platform_admin,
    totpEnabled: u.totp_enabled_at !== null,
  };
}

/**
 * Resolves a session token: ends it when idle or past its absolute expiry.
 * A resolved session is trusted for a few seconds (principal-cache.ts), so a
 * busy page does not read the database on every request.
 */
export async function principalFromSession(ctx: AppContext, token: string): Promise<Principal | null> {
  const idHash = sha256(token);
  const now = ctx.clock.now().getTime();
  const idleMs = ctx.config.sessionIdleMinutes * 60_000;
  const cached = cachedPrincipal(idHash, now);
  if (cached && cached.expiresAt > now && cached.lastSeenAt + idleMs > now) {
    if (now - cached.lastSeenAt > LAST_SEEN_GRANULARITY_MS) {
      cached.lastSeenAt = now;
      await ctx.db
        .updateTable('sessions')
        .set({ last_seen_at: new Date(now) })
        .where('id_hash', '=', idHash)
        .execute();
    }
    return cached.principal;
  }
  const row = await ctx.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      ...userColumns,
      'users.active',
      'sessions.csrf_token',
      'sessions.second_factor_done',
      'sessions.last_seen_at',
      'sessions.expires_at',
    ])
    .where('sessions.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row) {
    forgetPrincipal(idHash);
    return null;
  }
  if (!row.active || row.expires_at.getTime() <= now || row.last_seen_at.getTime() + idleMs <= now) {
    forgetPrincipal(idHash);
    await ctx.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    return null;
  }
  let lastSeenAt = row.last_seen_at.getTime();
  if (now - lastSeenAt > LAST_SEEN_GRANULARITY_MS) {
    lastSeenAt = now;
    await ctx.db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(now) })
      .where('id_hash', '=', idHash)
      .execute();
  }
  const user = toPrincipalUser(row);
  const principal: Principal = {
    user,
    memberships: await loadMemberships(ctx.db, user.id, user.totpEnabled),
    via: 'session',
    session: { idHash, csrfToken: row.csrf_token, secondFactorDone: row.second_factor_done },
    pendingSecondFactor: user.totpEnabled && !row.second_factor_done,
  };
  rememberPrincipal(idHash, {
    principal,
    until: now + PRINCIPAL_CACHE_MS,
    expiresAt: row.expires_at.getTime(),
    lastSeenAt,
  });
  return principal;
}

/** Resolves `Authorization: Bearer vb_…`: the same permissions as the token's user. */
export async function principalFromApiToken(ctx: AppContext, token: string): Promise<Principal | null> {
  const tokenHash = sha256(token);
  const now = ctx.clock.now().getTime();
  const cached = cachedPrincipal(tokenHash, now);
  if (cached) return cached.principal;
  const row = await ctx.db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([...userColumns, 'api_tokens.id as token_id', 'api_tokens.last_used_at'])
    .where('api_tokens.token_hash', '=', tokenHash)
    .where('api_tokens.revoked_at', 'is', null)
    .where('users.active', '=', true)
    .executeTakeFirst();
  if (!row) return null;
  if (!row.last_used_at || now - row.last_used_at.getTime() > LAST_SEEN_GRANULARITY_MS) {
    await ctx.db
      .updateTable('api_tokens')
      .set({ last_used_at: new Date(now) })
      .where('id', '=', row.token_id)
      .execute();
  }
  const user = toPrincipalUser(row);
  const principal: Principal = {
    user,
    memberships: await loadMemberships(ctx.db, user.id, user.totpEnabled),
    via: 'token',
    pendingSecondFactor: false,
  };
  rememberPrincipal(tokenHash, {
    principal,
    until: now + PRINCIPAL_CACHE_MS,
    expiresAt: Number.POSITIVE_INFINITY,
    lastSeenAt: now,
  });
  return principal;
}

/** onRequest hook: sets request.auth from the bearer token or the session cookie. */
export function authenticate(ctx: AppContext) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    request.auth = null;
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer (vb_[A-Za-z0-9_-]{10,200})$/.exec(header);
      request.auth = match?.[1] ? await principalFromApiToken(ctx, match[1]) : null;
      if (!request.auth) throw new AppError('auth.invalid_token', 401);
      return;
    }
    const token = request.cookies[sessionCookieName(ctx.config)];
    if (!token) return;
    request.auth = await principalFromSession(ctx, token);
    if (!request.auth) reply.clearCookie(sessionCookieName(ctx.config), { path: '/' });
  };
}

/**
 * preHandler hook: a cookie-authenticated write must echo the session's CSRF
 * token in X-CSRF-Token (synchronizer token; the cookie alone proves nothing).
 */
export async function checkCsrf(request: FastifyRequest) {
  const session = request.auth?.session;
  if (!session || !UNSAFE_METHODS.has(request.method)) return;
  const sent = request.headers['x-csrf-token'];
  if (typeof sent !== 'string' || !safeEqual(sent, session.csrfToken)) throw new AppError('auth.csrf', 403);
}

/** The logged-in principal, with the second factor done; otherwise 401. */
export function requirePrincipal(request: FastifyRequest): Principal {
  const principal = request.auth;
  if (!principal) throw unauthenticated();
  if (principal.pendingSecondFactor) throw new AppError('auth.second_factor_required', 401);
  return principal;
}
