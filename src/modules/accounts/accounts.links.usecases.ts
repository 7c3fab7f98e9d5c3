import type { Kysely } from 'kysely';
import { hashPassword } from '../../platform/auth/passwords.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { publicUrl } from '../../platform/config.ts';
import type { AppContext } from '../../platform/context.ts';
import type { DB, Locale, Role } from '../../platform/db/schema.ts';
import { conflict, invalid, invalidField } from '../../platform/errors.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import { newId, randomToken, sha256 } from '../../platform/ids.ts';
import { assertUnderLimits, recordEvents } from '../../platform/throttle.ts';
import { recordAudit } from '../audit/audit.usecases.ts';
import { queueEmail } from '../notifications/notifications.usecases.ts';
import { getOrganisation } from '../tenancy/tenancy.usecases.ts';
import { linkNotUsable } from './accounts.errors.ts';
import {
  checkNewPassword,
  firstName,
  INVITATION_DAYS,
  PASSWORD_RESET_MINUTES,
  THROTTLE,
} from './accounts.models.ts';
import * as repo from './accounts.repository.ts';

async function sendLinkEmail(
  trx: Kysely<DB>,
  ctx: AppContext,
  mail: {
    kind: 'invitation' | 'password_reset';
    to: string;
    locale: Locale;
    organisationId: string | null;
    url: string;
    params: Record<string, unknown>;
  },
) {
  const t = translator(mail.locale);
  await queueEmail({
    ctx,
    trx,
    organisationId: mail.organisationId,
    to: mail.to,
    subject: t(`mail.${mail.kind}.subject`, mail.params),
    text: t(`mail.${mail.kind}.body`, { ...mail.params, url: mail.url }),
  });
}

/**
 * Invites a person into an organisation with a role: creates the account when
 * the email is new, and emails a single-use link valid for 7 days. Membership
 * starts only when the person accepts.
 */
export async function inviteMember(input: {
  ctx: AppContext;
  /** Who invites; null from the CLI. */
  actor: Principal | null;
  organisationId: string;
  email: string;
  name: string;
  role: Role;
  ip: string;
}) {
  const { ctx, actor } = input;
  const now = ctx.clock.now();
  const token = randomToken(32);
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
  const org = await getOrganisation({ ctx, id: input.organisationId });
  return ctx.db.transaction().execute(async (trx) => {
    let user = await repo.findUserByEmail(trx, input.email);
    if (!user) {
      await repo.insertUser(trx, {
        id: newId(),
        email: input.email,
        name: input.name,
        passwordHash: null,
        locale: actor?.user.locale,
      });
      user = await repo.findUserByEmail(trx, input.email);
    }
    if (!user) throw new Error('user vanished inside its own transaction');
    if (await repo.findMembership(trx, org.id, user.id)) throw conflict('accounts.already_member');
    await repo.expireOpenLinks(trx, user.id, 'invitation', now);
    await repo.insertAccountLink(trx, {
      id: newId(),
      kind: 'invitation',
      tokenHash: sha256(token),
      userId: user.id,
      organisationId: org.id,
      role: input.role,
      createdBy: actor?.user.id ?? null,
      now,
      expiresAt,
    });
    const roleName = translator(user.locale)(`roles.${input.role}`);
    await sendLinkEmail(trx, ctx, {
      kind: 'invitation',
      to: user.email,
      locale: user.locale,
      organisationId: org.id,
      url: `${publicUrl(ctx.config)}/invitation#${token}`,
      params: {
        name: firstName(user.name),
        inviter: actor?.user.name ?? org.name,
        organisation: org.name,
        role: roleName,
        days: INVITATION_DAYS,
      },
    });
    await recordAudit(trx, now, {
      actorUserId: actor?.user.id ?? null,
      organisationId: org.id,
      action: 'accounts.invitation_sent',
      subjectType: 'user',
      subjectId: user.id,
      ip: input.ip,
      details: { role: input.role },
    });
    return { userId: user.id, email: user.email, expiresAt };
  });
}

/** What an invitation link offers, for the acceptance page; 410 when used or expired. */
export async function getInvitation(input: { ctx: AppContext; token: string }) {
  const link = await repo.findUsableLink(
    input.ctx.db,
    'invitation',
    sha256(input.token),
    input.ctx.clock.now(),
  );
  if (!link?.organisation_id || !link.role || !link.active) throw linkNotUsable();
  return {
    email: link.email,
    name: link.name,
    organisationName: link.organisation_name ?? '',
    role: link.role,
    hasPassword: link.password_hash !== null,
  };
}

/** Accepts an invitation once: sets the password of a new account and starts the membership. */
export async function acceptInvitation(input: {
  ctx: AppContext;
  token: string;
  name?: string;
  password?: string;
  ip: string;
}) {
  const { ctx } = input;
  const now = ctx.clock.now();
  const preview = await repo.findUsableLink(ctx.db, 'invitation', sha256(input.token), now);
  if (!preview?.organisation_id || !preview.role || !preview.active) throw linkNotUsable();
  let hash: string | undefined;
  if (preview.password_hash === null) {
    if (!input.password) throw invalidField('password', 'validation.required');
    const problem = await checkNewPassword(input.password, 'password', [
      preview.email,
      input.name ?? preview.name,
    ]);
    if (problem) throw invalid([problem]);
    hash = await hashPassword(input.password);
  }
  await ctx.db.transaction().execute(async (trx) => {
    const link = await repo.findUsableLink(trx, 'invitation', sha256(input.token), now, true);
    if (!link?.organisation_id || !link.role) throw linkNotUsable();
    await repo.updateUser(trx, link.user_id, {
      ...(hash ? { password_hash: hash } : {}),
      ...(input.name ? { name: input.name } : {}),
    });
    await repo.upsertMembership(trx, link.organisation_id, link.user_id, link.role);
    await repo.markLinkUsed(trx, link.id, now);
    await recordAudit(trx, now, {
      actorUserId: link.user_id,
      organisationId: link.organisation_id,
      action: 'accounts.invitation_accepted',
      subjectType: 'user',
      subjectId: link.user_id,
      ip: input.ip,
      details: { role: link.role },
    });
  });
}

/**
 * Sends a password-reset link (valid 60 minutes) when an active account with a
 * password exists. The answer is the same either way, so nobody learns which
 * emails have an account.
 */
export async function requestPasswordReset(input: { ctx: AppContext; email: string; ip: string }) {
  const { ctx } = input;
  const now = ctx.clock.now();
  const key = `reset-ip:${input.ip}`;
  await assertUnderLimits(ctx, [
    { key, max: THROTTLE.resetRequestsPerIp, windowMs: THROTTLE.windowMinutes * 60_000 },
  ]);
  await recordEvents(ctx.db, [key], now);
  const user = await repo.findUserByEmail(ctx.db, input.email);
  if (!user?.active || !user.password_hash) return;
  const token = randomToken(32);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.expireOpenLinks(trx, user.id, 'password_reset', now);
    await repo.insertAccountLink(trx, {
      id: newId(),
      kind: 'password_reset',
      tokenHash: sha256(token),
      userId: user.id,
      organisationId: null,
      role: null,
      createdBy: null,
      now,
      expiresAt: new Date(now.getTime() + PASSWORD_RESET_MINUTES * 60_000),
    });
    await sendLinkEmail(trx, ctx, {
      kind: 'password_reset',
      to: user.email,
      locale: user.locale,
      organisationId: null,
      url: `${publicUrl(ctx.config)}/reset-password#${token}`,
      params: { name: firstName(user.name), minutes: PASSWORD_RESET_MINUTES },
    });
    await recordAudit(trx, now, {
      actorUserId: null,
      organisationId: null,
      action: 'accounts.password_reset_requested',
      subjectType: 'user',
      subjectId: user.id,
      ip: input.ip,
    });
  });
}

/** Sets a new password from a reset link, once; every session of the account ends. */
export async function resetPassword(input: { ctx: AppContext; token: string; password: string; ip: string }) {
  const { ctx } = input;
  const now = ctx.clock.now();
  const preview = await repo.findUsableLink(ctx.db, 'password_reset', sha256(input.token), now);
  if (!preview?.active) throw linkNotUsable();
  const problem = await checkNewPassword(input.password, 'password', [preview.email, preview.name]);
  if (problem) throw invalid([problem]);
  const hash = await hashPassword(input.password);
  await ctx.db.transaction().execute(async (trx) => {
    const link = await repo.findUsableLink(trx, 'password_reset', sha256(input.token), now, true);
    if (!link) throw linkNotUsable();
    await repo.updateUser(trx, link.user_id, { password_hash: hash });
    await repo.markLinkUsed(trx, link.id, now);
    await repo.deleteUserSessions(trx, link.user_id);
    await recordAudit(trx, now, {
      actorUserId: link.user_id,
      organisationId: null,
      action: 'accounts.password_reset',
      subjectType: 'user',
      subjectId: link.user_id,
      ip: input.ip,
    });
  });
}
