import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { clientNetworkParams, sourceQuery } from '../../contracts/networks-api.ts';
import { requirePrincipal } from '../../platform/auth/authenticate.ts';
import type { RoutesPlugin } from '../../platform/http/app.ts';
import { requestLocale } from '../../platform/http/locale.ts';
import { type ExportFormat, exportNetwork } from './networks.usecases.print.ts';

/** Print and download: the drawings as SVG, and the whole map as a PDF. */
export const networksPrintRoutes: RoutesPlugin = async (app, { ctx }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const send = async (
    request: FastifyRequest<{ Params: { id: string }; Querystring: { snapshot: string } }>,
    reply: FastifyReply,
    format: ExportFormat,
  ) => {
    const file = await exportNetwork({
      ctx,
      principal: requirePrincipal(request),
      clientId: request.params.id,
      ip: request.ip,
      source: request.query.snapshot,
      format,
      locale: requestLocale(request),
    });
    return (
      reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        // An SVG opened on its own is a document: it may run nothing and load nothing.
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox")
        .send(file.body)
    );
  };

  const schema = (summary: string) => ({
    tags: ['networks'],
    summary,
    params: clientNetworkParams,
    querystring: sourceQuery,
  });

  r.get(
    '/clients/:id/network/ecogram.svg',
    { schema: schema('The ecogram as SVG, with a legend (?snapshot=<id> for a snapshot)') },
    async (request, reply) => send(request, reply, 'ecogram.svg'),
  );
  r.get(
    '/clients/:id/network/genogram.svg',
    { schema: schema('The genogram as SVG, with a legend (?snapshot=<id> for a snapshot)') },
    async (request, reply) => send(request, reply, 'genogram.svg'),
  );
  r.get(
    '/clients/:id/network.pdf',
    { schema: schema('Ecogram, genogram and strengths as an A4 PDF (?snapshot=<id> for a snapshot)') },
    async (request, reply) => send(request, reply, 'pdf'),
  );
};
