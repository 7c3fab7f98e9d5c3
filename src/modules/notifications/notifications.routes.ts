import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePrincipal } from '../../platform/auth/authenticate.ts';
import type { RoutesPlugin } from '../../platform/http/app.ts';
import { mailLogScope } from './notifications.policies.ts';
import {
  mailLogMessageSchema,
  mailLogPageSchema,
  presentMailLogMessage,
  presentMailLogPage,
} from './notifications.presenters.ts';
import { getMailLogMessage, listMailLog } from './notifications.usecases.ts';

const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  per_page: z.coerce.number().int().min(1).max(100).default(25),
});

export const notificationsRoutes: RoutesPlugin = async (app, { ctx }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/notifications/mail-log',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Outgoing email, newest first (admins only)',
        querystring: pageQuery,
        response: { 200: mailLogPageSchema },
      },
    },
    async (request) => {
      const scope = mailLogScope(requirePrincipal(request));
      const { page, per_page: perPage } = request.query;
      return presentMailLogPage(await listMailLog({ ctx, scope, page, perPage }));
    },
  );

  r.get(
    '/notifications/mail-log/:id',
    {
      schema: {
        tags: ['notifications'],
        summary: 'One outgoing email (admins only)',
        params: z.object({ id: z.uuid() }),
        response: { 200: mailLogMessageSchema },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const { message } = await getMailLogMessage({
        ctx,
        scope: mailLogScope(principal),
        id: request.params.id,
        actorUserId: principal.user.id,
        ip: request.ip,
      });
      return presentMailLogMessage(message);
    },
  );
};
