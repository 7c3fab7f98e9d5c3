import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../contracts/common.ts';
import {
  createMunicipalityBody,
  createOrganisationBody,
  createRegionBody,
  municipalityView,
  organisationView,
  regionView,
  updateOrganisationBody,
} from '../../contracts/tenancy.ts';
import { requirePrincipal } from '../../platform/auth/authenticate.ts';
import type { RoutesPlugin } from '../../platform/http/app.ts';
import {
  assertMayUpdateOrganisation,
  assertPlatformAdmin,
  visibleOrganisations,
} from './tenancy.policies.ts';
import { presentMunicipality, presentOrganisation } from './tenancy.presenters.ts';
import * as tenancy from './tenancy.usecases.ts';

export const tenancyRoutes: RoutesPlugin = async (app, { ctx }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['admin'];

  r.get('/admin/regions', { schema: { tags, response: { 200: z.array(regionView) } } }, async (request) => {
    requirePrincipal(request);
    return tenancy.listRegions({ ctx });
  });

  r.post(
    '/admin/regions',
    { schema: { tags, body: createRegionBody, response: { 201: regionView } } },
    async (request, reply) => {
      const actor = requirePrincipal(request);
      assertPlatformAdmin(actor);
      return reply
        .status(201)
        .send(await tenancy.createRegion({ ctx, actor, name: request.body.name, ip: request.ip }));
    },
  );

  r.get(
    '/admin/municipalities',
    { schema: { tags, response: { 200: z.array(municipalityView) } } },
    async (request) => {
      requirePrincipal(request);
      return (await tenancy.listMunicipalities({ ctx })).map(presentMunicipality);
    },
  );

  r.post(
    '/admin/municipalities',
    { schema: { tags, body: createMunicipalityBody, response: { 201: municipalityView } } },
    async (request, reply) => {
      const actor = requirePrincipal(request);
      assertPlatformAdmin(actor);
      const row = await tenancy.createMunicipality({ ctx, actor, ...request.body, ip: request.ip });
      return reply.status(201).send(presentMunicipality(row));
    },
  );

  r.get(
    '/admin/organisations',
    { schema: { tags, response: { 200: z.array(organisationView) } } },
    async (request) => {
      const principal = requirePrincipal(request);
      return (await tenancy.listOrganisations({ ctx, ids: visibleOrganisations(principal) })).map(
        presentOrganisation,
      );
    },
  );

  r.post(
    '/admin/organisations',
    { schema: { tags, body: createOrganisationBody, response: { 201: organisationView } } },
    async (request, reply) => {
      const actor = requirePrincipal(request);
      assertPlatformAdmin(actor);
      const org = await tenancy.createOrganisation({ ctx, actor, ...request.body, ip: request.ip });
      return reply.status(201).send(presentOrganisation(org));
    },
  );

  r.patch(
    '/admin/organisations/:id',
    { schema: { tags, params: idParams, body: updateOrganisationBody, response: { 200: organisationView } } },
    async (request) => {
      const actor = requirePrincipal(request);
      assertMayUpdateOrganisation(actor, request.params.id, Object.keys(request.body));
      const org = await tenancy.updateOrganisation({
        ctx,
        actor,
        id: request.params.id,
        patch: request.body,
        ip: request.ip,
      });
      return presentOrganisation(org);
    },
  );
};
