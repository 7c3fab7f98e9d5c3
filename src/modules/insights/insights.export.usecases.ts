import type { InsightsQuery, InsightView } from '../../contracts/insights.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Locale } from '../../platform/db/schema.ts';
import { recordAudit } from '../audit/audit.usecases.ts';
import { changeViewOf, loadChanges, whatWorksViewOf } from './insights.change.usecases.ts';
import {
  changeLines,
  directoryLines,
  type FigureLine,
  figuresCsv,
  openDataCsv,
  reachLines,
  whatWorksLines,
} from './insights.csv.ts';
import { municipalityRequired } from './insights.errors.ts';
import { renderCouncilReport } from './insights.pdf.ts';
import * as repo from './insights.repository.ts';
import { resolveScope } from './insights.scope.ts';
import { directoryHealth, directoryHealthOf, reach } from './insights.usecases.ts';

interface Request {
  ctx: AppContext;
  principal: Principal;
  query: InsightsQuery;
  ip: string;
}

// Downloads leave the platform: who took which figures is kept in the audit log.
const audit = (input: Request, action: string, details: Record<string, unknown>) =>
  recordAudit(input.ctx.db, input.ctx.clock.now(), {
    actorUserId: input.principal.user.id,
    organisationId: null,
    action,
    subjectType: 'insights',
    subjectId: null,
    ip: input.ip,
    details: { ...input.query, ...details },
  });

async function linesOf(input: Request, view: InsightView): Promise<FigureLine[]> {
  if (view === 'reach') return reachLines(await reach(input));
  if (view === 'directory-health') return directoryLines(await directoryHealth(input));
  const scope = await resolveScope(input);
  const changes = await loadChanges(input.ctx, scope, input.query.instrument);
  if (view === 'change') return changeLines(changeViewOf(scope, changes, input.query.period));
  return whatWorksLines(whatWorksViewOf(scope, changes, await repo.evidencePerType(input.ctx.db)));
}

/** One view as CSV, with exactly the API's figures and suppression. */
export async function exportCsv(input: Request & { view: InsightView }) {
  const csv = figuresCsv(await linesOf(input, input.view));
  await audit(input, 'insights.csv_exported', { view: input.view });
  return csv;
}

/** The council report as PDF: reach, what works and directory health. */
export async function councilReport(input: Request & { locale: Locale }) {
  const scope = await resolveScope(input);
  const [reachView, changes, evidence, directory] = await Promise.all([
    reach(input),
    loadChanges(input.ctx, scope, input.query.instrument),
    repo.evidencePerType(input.ctx.db),
    directoryHealthOf(input.ctx, scope),
  ]);
  const pdf = await renderCouncilReport(
    { reach: reachView, whatWorks: whatWorksViewOf(scope, changes, evidence), directory },
    input.locale,
    { generatedAt: input.ctx.clock.now() },
  );
  await audit(input, 'insights.report_exported', {});
  return pdf;
}

/**
 * Open data for one municipality: reach and change per year, suppressed as in
 * the API, one figure per line with the municipality and period on each.
 */
export async function openData(input: Request) {
  const scope = await resolveScope(input);
  if (scope.municipalities.length !== 1) throw municipalityRequired();
  const only = scope.municipalities[0] as (typeof scope.municipalities)[number];
  const query = { ...input.query, municipality: only.nis, period: 'year' as const };
  const single = { ...input, query };
  const [reachView, changes] = await Promise.all([
    reach(single),
    loadChanges(input.ctx, scope, query.instrument),
  ]);
  const csv = openDataCsv([...reachLines(reachView), ...changeLines(changeViewOf(scope, changes, 'year'))], {
    nis: only.nis,
    name: only.name,
    from: scope.from,
    to: scope.to,
  });
  await audit(input, 'insights.open_data_exported', { municipality: only.nis });
  return { csv, nis: only.nis };
}
