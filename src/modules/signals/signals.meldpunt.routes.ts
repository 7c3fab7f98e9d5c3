import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  meldpuntView,
  municipalityParams,
  numbersQuery,
  numbersView,
  serviceLevelsBody,
  serviceLevelsView,
} from '../../contracts/signals.ts';
import { requirePrincipal } from '../../platform/auth/authenticate.ts';
import type { RoutesPlugin } from '../../platform/http/app.ts';
import { getServiceLevels, setServiceLevels } from './signals.escalation.usecases.ts';
import {
  getMeldpuntOrganisation,
  listMyMeldpunts,
  setMeldpuntOrganisation,
  signalNumbers,
} from './signals.numbers.usecases.ts';

/** Running a meldpunt: who runs it, its service levels and its numbers. */
export const signalsMeldpuntRoutes: RoutesPlugin = async (app, { ctx }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/signals/service-levels/:municipalityId',
    {
      schema: {
        tags: ['signals'],
        summary: "A municipality's service levels for signals, in Belgian working days",
        params: municipalityParams,
        response: { 200: serviceLevelsView },
      },
    },
    async (request) => {
      requirePrincipal(request);
      return getServiceLevels({ ctx, municipalityId: request.params.municipalityId });
    },
  );

  r.put(
    '/signals/service-levels/:municipalityId',
    {
      schema: {
        tags: ['signals'],
        summary: "Set a municipality's service levels (its meldpunt coordinators only)",
        params: municipalityParams,
        body: serviceLevelsBody,
        response: { 200: serviceLevelsView },
      },
    },
    async (request) =>
      setServiceLevels({
        ctx,
        principal: requirePrincipal(request),
        municipalityId: request.params.municipalityId,
        ...request.body,
        ip: request.ip,
      }),
  );

  r.get(
    '/signals/numbers',
    {
      schema: {
        tags: ['signals'],
        summary: "The meldpunt's numbers for the last twelve months (its coordinators only)",
        querystring: numbersQuery,
        response: { 200: numbersView },
      },
    },
    async (request) =>
      signalNumbers({
        ctx,
        principal: requirePrincipal(request),
        municipalityId: request.query.municipalityId,
      }),
  );

  r.get(
    '/signals/meldpunts',
    {
      schema: {
        tags: ['signals'],
        summary: 'The municipalities whose meldpunt I coordinate',
        response: {
          200: z.object({ items: z.array(z.object({ municipalityId: z.uuid(), name: z.string() })) }),
        },
      },
    },
    async (request) => ({ items: await listMyMeldpunts({ ctx, principal: requirePrincipal(request) }) }),
  );

  r.get(
    '/signals/meldpunts/:municipalityId',
    {
      schema: {
        tags: ['signals'],
        summary: "Which organisation runs a municipality's meldpunt now (platform admins)",
        params: municipalityParams,
        response: { 200: meldpuntView },
      },
    },
    async (request) =>
      getMeldpuntOrganisation({
        ctx,
        principal: requirePrincipal(request),
        municipalityId: request.params.municipalityId,
      }),
  );

  r.put(
    '/signals/meldpunts/:municipalityId',
    {
      schema: {
        tags: ['signals'],
        summary: "Name the organisation that runs a municipality's meldpunt (platform admins)",
        params: municipalityParams,
        body: z.object({ organisationId: z.uuid() }).strict(),
      },
    },
    async (request, reply) => {
      await setMeldpuntOrganisation({
        ctx,
        principal: requirePrincipal(request),
        municipalityId: request.params.municipalityId,
        organisationId: request.body.organisationId,
        ip: request.ip,
      });
      return reply.status(204).send();
    },
  );
};
