import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditEntryView, auditQuery } from '../../contracts/audit.ts';
import { pageOf } from '../../contracts/common.ts';
import { requirePrincipal } from '../../platform/auth/authenticate.ts';
import type { RoutesPlugin } from '../../platform/http/app.ts';
import { auditScope } from './audit.policies.ts';
import { listAudit } from './audit.usecases.ts';

export const auditRoutes: RoutesPlugin = async (app, { ctx }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: "An organisation's audit log, newest first",
        querystring: auditQuery,
        response: { 200: pageOf(auditEntryView) },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const q = request.query;
      const { rows, total } = await listAudit({
        ctx,
        organisationIds: auditScope(principal, q.organisationId),
        action: q.action,
        page: q.page,
        perPage: q.per_page,
      });
      return {
        items: rows.map((r) => ({
          id: r.id,
          at: r.at.toISOString(),
          actor: r.actor_user_id ? { id: r.actor_user_id, name: r.actor_name ?? '' } : null,
          organisationId: r.organisation_id,
          action: r.action,
          subjectType: r.subject_type,
          subjectId: r.subject_id,
          ip: r.ip,
        })),
        total,
        page: q.page,
        per_page: q.per_page,
      };
    },
  );
};
