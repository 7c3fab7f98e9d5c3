import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  clientParams,
  createSelfFillLinkBody,
  createTrackBody,
  measurementListView,
  measurementView,
  recordMeasurementBody,
  selfFillDoneView,
  selfFillLinkView,
  selfFillOpenBody,
  selfFillOpenView,
  selfFillSubmitBody,
  trackListView,
  trackParams,
} from '../../contracts/measurements.ts';
import { requirePrincipal } from '../../platform/auth/authenticate.ts';
import type { RoutesPlugin } from '../../platform/http/app.ts';
import { requestLocale } from '../../platform/http/locale.ts';
import { listClientMeasurements, recordMeasurement } from './measurements.records.usecases.ts';
import { createSelfFillLink, openSelfFill, submitSelfFill } from './measurements.selffill.usecases.ts';
import { listTracks, startTrack, stopTrack } from './measurements.tracks.usecases.ts';

/** Measurements of a client and its follow-up tracks (its organisation's team), and the public self-fill link endpoints. */
export const measurementsRecordsRoutes: RoutesPlugin = async (app, { ctx }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/clients/:id/measurements',
    {
      schema: {
        tags: ['measurements'],
        summary: "A client's measurements, newest first, with scores and their meaning in plain words",
        params: clientParams,
        response: { 200: measurementListView },
      },
    },
    async (request) =>
      listClientMeasurements({
        ctx,
        principal: requirePrincipal(request),
        clientId: request.params.id,
        locale: requestLocale(request),
        ip: request.ip,
      }),
  );

  r.post(
    '/clients/:id/measurements',
    {
      schema: {
        tags: ['measurements'],
        summary:
          'Store a measurement taken as interviewer or from paper; answers it scored, with its meaning',
        params: clientParams,
        body: recordMeasurementBody,
        response: { 201: measurementView },
      },
    },
    async (request, reply) => {
      const result = await recordMeasurement({
        ctx,
        principal: requirePrincipal(request),
        clientId: request.params.id,
        body: request.body,
        locale: requestLocale(request),
        ip: request.ip,
      });
      return reply.status(201).send(result);
    },
  );

  r.post(
    '/clients/:id/measurements/self-fill-links',
    {
      schema: {
        tags: ['measurements'],
        summary:
          'A single-use link (or QR code) with which the person answers on their own, without an account',
        params: clientParams,
        body: createSelfFillLinkBody,
        response: { 201: selfFillLinkView },
      },
    },
    async (request, reply) => {
      const link = await createSelfFillLink({
        ctx,
        principal: requirePrincipal(request),
        clientId: request.params.id,
        body: request.body,
        ip: request.ip,
      });
      return reply.status(201).send(link);
    },
  );

  r.get(
    '/clients/:id/measurement-tracks',
    {
      schema: {
        tags: ['measurements'],
        summary: "A client's follow-up tracks with their occasions: when due and whether measured",
        params: clientParams,
        response: { 200: trackListView },
      },
    },
    async (request) => listTracks({ ctx, principal: requirePrincipal(request), clientId: request.params.id }),
  );

  r.post(
    '/clients/:id/measurement-tracks',
    {
      schema: {
        tags: ['measurements'],
        summary: 'Start a follow-up track: a baseline now, reminders at the follow-up months',
        params: clientParams,
        body: createTrackBody,
        response: { 201: z.object({ id: z.uuid() }) },
      },
    },
    async (request, reply) => {
      const result = await startTrack({
        ctx,
        principal: requirePrincipal(request),
        clientId: request.params.id,
        body: request.body,
        ip: request.ip,
      });
      return reply.status(201).send(result);
    },
  );

  r.post(
    '/clients/:id/measurement-tracks/:trackId/stop',
    {
      schema: {
        tags: ['measurements'],
        summary: 'Stop a follow-up track: no more reminders',
        params: trackParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await stopTrack({
        ctx,
        principal: requirePrincipal(request),
        clientId: request.params.id,
        trackId: request.params.trackId,
        ip: request.ip,
      });
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/self-fill/open',
    {
      schema: {
        tags: ['measurements'],
        summary: 'The questions behind a self-fill link (no login); nothing about the person',
        body: selfFillOpenBody,
        response: { 200: selfFillOpenView },
      },
    },
    async (request) =>
      openSelfFill({
        ctx,
        token: request.body.token,
        ...(request.body.locale ? { locale: request.body.locale } : {}),
      }),
  );

  r.post(
    '/self-fill/submit',
    {
      schema: {
        tags: ['measurements'],
        summary: 'Send the answers of a self-fill link, once (no login)',
        body: selfFillSubmitBody,
        response: { 200: selfFillDoneView },
      },
    },
    async (request) => {
      await submitSelfFill({ ctx, body: request.body, ip: request.ip });
      return { done: true as const };
    },
  );
};
