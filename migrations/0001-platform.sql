-- Platform foundation: gazetteer, tenancy, accounts, sessions, audit log, jobs, outbox.
-- Runs on PostgreSQL 15+ and on PGlite (PostgreSQL 18): nothing newer than 15 is used.

create extension if not exists pg_trgm;
create extension if not exists unaccent;

-- Gazetteer: a shared lookup of Belgian municipalities and postcodes. It never
-- points at tenant rows; tenant rows point at it by NIS code.
create table gazetteer_municipalities (
  nis_code text primary key check (nis_code ~ '^[0-9]{5}$'),
  name_nl text not null,
  name_fr text not null,
  region text not null check (region in ('VLG', 'BRU', 'WAL')),
  province text,
  lat double precision not null check (lat between -90 and 90),
  lng double precision not null check (lng between -180 and 180)
);
create index gazetteer_municipalities_name_nl on gazetteer_municipalities (lower(name_nl));
create index gazetteer_municipalities_name_fr on gazetteer_municipalities (lower(name_fr));

create table gazetteer_postcodes (
  postcode text not null check (postcode ~ '^[1-9][0-9]{3}$'),
  nis_code text not null references gazetteer_municipalities (nis_code) on update cascade on delete cascade,
  place_name text not null,
  lat double precision not null,
  lng double precision not null,
  primary key (postcode, nis_code, place_name)
);
create index gazetteer_postcodes_nis on gazetteer_postcodes (nis_code);
create index gazetteer_postcodes_place on gazetteer_postcodes (lower(place_name));

-- Tenancy.
create table regions (
  id uuid primary key,
  name text not null unique,
  created_at timestamptz not null default now()
);

create table municipalities (
  id uuid primary key,
  region_id uuid not null references regions (id),
  nis_code text not null unique,
  name_nl text not null,
  name_fr text not null,
  created_at timestamptz not null default now()
);

create table organisations (
  id uuid primary key,
  region_id uuid not null references regions (id),
  name text not null,
  kind text not null check (kind in ('municipality', 'caw', 'ocmw', 'home_care', 'association', 'school', 'police', 'health', 'other')),
  require_second_factor boolean not null default false,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  unique (region_id, name)
);

create table organisation_municipalities (
  organisation_id uuid not null references organisations (id) on delete cascade,
  municipality_id uuid not null references municipalities (id),
  primary key (organisation_id, municipality_id)
);
create index organisation_municipalities_municipality on organisation_municipalities (municipality_id);

-- Accounts.
create table users (
  id uuid primary key,
  email text not null,
  name text not null,
  password_hash text,
  locale text not null default 'nl-BE' check (locale in ('nl-BE', 'fr-BE', 'en')),
  large_text boolean not null default false,
  totp_secret text,
  totp_enabled_at timestamptz,
  -- The last accepted TOTP time step: a code is never accepted twice.
  totp_last_step bigint,
  is_platform_admin boolean not null default false,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  deactivated_at timestamptz
);
create unique index users_email on users (lower(email));

create table memberships (
  organisation_id uuid not null references organisations (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  role text not null check (role in ('admin', 'coordinator', 'worker', 'volunteer')),
  created_at timestamptz not null default now(),
  primary key (organisation_id, user_id)
);
create index memberships_user on memberships (user_id);

-- Server-side sessions: the cookie holds a random token, the table its SHA-256.
create table sessions (
  id_hash text primary key,
  user_id uuid not null references users (id) on delete cascade,
  csrf_token text not null,
  second_factor_done boolean not null default false,
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  expires_at timestamptz not null,
  ip text,
  user_agent text
);
create index sessions_user on sessions (user_id);

-- Single-use links sent by email: invitations and password resets.
create table account_links (
  id uuid primary key,
  kind text not null check (kind in ('invitation', 'password_reset')),
  token_hash text not null unique,
  user_id uuid not null references users (id) on delete cascade,
  organisation_id uuid references organisations (id) on delete cascade,
  role text check (role in ('admin', 'coordinator', 'worker', 'volunteer')),
  created_by uuid references users (id),
  created_at timestamptz not null,
  expires_at timestamptz not null,
  used_at timestamptz
);
create index account_links_user on account_links (user_id);

create table api_tokens (
  id uuid primary key,
  user_id uuid not null references users (id) on delete cascade,
  name text not null,
  token_hash text not null unique,
  prefix text not null,
  created_at timestamptz not null,
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index api_tokens_user on api_tokens (user_id);

-- Rate-limit events (failed logins per account+IP and per IP, public submissions per hashed IP, ...),
-- counted per key within a window; the hourly clean-up forgets old ones.
create table rate_limit_events (
  key text not null,
  at timestamptz not null
);
create index rate_limit_events_key on rate_limit_events (key, at);

-- Audit log: append-only (no update or delete is granted by the application),
-- never holds personal data itself, only references to records.
create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null,
  actor_user_id uuid,
  organisation_id uuid,
  action text not null,
  subject_type text not null,
  subject_id text,
  ip text,
  details jsonb not null default '{}'::jsonb
);
create index audit_log_org_at on audit_log (organisation_id, at desc);
create index audit_log_subject on audit_log (subject_type, subject_id);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end $$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_is_append_only();

-- Durable jobs: anything that must happen later or elsewhere.
create table jobs (
  id uuid primary key,
  queue text not null,
  key text,
  payload jsonb not null default '{}'::jsonb,
  status text not null default 'pending' check (status in ('pending', 'done', 'failed')),
  run_at timestamptz not null,
  attempts integer not null default 0,
  max_attempts integer not null default 8,
  locked_until timestamptz,
  last_error text,
  created_at timestamptz not null,
  finished_at timestamptz
);
create unique index jobs_queue_key on jobs (queue, key) where key is not null;
create index jobs_due on jobs (run_at) where status = 'pending';

-- Outbox of outgoing messages: one row is one message, delivered exactly once.
create table outbox_messages (
  id uuid primary key,
  organisation_id uuid,
  channel text not null default 'email' check (channel in ('email')),
  recipient text not null,
  subject text not null,
  body_text text not null,
  status text not null default 'pending' check (status in ('pending', 'sent', 'logged', 'failed')),
  transport text,
  attempts integer not null default 0,
  last_error text,
  message_id text not null unique,
  created_at timestamptz not null,
  sent_at timestamptz
);
create index outbox_messages_org on outbox_messages (organisation_id, created_at desc);
create index outbox_messages_created on outbox_messages (created_at desc);
