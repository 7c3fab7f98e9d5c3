import type { Kysely } from 'kysely';
import { forgetAllPrincipals } from '../../platform/auth/principal-cache.ts';
import type { DB, OrganisationKind } from '../../platform/db/schema.ts';

export const listRegions = (db: Kysely<DB>) =>
  db.selectFrom('regions').select(['id', 'name']).orderBy('name').execute();

export const insertRegion = (db: Kysely<DB>, r: { id: string; name: string }) =>
  db
    .insertInto('regions')
    .values(r)
    .onConflict((oc) => oc.column('name').doNothing())
    .returning(['id', 'name'])
    .executeTakeFirst();

export const findRegion = (db: Kysely<DB>, id: string) =>
  db.selectFrom('regions').select(['id', 'name']).where('id', '=', id).executeTakeFirst();

export const listMunicipalities = (db: Kysely<DB>) =>
  db.selectFrom('municipalities').selectAll().orderBy('name_nl').execute();

export const insertMunicipality = (
  db: Kysely<DB>,
  m: { id: string; region_id: string; nis_code: string; name_nl: string; name_fr: string },
) =>
  db
    .insertInto('municipalities')
    .values(m)
    .onConflict((oc) => oc.column('nis_code').doNothing())
    .returningAll()
    .executeTakeFirst();

export const countMunicipalities = async (db: Kysely<DB>, ids: string[], regionId: string) =>
  Number(
    (
      await db
        .selectFrom('municipalities')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('id', 'in', ids)
        .where('region_id', '=', regionId)
        .executeTakeFirstOrThrow()
    ).n,
  );

export async function listOrganisations(db: Kysely<DB>, ids: string[] | 'all') {
  if (ids !== 'all' && ids.length === 0) return [];
  let q = db.selectFrom('organisations').selectAll().orderBy('name');
  if (ids !== 'all') q = q.where('id', 'in', ids);
  const orgs = await q.execute();
  if (orgs.length === 0) return [];
  const links = await db
    .selectFrom('organisation_municipalities')
    .select(['organisation_id', 'municipality_id'])
    .where(
      'organisation_id',
      'in',
      orgs.map((o) => o.id),
    )
    .execute();
  return orgs.map((o) => ({
    ...o,
    municipality_ids: links.filter((l) => l.organisation_id === o.id).map((l) => l.municipality_id),
  }));
}

export async function insertOrganisation(
  db: Kysely<DB>,
  o: { id: string; region_id: string; name: string; kind: OrganisationKind; require_second_factor: boolean },
  municipalityIds: string[],
) {
  await db.insertInto('organisations').values(o).execute();
  await setOrganisationMunicipalities(db, o.id, municipalityIds);
}

export async function setOrganisationMunicipalities(db: Kysely<DB>, organisationId: string, ids: string[]) {
  await db.deleteFrom('organisation_municipalities').where('organisation_id', '=', organisationId).execute();
  if (ids.length > 0)
    await db
      .insertInto('organisation_municipalities')
      .values(ids.map((municipality_id) => ({ organisation_id: organisationId, municipality_id })))
      .execute();
}

/** Membership rules depend on an organisation's settings, so every cached principal is dropped. */
export async function updateOrganisation(
  db: Kysely<DB>,
  id: string,
  patch: Partial<{ name: string; kind: OrganisationKind; require_second_factor: boolean; active: boolean }>,
) {
  if (Object.keys(patch).length === 0) return;
  await db.updateTable('organisations').set(patch).where('id', '=', id).execute();
  forgetAllPrincipals();
}

export const findOrganisation = (db: Kysely<DB>, id: string) =>
  db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();

export const findOrganisationByName = (db: Kysely<DB>, regionId: string, name: string) =>
  db
    .selectFrom('organisations')
    .select('id')
    .where('region_id', '=', regionId)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .executeTakeFirst();
