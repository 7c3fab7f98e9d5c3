import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RoutesPlugin } from '../../platform/http/app.ts';
import {
  getHsdsOrganization,
  getHsdsService,
  getHsdsServiceAtLocation,
  getHsdsTaxonomy,
  getHsdsTerm,
  hsdsPage,
  listHsdsOrganizations,
  listHsdsServiceAtLocations,
  listHsdsServices,
  listHsdsTaxonomies,
  listHsdsTerms,
} from './directory.hsds.usecases.ts';

const tags = ['hsds'];
// Vocabulary ids are md5-derived (8-4-4-4-12 hex, not RFC 4122 v4), so ids are checked for shape only.
const idParams = z.object({ id: z.guid() });
const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();
const paging = {
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  per_page: z.coerce.number().int().min(1).max(100).default(20),
  format: z.enum(['json']).optional().describe('Only json is offered'),
};
const search = z.string().trim().max(200).optional().describe('Full text search');
// Public reference data: caches may keep it a few minutes.
const CACHE = 'public, max-age=300';

/**
 * The Open Referral HSDS 3.0 read API: published entries only, no login,
 * paged as HSDS describes (total_items, total_pages, page_number, …, contents).
 */
export const directoryHsdsRoutes: RoutesPlugin = async (app, { ctx }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  app.addHook('onSend', async (_request, reply) => {
    if (reply.statusCode === 200) reply.header('cache-control', CACHE);
  });

  r.get('/hsds/', { schema: { tags, summary: 'HSDS version of this API' } }, async (request) => ({
    version: '3.0',
    profile: 'https://docs.openreferral.org/en/latest/hsds/overview.html',
    openapi_url: `${request.protocol}://${request.host}/api/openapi.json`,
  }));

  r.get(
    '/hsds/services',
    {
      schema: {
        tags,
        summary: 'Published services',
        querystring: z.object({
          search,
          taxonomy_term_id: z.guid().optional(),
          taxonomy_id: z.guid().optional(),
          organization_id: z.guid().optional(),
          modified_after: z.iso.datetime({ offset: true }).optional(),
          minimal: flag,
          full: flag,
          ...paging,
        }),
      },
    },
    async (request) => {
      const q = request.query;
      return listHsdsServices({
        ctx,
        search: q.search,
        taxonomyTermId: q.taxonomy_term_id,
        taxonomyId: q.taxonomy_id,
        organizationId: q.organization_id,
        modifiedAfter: q.modified_after ? new Date(q.modified_after) : undefined,
        minimal: q.minimal ?? false,
        full: q.full ?? false,
        page: q.page,
        perPage: q.per_page,
      });
    },
  );

  r.get('/hsds/services/:id', { schema: { tags, params: idParams } }, async (request) =>
    getHsdsService({ ctx, id: request.params.id }),
  );

  r.get(
    '/hsds/organizations',
    { schema: { tags, querystring: z.object({ search, full: flag, full_service: flag, ...paging }) } },
    async (request) =>
      listHsdsOrganizations({
        ctx,
        search: request.query.search,
        page: request.query.page,
        perPage: request.query.per_page,
      }),
  );

  r.get('/hsds/organizations/:id', { schema: { tags, params: idParams } }, async (request) =>
    getHsdsOrganization({ ctx, id: request.params.id }),
  );

  r.get(
    '/hsds/service_at_locations',
    {
      schema: {
        tags,
        querystring: z.object({
          postcode: z
            .string()
            .regex(/^[1-9][0-9]{3}$/, 'gazetteer.invalid_postcode')
            .optional(),
          proximity: z.coerce
            .number()
            .int()
            .min(1)
            .max(200_000)
            .optional()
            .describe('Metres from the postcode’s centre'),
          ...paging,
        }),
      },
    },
    async (request) =>
      listHsdsServiceAtLocations({
        ctx,
        postcode: request.query.postcode,
        proximity: request.query.proximity,
        page: request.query.page,
        perPage: request.query.per_page,
      }),
  );

  r.get('/hsds/service_at_locations/:id', { schema: { tags, params: idParams } }, async (request) =>
    getHsdsServiceAtLocation({ ctx, id: request.params.id }),
  );

  r.get(
    '/hsds/taxonomies',
    { schema: { tags, querystring: z.object({ search, ...paging }) } },
    async (request) => listHsdsTaxonomies({ page: request.query.page, perPage: request.query.per_page }),
  );

  r.get('/hsds/taxonomies/:id', { schema: { tags, params: idParams } }, async (request) =>
    getHsdsTaxonomy({ id: request.params.id }),
  );

  r.get(
    '/hsds/taxonomy_terms',
    {
      schema: {
        tags,
        querystring: z.object({
          search,
          taxonomy_id: z.guid().optional(),
          top_only: flag,
          parent_id: z.guid().optional(),
          ...paging,
        }),
      },
    },
    async (request) => {
      const q = request.query;
      // The vocabulary is flat: every term is a top term and none has a parent.
      if (q.parent_id) return hsdsPage([], 0, q.page, q.per_page);
      return listHsdsTerms({
        taxonomyId: q.taxonomy_id,
        search: q.search,
        page: q.page,
        perPage: q.per_page,
      });
    },
  );

  r.get('/hsds/taxonomy_terms/:id', { schema: { tags, params: idParams } }, async (request) =>
    getHsdsTerm({ id: request.params.id }),
  );
};
