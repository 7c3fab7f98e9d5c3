import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { type ServiceRow, serviceColumns } from './directory.repository.ts';

/** Published entries nobody checked since `checkedBefore`, whose owners were not reminded since `remindedBefore`. */
export const findStaleServices = (db: Kysely<DB>, checkedBefore: string, remindedBefore: Date) =>
  db
    .selectFrom('directory_services')
    .select(['organisation_id', 'id', 'name'])
    .where('status', '=', 'published')
    .where((eb) =>
      eb.or([
        eb('assured_date', '<', checkedBefore),
        eb.and([
          eb('assured_date', 'is', null),
          eb('created_at', '<', new Date(`${checkedBefore}T00:00:00Z`)),
        ]),
      ]),
    )
    .where((eb) => eb.or([eb('stale_reminded_at', 'is', null), eb('stale_reminded_at', '<', remindedBefore)]))
    .orderBy('organisation_id')
    .orderBy('name')
    .execute();

export const markReminded = (db: Kysely<DB>, organisationId: string, ids: string[], at: Date) =>
  db
    .updateTable('directory_services')
    .set({ stale_reminded_at: at })
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', ids)
    .execute();

/** Published entries of a municipality, and the region-wide ones of its region, by type and name. */
export async function listPublishedIn(db: Kysely<DB>, municipalityId: string, regionId: string) {
  return (await db
    .selectFrom('directory_services')
    .select(serviceColumns)
    .where('status', '=', 'published')
    .where((eb) =>
      eb.or([
        eb('municipality_id', '=', municipalityId),
        eb.and([eb('municipality_id', 'is', null), eb('region_id', '=', regionId)]),
      ]),
    )
    .orderBy('type')
    .orderBy('name')
    .orderBy('id')
    .execute()) as ServiceRow[];
}

/** How many published entries each municipality has. */
export const countPublishedByMunicipality = (db: Kysely<DB>) =>
  db
    .selectFrom('directory_services')
    .select(['municipality_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'published')
    .where('municipality_id', 'is not', null)
    .groupBy('municipality_id')
    .execute();

/** Published entries with good-practice content, optionally of some codes ("taxonomy:code", all required). */
export async function listPractices(db: Kysely<DB>, codes: string[], limit: number, offset: number) {
  let q = db
    .selectFrom('directory_services')
    .select(serviceColumns)
    .select((eb) => eb.fn.countAll<number>().over().as('total'))
    .where('status', '=', 'published')
    .where((eb) =>
      eb.or([eb('evidence_level', '<>', 'none'), eb('good_practice', '<>', sql<never>`'{}'::jsonb`)]),
    );
  if (codes.length > 0) q = q.where('facet_codes', '@>', sql<string[]>`${sql.val(codes)}::text[]`);
  const rows = await q.orderBy('name').orderBy('id').limit(limit).offset(offset).execute();
  return { rows: rows as (ServiceRow & { total: number })[], total: Number(rows[0]?.total ?? 0) };
}

/** Published entries per municipality and type (region-wide ones under null). */
export const countByMunicipalityAndType = (db: Kysely<DB>) =>
  db
    .selectFrom('directory_services')
    .select(['municipality_id', 'region_id', 'type', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'published')
    .groupBy(['municipality_id', 'region_id', 'type'])
    .execute();
