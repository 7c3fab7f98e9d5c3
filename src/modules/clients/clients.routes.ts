import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  clientDetailView,
  clientListQuery,
  clientListView,
  clientParams,
  createClientBody,
  createdView,
  eraseClientBody,
  updateClientBody,
} from '../../contracts/clients.ts';
import { requirePrincipal } from '../../platform/auth/authenticate.ts';
import type { RoutesPlugin } from '../../platform/http/app.ts';
import { requestLocale } from '../../platform/http/locale.ts';
import { clientsRightsRoutes } from './clients.rights.routes.ts';
import { eraseClient } from './clients.rights.usecases.ts';
import { clientsTeamRoutes } from './clients.team.routes.ts';
import {
  closeClient,
  createClient,
  getClient,
  listClients,
  reopenClient,
  updateClient,
} from './clients.usecases.ts';
import { clientsWorkRoutes } from './clients.work.routes.ts';

/** Client records: the record, consent, workers, timeline, referrals, access requests and erasure. */
export const clientsRoutes: RoutesPlugin = async (app, { ctx }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  await app.register(clientsTeamRoutes, { ctx });
  await app.register(clientsWorkRoutes, { ctx });
  await app.register(clientsRightsRoutes, { ctx });

  r.get(
    '/clients',
    {
      schema: {
        tags: ['clients'],
        summary: "An organisation's client records by name (volunteers: the ones assigned to them)",
        querystring: clientListQuery,
        response: { 200: clientListView },
      },
    },
    async (request) => {
      const q = request.query;
      return listClients({
        ctx,
        principal: requirePrincipal(request),
        organisationId: q.organisationId,
        q: q.q || undefined,
        status: q.status,
        page: q.page,
        perPage: q.per_page,
        locale: requestLocale(request),
      });
    },
  );

  r.post(
    '/clients',
    {
      schema: {
        tags: ['clients'],
        summary: 'Register a person, with the consent they gave to it',
        body: createClientBody,
        response: { 201: createdView },
      },
    },
    async (request, reply) => {
      const result = await createClient({
        ctx,
        principal: requirePrincipal(request),
        body: request.body,
        ip: request.ip,
      });
      return reply.status(201).send(result);
    },
  );

  r.get(
    '/clients/:id',
    {
      schema: {
        tags: ['clients'],
        summary: 'One client record with its consents, workers and counts (every read is audited)',
        params: clientParams,
        response: { 200: clientDetailView },
      },
    },
    async (request) =>
      getClient({
        ctx,
        principal: requirePrincipal(request),
        clientId: request.params.id,
        ip: request.ip,
        locale: requestLocale(request),
      }),
  );

  r.patch(
    '/clients/:id',
    {
      schema: {
        tags: ['clients'],
        summary: 'Edit a client record; send the version you read (409 when someone saved in between)',
        params: clientParams,
        body: updateClientBody,
        response: { 200: z.object({ version: z.number().int() }) },
      },
    },
    async (request) =>
      updateClient({
        ctx,
        principal: requirePrincipal(request),
        clientId: request.params.id,
        body: request.body,
        ip: request.ip,
      }),
  );

  r.post(
    '/clients/:id/close',
    {
      schema: {
        tags: ['clients'],
        summary: 'Close a record: the work has ended (it stays readable and can be reopened)',
        params: clientParams,
      },
    },
    async (request, reply) => {
      await closeClient({
        ctx,
        principal: requirePrincipal(request),
        clientId: request.params.id,
        ip: request.ip,
      });
      return reply.status(204).send();
    },
  );

  r.post(
    '/clients/:id/reopen',
    {
      schema: {
        tags: ['clients'],
        summary: 'Reopen a closed record (only while the registration consent is in force)',
        params: clientParams,
      },
    },
    async (request, reply) => {
      await reopenClient({
        ctx,
        principal: requirePrincipal(request),
        clientId: request.params.id,
        ip: request.ip,
      });
      return reply.status(204).send();
    },
  );

  r.delete(
    '/clients/:id',
    {
      schema: {
        tags: ['clients'],
        summary:
          'Erase a record and everything about the person (coordinators; not while a referral is open)',
        params: clientParams,
        body: eraseClientBody,
      },
    },
    async (request, reply) => {
      await eraseClient({
        ctx,
        principal: requirePrincipal(request),
        clientId: request.params.id,
        reason: request.body.reason,
        ip: request.ip,
      });
      return reply.status(204).send();
    },
  );
};
