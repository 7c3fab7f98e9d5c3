import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { ClientsTables } from '../../modules/clients/clients.tables.ts';
import type { DirectoryTables } from '../../modules/directory/directory.tables.ts';
import type { MeasurementsTables } from '../../modules/measurements/measurements.tables.ts';
import type { QuestionnairesTables } from '../../modules/measurements/questionnaires.tables.ts';
import type { NetworksTables } from '../../modules/networks/networks.tables.ts';
import type { SignalsTables } from '../../modules/signals/signals.tables.ts';

/** Columns the database fills in when the insert leaves them out. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Json = ColumnType<
  Record<string, unknown>,
  string | Record<string, unknown>,
  string | Record<string, unknown>
>;

export interface GazetteerMunicipalitiesTable {
  nis_code: string;
  name_nl: string;
  name_fr: string;
  region: 'VLG' | 'BRU' | 'WAL';
  province: string | null;
  lat: number;
  lng: number;
}

export interface GazetteerPostcodesTable {
  postcode: string;
  nis_code: string;
  place_name: string;
  lat: number;
  lng: number;
}

export interface RegionsTable {
  id: string;
  name: string;
  created_at: Defaulted<Date>;
}

export interface MunicipalitiesTable {
  id: string;
  region_id: string;
  nis_code: string;
  name_nl: string;
  name_fr: string;
  created_at: Defaulted<Date>;
}

export type OrganisationKind =
  | 'municipality'
  | 'caw'
  | 'ocmw'
  | 'home_care'
  | 'association'
  | 'school'
  | 'police'
  | 'health'
  | 'other';

export interface OrganisationsTable {
  id: string;
  region_id: string;
  name: string;
  kind: OrganisationKind;
  require_second_factor: Defaulted<boolean>;
  active: Defaulted<boolean>;
  created_at: Defaulted<Date>;
}

export interface OrganisationMunicipalitiesTable {
  organisation_id: string;
  municipality_id: string;
}

export type Role = 'admin' | 'coordinator' | 'worker' | 'volunteer';
export type Locale = 'nl-BE' | 'fr-BE' | 'en';

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  locale: Defaulted<Locale>;
  large_text: Defaulted<boolean>;
  totp_secret: string | null;
  totp_enabled_at: Date | null;
  totp_last_step: number | null;
  is_platform_admin: Defaulted<boolean>;
  active: Defaulted<boolean>;
  created_at: Defaulted<Date>;
  deactivated_at: Date | null;
}

export interface MembershipsTable {
  organisation_id: string;
  user_id: string;
  role: Role;
  created_at: Defaulted<Date>;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  second_factor_done: Defaulted<boolean>;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
}

export interface AccountLinksTable {
  id: string;
  kind: 'invitation' | 'password_reset';
  token_hash: string;
  user_id: string;
  organisation_id: string | null;
  role: Role | null;
  created_by: string | null;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface RateLimitEventsTable {
  key: string;
  at: Date;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Date;
  actor_user_id: string | null;
  organisation_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  ip: string | null;
  details: Json;
}

export interface JobsTable {
  id: string;
  queue: string;
  key: string | null;
  payload: Json;
  status: Defaulted<'pending' | 'done' | 'failed'>;
  run_at: Date;
  attempts: Defaulted<number>;
  max_attempts: Defaulted<number>;
  locked_until: Date | null;
  last_error: string | null;
  created_at: Date;
  finished_at: Date | null;
}

export interface OutboxMessagesTable {
  id: string;
  organisation_id: string | null;
  channel: Defaulted<'email'>;
  recipient: string;
  subject: string;
  body_text: string;
  status: Defaulted<'pending' | 'sent' | 'logged' | 'failed'>;
  transport: string | null;
  attempts: Defaulted<number>;
  last_error: string | null;
  message_id: string;
  created_at: Date;
  sent_at: Date | null;
}

/** The platform's tables; each domain module adds its own in `<module>.tables.ts`. */
export interface PlatformTables {
  gazetteer_municipalities: GazetteerMunicipalitiesTable;
  gazetteer_postcodes: GazetteerPostcodesTable;
  regions: RegionsTable;
  municipalities: MunicipalitiesTable;
  organisations: OrganisationsTable;
  organisation_municipalities: OrganisationMunicipalitiesTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  account_links: AccountLinksTable;
  api_tokens: ApiTokensTable;
  rate_limit_events: RateLimitEventsTable;
  audit_log: AuditLogTable;
  jobs: JobsTable;
  outbox_messages: OutboxMessagesTable;
}

/** Every table. A module with tables adds its interface to this list. */
export interface DB
  extends PlatformTables,
    SignalsTables,
    DirectoryTables,
    ClientsTables,
    MeasurementsTables,
    NetworksTables,
    QuestionnairesTables {}

export type UserRow = Selectable<UsersTable>;
export type OrganisationRow = Selectable<OrganisationsTable>;
export type NewJob = Insertable<JobsTable>;
