import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePrincipal } from '../../platform/auth/authenticate.ts';
import { forbidden, invalidField } from '../../platform/errors.ts';
import type { RoutesPlugin } from '../../platform/http/app.ts';
import { requestLocale } from '../../platform/http/locale.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import { recordAudit } from '../audit/audit.usecases.ts';
import { listMunicipalities, listOrganisations } from '../tenancy/tenancy.usecases.ts';
import type { ImportProblem } from './directory.import.models.ts';
import {
  checkHsdsImport,
  HsdsImportError,
  type HsdsSource,
  importHsds,
} from './directory.import.usecases.ts';
import type { EditorScope } from './directory.policies.ts';
import { resolveEditorScope } from './directory.scope.usecases.ts';

/** A whole municipality's HSDS file is far above the global 256 kB limit. */
const IMPORT_BODY_LIMIT = 10 * 1024 * 1024;

const importBody = z.object({
  municipalityNis: z.string().regex(/^[0-9]{5}$/, 'gazetteer.invalid_nis_code'),
  organisationId: z.uuid(),
  dryRun: z.boolean(),
  data: z.unknown(),
});

/** Importing publishes entries, so only those who publish an organisation's entries may import them. */
function mayImport(scope: EditorScope, organisationId: string): boolean {
  return scope.all || scope.coordinatorOrganisations.includes(organisationId);
}

/** Refused data as problem+json: every problem with where it is and what is wrong, translated. */
function sendProblems(request: FastifyRequest, reply: FastifyReply, error: HsdsImportError) {
  const t = translator(requestLocale(request));
  const where = (p: ImportProblem) =>
    [p.row === null ? '' : t('errors.directory_import.service_number', { number: p.row }), p.field ?? '']
      .filter(Boolean)
      .join(' · ') || t('errors.directory_import.whole_file');
  const problems = error.problems.map((p) => ({
    file: p.file,
    row: p.row,
    field: p.field,
    code: p.code,
    message: t(`errors.${p.code}`, p.params ?? {}),
  }));
  // `errors` keys problems by place, as forms read them; two problems in one place share one line.
  const byPlace = new Map<string, { field: string; code: string; message: string }>();
  for (const [i, p] of problems.entries()) {
    const field = where(error.problems[i] as ImportProblem);
    const known = byPlace.get(field);
    if (known) known.message = `${known.message} ${p.message}`;
    else byPlace.set(field, { field, code: p.code, message: p.message });
  }
  return reply
    .status(400)
    .type('application/problem+json; charset=utf-8')
    .header('cache-control', 'no-store')
    .send({
      type: `urn:verbonden:problem:${error.code}`,
      title: t(`errors.${error.code}`, error.params),
      status: 400,
      code: error.code,
      errors: [...byPlace.values()],
      problems,
    });
}

/** Coordinators import HSDS JSON for their organisation in the web app: a dry run first, then the import. */
export const directoryImportRoutes: RoutesPlugin = async (app, { ctx }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/directory/manage/import/options',
    {
      schema: { tags: ['directory'], summary: 'Organisations and municipalities the caller may import into' },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const scope = await resolveEditorScope({ ctx, principal });
      const [orgs, municipalities] = await Promise.all([
        listOrganisations({ ctx, ids: scope.all ? 'all' : scope.coordinatorOrganisations }),
        listMunicipalities({ ctx }),
      ]);
      const byId = new Map(municipalities.map((m) => [m.id, m]));
      return {
        organisations: orgs.map((o) => ({
          id: o.id,
          name: o.name,
          municipalities: o.municipality_ids.flatMap((id) => {
            const m = byId.get(id);
            return m ? [{ nisCode: m.nis_code, nameNl: m.name_nl, nameFr: m.name_fr }] : [];
          }),
        })),
      };
    },
  );

  r.post(
    '/directory/manage/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['directory'],
        summary: 'Check (dry run) or import HSDS JSON as entries of one organisation in one municipality',
        body: importBody,
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const scope = await resolveEditorScope({ ctx, principal });
      const { municipalityNis, organisationId, dryRun: checkOnly, data } = request.body;
      if (!mayImport(scope, organisationId)) throw forbidden();
      const [org] = await listOrganisations({ ctx, ids: [organisationId] });
      const municipality = (await listMunicipalities({ ctx })).find((m) => m.nis_code === municipalityNis);
      if (!org) throw forbidden();
      if (!municipality || !org.municipality_ids.includes(municipality.id))
        throw invalidField('municipalityNis', 'directory_import.organisation_elsewhere', {
          organisation: org.name,
          nisCode: municipalityNis,
        });
      const source: HsdsSource = {
        kind: 'json',
        file: '',
        bytes: new TextEncoder().encode(JSON.stringify(data ?? null)),
      };
      try {
        const counts = checkOnly
          ? await checkHsdsImport({ ctx, source, municipalityNisCode: municipalityNis, organisation: org.id })
          : await importHsds({
              ctx,
              source,
              municipalityNisCode: municipalityNis,
              organisation: org.id,
              actorUserId: principal.user.id,
            });
        if (!checkOnly)
          await recordAudit(ctx.db, ctx.clock.now(), {
            actorUserId: principal.user.id,
            organisationId: org.id,
            action: 'directory.import',
            subjectType: 'organisation',
            subjectId: org.id,
            ip: request.ip,
            details: { municipalityNis, ...counts },
          });
        return { dryRun: checkOnly, ...counts, problems: [] };
      } catch (error) {
        if (error instanceof HsdsImportError) return sendProblems(request, reply, error);
        throw error;
      }
    },
  );
};
