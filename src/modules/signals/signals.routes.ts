import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  assigneesView,
  assignSignalBody,
  createdSignalView,
  createSignalBody,
  noteBody,
  referenceParams,
  signalDetailView,
  signalParams,
  signalStatusView,
  signalSummaryView,
  transitionSignalBody,
} from '../../contracts/signals.ts';
import { requirePrincipal } from '../../platform/auth/authenticate.ts';
import type { RoutesPlugin } from '../../platform/http/app.ts';
import { requestLocale } from '../../platform/http/locale.ts';
import { signalsCaseworkRoutes } from './signals.casework.routes.ts';
import { signalsMeldpuntRoutes } from './signals.meldpunt.routes.ts';
import {
  addSignalNote,
  assignSignal,
  getSignal,
  listAssignedSignals,
  listAssignees,
  listSignalQueue,
  transitionSignal,
} from './signals.triage.usecases.ts';
import { signalStatus, submitSignal } from './signals.usecases.ts';

const key = (p: { municipalityId: string; id: string }) => ({ municipalityId: p.municipalityId, id: p.id });

/** The meldpunt: the public form and status, triage, assignment and the lifecycle. */
export const signalsRoutes: RoutesPlugin = async (app, { ctx }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  await app.register(signalsCaseworkRoutes, { ctx });
  await app.register(signalsMeldpuntRoutes, { ctx });

  r.post(
    '/signals',
    {
      schema: {
        tags: ['signals'],
        summary: 'Report someone you worry about (no login needed); answers with a reference',
        body: createSignalBody,
        response: { 201: createdSignalView },
      },
    },
    async (request, reply) => {
      const result = await submitSignal({
        ctx,
        body: request.body,
        principal: request.auth,
        ip: request.ip,
        locale: requestLocale(request),
      });
      return reply.status(201).send(result);
    },
  );

  r.get(
    '/signals/status/:reference',
    {
      schema: {
        tags: ['signals'],
        summary: 'The status of a report by its reference: received, being handled or closed',
        params: referenceParams,
        response: { 200: signalStatusView },
      },
    },
    async (request) => signalStatus({ ctx, reference: request.params.reference, ip: request.ip }),
  );

  r.get(
    '/signals/queue',
    {
      schema: {
        tags: ['signals'],
        summary: "The meldpunt coordinator's queue: open signals, urgent and new first",
        response: { 200: z.object({ items: z.array(signalSummaryView) }) },
      },
    },
    async (request) => ({ items: await listSignalQueue({ ctx, principal: requirePrincipal(request) }) }),
  );

  r.get(
    '/signals/assigned',
    {
      schema: {
        tags: ['signals'],
        summary: 'Open signals assigned to me or to an organisation I coordinate',
        response: { 200: z.object({ items: z.array(signalSummaryView) }) },
      },
    },
    async (request) => ({ items: await listAssignedSignals({ ctx, principal: requirePrincipal(request) }) }),
  );

  r.get(
    '/signals/:municipalityId/:id',
    {
      schema: {
        tags: ['signals'],
        summary: 'One signal with its history and notes (every read is audited)',
        params: signalParams,
        response: { 200: signalDetailView },
      },
    },
    async (request) =>
      getSignal({ ctx, principal: requirePrincipal(request), key: key(request.params), ip: request.ip }),
  );

  r.get(
    '/signals/:municipalityId/:id/assignees',
    {
      schema: {
        tags: ['signals'],
        summary:
          'Who a signal can be assigned to: organisations working in its municipality and their people',
        params: signalParams,
        response: { 200: assigneesView },
      },
    },
    async (request) => ({
      organisations: await listAssignees({
        ctx,
        principal: requirePrincipal(request),
        key: key(request.params),
      }),
    }),
  );

  r.post(
    '/signals/:municipalityId/:id/assign',
    {
      schema: {
        tags: ['signals'],
        summary: 'Assign a signal to an organisation and, optionally, one of its people',
        params: signalParams,
        body: assignSignalBody,
      },
    },
    async (request, reply) => {
      await assignSignal({
        ctx,
        principal: requirePrincipal(request),
        key: key(request.params),
        organisationId: request.body.organisationId,
        userId: request.body.userId,
        ip: request.ip,
      });
      return reply.status(204).send();
    },
  );

  r.post(
    '/signals/:municipalityId/:id/transitions',
    {
      schema: {
        tags: ['signals'],
        summary: 'Move a signal on: triaged, contact attempted, in contact, or closed with an outcome',
        params: signalParams,
        body: transitionSignalBody,
      },
    },
    async (request, reply) => {
      await transitionSignal({
        ctx,
        principal: requirePrincipal(request),
        key: key(request.params),
        status: request.body.status,
        outcome: request.body.outcome,
        ip: request.ip,
      });
      return reply.status(204).send();
    },
  );

  r.post(
    '/signals/:municipalityId/:id/notes',
    {
      schema: {
        tags: ['signals'],
        summary: "Add a note to a signal's file",
        params: signalParams,
        body: noteBody,
        response: { 201: z.object({ id: z.uuid() }) },
      },
    },
    async (request, reply) => {
      const result = await addSignalNote({
        ctx,
        principal: requirePrincipal(request),
        key: key(request.params),
        body: request.body.body,
        ip: request.ip,
      });
      return reply.status(201).send(result);
    },
  );
};
