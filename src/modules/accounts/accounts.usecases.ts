import { hashPassword, verifyPassword } from '../../platform/auth/passwords.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Locale } from '../../platform/db/schema.ts';
import { invalid, unauthenticated } from '../../platform/errors.ts';
import { newId, randomToken, sha256 } from '../../platform/ids.ts';
import { assertUnderLimits, clearEvents, recordEvents } from '../../platform/throttle.ts';
import { recordAudit } from '../audit/audit.usecases.ts';
import {
  invalidCode,
  invalidCredentials,
  tokenNotFound,
  totpAlreadyEnabled,
  totpNotStarted,
  wrongCurrentPassword,
} from './accounts.errors.ts';
import {
  checkNewPassword,
  newApiToken,
  newTotpSecret,
  THROTTLE,
  totpStep,
  totpUrl,
} from './accounts.models.ts';
import * as repo from './accounts.repository.ts';

interface RequestInfo {
  ip: string;
  userAgent: string | null;
}

/** Failed attempts per key within the accounts' throttle window. */
const throttle = (ctx: AppContext, limits: [key: string, max: number][]) =>
  assertUnderLimits(
    ctx,
    limits.map(([key, max]) => ({ key, max, windowMs: THROTTLE.windowMinutes * 60_000 })),
  );

async function createSession(
  ctx: AppContext,
  userId: string,
  secondFactorDone: boolean,
  info: RequestInfo,
): Promise<string> {
  const token = randomToken(32);
  const now = ctx.clock.now();
  await repo.insertSession(ctx.db, {
    idHash: sha256(token),
    userId,
    csrfToken: randomToken(24),
    secondFactorDone,
    now,
    expiresAt: new Date(now.getTime() + ctx.config.sessionAbsoluteHours * 3_600_000),
    ip: info.ip,
    userAgent: info.userAgent?.slice(0, 300) ?? null,
  });
  return token;
}

/**
 * Password login. Always a new session id. Failures are counted per account+IP
 * and per IP (never per account alone, so nobody can lock a user out); an
 * unknown email costs as much time as a wrong password.
 */
export async function login(input: {
  ctx: AppContext;
  email: string;
  password: string;
  previousToken?: string;
  request: RequestInfo;
}): Promise<{ token: string; pendingSecondFactor: boolean }> {
  const { ctx, request } = input;
  const accountKey = `login:${input.email.toLowerCase()}|${request.ip}`;
  const ipKey = `login-ip:${request.ip}`;
  await throttle(ctx, [
    [accountKey, THROTTLE.perAccountAndIp],
    [ipKey, THROTTLE.perIp],
  ]);
  const user = await repo.findUserByEmail(ctx.db, input.email);
  const ok = await verifyPassword(user?.password_hash, input.password);
  const now = ctx.clock.now();
  if (!user || !ok || !user.active) {
    await recordEvents(ctx.db, [accountKey, ipKey], now);
    await recordAudit(ctx.db, now, {
      actorUserId: null,
      organisationId: null,
      action: 'accounts.login_failed',
      subjectType: 'user',
      subjectId: user?.id ?? null,
      ip: request.ip,
    });
    throw invalidCredentials();
  }
  await clearEvents(ctx.db, accountKey);
  if (input.previousToken) await repo.deleteSession(ctx.db, sha256(input.previousToken));
  const pendingSecondFactor = user.totp_enabled_at !== null;
  const token = await createSession(ctx, user.id, !pendingSecondFactor, request);
  await recordAudit(ctx.db, now, {
    actorUserId: user.id,
    organisationId: null,
    action: 'accounts.login',
    subjectType: 'user',
    subjectId: user.id,
    ip: request.ip,
  });
  return { token, pendingSecondFactor };
}

/** Second step of login: a valid, unused TOTP code turns the session into a new, full one. */
export async function completeSecondFactor(input: {
  ctx: AppContext;
  principal: Principal;
  code: string;
  request: RequestInfo;
}): Promise<{ token: string }> {
  const { ctx, principal, request } = input;
  if (!principal.session) throw unauthenticated();
  const key = `totp:${principal.user.id}|${request.ip}`;
  await throttle(ctx, [[key, THROTTLE.perAccountAndIp]]);
  const user = await repo.findUserById(ctx.db, principal.user.id);
  const now = ctx.clock.now();
  const step = user?.totp_secret && user.totp_enabled_at ? totpStep(user.totp_secret, input.code, now) : null;
  if (step === null || !(await repo.claimTotpStep(ctx.db, principal.user.id, step))) {
    await recordEvents(ctx.db, [key], now);
    throw invalidCode();
  }
  await clearEvents(ctx.db, key);
  await repo.deleteSession(ctx.db, principal.session.idHash);
  const token = await createSession(ctx, principal.user.id, true, request);
  await recordAudit(ctx.db, now, {
    actorUserId: principal.user.id,
    organisationId: null,
    action: 'accounts.second_factor',
    subjectType: 'user',
    subjectId: principal.user.id,
    ip: request.ip,
  });
  return { token };
}

export async function logout(input: { ctx: AppContext; principal: Principal }) {
  if (input.principal.session) await repo.deleteSession(input.ctx.db, input.principal.session.idHash);
}

/** Ends every session of the user, on every device. */
export async function logoutEverywhere(input: { ctx: AppContext; principal: Principal; ip: string }) {
  await repo.deleteUserSessions(input.ctx.db, input.principal.user.id);
  await recordAudit(input.ctx.db, input.ctx.clock.now(), {
    actorUserId: input.principal.user.id,
    organisationId: null,
    action: 'accounts.logout_everywhere',
    subjectType: 'user',
    subjectId: input.principal.user.id,
    ip: input.ip,
  });
}

export async function getAccount(input: { ctx: AppContext; principal: Principal }) {
  const user = await repo.findUserById(input.ctx.db, input.principal.user.id);
  if (!user) throw unauthenticated();
  return user;
}

export async function updateAccount(input: {
  ctx: AppContext;
  principal: Principal;
  patch: { name?: string; locale?: Locale; largeText?: boolean };
}) {
  const { patch } = input;
  await repo.updateUser(input.ctx.db, input.principal.user.id, {
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
    ...(patch.largeText !== undefined ? { large_text: patch.largeText } : {}),
  });
  return getAccount(input);
}

/** Changes the password after checking the current one; other sessions end. */
export async function changePassword(input: {
  ctx: AppContext;
  principal: Principal;
  currentPassword: string;
  newPassword: string;
  ip: string;
}) {
  const { ctx, principal } = input;
  const user = await getAccount(input);
  const problem = await checkNewPassword(input.newPassword, 'newPassword', [user.email, user.name]);
  if (problem) throw invalid([problem]);
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) throw wrongCurrentPassword();
  const hash = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, user.id, { password_hash: hash });
    await repo.deleteUserSessions(trx, user.id, principal.session?.idHash);
    await recordAudit(trx, ctx.clock.now(), {
      actorUserId: user.id,
      organisationId: null,
      action: 'accounts.password_changed',
      subjectType: 'user',
      subjectId: user.id,
      ip: input.ip,
    });
  });
}

/** Starts second-factor set-up: a new secret, not yet active until a code confirms it. */
export async function startTotpSetup(input: { ctx: AppContext; principal: Principal }) {
  const user = await getAccount(input);
  if (user.totp_enabled_at) throw totpAlreadyEnabled();
  const secret = newTotpSecret();
  await repo.updateUser(input.ctx.db, user.id, { totp_secret: secret, totp_last_step: null });
  return { secret, otpauthUrl: totpUrl(secret, user.email) };
}

export async function enableTotp(input: { ctx: AppContext; principal: Principal; code: string; ip: string }) {
  const { ctx } = input;
  const user = await getAccount(input);
  if (user.totp_enabled_at) throw totpAlreadyEnabled();
  if (!user.totp_secret) throw totpNotStarted();
  const now = ctx.clock.now();
  const step = totpStep(user.totp_secret, input.code, now);
  if (step === null || !(await repo.claimTotpStep(ctx.db, user.id, step))) throw invalidCode();
  await repo.updateUser(ctx.db, user.id, { totp_enabled_at: now });
  if (input.principal.session) await repo.markSecondFactorDone(ctx.db, input.principal.session.idHash);
  await recordAudit(ctx.db, now, {
    actorUserId: user.id,
    organisationId: null,
    action: 'accounts.second_factor_enabled',
    subjectType: 'user',
    subjectId: user.id,
    ip: input.ip,
  });
}

export async function disableTotp(input: {
  ctx: AppContext;
  principal: Principal;
  password: string;
  ip: string;
}) {
  const { ctx } = input;
  const user = await getAccount(input);
  if (!(await verifyPassword(user.password_hash, input.password))) throw wrongCurrentPassword('password');
  await repo.updateUser(ctx.db, user.id, { totp_secret: null, totp_enabled_at: null, totp_last_step: null });
  await recordAudit(ctx.db, ctx.clock.now(), {
    actorUserId: user.id,
    organisationId: null,
    action: 'accounts.second_factor_disabled',
    subjectType: 'user',
    subjectId: user.id,
    ip: input.ip,
  });
}

export const listApiTokens = (input: { ctx: AppContext; principal: Principal }) =>
  repo.listApiTokens(input.ctx.db, input.principal.user.id);

/** Creates a personal API token; the token itself is returned once and stored only as a hash. */
export async function createApiToken(input: {
  ctx: AppContext;
  userId: string;
  name: string;
  ip: string | null;
}) {
  const { ctx, userId } = input;
  const { token, prefix } = newApiToken();
  const id = newId();
  const now = ctx.clock.now();
  await repo.insertApiToken(ctx.db, {
    id,
    userId,
    name: input.name,
    tokenHash: sha256(token),
    prefix,
    now,
  });
  await recordAudit(ctx.db, now, {
    actorUserId: userId,
    organisationId: null,
    action: 'accounts.api_token_created',
    subjectType: 'api_token',
    subjectId: id,
    ip: input.ip,
  });
  return { id, name: input.name, prefix, createdAt: now, lastUsedAt: null, token };
}

export async function revokeApiToken(input: {
  ctx: AppContext;
  principal: Principal;
  id: string;
  ip: string;
}) {
  const { ctx, principal } = input;
  const now = ctx.clock.now();
  if (!(await repo.revokeApiToken(ctx.db, principal.user.id, input.id, now))) throw tokenNotFound();
  await recordAudit(ctx.db, now, {
    actorUserId: principal.user.id,
    organisationId: null,
    action: 'accounts.api_token_revoked',
    subjectType: 'api_token',
    subjectId: input.id,
    ip: input.ip,
  });
}
