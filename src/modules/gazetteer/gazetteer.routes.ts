import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RoutesPlugin } from '../../platform/http/app.ts';
import { NIS_CODE, POSTCODE, PROVINCES, REGIONS } from './gazetteer.models.ts';
import { presentMatches, presentMunicipalityDetail, presentPostcode } from './gazetteer.presenters.ts';
import { findMunicipalities, getMunicipality, lookupPostcode } from './gazetteer.usecases.ts';

// Reference data that changes only with an import: browsers and proxies may keep it for an hour.
const CACHE = 'public, max-age=3600';

const point = z.object({ lat: z.number(), lng: z.number() });
const municipality = z.object({
  nisCode: z.string().describe('NIS code (5 digits), municipalities in force since 1 January 2025'),
  name: z.object({ nl: z.string(), fr: z.string() }),
  region: z.enum(REGIONS),
  province: z
    .object({
      code: z.enum(Object.keys(PROVINCES) as [keyof typeof PROVINCES]),
      name: z.object({ nl: z.string(), fr: z.string() }),
    })
    .nullable()
    .describe('ISO 3166-2:BE province; null in Brussels'),
  centroid: point.describe('Point of the main town (WGS84)'),
});
const place = z.object({ name: z.string(), point });

const postcodeParam = z
  .string()
  .refine((v) => POSTCODE.test(v), { message: 'gazetteer.invalid_postcode' })
  .describe('Belgian postcode, 4 digits');
const nisParam = z
  .string()
  .refine((v) => NIS_CODE.test(v), { message: 'gazetteer.invalid_nis_code' })
  .describe('NIS code, 5 digits');

/** Public lookups (no login): postcode → municipality, municipality search and details. */
export const gazetteerRoutes: RoutesPlugin = async (app, { ctx }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/gazetteer/postcodes/:postcode',
    {
      schema: {
        tags: ['gazetteer'],
        summary: 'The municipality and places of a postcode',
        params: z.object({ postcode: postcodeParam }),
        response: {
          200: z.object({
            postcode: z.string(),
            point: point.describe('Mean of the places’ points'),
            municipalities: z.array(municipality),
            places: z.array(place.extend({ nisCode: z.string() })),
          }),
        },
      },
    },
    async (request, reply) => {
      const lookup = await lookupPostcode({ ctx, postcode: request.params.postcode });
      reply.header('cache-control', CACHE);
      return presentPostcode(lookup);
    },
  );

  r.get(
    '/gazetteer/municipalities',
    {
      schema: {
        tags: ['gazetteer'],
        summary: 'Search municipalities by (part of) their Dutch or French name, or of one of their places',
        querystring: z.object({
          q: z.string().trim().max(100).optional().describe('Accents and case are ignored; empty lists all'),
          region: z.enum(REGIONS).optional(),
          limit: z.coerce.number().int().min(1).max(600).default(20),
        }),
        response: {
          200: z.object({
            municipalities: z.array(
              municipality.extend({
                matchedPlace: z
                  .string()
                  .nullable()
                  .describe('The place that matched, when not the name itself'),
              }),
            ),
          }),
        },
      },
    },
    async (request, reply) => {
      const { q, region, limit } = request.query;
      const matches = await findMunicipalities({ ctx, query: q, region, limit });
      reply.header('cache-control', CACHE);
      return presentMatches(matches);
    },
  );

  r.get(
    '/gazetteer/municipalities/:nis',
    {
      schema: {
        tags: ['gazetteer'],
        summary: 'A municipality with its postcodes, places and centroid',
        params: z.object({ nis: nisParam }),
        response: {
          200: municipality.extend({
            postcodes: z.array(z.object({ postcode: z.string(), places: z.array(place) })),
          }),
        },
      },
    },
    async (request, reply) => {
      const detail = await getMunicipality({ ctx, nisCode: request.params.nis });
      reply.header('cache-control', CACHE);
      return presentMunicipalityDetail(detail);
    },
  );
};
