import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clientParams } from '../../contracts/measurements.ts';
import {
  clientQuestionnairesView,
  createQuestionnaireBody,
  definitionBody,
  definitionExportView,
  listQuery,
  questionnaireListView,
  questionnaireParams,
  questionnaireView,
  recordResponseBody,
  versionParams,
} from '../../contracts/questionnaires.ts';
import { requirePrincipal } from '../../platform/auth/authenticate.ts';
import type { RoutesPlugin } from '../../platform/http/app.ts';
import { requestLocale } from '../../platform/http/locale.ts';
import { listClientQuestionnaires, recordResponse } from './questionnaires.responses.usecases.ts';
import {
  createQuestionnaire,
  createVersion,
  exportDefinition,
  exportResponsesCsv,
  getQuestionnaire,
  listQuestionnaires,
  retireQuestionnaire,
  updateQuestionnaire,
} from './questionnaires.usecases.ts';

const tags = ['questionnaires'];
const created = z.object({ id: z.uuid(), version: z.number().int() });

/**
 * An organisation's own questionnaires (its coordinators write, version,
 * retire and export them) and its clients' answers (the client's team).
 * Never scored and never part of insights.
 */
export const questionnairesRoutes: RoutesPlugin = async (app, { ctx }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/questionnaires',
    {
      schema: {
        tags,
        summary: "Your organisations' own questionnaires (coordinators)",
        querystring: listQuery,
        response: { 200: questionnaireListView },
      },
    },
    async (request) =>
      listQuestionnaires({
        ctx,
        principal: requirePrincipal(request),
        organisationId: request.query.organisationId,
        locale: requestLocale(request),
      }),
  );

  r.post(
    '/questionnaires',
    {
      schema: {
        tags,
        summary: 'Write a new questionnaire: title, introduction, items with their answer scales',
        body: createQuestionnaireBody,
        response: { 201: created },
      },
    },
    async (request, reply) => {
      const { organisationId, ...definition } = request.body;
      const result = await createQuestionnaire({
        ctx,
        principal: requirePrincipal(request),
        organisationId,
        definition,
        ip: request.ip,
      });
      return reply.status(201).send(result);
    },
  );

  r.get(
    '/questionnaires/:id',
    {
      schema: {
        tags,
        summary:
          'A questionnaire: its current version as written, its versions and how often each was answered',
        params: questionnaireParams,
        response: { 200: questionnaireView },
      },
    },
    async (request) =>
      getQuestionnaire({
        ctx,
        principal: requirePrincipal(request),
        id: request.params.id,
        locale: requestLocale(request),
      }),
  );

  r.put(
    '/questionnaires/:id',
    {
      schema: {
        tags,
        summary: 'Change the current version; refused (409) once it was answered: make a new version instead',
        params: questionnaireParams,
        body: definitionBody,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await updateQuestionnaire({
        ctx,
        principal: requirePrincipal(request),
        id: request.params.id,
        definition: request.body,
        ip: request.ip,
      });
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/questionnaires/:id/versions',
    {
      schema: {
        tags,
        summary: 'A new version, from now on the one answered; earlier answers keep their version',
        params: questionnaireParams,
        body: definitionBody,
        response: { 201: created },
      },
    },
    async (request, reply) => {
      const result = await createVersion({
        ctx,
        principal: requirePrincipal(request),
        id: request.params.id,
        definition: request.body,
        ip: request.ip,
      });
      return reply.status(201).send(result);
    },
  );

  r.post(
    '/questionnaires/:id/retire',
    {
      schema: {
        tags,
        summary: 'Retire: no new answers; the answers given stay and can still be exported',
        params: questionnaireParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await retireQuestionnaire({
        ctx,
        principal: requirePrincipal(request),
        id: request.params.id,
        ip: request.ip,
      });
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/questionnaires/:id/versions/:version/definition.json',
    {
      schema: {
        tags,
        summary: 'One version as JSON, every language as written',
        params: versionParams,
        response: { 200: definitionExportView },
      },
    },
    async (request, reply) => {
      const definition = await exportDefinition({
        ctx,
        principal: requirePrincipal(request),
        id: request.params.id,
        version: request.params.version,
        ip: request.ip,
      });
      reply
        .header('cache-control', 'private, no-store')
        .header(
          'content-disposition',
          `attachment; filename="questionnaire-${request.params.id}-v${request.params.version}.json"`,
        );
      return definition;
    },
  );

  r.get(
    '/questionnaires/:id/versions/:version/responses.csv',
    {
      schema: {
        tags,
        summary: 'Every answer to one version: one row per response, one column per item code (audited)',
        params: versionParams,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const csv = await exportResponsesCsv({
        ctx,
        principal: requirePrincipal(request),
        id: request.params.id,
        version: request.params.version,
        ip: request.ip,
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .header(
          'content-disposition',
          `attachment; filename="questionnaire-${request.params.id}-v${request.params.version}.csv"`,
        )
        .send(csv);
    },
  );

  r.get(
    '/clients/:id/questionnaires',
    {
      schema: {
        tags,
        summary: "The organisation's questionnaires to fill in for this person, and their answers so far",
        params: clientParams,
        response: { 200: clientQuestionnairesView },
      },
    },
    async (request) =>
      listClientQuestionnaires({
        ctx,
        principal: requirePrincipal(request),
        clientId: request.params.id,
        locale: requestLocale(request),
        ip: request.ip,
      }),
  );

  r.post(
    '/clients/:id/questionnaire-responses',
    {
      schema: {
        tags,
        summary: "Store a person's answers to the current version of a questionnaire (never scored)",
        params: clientParams,
        body: recordResponseBody,
        response: { 201: z.object({ id: z.uuid() }) },
      },
    },
    async (request, reply) => {
      const result = await recordResponse({
        ctx,
        principal: requirePrincipal(request),
        clientId: request.params.id,
        body: request.body,
        ip: request.ip,
      });
      return reply.status(201).send(result);
    },
  );
};
