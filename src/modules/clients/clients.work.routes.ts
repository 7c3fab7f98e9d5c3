import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  answerReferralBody,
  clientParams,
  contactBody,
  createdView,
  createReferralBody,
  incomingReferralParams,
  incomingReferralView,
  organisationQuery,
  referralParams,
  timelineQuery,
  timelineView,
  updateReferralBody,
} from '../../contracts/clients.ts';
import { requirePrincipal } from '../../platform/auth/authenticate.ts';
import type { RoutesPlugin } from '../../platform/http/app.ts';
import { answerIncomingReferral, listIncomingReferrals } from './clients.incoming.usecases.ts';
import { createReferral, updateReferral } from './clients.referrals.usecases.ts';
import { addContact, getTimeline } from './clients.work.usecases.ts';

/** The work with a person: the timeline, contacts and referrals (also those coming in). */
export const clientsWorkRoutes: RoutesPlugin = async (app, { ctx }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/clients/:id/timeline',
    {
      schema: {
        tags: ['clients'],
        summary: 'What happened with the person, newest first (audited)',
        params: clientParams,
        querystring: timelineQuery,
        response: { 200: timelineView },
      },
    },
    async (request) =>
      getTimeline({
        ctx,
        principal: requirePrincipal(request),
        clientId: request.params.id,
        page: request.query.page,
        perPage: request.query.per_page,
        ip: request.ip,
      }),
  );

  r.post(
    '/clients/:id/contacts',
    {
      schema: {
        tags: ['clients'],
        summary: 'Write down a contact with the person (assigned volunteers too)',
        params: clientParams,
        body: contactBody,
        response: { 201: createdView },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const result = await addContact({
        ctx,
        principal: requirePrincipal(request),
        clientId: request.params.id,
        mode: b.mode,
        summary: b.summary,
        at: b.at ? new Date(b.at) : undefined,
        ip: request.ip,
      });
      return reply.status(201).send(result);
    },
  );

  r.post(
    '/clients/:id/referrals',
    {
      schema: {
        tags: ['clients'],
        summary:
          "Refer the person to a published initiative (another organisation's needs the person's consent to share with it)",
        params: clientParams,
        body: createReferralBody,
        response: { 201: createdView },
      },
    },
    async (request, reply) => {
      const result = await createReferral({
        ctx,
        principal: requirePrincipal(request),
        clientId: request.params.id,
        serviceId: request.body.serviceId,
        reason: request.body.reason,
        status: request.body.status,
        ip: request.ip,
      });
      return reply.status(201).send(result);
    },
  );

  r.patch(
    '/clients/:id/referrals/:referralId',
    {
      schema: {
        tags: ['clients'],
        summary: 'Move a referral on and write down how it went',
        params: referralParams,
        body: updateReferralBody,
      },
    },
    async (request, reply) => {
      await updateReferral({
        ctx,
        principal: requirePrincipal(request),
        clientId: request.params.id,
        referralId: request.params.referralId,
        status: request.body.status,
        outcomeNote: request.body.outcomeNote,
        ip: request.ip,
      });
      return reply.status(204).send();
    },
  );

  r.get(
    '/clients/referrals/incoming',
    {
      schema: {
        tags: ['clients'],
        summary:
          "Referrals from other organisations to this organisation's initiatives: only the shared fields (coordinators; audited)",
        querystring: organisationQuery,
        response: { 200: z.object({ items: z.array(incomingReferralView) }) },
      },
    },
    async (request) =>
      listIncomingReferrals({
        ctx,
        principal: requirePrincipal(request),
        organisationId: request.query.organisationId,
        ip: request.ip,
      }),
  );

  r.post(
    '/clients/referrals/incoming/:referralId/answer',
    {
      schema: {
        tags: ['clients'],
        summary:
          "Accept (started) or decline (declined) a referral to one of this organisation's initiatives (its coordinators; while the sharing consent stands; audited)",
        params: incomingReferralParams,
        body: answerReferralBody,
      },
    },
    async (request, reply) => {
      await answerIncomingReferral({
        ctx,
        principal: requirePrincipal(request),
        referralId: request.params.referralId,
        answer: request.body.answer,
        note: request.body.note || undefined,
        ip: request.ip,
      });
      return reply.status(204).send();
    },
  );
};
