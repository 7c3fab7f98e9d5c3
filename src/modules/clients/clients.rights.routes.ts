import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { accessRequestView, clientParams } from '../../contracts/clients.ts';
import { requirePrincipal } from '../../platform/auth/authenticate.ts';
import type { RoutesPlugin } from '../../platform/http/app.ts';
import { requestLocale } from '../../platform/http/locale.ts';
import { clientDataProviders } from '../client-data.ts';
import { renderAccessRequestPdf } from './clients.rights.pdf.ts';
import { buildAccessRequest } from './clients.rights.usecases.ts';

/** The person's right of access (GDPR art. 15): everything held about them, as JSON and as a PDF. */
export const clientsRightsRoutes: RoutesPlugin = async (app, { ctx }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/clients/:id/access-request.json',
    {
      schema: {
        tags: ['clients'],
        summary: 'Everything held about the person, as JSON (coordinators; audited)',
        params: clientParams,
        response: { 200: accessRequestView },
      },
    },
    async (request, reply) => {
      const data = await buildAccessRequest({
        ctx,
        principal: requirePrincipal(request),
        clientId: request.params.id,
        ip: request.ip,
        locale: requestLocale(request),
        providers: clientDataProviders,
        format: 'json',
      });
      return reply
        .header('content-disposition', `attachment; filename="access-request-${request.params.id}.json"`)
        .send(data);
    },
  );

  r.get(
    '/clients/:id/access-request.pdf',
    {
      schema: {
        tags: ['clients'],
        summary:
          "Everything held about the person, as a PDF in the reader's language (coordinators; audited)",
        params: clientParams,
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const locale = requestLocale(request);
      const data = await buildAccessRequest({
        ctx,
        principal: requirePrincipal(request),
        clientId: request.params.id,
        ip: request.ip,
        locale,
        providers: clientDataProviders,
        format: 'pdf',
      });
      const pdf = await renderAccessRequestPdf(data, locale);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="access-request-${request.params.id}.pdf"`)
        .send(pdf);
    },
  );
};
