import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  assignWorkerBody,
  clientParams,
  consentParams,
  createdView,
  organisationQuery,
  recordConsentBody,
  teamView,
  withdrawConsentBody,
  workerParams,
} from '../../contracts/clients.ts';
import { requirePrincipal } from '../../platform/auth/authenticate.ts';
import type { RoutesPlugin } from '../../platform/http/app.ts';
import {
  assignWorker,
  listAssignable,
  recordConsent,
  unassignWorker,
  withdrawConsent,
} from './clients.team.usecases.ts';

/** What the person agreed to, and who works with them. */
export const clientsTeamRoutes: RoutesPlugin = async (app, { ctx }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/clients/team',
    {
      schema: {
        tags: ['clients'],
        summary:
          "Who can be assigned to the organisation's clients: its coordinators, workers and volunteers",
        querystring: organisationQuery,
        response: { 200: teamView },
      },
    },
    async (request) =>
      listAssignable({
        ctx,
        principal: requirePrincipal(request),
        organisationId: request.query.organisationId,
      }),
  );

  r.post(
    '/clients/:id/consents',
    {
      schema: {
        tags: ['clients'],
        summary:
          'Record what the person agreed to: registration, contact, sharing with one organisation, self-fill links',
        params: clientParams,
        body: recordConsentBody,
        response: { 201: createdView },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const result = await recordConsent({
        ctx,
        principal: requirePrincipal(request),
        clientId: request.params.id,
        kind: b.kind,
        method: b.method,
        sharedWithOrganisationId: b.sharedWithOrganisationId,
        note: b.note,
        ip: request.ip,
      });
      return reply.status(201).send(result);
    },
  );

  r.post(
    '/clients/:id/consents/:consentId/withdraw',
    {
      schema: {
        tags: ['clients'],
        summary: 'Withdraw a consent (withdrawing the registration closes the record for new work)',
        params: consentParams,
        body: withdrawConsentBody,
      },
    },
    async (request, reply) => {
      await withdrawConsent({
        ctx,
        principal: requirePrincipal(request),
        clientId: request.params.id,
        consentId: request.params.consentId,
        method: request.body.method,
        ip: request.ip,
      });
      return reply.status(204).send();
    },
  );

  r.post(
    '/clients/:id/workers',
    {
      schema: {
        tags: ['clients'],
        summary: 'Assign a member of the organisation to the client, or change their part',
        params: clientParams,
        body: assignWorkerBody,
      },
    },
    async (request, reply) => {
      await assignWorker({
        ctx,
        principal: requirePrincipal(request),
        clientId: request.params.id,
        userId: request.body.userId,
        role: request.body.role,
        ip: request.ip,
      });
      return reply.status(204).send();
    },
  );

  r.delete(
    '/clients/:id/workers/:userId',
    {
      schema: { tags: ['clients'], summary: 'Take someone off the client', params: workerParams },
    },
    async (request, reply) => {
      await unassignWorker({
        ctx,
        principal: requirePrincipal(request),
        clientId: request.params.id,
        userId: request.params.userId,
        ip: request.ip,
      });
      return reply.status(204).send();
    },
  );
};
