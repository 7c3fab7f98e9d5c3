import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../contracts/common.ts';
import {
  invitationParams,
  invitationSentView,
  inviteBody,
  memberParams,
  memberView,
  openInvitationView,
  updateMemberBody,
  userView,
} from '../../contracts/tenancy.ts';
import { requirePrincipal } from '../../platform/auth/authenticate.ts';
import type { RoutesPlugin } from '../../platform/http/app.ts';
import * as admin from './accounts.admin.usecases.ts';
import { inviteMember } from './accounts.links.usecases.ts';
import { assertMayManageMembers, assertMayManageUsers } from './accounts.policies.ts';

export const accountsAdminRoutes: RoutesPlugin = async (app, { ctx }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['admin'];

  r.get(
    '/admin/organisations/:id/members',
    { schema: { tags, params: idParams, response: { 200: z.array(memberView) } } },
    async (request) => {
      assertMayManageMembers(requirePrincipal(request), request.params.id);
      const members = await admin.listMembers({ ctx, organisationId: request.params.id });
      return members.map((m) => ({
        userId: m.id,
        email: m.email,
        name: m.name,
        role: m.role,
        active: m.active,
        totpEnabled: m.totp_enabled_at !== null,
      }));
    },
  );

  r.post(
    '/admin/organisations/:id/invitations',
    { schema: { tags, params: idParams, body: inviteBody, response: { 201: invitationSentView } } },
    async (request, reply) => {
      const actor = requirePrincipal(request);
      assertMayManageMembers(actor, request.params.id);
      const sent = await inviteMember({
        ctx,
        actor,
        organisationId: request.params.id,
        ...request.body,
        ip: request.ip,
      });
      return reply.status(201).send({ ...sent, expiresAt: sent.expiresAt.toISOString() });
    },
  );

  r.get(
    '/admin/organisations/:id/invitations',
    { schema: { tags, params: idParams, response: { 200: z.array(openInvitationView) } } },
    async (request) => {
      assertMayManageMembers(requirePrincipal(request), request.params.id);
      const open = await admin.listOpenInvitations({ ctx, organisationId: request.params.id });
      return open.map((i) => ({
        id: i.id,
        email: i.email,
        name: i.name,
        role: i.role,
        invitedAt: i.created_at.toISOString(),
        expiresAt: i.expires_at.toISOString(),
        invitedBy: i.inviter_name,
      }));
    },
  );

  r.delete(
    '/admin/organisations/:id/invitations/:invitationId',
    { schema: { tags, params: invitationParams, response: { 204: z.null() } } },
    async (request, reply) => {
      const actor = requirePrincipal(request);
      assertMayManageMembers(actor, request.params.id);
      await admin.withdrawInvitation({
        ctx,
        actor,
        organisationId: request.params.id,
        invitationId: request.params.invitationId,
        ip: request.ip,
      });
      return reply.status(204).send(null);
    },
  );

  r.patch(
    '/admin/organisations/:id/members/:userId',
    { schema: { tags, params: memberParams, body: updateMemberBody, response: { 204: z.null() } } },
    async (request, reply) => {
      const actor = requirePrincipal(request);
      assertMayManageMembers(actor, request.params.id);
      await admin.changeMembership({
        ctx,
        actor,
        organisationId: request.params.id,
        userId: request.params.userId,
        role: request.body.role,
        ip: request.ip,
      });
      return reply.status(204).send(null);
    },
  );

  r.delete(
    '/admin/organisations/:id/members/:userId',
    { schema: { tags, params: memberParams, response: { 204: z.null() } } },
    async (request, reply) => {
      const actor = requirePrincipal(request);
      assertMayManageMembers(actor, request.params.id);
      await admin.changeMembership({
        ctx,
        actor,
        organisationId: request.params.id,
        userId: request.params.userId,
        role: null,
        ip: request.ip,
      });
      return reply.status(204).send(null);
    },
  );

  r.get('/admin/users', { schema: { tags, response: { 200: z.array(userView) } } }, async (request) => {
    assertMayManageUsers(requirePrincipal(request));
    return (await admin.listUsers({ ctx })).map((u) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      active: u.active,
      isPlatformAdmin: u.is_platform_admin,
      memberships: u.memberships.map((m) => ({
        organisationId: m.organisation_id,
        organisationName: m.name,
        role: m.role,
      })),
    }));
  });

  for (const [verb, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    r.post(
      `/admin/users/:id/${verb}`,
      { schema: { tags, params: idParams, response: { 204: z.null() } } },
      async (request, reply) => {
        const actor = requirePrincipal(request);
        assertMayManageUsers(actor);
        await admin.setUserActive({ ctx, actor, userId: request.params.id, active, ip: request.ip });
        return reply.status(204).send(null);
      },
    );
  }
};
