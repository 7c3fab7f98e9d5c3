import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  accessRequestBody,
  contactAttemptBody,
  duplicatesView,
  informationBody,
  mergeSignalBody,
  signalDetailView,
  signalParams,
} from '../../contracts/signals.ts';
import { requirePrincipal } from '../../platform/auth/authenticate.ts';
import type { RoutesPlugin } from '../../platform/http/app.ts';
import { listPossibleDuplicates, mergeSignal } from './signals.merge.usecases.ts';
import { logContactAttempt } from './signals.outreach.usecases.ts';
import { answerAccessRequest, recordInformation } from './signals.rights.usecases.ts';

const key = (p: { municipalityId: string; id: string }) => ({ municipalityId: p.municipalityId, id: p.id });

/** Working a signal: the outreach log, duplicates and merging, and the person's rights. */
export const signalsCaseworkRoutes: RoutesPlugin = async (app, { ctx }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/signals/:municipalityId/:id/contact-attempts',
    {
      schema: {
        tags: ['signals'],
        summary: 'Log an attempt to reach the person, and its result (the outreach log)',
        params: signalParams,
        body: contactAttemptBody,
        response: { 201: z.object({ id: z.uuid() }) },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const result = await logContactAttempt({
        ctx,
        principal: requirePrincipal(request),
        key: key(request.params),
        method: b.method,
        result: b.result,
        note: b.note,
        attemptedAt: b.attemptedAt ? new Date(b.attemptedAt) : undefined,
        ip: request.ip,
      });
      return reply.status(201).send(result);
    },
  );

  r.get(
    '/signals/:municipalityId/:id/duplicates',
    {
      schema: {
        tags: ['signals'],
        summary: 'Possible duplicates: same address or person, or same reporter, in recent months',
        params: signalParams,
        response: { 200: duplicatesView },
      },
    },
    async (request) => ({
      items: await listPossibleDuplicates({
        ctx,
        principal: requirePrincipal(request),
        key: key(request.params),
        ip: request.ip,
      }),
    }),
  );

  r.post(
    '/signals/:municipalityId/:id/merge',
    {
      schema: {
        tags: ['signals'],
        summary: 'Merge this signal, a duplicate, into another open signal of the same municipality',
        params: signalParams,
        body: mergeSignalBody,
      },
    },
    async (request, reply) => {
      await mergeSignal({
        ctx,
        principal: requirePrincipal(request),
        key: key(request.params),
        intoId: request.body.intoId,
        ip: request.ip,
      });
      return reply.status(204).send();
    },
  );

  r.put(
    '/signals/:municipalityId/:id/information',
    {
      schema: {
        tags: ['signals'],
        summary: 'Record how the person was informed (GDPR art. 14), or which exception applied and why',
        params: signalParams,
        body: informationBody,
      },
    },
    async (request, reply) => {
      await recordInformation({
        ctx,
        principal: requirePrincipal(request),
        key: key(request.params),
        record: request.body,
        ip: request.ip,
      });
      return reply.status(204).send();
    },
  );

  r.post(
    '/signals/access-requests',
    {
      schema: {
        tags: ['signals'],
        summary:
          'Everything held about a person, by name or address (GDPR art. 15), for the meldpunt coordinators',
        body: accessRequestBody,
        response: { 200: z.object({ signals: z.array(signalDetailView) }) },
      },
    },
    async (request) =>
      answerAccessRequest({
        ctx,
        principal: requirePrincipal(request),
        municipalityId: request.body.municipalityId,
        name: request.body.name,
        street: request.body.street,
        ip: request.ip,
      }),
  );
};
