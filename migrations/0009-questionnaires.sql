-- An organisation's own questionnaires (items and answer scales its
-- coordinators write) and the answers of its clients. Kept apart from the
-- validated instruments on purpose: nothing here is scored, categorised or
-- counted in insights (docs/adr/0014-custom-questionnaires.md).
-- Tenant: the organisation that owns the questionnaire and holds the client
-- record (in every key). Runs on PostgreSQL 15+ and on PGlite (PostgreSQL 18).

create table questionnaires (
  organisation_id uuid not null,
  id uuid not null,
  -- The version new answers are recorded against.
  current_version integer not null default 1 check (current_version >= 1),
  status text not null default 'active' check (status in ('active', 'retired')),
  created_by uuid not null,
  created_at timestamptz not null,
  retired_by uuid,
  retired_at timestamptz,
  primary key (organisation_id, id),
  check ((status = 'retired') = (retired_at is not null))
);
-- Routes address a questionnaire by id alone; the policy then checks the organisation.
create unique index questionnaires_by_id on questionnaires (id);

-- One version of a questionnaire's texts and items. A version is edited in
-- place only while nobody answered it; after that a change is a new version,
-- so every answer keeps pointing at the exact questions that were asked.
create table questionnaire_versions (
  organisation_id uuid not null,
  questionnaire_id uuid not null,
  version integer not null check (version >= 1),
  -- {"nl-BE": "…", "fr-BE"?: "…", "en"?: "…"}
  title jsonb not null,
  intro jsonb,
  -- [{code, text: {locale: text}, required, scale: {type, …}}], checked by questionnaires.models.ts.
  items jsonb not null,
  created_by uuid not null,
  created_at timestamptz not null,
  updated_by uuid,
  updated_at timestamptz,
  primary key (organisation_id, questionnaire_id, version),
  foreign key (organisation_id, questionnaire_id) references questionnaires (organisation_id, id) on delete cascade
);

-- A client's answers to one version. The organisation is shared by both keys,
-- so a response can only point at its own organisation's questionnaire.
create table questionnaire_responses (
  organisation_id uuid not null,
  client_id uuid not null,
  id uuid not null,
  questionnaire_id uuid not null,
  questionnaire_version integer not null,
  answered_on date not null,
  -- {"<item code>": "<option code>" | number | boolean | "<text>" | null}
  answers jsonb not null,
  recorded_by uuid not null,
  created_at timestamptz not null,
  primary key (organisation_id, client_id, id),
  foreign key (organisation_id, client_id) references clients (organisation_id, id) on delete cascade,
  -- No cascade: a version that was answered is never deleted.
  foreign key (organisation_id, questionnaire_id, questionnaire_version)
    references questionnaire_versions (organisation_id, questionnaire_id, version)
);
create index questionnaire_responses_by_client on questionnaire_responses (organisation_id, client_id, answered_on);
create index questionnaire_responses_by_version
  on questionnaire_responses (organisation_id, questionnaire_id, questionnaire_version, created_at);
