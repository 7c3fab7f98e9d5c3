import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { entryInput, practicesQuery, searchQuery } from '../../contracts/directory.ts';
import { requirePrincipal } from '../../platform/auth/authenticate.ts';
import type { RoutesPlugin } from '../../platform/http/app.ts';
import { directoryHsdsRoutes } from './directory.hsds.routes.ts';
import { getSocialMap, listMapMunicipalities } from './directory.map.usecases.ts';
import { regionMatrix, searchPractices } from './directory.practices.usecases.ts';
import { presentEntry, presentEntrySummary } from './directory.presenters.ts';
import { listCreateOptions, resolveEditorScope } from './directory.scope.usecases.ts';
import { searchDirectory } from './directory.search.usecases.ts';
import {
  assureEntry,
  changeStatus,
  createEntry,
  getEntryForEditor,
  getEntryHistory,
  getPublishedEntry,
  listEntriesForEditor,
  updateEntry,
} from './directory.usecases.ts';

// Entry ids are uuids, or stable ids derived from an imported HSDS id (uuid-shaped, without version bits).
const idParams = z.object({ id: z.guid() });
const STATUS = z.enum(['draft', 'published', 'archived']);

/** The public finder (no login) and the editors' workflow. */
export const directoryRoutes: RoutesPlugin = async (app, { ctx }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  await app.register(directoryHsdsRoutes, { ctx });

  r.get(
    '/directory/search',
    { schema: { tags: ['directory'], summary: 'Search published initiatives', querystring: searchQuery } },
    async (request) => searchDirectory({ ctx, query: request.query }),
  );

  r.get(
    '/directory/entries/:id',
    { schema: { tags: ['directory'], summary: 'A published initiative', params: idParams } },
    async (request) => {
      const { row, children } = await getPublishedEntry({ ctx, id: request.params.id });
      const { status: _status, version: _version, ...entry } = presentEntry(row, children, ctx.clock.now());
      return entry;
    },
  );

  r.get(
    '/directory/maps',
    { schema: { tags: ['directory'], summary: 'Municipalities with a sociale kaart' } },
    async () => ({ municipalities: await listMapMunicipalities({ ctx }) }),
  );

  r.get(
    '/directory/maps/:nis',
    {
      schema: {
        tags: ['directory'],
        summary: 'The sociale kaart of a municipality: every published initiative, by type',
        params: z.object({ nis: z.string().regex(/^[0-9]{5}$/, 'gazetteer.invalid_nis_code') }),
      },
    },
    async (request) => getSocialMap({ ctx, nisCode: request.params.nis }),
  );

  r.get(
    '/directory/practices',
    {
      schema: {
        tags: ['directory'],
        summary: 'Good practices: published initiatives with an approach or evidence to learn from',
        querystring: practicesQuery,
      },
    },
    async (request) => {
      const q = request.query;
      return searchPractices({
        ctx,
        type: q.type,
        evidenceLevel: q.evidence_level,
        activeElements: q.active_element,
        page: q.page,
        perPage: q.per_page,
      });
    },
  );

  r.get(
    '/directory/matrix',
    { schema: { tags: ['directory'], summary: 'Which kinds of initiative exist in which municipality' } },
    async () => regionMatrix({ ctx }),
  );

  const editor = async (request: Parameters<typeof requirePrincipal>[0]) => {
    const principal = requirePrincipal(request);
    return { principal, scope: await resolveEditorScope({ ctx, principal }), ip: request.ip };
  };

  r.get(
    '/directory/manage/scope',
    {
      schema: {
        tags: ['directory'],
        summary: 'Where you may create entries, and whether you may publish there',
      },
    },
    async (request) => {
      const { principal, scope } = await editor(request);
      return { organisations: await listCreateOptions({ ctx, principal, scope }) };
    },
  );

  r.get(
    '/directory/manage/entries',
    {
      schema: {
        tags: ['directory'],
        summary: 'The entries you may edit',
        querystring: z.object({ status: STATUS.optional() }),
      },
    },
    async (request) => {
      const { scope } = await editor(request);
      const rows = await listEntriesForEditor({ ctx, scope, status: request.query.status });
      const now = ctx.clock.now();
      return { items: rows.map((row) => presentEntrySummary(row, now)) };
    },
  );

  r.post(
    '/directory/manage/entries',
    {
      schema: {
        tags: ['directory'],
        summary: 'Create a draft entry',
        body: entryInput.extend({
          organisationId: z.uuid(),
          municipalityId: z.uuid().nullable().describe('null: the entry serves the whole region'),
        }),
      },
    },
    async (request, reply) => {
      const who = await editor(request);
      const { organisationId, municipalityId, ...entry } = request.body;
      const created = await createEntry({ ctx, ...who, organisationId, municipalityId, entry });
      return reply.status(201).send(created);
    },
  );

  r.get(
    '/directory/manage/entries/:id',
    { schema: { tags: ['directory'], summary: 'An entry, whatever its status', params: idParams } },
    async (request) => {
      const { scope } = await editor(request);
      const { row, children, mayPublish } = await getEntryForEditor({ ctx, scope, id: request.params.id });
      return { ...presentEntry(row, children, ctx.clock.now()), mayPublish };
    },
  );

  r.put(
    '/directory/manage/entries/:id',
    {
      schema: {
        tags: ['directory'],
        summary: 'Replace an entry’s content',
        params: idParams,
        body: entryInput,
      },
    },
    async (request) =>
      updateEntry({ ctx, ...(await editor(request)), id: request.params.id, entry: request.body }),
  );

  for (const action of ['publish', 'archive', 'reopen'] as const)
    r.post(
      `/directory/manage/entries/:id/${action}`,
      { schema: { tags: ['directory'], summary: `${action} an entry`, params: idParams } },
      async (request) => changeStatus({ ctx, ...(await editor(request)), id: request.params.id, action }),
    );

  r.post(
    '/directory/manage/entries/:id/assure',
    { schema: { tags: ['directory'], summary: 'Record that you checked the entry today', params: idParams } },
    async (request) => assureEntry({ ctx, ...(await editor(request)), id: request.params.id }),
  );

  r.get(
    '/directory/manage/entries/:id/history',
    { schema: { tags: ['directory'], summary: 'Who changed what, when', params: idParams } },
    async (request) => {
      const { scope } = await editor(request);
      const rows = await getEntryHistory({ ctx, scope, id: request.params.id });
      return {
        items: rows.map((m) => ({
          at: m.last_action_date.toISOString(),
          action: m.last_action_type,
          field: m.field_name,
          previous: m.previous_value,
          replacement: m.replacement_value,
          by: m.updated_by,
        })),
      };
    },
  );
};
