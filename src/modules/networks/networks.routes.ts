import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { MAX_GENOGRAM_PEOPLE, MAX_MEMBERS, MAX_TIES } from '../../contracts/networks.ts';
import {
  analysisView,
  clientNetworkParams,
  compareQuery,
  compareView,
  createSnapshotBody,
  networkMapView,
  savedNetworkMapView,
  saveNetworkMapBody,
  snapshotListView,
  snapshotParams,
  snapshotSummaryView,
  snapshotView,
  sourceQuery,
  suggestionsView,
} from '../../contracts/networks-api.ts';
import { requirePrincipal } from '../../platform/auth/authenticate.ts';
import type { RoutesPlugin } from '../../platform/http/app.ts';
import { requestLocale } from '../../platform/http/locale.ts';
import { sendProblem } from '../../platform/http/problem.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import { mapTooLarge, NetworkVersionConflict } from './networks.errors.ts';
import { networksPrintRoutes } from './networks.routes.print.ts';
import { analyseMap, compareMaps } from './networks.usecases.reading.ts';
import { suggestForClient } from './networks.usecases.suggestions.ts';
import {
  createSnapshot,
  getNetworkMap,
  getSnapshot,
  listSnapshots,
  saveNetworkMap,
} from './networks.usecases.ts';

/**
 * A full map at the contract's limits (300 members with notes, 1,000 ties)
 * is larger than the app's 256 kB default, so this one route reads up to
 * 2 MiB; anything larger is refused with the limits named.
 */
export const MAP_BODY_LIMIT_BYTES = 2 * 1024 * 1024;

/**
 * Errors of the save route: a conflict answers with the map as it is now (an
 * extension member of the problem), a body over the limit names the limits;
 * everything else is the app's usual problem.
 */
function saveErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof NetworkVersionConflict) {
    const t = translator(requestLocale(request));
    return reply
      .status(409)
      .type('application/problem+json; charset=utf-8')
      .header('cache-control', 'no-store')
      .send({
        type: `urn:verbonden:problem:${error.code}`,
        title: t(`errors.${error.code}`),
        status: 409,
        code: error.code,
        current: error.current,
      });
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return sendProblem(
      mapTooLarge({
        members: MAX_MEMBERS,
        ties: MAX_TIES,
        people: MAX_GENOGRAM_PEOPLE,
      }) as unknown as FastifyError,
      request,
      reply,
    );
  return sendProblem(error, request, reply);
}

/** A client's network map: ecogram, genogram, strengths, snapshots, analysis, suggestions and print. */
export const networksRoutes: RoutesPlugin = async (app, { ctx }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  await app.register(networksPrintRoutes, { ctx });
  const who = (request: FastifyRequest<{ Params: { id: string } }>) => ({
    ctx,
    principal: requirePrincipal(request),
    clientId: request.params.id,
    ip: request.ip,
  });

  r.get(
    '/clients/:id/network',
    {
      schema: {
        tags: ['networks'],
        summary: "A client's network map (ecogram, genogram, strengths); version 0 before the first save",
        params: clientNetworkParams,
        response: { 200: networkMapView },
      },
    },
    async (request) => getNetworkMap(who(request)),
  );

  r.put(
    '/clients/:id/network',
    {
      bodyLimit: MAP_BODY_LIMIT_BYTES,
      errorHandler: saveErrors,
      schema: {
        tags: ['networks'],
        summary:
          'Save the map. Give the version you started from: when someone saved in between, the answer is ' +
          '409 networks.version_conflict with their map in `current` (see networkVersionConflictProblem)',
        params: clientNetworkParams,
        body: saveNetworkMapBody,
        response: { 200: savedNetworkMapView },
      },
    },
    async (request) => saveNetworkMap({ ...who(request), body: request.body }),
  );

  r.post(
    '/clients/:id/network/snapshots',
    {
      schema: {
        tags: ['networks'],
        summary: 'Keep the saved map as it is, for a date (not in the future)',
        params: clientNetworkParams,
        body: createSnapshotBody,
        response: { 201: snapshotSummaryView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createSnapshot({ ...who(request), body: request.body })),
  );

  r.get(
    '/clients/:id/network/snapshots',
    {
      schema: {
        tags: ['networks'],
        summary: "A client's snapshots, newest date first",
        params: clientNetworkParams,
        response: { 200: snapshotListView },
      },
    },
    async (request) => ({ items: await listSnapshots(who(request)) }),
  );

  r.get(
    '/clients/:id/network/snapshots/:snapshotId',
    {
      schema: {
        tags: ['networks'],
        summary: 'One snapshot with its map',
        params: snapshotParams,
        response: { 200: snapshotView },
      },
    },
    async (request) => getSnapshot({ ...who(request), snapshotId: request.params.snapshotId }),
  );

  r.get(
    '/clients/:id/network/compare',
    {
      schema: {
        tags: ['networks'],
        summary: 'What changed between a snapshot and a later one (or the current map), in plain sentences',
        params: clientNetworkParams,
        querystring: compareQuery,
        response: { 200: compareView },
      },
    },
    async (request) =>
      compareMaps({
        ...who(request),
        from: request.query.from,
        to: request.query.to,
        locale: requestLocale(request),
      }),
  );

  r.get(
    '/clients/:id/network/analysis',
    {
      schema: {
        tags: ['networks'],
        summary: 'Size, sectors, sources of support, overloaded helpers and findings of a map',
        params: clientNetworkParams,
        querystring: sourceQuery,
        response: { 200: analysisView },
      },
    },
    async (request) =>
      analyseMap({ ...who(request), source: request.query.snapshot, locale: requestLocale(request) }),
  );

  r.get(
    '/clients/:id/network/suggestions',
    {
      schema: {
        tags: ['networks'],
        summary: "Published initiatives near the person that fit their strengths and their network's gaps",
        params: clientNetworkParams,
        response: { 200: suggestionsView },
      },
    },
    async (request) => suggestForClient({ ...who(request), locale: requestLocale(request) }),
  );
};
