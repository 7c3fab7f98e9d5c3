import type { ColumnType } from 'kysely';

type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Json = ColumnType<Record<string, unknown>, string | undefined, string>;

export type ClientStatus = 'active' | 'closed';
export type AgeBand = '0-17' | '18-34' | '35-49' | '50-64' | '65-74' | '75-84' | '85+';
export type Household = 'alone' | 'with_partner' | 'with_family' | 'with_others' | 'care_home' | 'unknown';
export type ConsentKind = 'registration' | 'contact' | 'sharing' | 'self_fill';
export type ConsentMethod = 'in_person' | 'phone' | 'written' | 'digital';
export type ClientWorkerRole = 'lead' | 'worker' | 'volunteer';
export type ContactMode = 'visit' | 'phone' | 'video' | 'message' | 'other';
export type ReferralStatus = 'proposed' | 'sent' | 'started' | 'declined' | 'stopped' | 'completed';

export interface ClientsTable {
  organisation_id: string;
  id: string;
  municipality_nis: string;
  given_name: string;
  family_name: string | null;
  phone: string | null;
  email: string | null;
  street: string | null;
  postcode: string | null;
  /** 'YYYY-MM-DD': select it with to_char(birth_date, 'YYYY-MM-DD') (pg parses a bare date into a local-time Date). */
  birth_date: ColumnType<string | null, string | null | undefined, string | null>;
  age_band: AgeBand | null;
  household: Defaulted<Household>;
  languages: Defaulted<string[]>;
  status: Defaulted<ClientStatus>;
  version: Defaulted<number>;
  created_at: Date;
  created_by: string;
  updated_at: Date;
  updated_by: string | null;
  closed_at: Date | null;
}

export interface ClientConsentsTable {
  organisation_id: string;
  client_id: string;
  id: string;
  kind: ConsentKind;
  shared_with_organisation_id: string | null;
  method: ConsentMethod;
  given_at: Date;
  recorded_by: string;
  withdrawn_at: Date | null;
  withdrawn_by: string | null;
  withdrawal_method: ConsentMethod | null;
  note: string | null;
}

export interface ClientWorkersTable {
  organisation_id: string;
  client_id: string;
  user_id: string;
  role: ClientWorkerRole;
  assigned_at: Date;
  assigned_by: string;
}

export interface ClientTimelineTable {
  organisation_id: string;
  client_id: string;
  id: string;
  at: Date;
  kind: string;
  actor_user_id: string | null;
  ref_type: string | null;
  ref_id: string | null;
  details: Json;
  /** Insertion order, set by the database (bigint, so pg hands it back as a string). */
  seq: ColumnType<string, never, never>;
}

export interface ClientContactsTable {
  organisation_id: string;
  client_id: string;
  id: string;
  at: Date;
  mode: ContactMode;
  summary: string;
  author_user_id: string;
  created_at: Date;
}

export interface ClientReferralsTable {
  organisation_id: string;
  client_id: string;
  id: string;
  service_organisation_id: string;
  service_id: string;
  service_name: string;
  consent_id: string | null;
  status: Defaulted<ReferralStatus>;
  reason: string | null;
  outcome_note: string | null;
  answer_note: Defaulted<string | null>;
  created_at: Date;
  created_by: string;
  updated_at: Date;
}

export interface ClientsTables {
  clients: ClientsTable;
  client_consents: ClientConsentsTable;
  client_workers: ClientWorkersTable;
  client_timeline: ClientTimelineTable;
  client_contacts: ClientContactsTable;
  client_referrals: ClientReferralsTable;
}
