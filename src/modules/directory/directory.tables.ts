import type { ColumnType, Generated } from 'kysely';

type Json = ColumnType<Record<string, unknown>, string, string>;
/** Postgres `point`: read back as {x, y}, written as a SQL expression. */
type Point = ColumnType<{ x: number; y: number }, never, never>;

export type EntryStatus = 'draft' | 'published' | 'archived';

export interface DirectoryServicesTable {
  organisation_id: string;
  id: string;
  region_id: string;
  municipality_id: string | null;
  status: ColumnType<EntryStatus, EntryStatus | undefined, EntryStatus>;
  name: string;
  alternate_name: string | null;
  description: string;
  url: string | null;
  email: string | null;
  type: string;
  target_groups: string[];
  how_to_join: string;
  application_process: string | null;
  languages: string[];
  cost_option: string;
  cost_amount: number | null;
  cost_description: string | null;
  minimum_age: number | null;
  maximum_age: number | null;
  good_practice: Json;
  active_elements: string[];
  evidence_level: string;
  evidence_source: string | null;
  assured_date: string | null;
  assurer_email: string | null;
  stale_reminded_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  area_lat: number | null;
  area_lng: number | null;
  facet_codes: string[];
  search_folded: string;
  search_labels: string;
  search_vector: ColumnType<string, never, never>;
  version: Generated<number>;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  published_at: Date | null;
}

export interface DirectoryLocationsTable {
  organisation_id: string;
  id: string;
  service_id: string;
  service_at_location_id: string;
  position: number;
  name: string;
  description: string | null;
  transportation: string | null;
  latitude: number;
  longitude: number;
  geo: Point;
  address_1: string;
  address_2: string | null;
  postal_code: string;
  city: string;
  state_province: string;
  country: ColumnType<string, string | undefined, string>;
  accessibility: string[];
  accessibility_description: string | null;
}

export interface DirectorySchedulesTable {
  organisation_id: string;
  id: string;
  service_id: string;
  location_id: string | null;
  position: number;
  freq: 'WEEKLY' | 'MONTHLY';
  interval: number;
  byday: string;
  dtstart: string | null;
  opens_at: string;
  closes_at: string;
  valid_from: string | null;
  valid_to: string | null;
  description: string | null;
}

export interface DirectoryContactsTable {
  organisation_id: string;
  id: string;
  service_id: string;
  position: number;
  kind: 'contact' | 'phone';
  name: string | null;
  title: string | null;
  email: string | null;
  phone: string | null;
  description: string | null;
}

export interface DirectoryMetadataTable {
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
}

/**
 * The search projection of a published service, kept by triggers (migration
 * 0004): never written by the application.
 */
export interface DirectorySearchTable {
  organisation_id: string;
  service_id: string;
  name: string;
  /** Its locations, else its municipality's centre; null: region-wide. */
  points: ColumnType<{ x: number; y: number }[] | null, never, never>;
  bbox: ColumnType<string, never, never>;
  /** The six search facets' codes, grouped per facet in the order of FACETS (migration 0013). */
  facet_codes: string[];
  /** Where each facet's codes start in facet_codes, and one past the last. */
  facet_bounds: number[];
  search_folded: string;
  search_vector: ColumnType<string, never, never>;
}

/** Every word of the published services' folded text, for typo tolerance (kept by a trigger). */
export interface DirectorySearchWordsTable {
  word: string;
}

/** The directory module's tables. */
export interface DirectoryTables {
  directory_services: DirectoryServicesTable;
  directory_locations: DirectoryLocationsTable;
  directory_schedules: DirectorySchedulesTable;
  directory_contacts: DirectoryContactsTable;
  directory_metadata: DirectoryMetadataTable;
  directory_search: DirectorySearchTable;
  directory_search_words: DirectorySearchWordsTable;
}
