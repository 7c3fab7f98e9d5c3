-- Client records: people an organisation supports, with what they agreed to,
-- who works with them, what happened (timeline) and where they were referred.
-- The tenant is the organisation that holds the record: it is in every key.
-- Organisations and users are other tables' rows and get no foreign key.
-- Runs on PostgreSQL 15+ and on PGlite (PostgreSQL 18).

create table clients (
  organisation_id uuid not null,
  id uuid not null,
  -- Where the person lives; the municipality is the gazetteer's NIS code so
  -- that insights can count per municipality without a personal address.
  municipality_nis text not null,
  given_name text not null,
  family_name text,
  phone text,
  email text,
  street text,
  postcode text,
  -- Either an exact date of birth or, when the person prefers, an age band.
  birth_date date,
  age_band text check (age_band in ('0-17', '18-34', '35-49', '50-64', '65-74', '75-84', '85+')),
  household text not null default 'unknown'
    check (household in ('alone', 'with_partner', 'with_family', 'with_others', 'care_home', 'unknown')),
  languages text[] not null default '{}',
  status text not null default 'active' check (status in ('active', 'closed')),
  -- Optimistic concurrency for edits of the record itself.
  version integer not null default 1,
  created_at timestamptz not null,
  created_by uuid not null,
  updated_at timestamptz not null,
  -- Who made the last change, so a conflicting edit can say who got there first.
  updated_by uuid,
  closed_at timestamptz,
  primary key (organisation_id, id),
  check (birth_date is null or age_band is null)
);
-- Routes address a client by id alone; the policy then checks the organisation.
create unique index clients_by_id on clients (id);
create index clients_list on clients (organisation_id, status, family_name, given_name);

-- What the person agreed to, when, how and recorded by whom. Withdrawing sets
-- withdrawn_*; a new agreement is a new row, so the history stays.
create table client_consents (
  organisation_id uuid not null,
  client_id uuid not null,
  id uuid not null,
  kind text not null check (kind in ('registration', 'contact', 'sharing', 'self_fill')),
  -- For 'sharing': the one organisation the person agreed to share with.
  shared_with_organisation_id uuid,
  method text not null check (method in ('in_person', 'phone', 'written', 'digital')),
  given_at timestamptz not null,
  recorded_by uuid not null,
  withdrawn_at timestamptz,
  withdrawn_by uuid,
  withdrawal_method text check (withdrawal_method in ('in_person', 'phone', 'written', 'digital')),
  note text,
  primary key (organisation_id, client_id, id),
  foreign key (organisation_id, client_id) references clients (organisation_id, id) on delete cascade,
  check ((kind = 'sharing') = (shared_with_organisation_id is not null)),
  check ((withdrawn_at is null) = (withdrawn_by is null))
);

-- The workers and volunteers assigned to a client.
create table client_workers (
  organisation_id uuid not null,
  client_id uuid not null,
  user_id uuid not null,
  role text not null check (role in ('lead', 'worker', 'volunteer')),
  assigned_at timestamptz not null,
  assigned_by uuid not null,
  primary key (organisation_id, client_id, user_id),
  foreign key (organisation_id, client_id) references clients (organisation_id, id) on delete cascade
);
create index client_workers_by_user on client_workers (user_id);

-- What happened, in order: contacts, signals taken over, maps and snapshots,
-- measurements, referrals. Modules append through the clients use cases;
-- `ref_type`/`ref_id` point at the module's own record, `details` holds codes
-- and counts, never free text about the person.
create table client_timeline (
  organisation_id uuid not null,
  client_id uuid not null,
  id uuid not null,
  at timestamptz not null,
  kind text not null,
  actor_user_id uuid,
  ref_type text,
  ref_id uuid,
  details jsonb not null default '{}',
  -- Insertion order: events of one change share their timestamp, and ids are
  -- random, so this keeps such events in the order they happened.
  seq bigint generated always as identity,
  primary key (organisation_id, client_id, id),
  foreign key (organisation_id, client_id) references clients (organisation_id, id) on delete cascade
);
create index client_timeline_order on client_timeline (organisation_id, client_id, at desc, seq desc);

-- A contact with the person (visit, call, ...), written down by a worker.
create table client_contacts (
  organisation_id uuid not null,
  client_id uuid not null,
  id uuid not null,
  at timestamptz not null,
  mode text not null check (mode in ('visit', 'phone', 'video', 'message', 'other')),
  summary text not null,
  author_user_id uuid not null,
  created_at timestamptz not null,
  primary key (organisation_id, client_id, id),
  foreign key (organisation_id, client_id) references clients (organisation_id, id) on delete cascade
);

-- A referral to a directory initiative. When the initiative belongs to another
-- organisation and the person agreed to share (a 'sharing' consent for it),
-- that organisation's coordinators see the referral with the fields shared.
create table client_referrals (
  organisation_id uuid not null,
  client_id uuid not null,
  id uuid not null,
  service_organisation_id uuid not null,
  service_id uuid not null,
  -- The initiative's name when referred, so the record reads well if it is archived later.
  service_name text not null,
  consent_id uuid,
  status text not null default 'proposed'
    check (status in ('proposed', 'sent', 'started', 'declined', 'stopped', 'completed')),
  reason text,
  outcome_note text,
  -- What the receiving organisation answered (why it cannot, say): shared with
  -- the sender, while the outcome note stays with the sender's team.
  answer_note text,
  created_at timestamptz not null,
  created_by uuid not null,
  updated_at timestamptz not null,
  primary key (organisation_id, client_id, id),
  foreign key (organisation_id, client_id) references clients (organisation_id, id) on delete cascade,
  foreign key (organisation_id, client_id, consent_id) references client_consents (organisation_id, client_id, id)
);
create index client_referrals_incoming on client_referrals (service_organisation_id, status)
  where service_organisation_id <> organisation_id;
create index client_referrals_by_service on client_referrals (service_organisation_id, service_id);
