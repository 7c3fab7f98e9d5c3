import type { Principal } from '../../platform/auth/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import { forbidden } from '../../platform/errors.ts';
import { recordAudit } from '../audit/audit.usecases.ts';
import { listOrganisations } from '../tenancy/tenancy.usecases.ts';
import { organisationNotInMunicipality } from './signals.errors.ts';
import * as numbers from './signals.numbers.repository.ts';
import { assertMeldpuntCoordinator, queueOrganisations } from './signals.policies.ts';
import * as repo from './signals.repository.ts';

const YEAR = 365 * 86_400_000;

/**
 * The meldpunt coordinator's overview of the last twelve months: reports per
 * month, by source, by outcome, the median time to a first contact attempt,
 * and how many are overdue now. Counts only, never personal data.
 */
export async function signalNumbers(input: {
  ctx: AppContext;
  principal: Principal;
  municipalityId: string;
}) {
  const { ctx, principal, municipalityId } = input;
  assertMeldpuntCoordinator(principal, await repo.findMeldpuntOrganisation(ctx.db, municipalityId));
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - YEAR);
  const [perMonth, bySource, byOutcome, median, overdue] = await Promise.all([
    numbers.countPerMonth(ctx.db, municipalityId, since),
    numbers.countBySource(ctx.db, municipalityId, since),
    numbers.countByOutcome(ctx.db, municipalityId, since),
    numbers.medianHoursToFirstContact(ctx.db, municipalityId, since),
    numbers.countOverdue(ctx.db, municipalityId, now),
  ]);
  const hours = median.rows[0]?.hours;
  return {
    since: since.toISOString(),
    perMonth: perMonth.rows.map((r) => ({ month: r.month, count: Number(r.count) })),
    bySource: bySource.rows.map((r) => ({
      source: r.source,
      organisationKind: r.kind,
      count: Number(r.count),
    })),
    byOutcome: byOutcome.rows.map((r) => ({ outcome: r.outcome, count: Number(r.count) })),
    medianHoursToFirstContact:
      hours === null || hours === undefined ? null : Math.round(Number(hours) * 10) / 10,
    overdue: Number(overdue.rows[0]?.count ?? 0),
  };
}

/** The municipalities whose meldpunt this person coordinates, for their overview and settings. */
export async function listMyMeldpunts(input: { ctx: AppContext; principal: Principal }) {
  const { ctx } = input;
  const mine = queueOrganisations(input.principal);
  const result: { municipalityId: string; name: string }[] = [];
  for (const m of await repo.listMunicipalitiesOf(ctx.db, mine)) {
    const organisationId = await repo.findMeldpuntOrganisation(ctx.db, m.id);
    if (organisationId && mine.includes(organisationId))
      result.push({ municipalityId: m.id, name: m.name_nl });
  }
  return result;
}

/**
 * Names the organisation that runs a municipality's meldpunt, instead of the
 * default (the oldest organisation of kind 'municipality' working there).
 * Platform admins only; the organisation must work in the municipality.
 * Signals already received stay with the organisation that held them.
 */
export async function setMeldpuntOrganisation(input: {
  ctx: AppContext;
  principal: Principal;
  municipalityId: string;
  organisationId: string;
  ip: string;
}) {
  const { ctx, principal, municipalityId, organisationId } = input;
  if (!principal.user.isPlatformAdmin) throw forbidden();
  const [organisation] = await listOrganisations({ ctx, ids: [organisationId] });
  if (!organisation?.active || !organisation.municipality_ids.includes(municipalityId))
    throw organisationNotInMunicipality();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.setMeldpuntOrganisation(trx, { municipalityId, organisationId, at: now });
    await recordAudit(trx, now, {
      actorUserId: principal.user.id,
      organisationId,
      action: 'signals.meldpunt_set',
      subjectType: 'municipality',
      subjectId: municipalityId,
      ip: input.ip,
    });
  });
}

/** Which organisation runs a municipality's meldpunt now (named, or the default); platform admins. */
export async function getMeldpuntOrganisation(input: {
  ctx: AppContext;
  principal: Principal;
  municipalityId: string;
}) {
  if (!input.principal.user.isPlatformAdmin) throw forbidden();
  const organisationId = await repo.findMeldpuntOrganisation(input.ctx.db, input.municipalityId);
  const [organisation] = organisationId
    ? await listOrganisations({ ctx: input.ctx, ids: [organisationId] })
    : [];
  return {
    municipalityId: input.municipalityId,
    organisation: organisation ? { id: organisation.id, name: organisation.name } : null,
  };
}
