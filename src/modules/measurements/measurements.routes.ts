import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  instrumentDefinitionSchema,
  instrumentListSchema,
  instrumentParams,
  scoreBody,
  scoreQuery,
  scoreResultSchema,
} from '../../contracts/measurements.ts';
import type { RoutesPlugin } from '../../platform/http/app.ts';
import { requestLocale } from '../../platform/http/locale.ts';
import { presentInstrument, presentInstrumentSummary } from './measurements.presenters.ts';
import { measurementsRecordsRoutes } from './measurements.records.routes.ts';
import { getInstrument, listInstruments, scoreInstrument } from './measurements.usecases.ts';

/**
 * Public, stateless instrument endpoints (no login): the kiosk and other
 * systems read the definitions and score responses; nothing is stored. The
 * stored measurements of clients and the self-fill links are registered here too.
 */
export const measurementsRoutes: RoutesPlugin = async (app, { ctx }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  await app.register(measurementsRecordsRoutes, { ctx });

  r.get(
    '/instruments',
    {
      schema: {
        tags: ['measurements'],
        summary: 'The validated loneliness instruments',
        response: { 200: instrumentListSchema },
      },
    },
    async (request) => {
      const locale = requestLocale(request);
      return { instruments: listInstruments().map((d) => presentInstrumentSummary(d, locale)) };
    },
  );

  r.get(
    '/instruments/:id',
    {
      schema: {
        tags: ['measurements'],
        summary: 'An instrument: items, answers, scoring rules, in the request’s language where validated',
        params: instrumentParams,
        response: { 200: instrumentDefinitionSchema },
      },
    },
    async (request, reply) => {
      const definition = getInstrument({ instrumentId: request.params.id });
      const view = presentInstrument(definition, requestLocale(request));
      reply.header('content-language', view.wording.locale);
      return view;
    },
  );

  r.post(
    '/instruments/:id/score',
    {
      schema: {
        tags: ['measurements'],
        summary: 'Score one response exactly as INSTRUMENTS.md prescribes; nothing is stored',
        params: instrumentParams,
        querystring: scoreQuery,
        body: scoreBody,
        response: { 200: scoreResultSchema },
      },
      // An unknown instrument is a 404 even when the body would not fit it either.
      preValidation: async (request) => {
        getInstrument({ instrumentId: request.params.id });
      },
    },
    async (request) =>
      scoreInstrument({
        instrumentId: request.params.id,
        answers: request.body.answers,
        threshold: request.query.threshold,
      }),
  );
};
