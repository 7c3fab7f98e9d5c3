-- Meldpunt (signals): reports about a person someone worries about, their
-- lifecycle and who runs each municipality's meldpunt.
-- Runs on PostgreSQL 15+ and on PGlite (PostgreSQL 18).

-- Which organisation runs a municipality's meldpunt. Without a row, the
-- oldest active organisation of kind 'municipality' working there does.
create table signal_meldpunts (
  municipality_id uuid primary key references municipalities (id),
  organisation_id uuid not null,
  updated_at timestamptz not null
);

-- A municipality's service levels, in Belgian working days, and how long a
-- closed signal keeps its personal data. Without a row the defaults apply
-- (2 days to triage, 5 to a first contact attempt, 12 months).
create table signal_service_levels (
  municipality_id uuid primary key references municipalities (id),
  triage_working_days integer not null check (triage_working_days between 1 and 60),
  contact_working_days integer not null check (contact_working_days between 1 and 120),
  retention_months integer not null check (retention_months between 1 and 120),
  updated_at timestamptz not null
);

-- A signal belongs to the municipality it is about (tenant key); its personal
-- data is held by the meldpunt organisation (organisation_id). No foreign key
-- points at organisations or users: those are other tenants' rows.
create table signals (
  municipality_id uuid not null references municipalities (id),
  id uuid not null,
  organisation_id uuid not null,
  reference text not null,
  status text not null default 'new'
    check (status in ('new', 'triaged', 'assigned', 'contact_attempted', 'in_contact', 'closed')),
  outcome text check (outcome in ('support_accepted', 'referred_to_initiative', 'already_known',
    'declined', 'person_not_found', 'no_concern', 'moved_or_deceased')),
  urgency text not null check (urgency in ('low', 'normal', 'high')),
  source text not null check (source in ('citizen', 'professional')),
  reporter_organisation_id uuid,
  reporter_user_id uuid,
  person_name text,
  person_street text,
  person_postcode text,
  signs text[] not null default '{}',
  description text not null,
  reporter_anonymous boolean not null,
  reporter_name text,
  reporter_phone text,
  reporter_email text,
  -- The language of the reporter's form, for the one email telling them it is closed.
  reporter_locale text not null default 'nl-BE' check (reporter_locale in ('nl-BE', 'fr-BE', 'en')),
  privacy_notice_accepted_at timestamptz not null,
  assigned_organisation_id uuid,
  assigned_user_id uuid,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  closed_at timestamptz,
  -- A duplicate merged into another signal of the same municipality: closed
  -- without an outcome of its own; its reporter follows the other one's status.
  merged_into_id uuid,
  -- Deadlines, from the municipality's service levels when the report came in.
  triage_due_at timestamptz not null,
  contact_due_at timestamptz not null,
  -- Set when the retention job removed the personal data; the numbers stay.
  anonymised_at timestamptz,
  primary key (municipality_id, id),
  foreign key (municipality_id, merged_into_id) references signals (municipality_id, id),
  check ((status = 'closed') = (outcome is not null or merged_into_id is not null)),
  check (outcome is null or merged_into_id is null)
);
create unique index signals_reference on signals (reference);
create index signals_queue on signals (organisation_id, status, created_at);
create index signals_recent on signals (municipality_id, created_at);
create index signals_to_anonymise on signals (closed_at) where closed_at is not null and anonymised_at is null;
create index signals_merged on signals (municipality_id, merged_into_id) where merged_into_id is not null;
create index signals_assigned on signals (assigned_organisation_id, status) where assigned_organisation_id is not null;

-- Every status change, timestamped and attributed (actor null: the public form).
create table signal_transitions (
  municipality_id uuid not null,
  signal_id uuid not null,
  -- 1, 2, 3, ... per signal: the order of the history even when two changes share a timestamp.
  seq integer not null,
  from_status text,
  to_status text not null,
  outcome text,
  actor_user_id uuid,
  actor_organisation_id uuid,
  at timestamptz not null,
  primary key (municipality_id, signal_id, seq),
  foreign key (municipality_id, signal_id) references signals (municipality_id, id) on delete cascade
);

create table signal_notes (
  municipality_id uuid not null,
  signal_id uuid not null,
  id uuid not null,
  author_user_id uuid not null,
  author_organisation_id uuid not null,
  body text not null,
  created_at timestamptz not null,
  primary key (municipality_id, signal_id, id),
  foreign key (municipality_id, signal_id) references signals (municipality_id, id) on delete cascade
);

-- The outreach log: each attempt to reach the person, how and with what result.
create table signal_contact_attempts (
  municipality_id uuid not null,
  signal_id uuid not null,
  id uuid not null,
  method text not null check (method in ('visit', 'phone', 'letter', 'via_neighbour', 'other')),
  result text not null check (result in ('not_reached', 'reached', 'refused')),
  note text,
  attempted_at timestamptz not null,
  actor_user_id uuid not null,
  actor_organisation_id uuid not null,
  created_at timestamptz not null,
  primary key (municipality_id, signal_id, id),
  foreign key (municipality_id, signal_id) references signals (municipality_id, id) on delete cascade
);

-- Each deadline escalates at most once: the row and the emails commit together.
create table signal_escalations (
  municipality_id uuid not null,
  signal_id uuid not null,
  step text not null check (step in ('triage', 'contact')),
  escalated_at timestamptz not null,
  recipients integer not null,
  primary key (municipality_id, signal_id, step),
  foreign key (municipality_id, signal_id) references signals (municipality_id, id) on delete cascade
);

-- GDPR art. 14: whether and how the person was told that data about them was
-- received, or which exception of art. 14(5) applied and why.
create table signal_information_records (
  municipality_id uuid not null,
  signal_id uuid not null,
  kind text not null check (kind in ('informed', 'exception')),
  method text check (method in ('in_person', 'phone', 'letter', 'other')),
  exception text check (exception in ('disproportionate_effort', 'impairs_objectives', 'legal_obligation', 'professional_secrecy')),
  reason text,
  recorded_by uuid not null,
  recorded_at timestamptz not null,
  primary key (municipality_id, signal_id),
  foreign key (municipality_id, signal_id) references signals (municipality_id, id) on delete cascade,
  check ((kind = 'informed') = (method is not null)),
  check ((kind = 'exception') = (exception is not null and reason is not null))
);
