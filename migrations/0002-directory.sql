-- Directory of initiatives, aligned with Open Referral HSDS 3.0.
-- Runs on PostgreSQL 15+ and on PGlite (PostgreSQL 18): nothing newer than 15 is used,
-- and no earthdistance (not trusted on PostgreSQL 15): built-in point + GiST + haversine.

-- Dutch stemming with accents folded first, so "cafe" finds "café".
create text search configuration verbonden_nl (copy = dutch);
alter text search configuration verbonden_nl
  alter mapping for hword, hword_part, word with unaccent, dutch_stem;

-- The vocabulary (HSDS taxonomies and terms: type, target group, ...) lives in code
-- (directory.vocabulary.ts) with stable ids; rows refer to it by code.

-- One initiative (HSDS service). The owning organisation is the tenant key; the
-- municipality is where it runs (null: region-wide). No FK to tenancy tables, by design.
create table directory_services (
  organisation_id uuid not null,
  id uuid not null,
  region_id uuid not null,
  municipality_id uuid,
  status text not null default 'draft' check (status in ('draft', 'published', 'archived')),
  name text not null check (length(name) between 1 and 200),
  alternate_name text,
  description text not null default '',
  url text,
  email text,
  type text not null,
  target_groups text[] not null default '{}',
  how_to_join text not null,
  application_process text,
  languages text[] not null default '{}',
  cost_option text not null check (cost_option in ('free', 'contribution', 'paid')),
  cost_amount numeric(10, 2),
  cost_description text,
  minimum_age integer,
  maximum_age integer,
  -- Good-practice fields: goal, approach, reach, results, contact for other municipalities.
  good_practice jsonb not null default '{}',
  active_elements text[] not null default '{}',
  evidence_level text not null default 'none',
  evidence_source text,
  assured_date date,
  assurer_email text,
  -- When the owners were last reminded that nobody checked the entry for a year.
  stale_reminded_at timestamptz,
  -- Where a service without a location of its own is drawn: its municipality's centroid.
  area_lat double precision,
  area_lng double precision,
  -- Every filterable code, "dimension:code" (type:buddy, day:TU, ...), kept by the application.
  facet_codes text[] not null default '{}',
  -- Lower-case, accent-free text for typo-tolerant (trigram) matching.
  search_folded text not null default '',
  search_labels text not null default '',
  search_vector tsvector generated always as (
    setweight(to_tsvector('verbonden_nl'::regconfig, coalesce(name, '') || ' ' || coalesce(alternate_name, '')), 'A')
    || setweight(to_tsvector('verbonden_nl'::regconfig, search_labels), 'B')
    || setweight(to_tsvector('verbonden_nl'::regconfig, description), 'C')
  ) stored,
  version integer not null default 1,
  created_by uuid,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  published_at timestamptz,
  primary key (organisation_id, id)
);
create index directory_services_id on directory_services (id);
create index directory_services_municipality on directory_services (municipality_id, status);
create index directory_services_search on directory_services using gin (search_vector);
create index directory_services_facets on directory_services using gin (facet_codes);
create index directory_services_trgm on directory_services using gin (search_folded gin_trgm_ops);

-- HSDS location with its one physical address (HSDS address), and the service at it.
create table directory_locations (
  organisation_id uuid not null,
  id uuid not null,
  service_id uuid not null,
  service_at_location_id uuid not null,
  position integer not null,
  name text not null,
  description text,
  transportation text,
  latitude double precision not null check (latitude between -90 and 90),
  longitude double precision not null check (longitude between -180 and 180),
  geo point not null,
  address_1 text not null,
  address_2 text,
  postal_code text not null,
  city text not null,
  state_province text not null,
  country text not null default 'BE',
  accessibility text[] not null default '{}',
  accessibility_description text,
  primary key (organisation_id, id),
  foreign key (organisation_id, service_id) references directory_services (organisation_id, id) on delete cascade
);
create index directory_locations_service on directory_locations (organisation_id, service_id);
create index directory_locations_geo on directory_locations using gist (geo);
create index directory_locations_sal on directory_locations (service_at_location_id);

-- RFC 5545-style recurrence (HSDS schedule): freq, interval, byday ("TU", "MO,TH", "1TU", "-1FR").
create table directory_schedules (
  organisation_id uuid not null,
  id uuid not null,
  service_id uuid not null,
  location_id uuid,
  position integer not null,
  freq text not null check (freq in ('WEEKLY', 'MONTHLY')),
  "interval" integer not null default 1 check ("interval" between 1 and 12),
  byday text not null,
  dtstart date,
  opens_at text not null check (opens_at ~ '^[0-2][0-9]:[0-5][0-9]$'),
  closes_at text not null check (closes_at ~ '^[0-2][0-9]:[0-5][0-9]$'),
  valid_from date,
  valid_to date,
  description text,
  primary key (organisation_id, id),
  foreign key (organisation_id, service_id) references directory_services (organisation_id, id) on delete cascade
);
create index directory_schedules_service on directory_schedules (organisation_id, service_id);

-- HSDS contact (a person or desk) and phone; both published deliberately by the editor.
create table directory_contacts (
  organisation_id uuid not null,
  id uuid not null,
  service_id uuid not null,
  position integer not null,
  kind text not null check (kind in ('contact', 'phone')),
  name text,
  title text,
  email text,
  phone text,
  description text,
  primary key (organisation_id, id),
  foreign key (organisation_id, service_id) references directory_services (organisation_id, id) on delete cascade
);
create index directory_contacts_service on directory_contacts (organisation_id, service_id);

-- Change history (HSDS metadata): one row per changed field per action.
create table directory_metadata (
  organisation_id uuid not null,
  id uuid not null,
  service_id uuid not null,
  resource_type text not null,
  resource_id uuid not null,
  last_action_date timestamptz not null,
  last_action_type text not null,
  field_name text not null,
  previous_value text not null default '',
  replacement_value text not null default '',
  updated_by uuid,
  primary key (organisation_id, id),
  foreign key (organisation_id, service_id) references directory_services (organisation_id, id) on delete cascade
);
create index directory_metadata_service on directory_metadata (organisation_id, service_id, last_action_date);

