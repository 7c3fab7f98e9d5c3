import type { Principal } from '../../platform/auth/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import type { OrganisationKind } from '../../platform/db/schema.ts';
import { AppError, conflict, invalidField, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { recordAudit } from '../audit/audit.usecases.ts';
import { getMunicipality } from '../gazetteer/gazetteer.usecases.ts';
import * as repo from './tenancy.repository.ts';

export const listRegions = (input: { ctx: AppContext }) => repo.listRegions(input.ctx.db);

export async function createRegion(input: { ctx: AppContext; actor: Principal; name: string; ip: string }) {
  const { ctx } = input;
  const region = await repo.insertRegion(ctx.db, { id: newId(), name: input.name });
  if (!region) throw conflict('tenancy.region_exists');
  await recordAudit(ctx.db, ctx.clock.now(), {
    actorUserId: input.actor.user.id,
    organisationId: null,
    action: 'tenancy.region_created',
    subjectType: 'region',
    subjectId: region.id,
    ip: input.ip,
  });
  return region;
}

export const listMunicipalities = (input: { ctx: AppContext }) => repo.listMunicipalities(input.ctx.db);

/** Adds a municipality to a region by NIS code; its names come from the gazetteer. */
export async function createMunicipality(input: {
  ctx: AppContext;
  actor: Principal;
  regionId: string;
  nisCode: string;
  ip: string;
}) {
  const { ctx } = input;
  if (!(await repo.findRegion(ctx.db, input.regionId)))
    throw invalidField('regionId', 'tenancy.unknown_region');
  const known = await getMunicipality({ ctx, nisCode: input.nisCode }).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404)
      throw invalidField('nisCode', 'tenancy.unknown_nis_code');
    throw error;
  });
  const row = await repo.insertMunicipality(ctx.db, {
    id: newId(),
    region_id: input.regionId,
    nis_code: input.nisCode,
    name_nl: known.nameNl,
    name_fr: known.nameFr,
  });
  if (!row) throw conflict('tenancy.municipality_exists');
  await recordAudit(ctx.db, ctx.clock.now(), {
    actorUserId: input.actor.user.id,
    organisationId: null,
    action: 'tenancy.municipality_created',
    subjectType: 'municipality',
    subjectId: row.id,
    ip: input.ip,
  });
  return row;
}

export const listOrganisations = (input: { ctx: AppContext; ids: string[] | 'all' }) =>
  repo.listOrganisations(input.ctx.db, input.ids);

async function assertMunicipalitiesInRegion(ctx: AppContext, ids: string[], regionId: string) {
  const unique = [...new Set(ids)];
  if ((await repo.countMunicipalities(ctx.db, unique, regionId)) !== unique.length)
    throw invalidField('municipalityIds', 'tenancy.unknown_municipality');
  return unique;
}

export async function createOrganisation(input: {
  ctx: AppContext;
  actor: Principal;
  regionId: string;
  name: string;
  kind: OrganisationKind;
  municipalityIds: string[];
  requireSecondFactor: boolean;
  ip: string;
}) {
  const { ctx } = input;
  if (!(await repo.findRegion(ctx.db, input.regionId)))
    throw invalidField('regionId', 'tenancy.unknown_region');
  const municipalityIds = await assertMunicipalitiesInRegion(ctx, input.municipalityIds, input.regionId);
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    if (await repo.findOrganisationByName(trx, input.regionId, input.name))
      throw invalidField('name', 'tenancy.organisation_exists');
    await repo.insertOrganisation(
      trx,
      {
        id,
        region_id: input.regionId,
        name: input.name,
        kind: input.kind,
        require_second_factor: input.requireSecondFactor,
      },
      municipalityIds,
    );
    await recordAudit(trx, ctx.clock.now(), {
      actorUserId: input.actor.user.id,
      organisationId: id,
      action: 'tenancy.organisation_created',
      subjectType: 'organisation',
      subjectId: id,
      ip: input.ip,
    });
  });
  const [created] = await repo.listOrganisations(ctx.db, [id]);
  if (!created) throw notFound('tenancy.organisation_not_found');
  return created;
}

export async function updateOrganisation(input: {
  ctx: AppContext;
  actor: Principal;
  id: string;
  patch: {
    name?: string;
    kind?: OrganisationKind;
    municipalityIds?: string[];
    requireSecondFactor?: boolean;
    active?: boolean;
  };
  ip: string;
}) {
  const { ctx, patch } = input;
  const org = await repo.findOrganisation(ctx.db, input.id);
  if (!org) throw notFound('tenancy.organisation_not_found');
  const municipalityIds = patch.municipalityIds
    ? await assertMunicipalitiesInRegion(ctx, patch.municipalityIds, org.region_id)
    : undefined;
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateOrganisation(trx, org.id, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
      ...(patch.requireSecondFactor !== undefined
        ? { require_second_factor: patch.requireSecondFactor }
        : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
    });
    if (municipalityIds) await repo.setOrganisationMunicipalities(trx, org.id, municipalityIds);
    await recordAudit(trx, ctx.clock.now(), {
      actorUserId: input.actor.user.id,
      organisationId: org.id,
      action: 'tenancy.organisation_updated',
      subjectType: 'organisation',
      subjectId: org.id,
      ip: input.ip,
      details: { fields: Object.keys(patch) },
    });
  });
  const [updated] = await repo.listOrganisations(ctx.db, [org.id]);
  if (!updated) throw notFound('tenancy.organisation_not_found');
  return updated;
}

/** An organisation by id or by exact name (case-insensitive), for the CLI. */
export async function findOrganisation(input: { ctx: AppContext; idOrName: string }) {
  const all = await repo.listOrganisations(input.ctx.db, 'all');
  const needle = input.idOrName.toLowerCase();
  return all.find((o) => o.id === input.idOrName) ?? all.find((o) => o.name.toLowerCase() === needle);
}

/** One organisation; tenancy.organisation_not_found (404) when absent. */
export async function getOrganisation(input: { ctx: AppContext; id: string }) {
  const org = await repo.findOrganisation(input.ctx.db, input.id);
  if (!org) throw notFound('tenancy.organisation_not_found');
  return org;
}
