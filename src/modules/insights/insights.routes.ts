import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  changeView,
  directoryHealthView,
  exportQuery,
  insightsQuery,
  reachView,
  whatWorksView,
} from '../../contracts/insights.ts';
import { requirePrincipal } from '../../platform/auth/authenticate.ts';
import type { RoutesPlugin } from '../../platform/http/app.ts';
import { requestLocale } from '../../platform/http/locale.ts';
import { change, whatWorks } from './insights.change.usecases.ts';
import { dictionaryCsv } from './insights.csv.ts';
import { councilReport, exportCsv, openData } from './insights.export.usecases.ts';
import { insightsReader } from './insights.policies.ts';
import { directoryHealth, reach } from './insights.usecases.ts';

const CSV = 'text/csv; charset=utf-8';

/**
 * Insights for municipalities (coordinators and platform admins): aggregates
 * only, every figure about people suppressed below 10 the same way in JSON,
 * CSV, PDF and open data.
 */
export const insightsRoutes: RoutesPlugin = async (app, { ctx }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['insights'];
  const views = [
    [
      'reach',
      reachView,
      reach,
      'Reach: signals, clients, participants per type, month, municipality or postcode',
    ],
    [
      'change',
      changeView,
      change,
      'Change: paired measurements per instrument, type and period (mean, 95% CI, dz)',
    ],
    [
      'what-works',
      whatWorksView,
      whatWorks,
      'What works: initiative types side by side, with evidence levels',
    ],
    [
      'directory-health',
      directoryHealthView,
      directoryHealth,
      'Directory health: entries per type, stale entries, municipalities without a type',
    ],
  ] as const;
  for (const [path, schema, useCase, summary] of views)
    r.get(
      `/insights/${path}`,
      { schema: { tags, summary, querystring: insightsQuery, response: { 200: schema } } },
      async (request, reply) => {
        reply.header('cache-control', 'private, no-store');
        return (useCase as typeof reach)({ ctx, principal: requirePrincipal(request), query: request.query });
      },
    );

  r.get(
    '/insights/export.csv',
    {
      schema: {
        tags,
        summary: 'One view as CSV, one figure per line (audited)',
        querystring: exportQuery,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const { view, ...query } = request.query;
      const csv = await exportCsv({ ctx, principal: requirePrincipal(request), query, view, ip: request.ip });
      return reply
        .type(CSV)
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `attachment; filename="insights-${view}.csv"`)
        .send(csv);
    },
  );

  r.get(
    '/insights/report.pdf',
    {
      schema: {
        tags,
        summary: 'The report for the council, as PDF (audited)',
        querystring: insightsQuery,
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const pdf = await councilReport({
        ctx,
        principal: requirePrincipal(request),
        query: request.query,
        ip: request.ip,
        locale: requestLocale(request),
      });
      return reply
        .type('application/pdf')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', 'attachment; filename="insights-report.pdf"')
        .send(pdf);
    },
  );

  r.get(
    '/insights/open-data.csv',
    {
      schema: {
        tags,
        summary: "One municipality's anonymised, suppressed figures that it may publish (audited)",
        querystring: insightsQuery,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const { csv, nis } = await openData({
        ctx,
        principal: requirePrincipal(request),
        query: request.query,
        ip: request.ip,
      });
      return reply
        .type(CSV)
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `attachment; filename="open-data-${nis}.csv"`)
        .send(csv);
    },
  );

  r.get(
    '/insights/open-data/dictionary.csv',
    { schema: { tags, summary: 'The data dictionary of the open data file', produces: ['text/csv'] } },
    async (request, reply) => {
      insightsReader(requirePrincipal(request));
      return reply
        .type(CSV)
        .header('content-disposition', 'attachment; filename="open-data-dictionary.csv"')
        .send(dictionaryCsv(requestLocale(request)));
    },
  );
};
