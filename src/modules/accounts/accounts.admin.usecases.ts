import { hashPassword } from '../../platform/auth/passwords.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Locale, Role } from '../../platform/db/schema.ts';
import { conflict, invalid, invalidField, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { recordAudit } from '../audit/audit.usecases.ts';
import { checkNewPassword } from './accounts.models.ts';
import * as repo from './accounts.repository.ts';

/** The members of one organisation with their role. */
export const listMembers = (input: { ctx: AppContext; organisationId: string }) =>
  repo.listMembers(input.ctx.db, input.organisationId);

/**
 * Changes a member's role or removes a member. An organisation always keeps at
 * least one active admin, so it can never be left without someone to manage it.
 */
export async function changeMembership(input: {
  ctx: AppContext;
  actor: Principal;
  organisationId: string;
  userId: string;
  role: Role | null;
  ip: string;
}) {
  const { ctx, organisationId, userId, role } = input;
  await ctx.db.transaction().execute(async (trx) => {
    const current = await repo.findMembership(trx, organisationId, userId);
    if (!current) throw notFound('accounts.member_not_found');
    if (current.role === 'admin' && role !== 'admin' && (await repo.countAdmins(trx, organisationId)) <= 1)
      throw conflict('accounts.last_admin');
    if (role) await repo.setMemberRole(trx, organisationId, userId, role);
    else await repo.deleteMembership(trx, organisationId, userId);
    await recordAudit(trx, ctx.clock.now(), {
      actorUserId: input.actor.user.id,
      organisationId,
      action: role ? 'accounts.member_role_changed' : 'accounts.member_removed',
      subjectType: 'user',
      subjectId: userId,
      ip: input.ip,
      details: role ? { from: current.role, to: role } : { role: current.role },
    });
  });
}

export const listUsers = (input: { ctx: AppContext }) => repo.listUsers(input.ctx.db);

/** Deactivating ends every session at once; API tokens stop working while inactive. */
export async function setUserActive(input: {
  ctx: AppContext;
  actor: Principal;
  userId: string;
  active: boolean;
  ip: string;
}) {
  const { ctx } = input;
  if (input.userId === input.actor.user.id && !input.active)
    throw conflict('accounts.cannot_deactivate_self');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.setUserActive(trx, input.userId, input.active, now)))
      throw notFound('accounts.user_not_found');
    await recordAudit(trx, now, {
      actorUserId: input.actor.user.id,
      organisationId: null,
      action: input.active ? 'accounts.user_reactivated' : 'accounts.user_deactivated',
      subjectType: 'user',
      subjectId: input.userId,
      ip: input.ip,
    });
  });
}

/**
 * Creates an account with a password and, optionally, a membership (CLI and
 * demo data). Without a password, use inviteMember: the person chooses one.
 */
export async function createUserWithPassword(input: {
  ctx: AppContext;
  email: string;
  name: string;
  password: string;
  organisationId?: string;
  role?: Role;
  isPlatformAdmin?: boolean;
  locale?: Locale;
}) {
  const { ctx } = input;
  const problem = await checkNewPassword(input.password, 'password', [input.email, input.name]);
  if (problem) throw invalid([problem]);
  if (await repo.findUserByEmail(ctx.db, input.email)) throw invalidField('email', 'accounts.email_taken');
  const id = newId();
  const hash = await hashPassword(input.password);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertUser(trx, {
      id,
      email: input.email,
      name: input.name,
      passwordHash: hash,
      locale: input.locale,
      isPlatformAdmin: input.isPlatformAdmin,
    });
    if (input.organisationId && input.role)
      await repo.upsertMembership(trx, input.organisationId, id, input.role);
    await recordAudit(trx, ctx.clock.now(), {
      actorUserId: null,
      organisationId: input.organisationId ?? null,
      action: 'accounts.user_created',
      subjectType: 'user',
      subjectId: id,
      details: input.role ? { role: input.role } : {},
    });
  });
  return { id };
}

export const findUserByEmail = (input: { ctx: AppContext; email: string }) =>
  repo.findUserByEmail(input.ctx.db, input.email);

/** Invitations of an organisation that can still be accepted. */
export const listOpenInvitations = (input: { ctx: AppContext; organisationId: string }) =>
  repo.listOpenInvitations(input.ctx.db, input.organisationId, input.ctx.clock.now());

/** Withdraws an open invitation: its link stops working at once. Sending a new one is inviting again. */
export async function withdrawInvitation(input: {
  ctx: AppContext;
  actor: Principal;
  organisationId: string;
  invitationId: string;
  ip: string;
}) {
  const { ctx } = input;
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const userId = await repo.expireInvitation(trx, input.organisationId, input.invitationId, now);
    if (!userId) throw notFound('accounts.invitation_not_found');
    await recordAudit(trx, now, {
      actorUserId: input.actor.user.id,
      organisationId: input.organisationId,
      action: 'accounts.invitation_withdrawn',
      subjectType: 'user',
      subjectId: userId,
      ip: input.ip,
    });
  });
}
