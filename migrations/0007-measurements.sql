-- Measurements of loneliness for clients: scored responses, the follow-up
-- schedules they belong to, and single-use self-fill links.
-- Tenant: the organisation holding the client record (in every key).
-- Runs on PostgreSQL 15+ and on PGlite (PostgreSQL 18).

-- A follow-up track: a baseline when the person starts with an initiative, a
-- buddy or a telephone circle, then follow-ups after the given months.
create table measurement_tracks (
  organisation_id uuid not null,
  client_id uuid not null,
  id uuid not null,
  instrument_id text not null check (instrument_id in ('djg-11', 'djg-6', 'ucla-3', 'direct')),
  context text not null check (context in ('initiative', 'buddy', 'circle', 'other')),
  -- The initiative type, for "what works" per type without reading the directory.
  service_type text,
  service_organisation_id uuid,
  service_id uuid,
  -- The initiative's name when the track started, so the page reads well if it is archived later.
  service_name text,
  started_on date not null,
  follow_up_months integer[] not null default '{3,6,12}',
  -- Send the self-fill link by email when a follow-up is due (needs a self_fill consent).
  self_fill boolean not null default false,
  status text not null default 'active' check (status in ('active', 'stopped')),
  created_by uuid not null,
  created_at timestamptz not null,
  primary key (organisation_id, client_id, id),
  foreign key (organisation_id, client_id) references clients (organisation_id, id) on delete cascade,
  check (cardinality(follow_up_months) between 0 and 12)
);

-- A follow-up reminder sent: claimed in the same transaction as its emails,
-- so a job that runs twice (a restart, a second instance) sends nothing more.
create table measurement_reminders (
  organisation_id uuid not null,
  client_id uuid not null,
  track_id uuid not null,
  occasion_months integer not null,
  sent_at timestamptz not null,
  primary key (organisation_id, client_id, track_id, occasion_months),
  foreign key (organisation_id, client_id, track_id)
    references measurement_tracks (organisation_id, client_id, id) on delete cascade
);

create table client_measurements (
  organisation_id uuid not null,
  client_id uuid not null,
  id uuid not null,
  instrument_id text not null check (instrument_id in ('djg-11', 'djg-6', 'ucla-3', 'direct')),
  -- The version of the instrument definition that produced the score.
  instrument_version text not null,
  mode text not null check (mode in ('interviewer', 'self_fill', 'paper')),
  taken_on date not null,
  answers jsonb not null,
  threshold integer,
  status text not null check (status in ('complete', 'incomplete', 'one_item_missing')),
  total integer,
  emotional integer,
  social integer,
  category text,
  emotional_category text,
  social_category text,
  track_id uuid,
  -- 0: the baseline; n: the follow-up after n months; null: outside a track.
  occasion_months integer check (occasion_months between 0 and 120),
  -- Copied from the record, so that insights count per municipality and
  -- initiative type without joining personal data.
  municipality_nis text not null,
  service_type text,
  -- Null when the person filled it in themselves.
  recorded_by uuid,
  created_at timestamptz not null,
  primary key (organisation_id, client_id, id),
  foreign key (organisation_id, client_id) references clients (organisation_id, id) on delete cascade,
  foreign key (organisation_id, client_id, track_id)
    references measurement_tracks (organisation_id, client_id, id) on delete cascade
);
create index client_measurements_by_client on client_measurements (organisation_id, client_id, taken_on);
create index client_measurements_insights on client_measurements (municipality_nis, instrument_id, taken_on);
-- One measurement per occasion of a track: a second submission is refused, not doubled.
create unique index client_measurements_occasion on client_measurements (organisation_id, client_id, track_id, occasion_months)
  where track_id is not null and occasion_months is not null;

-- A link that lets the person answer once, without an account. Only the
-- SHA-256 of the token is stored; the link reveals nothing but the questions.
create table self_fill_links (
  token_hash text primary key,
  organisation_id uuid not null,
  client_id uuid not null,
  id uuid not null,
  instrument_id text not null check (instrument_id in ('djg-11', 'djg-6', 'ucla-3', 'direct')),
  track_id uuid,
  occasion_months integer,
  locale text not null default 'nl-BE' check (locale in ('nl-BE', 'fr-BE', 'en')),
  created_by uuid,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  used_at timestamptz,
  measurement_id uuid,
  foreign key (organisation_id, client_id) references clients (organisation_id, id) on delete cascade,
  check ((used_at is null) = (measurement_id is null))
);
create unique index self_fill_links_id on self_fill_links (organisation_id, client_id, id);
