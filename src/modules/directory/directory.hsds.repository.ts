import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { QueryWord } from './directory.models.ts';
import { haversine, textMatch } from './directory.search.repository.ts';

export interface ServiceFilter {
  words: QueryWord[];
  /** "taxonomy:code" facet codes of which one must be present. */
  facetCodes: string[] | null;
  organisationId?: string;
  modifiedAfter?: Date;
  limit: number;
  offset: number;
}

/**
 * A page of published service ids, by name, with the total. Words are matched as the finder matches
 * them (its projection, directory_search, and its text condition), so both find the same services.
 */
export async function pagePublishedServices(db: Kysely<DB>, f: ServiceFilter) {
  const where = [sql`s.status = 'published'`, ...(await textMatch(db, f.words))];
  if (f.facetCodes) where.push(sql`s.facet_codes && ${sql.val(f.facetCodes)}::text[]`);
  if (f.organisationId) where.push(sql`s.organisation_id = ${f.organisationId}`);
  if (f.modifiedAfter) where.push(sql`s.updated_at >= ${f.modifiedAfter}`);
  const result = await sql<{ id: string; total: number }>`
    select s.id, count(*) over () as total from directory_services s
    ${f.words.length > 0 ? sql`join directory_search d on d.organisation_id = s.organisation_id and d.service_id = s.id` : sql``}
    where ${sql.join(where, sql` and `)}
    order by s.name, s.id limit ${f.limit} offset ${f.offset}`.execute(db);
  return { ids: result.rows.map((r) => r.id), total: Number(result.rows[0]?.total ?? 0) };
}

export interface LocationFilter {
  postcode?: string;
  near?: { lat: number; lng: number; meters: number };
  limit: number;
  offset: number;
}

/** A page of (service at location) ids of published services, by distance or name. */
export async function pagePublishedLocations(db: Kysely<DB>, f: LocationFilter) {
  const where = [sql`s.status = 'published'`];
  if (f.postcode) where.push(sql`l.postal_code = ${f.postcode}`);
  const distance = f.near ? haversine(sql.ref('l.latitude'), sql.ref('l.longitude'), f.near) : sql`0`;
  if (f.near) where.push(sql`${distance} * 1000 <= ${f.near.meters}::float8`);
  const result = await sql<{ sal_id: string; total: number }>`
    select l.service_at_location_id as sal_id, count(*) over () as total
    from directory_locations l
    join directory_services s on s.organisation_id = l.organisation_id and s.id = l.service_id
    where ${sql.join(where, sql` and `)}
    order by ${distance}, s.name, l.position, l.id limit ${f.limit} offset ${f.offset}`.execute(db);
  return { ids: result.rows.map((r) => r.sal_id), total: Number(result.rows[0]?.total ?? 0) };
}

/** The published service and location behind a service-at-location id. */
export const findServiceAtLocation = (db: Kysely<DB>, salIds: string[]) =>
  salIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('directory_locations as l')
        .innerJoin('directory_services as s', (j) =>
          j.onRef('s.organisation_id', '=', 'l.organisation_id').onRef('s.id', '=', 'l.service_id'),
        )
        .select(['l.service_at_location_id', 'l.id as location_id', 's.id as service_id'])
        .where('l.service_at_location_id', 'in', salIds)
        .where('s.status', '=', 'published')
        .execute();

/** Organisations that own at least one published service. */
export async function publishingOrganisations(db: Kysely<DB>): Promise<string[]> {
  const rows = await db
    .selectFrom('directory_services')
    .select('organisation_id')
    .distinct()
    .where('status', '=', 'published')
    .execute();
  return rows.map((r) => r.organisation_id);
}

export const metadataOf = (db: Kysely<DB>, serviceIds: string[]) =>
  serviceIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('directory_metadata')
        .selectAll()
        .where('service_id', 'in', serviceIds)
        .orderBy('last_action_date')
        .orderBy('field_name')
        .execute();
