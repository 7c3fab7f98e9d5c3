import { type Insertable, type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type {
  DirectoryContactsTable,
  DirectoryLocationsTable,
  DirectorySchedulesTable,
  DirectoryServicesTable,
  EntryStatus,
} from './directory.tables.ts';

export type ServiceRow = Omit<
  Selectable<DirectoryServicesTable>,
  'search_vector' | 'search_folded' | 'search_labels'
>;
export type LocationRow = Omit<Selectable<DirectoryLocationsTable>, 'geo'>;
export type ScheduleRow = Selectable<DirectorySchedulesTable>;
export type ContactRow = Selectable<DirectoryContactsTable>;

export interface ServiceChildren {
  locations: LocationRow[];
  schedules: ScheduleRow[];
  contacts: ContactRow[];
}

export const serviceColumns = [
  'organisation_id',
  'id',
  'region_id',
  'municipality_id',
  'status',
  'name',
  'alternate_name',
  'description',
  'url',
  'email',
  'type',
  'target_groups',
  'how_to_join',
  'application_process',
  'languages',
  'cost_option',
  'cost_amount',
  'cost_description',
  'minimum_age',
  'maximum_age',
  'good_practice',
  'active_elements',
  'evidence_level',
  'evidence_source',
  sql<string | null>`to_char(assured_date, 'YYYY-MM-DD')`.as('assured_date'),
  'assurer_email',
  'area_lat',
  'area_lng',
  'facet_codes',
  'version',
  'created_by',
  'created_at',
  'updated_at',
  'published_at',
] as const;

const locationColumns = [
  'organisation_id',
  'id',
  'service_id',
  'service_at_location_id',
  'position',
  'name',
  'description',
  'transportation',
  'latitude',
  'longitude',
  'address_1',
  'address_2',
  'postal_code',
  'city',
  'state_province',
  'country',
  'accessibility',
  'accessibility_description',
] as const;

const dateText = (column: string) => sql<string | null>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

/**
 * `column = any($1::uuid[])`: one parameter however many ids, where `in (…)` takes one parameter per id and fails
 * past PostgreSQL's 65,535 (an export of 100k services hit it).
 */
export const anyUuid = (column: string, ids: string[]) =>
  sql<boolean>`${sql.ref(column)} = any(${ids}::uuid[])`;

/** One service by id, whatever its owner; optionally only when it has a given status. */
export async function findService(db: Kysely<DB>, id: string, status?: EntryStatus) {
  let q = db.selectFrom('directory_services').select(serviceColumns).where('id', '=', id);
  if (status) q = q.where('status', '=', status);
  return (await q.executeTakeFirst()) as ServiceRow | undefined;
}

export async function findServices(db: Kysely<DB>, ids: string[]): Promise<ServiceRow[]> {
  if (ids.length === 0) return [];
  return (await db
    .selectFrom('directory_services')
    .select(serviceColumns)
    .where(anyUuid('id', ids))
    .execute()) as ServiceRow[];
}

/** The locations, schedules and contacts of some services, in their editor's order. */
export async function findChildren(
  db: Kysely<DB>,
  keys: { organisation_id: string; id: string }[],
): Promise<Map<string, ServiceChildren>> {
  const result = new Map<string, ServiceChildren>(
    keys.map((k) => [k.id, { locations: [], schedules: [], contacts: [] }]),
  );
  if (keys.length === 0) return result;
  const ids = keys.map((k) => k.id);
  const orgs = [...new Set(keys.map((k) => k.organisation_id))];
  const [locations, schedules, contacts] = await Promise.all([
    db
      .selectFrom('directory_locations')
      .select(locationColumns)
      .where(anyUuid('organisation_id', orgs))
      .where(anyUuid('service_id', ids))
      .orderBy('position')
      .execute(),
    db
      .selectFrom('directory_schedules')
      .select([
        'organisation_id',
        'id',
        'service_id',
        'location_id',
        'position',
        'freq',
        'interval',
        'byday',
        dateText('dtstart').as('dtstart'),
        'opens_at',
        'closes_at',
        dateText('valid_from').as('valid_from'),
        dateText('valid_to').as('valid_to'),
        'description',
      ])
      .where(anyUuid('organisation_id', orgs))
      .where(anyUuid('service_id', ids))
      .orderBy('position')
      .execute(),
    db
      .selectFrom('directory_contacts')
      .selectAll()
      .where(anyUuid('organisation_id', orgs))
      .where(anyUuid('service_id', ids))
      .orderBy('position')
      .execute(),
  ]);
  for (const l of locations) result.get(l.service_id)?.locations.push(l);
  for (const s of schedules) result.get(s.service_id)?.schedules.push(s as ScheduleRow);
  for (const c of contacts) result.get(c.service_id)?.contacts.push(c);
  return result;
}

export type NewService = Insertable<DirectoryServicesTable>;
export type NewLocation = Omit<LocationRow, 'country'>;

export async function insertService(db: Kysely<DB>, row: NewService) {
  await db.insertInto('directory_services').values(row).execute();
}

export async function updateService(
  db: Kysely<DB>,
  key: { organisation_id: string; id: string },
  patch: Omit<Updateable<DirectoryServicesTable>, 'organisation_id' | 'id' | 'version'>,
) {
  await db
    .updateTable('directory_services')
    .set({ ...patch, version: sql`version + 1` })
    .where('organisation_id', '=', key.organisation_id)
    .where('id', '=', key.id)
    .execute();
}

/** PostgreSQL refuses a statement with more bind parameters than this. */
export const MAX_PARAMETERS = 65_535;
/** Rows per multi-row statement at most: past this, longer statements gain little and cost memory. */
const MAX_ROWS = 1_000;

/**
 * Splits rows into multi-row statements that stay below PostgreSQL's parameter limit, given how many parameters
 * one row takes.
 */
export function chunks<T>(rows: T[], parametersPerRow: number): T[][] {
  const size = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMETERS / Math.max(1, parametersPerRow))));
  const result: T[][] = [];
  for (let i = 0; i < rows.length; i += size) result.push(rows.slice(i, i + size));
  return result;
}

const widest = (rows: object[]) => rows.reduce((n, r) => Math.max(n, Object.keys(r).length), 0);

/** Inserts locations (their point from their coordinates: two more parameters a row), schedules and contacts. */
export async function insertChildren(
  db: Kysely<DB>,
  children: { locations: NewLocation[]; schedules: ScheduleRow[]; contacts: ContactRow[] },
) {
  for (const part of chunks(children.locations, widest(children.locations) + 2))
    await db
      .insertInto('directory_locations')
      .values(
        part.map((l) => ({
          ...l,
          geo: sql`point(${l.longitude}::float8, ${l.latitude}::float8)`,
        })) as never,
      )
      .execute();
  for (const part of chunks(children.schedules, widest(children.schedules)))
    await db.insertInto('directory_schedules').values(part).execute();
  for (const part of chunks(children.contacts, widest(children.contacts)))
    await db.insertInto('directory_contacts').values(part).execute();
}

/** Deletes the locations, schedules and contacts of some services of one organisation: three statements. */
export async function deleteChildren(db: Kysely<DB>, organisationId: string, serviceIds: string[]) {
  if (serviceIds.length === 0) return;
  for (const table of ['directory_schedules', 'directory_contacts', 'directory_locations'] as const)
    await db
      .deleteFrom(table)
      .where('organisation_id', '=', organisationId)
      .where(anyUuid('service_id', serviceIds))
      .execute();
}

/** Replaces a service's locations, schedules and contacts with the given rows. */
export async function replaceChildren(
  db: Kysely<DB>,
  key: { organisation_id: string; id: string },
  children: { locations: NewLocation[]; schedules: ScheduleRow[]; contacts: ContactRow[] },
) {
  await deleteChildren(db, key.organisation_id, [key.id]);
  await insertChildren(db, children);
}

/** What an upsert leaves as it was on a service that is already there. */
const KEPT_ON_UPDATE = new Set([
  'organisation_id',
  'id',
  'region_id',
  'municipality_id',
  'good_practice',
  'assurer_email',
  'created_by',
  'created_at',
  'version',
]);

/**
 * Inserts services, or updates those already there (same organisation and id) in the same multi-row
 * statement: their content, status and dates are replaced and their version goes up, but their owner, place,
 * creator and good-practice description are kept.
 */
export async function upsertServices(db: Kysely<DB>, rows: NewService[]) {
  const first = rows[0];
  if (!first) return;
  const updated = Object.keys(first).filter((c) => !KEPT_ON_UPDATE.has(c)) as (keyof NewService)[];
  for (const part of chunks(rows, widest(rows)))
    await db
      .insertInto('directory_services')
      .values(part)
      .onConflict((oc) =>
        oc.columns(['organisation_id', 'id']).doUpdateSet((eb) => ({
          ...Object.fromEntries(updated.map((c) => [c, eb.ref(`excluded.${c}`)])),
          version: sql`directory_services.version + 1`,
        })),
      )
      .execute();
}

/** Services owned by some organisations or running in some municipalities (editor lists). */
export async function listEditable(
  db: Kysely<DB>,
  scope: { organisationIds: string[]; municipalityIds: string[] } | 'all',
  status?: EntryStatus,
) {
  let q = db.selectFrom('directory_services').select(serviceColumns).orderBy('name').orderBy('id');
  if (scope !== 'all') {
    const { organisationIds, municipalityIds } = scope;
    if (organisationIds.length === 0 && municipalityIds.length === 0) return [];
    q = q.where((eb) =>
      eb.or([
        ...(organisationIds.length > 0 ? [eb('organisation_id', 'in', organisationIds)] : []),
        ...(municipalityIds.length > 0 ? [eb('municipality_id', 'in', municipalityIds)] : []),
      ]),
    );
  }
  if (status) q = q.where('status', '=', status);
  return (await q.execute()) as ServiceRow[];
}

export async function insertMetadata(
  db: Kysely<DB>,
  rows: {
    organisation_id: string;
    id: string;
    service_id: string;
    resource_type: string;
    resource_id: string;
    last_action_date: Date;
    last_action_type: string;
    field_name: string;
    previous_value: string;
    replacement_value: string;
    updated_by: string | null;
  }[],
) {
  for (const part of chunks(rows, widest(rows)))
    await db.insertInto('directory_metadata').values(part).execute();
}

export const listMetadata = (db: Kysely<DB>, key: { organisation_id: string; id: string }) =>
  db
    .selectFrom('directory_metadata')
    .selectAll()
    .where('organisation_id', '=', key.organisation_id)
    .where('service_id', '=', key.id)
    .orderBy('last_action_date', 'desc')
    .orderBy('field_name')
    .execute();
