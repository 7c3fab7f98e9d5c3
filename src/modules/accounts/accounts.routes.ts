import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  acceptInvitationBody,
  accountPatch,
  accountView,
  apiTokenView,
  changePasswordBody,
  createApiTokenBody,
  createdApiTokenView,
  disableTotpBody,
  invitationView,
  loginBody,
  passwordResetBody,
  passwordResetRequestBody,
  secondFactorBody,
  sessionView,
  tokenParams,
  totpSetupView,
} from '../../contracts/accounts.ts';
import { idParams } from '../../contracts/common.ts';
import {
  principalFromSession,
  requirePrincipal,
  sessionCookieName,
} from '../../platform/auth/authenticate.ts';
import { isSecureDeployment } from '../../platform/config.ts';
import type { AppContext } from '../../platform/context.ts';
import { unauthenticated } from '../../platform/errors.ts';
import type { RoutesPlugin } from '../../platform/http/app.ts';
import * as links from './accounts.links.usecases.ts';
import {
  presentAccount,
  presentApiToken,
  presentPrincipalAccount,
  presentSession,
} from './accounts.presenters.ts';
import * as accounts from './accounts.usecases.ts';

const requestInfo = (request: FastifyRequest) => ({
  ip: request.ip,
  userAgent: request.headers['user-agent'] ?? null,
});

function setSessionCookie(ctx: AppContext, reply: FastifyReply, token: string) {
  reply.setCookie(sessionCookieName(ctx.config), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecureDeployment(ctx.config),
    maxAge: ctx.config.sessionAbsoluteHours * 3600,
  });
}

/** After login the new session is what the client sees next. */
async function sessionAfter(ctx: AppContext, token: string) {
  return presentSession(await principalFromSession(ctx, token));
}

export const accountsRoutes: RoutesPlugin = async (app, { ctx }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['accounts'];
  const noContent = { 204: z.null() };

  r.get(
    '/session',
    { schema: { tags, summary: 'Who is logged in', response: { 200: sessionView } } },
    (request) => presentSession(request.auth),
  );

  r.post(
    '/session/login',
    {
      schema: {
        tags,
        summary: 'Log in with email and password',
        body: loginBody,
        response: { 200: sessionView },
      },
    },
    async (request, reply) => {
      const { token } = await accounts.login({
        ctx,
        ...request.body,
        previousToken: request.cookies[sessionCookieName(ctx.config)],
        request: requestInfo(request),
      });
      setSessionCookie(ctx, reply, token);
      return sessionAfter(ctx, token);
    },
  );

  r.post(
    '/session/second-factor',
    {
      schema: {
        tags,
        summary: 'Give the authenticator code',
        body: secondFactorBody,
        response: { 200: sessionView },
      },
    },
    async (request, reply) => {
      if (!request.auth?.session) throw unauthenticated();
      const { token } = await accounts.completeSecondFactor({
        ctx,
        principal: request.auth,
        code: request.body.code,
        request: requestInfo(request),
      });
      setSessionCookie(ctx, reply, token);
      return sessionAfter(ctx, token);
    },
  );

  r.post('/session/logout', { schema: { tags, response: noContent } }, async (request, reply) => {
    if (request.auth) await accounts.logout({ ctx, principal: request.auth });
    reply.clearCookie(sessionCookieName(ctx.config), { path: '/' });
    return reply.status(204).send(null);
  });

  r.post('/session/logout-everywhere', { schema: { tags, response: noContent } }, async (request, reply) => {
    await accounts.logoutEverywhere({ ctx, principal: requirePrincipal(request), ip: request.ip });
    reply.clearCookie(sessionCookieName(ctx.config), { path: '/' });
    return reply.status(204).send(null);
  });

  r.get(
    '/account/invitations/:token',
    { schema: { tags, params: tokenParams, response: { 200: invitationView } } },
    (request) => links.getInvitation({ ctx, token: request.params.token }),
  );

  r.post(
    '/account/invitations/accept',
    { schema: { tags, body: acceptInvitationBody, response: noContent } },
    async (request, reply) => {
      await links.acceptInvitation({ ctx, ...request.body, ip: request.ip });
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/account/password-reset/request',
    { schema: { tags, body: passwordResetRequestBody, response: { 202: z.null() } } },
    async (request, reply) => {
      await links.requestPasswordReset({ ctx, email: request.body.email, ip: request.ip });
      return reply.status(202).send(null);
    },
  );

  r.post(
    '/account/password-reset',
    { schema: { tags, body: passwordResetBody, response: noContent } },
    async (request, reply) => {
      await links.resetPassword({ ctx, ...request.body, ip: request.ip });
      return reply.status(204).send(null);
    },
  );

  r.get('/account', { schema: { tags, response: { 200: accountView } } }, async (request) =>
    presentPrincipalAccount(requirePrincipal(request)),
  );

  r.patch(
    '/account',
    { schema: { tags, body: accountPatch, response: { 200: accountView } } },
    async (request) =>
      presentAccount(
        await accounts.updateAccount({ ctx, principal: requirePrincipal(request), patch: request.body }),
      ),
  );

  r.post(
    '/account/password',
    { schema: { tags, body: changePasswordBody, response: noContent } },
    async (request, reply) => {
      await accounts.changePassword({
        ctx,
        principal: requirePrincipal(request),
        ...request.body,
        ip: request.ip,
      });
      return reply.status(204).send(null);
    },
  );

  r.post('/account/second-factor/setup', { schema: { tags, response: { 200: totpSetupView } } }, (request) =>
    accounts.startTotpSetup({ ctx, principal: requirePrincipal(request) }),
  );

  r.post(
    '/account/second-factor/enable',
    { schema: { tags, body: secondFactorBody, response: noContent } },
    async (request, reply) => {
      await accounts.enableTotp({
        ctx,
        principal: requirePrincipal(request),
        code: request.body.code,
        ip: request.ip,
      });
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/account/second-factor/disable',
    { schema: { tags, body: disableTotpBody, response: noContent } },
    async (request, reply) => {
      await accounts.disableTotp({
        ctx,
        principal: requirePrincipal(request),
        password: request.body.password,
        ip: request.ip,
      });
      return reply.status(204).send(null);
    },
  );

  r.get('/account/tokens', { schema: { tags, response: { 200: z.array(apiTokenView) } } }, async (request) =>
    (await accounts.listApiTokens({ ctx, principal: requirePrincipal(request) })).map(presentApiToken),
  );

  r.post(
    '/account/tokens',
    { schema: { tags, body: createApiTokenBody, response: { 201: createdApiTokenView } } },
    async (request, reply) => {
      const t = await accounts.createApiToken({
        ctx,
        userId: requirePrincipal(request).user.id,
        name: request.body.name,
        ip: request.ip,
      });
      return reply
        .status(201)
        .send({ ...presentApiToken({ ...t, created_at: t.createdAt, last_used_at: null }), token: t.token });
    },
  );

  r.delete(
    '/account/tokens/:id',
    { schema: { tags, params: idParams, response: noContent } },
    async (request, reply) => {
      await accounts.revokeApiToken({
        ctx,
        principal: requirePrincipal(request),
        id: request.params.id,
        ip: request.ip,
      });
      return reply.status(204).send(null);
    },
  );
};
