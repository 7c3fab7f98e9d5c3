-- Network maps: a client's ecogram, genogram and strengths as one document
-- (src/contracts/networks.ts), and dated snapshots of it for "then and now".
-- The document is checked by the application (zod + validateNetworkMap)
-- before it is stored; the database keeps it whole, as jsonb.
-- Runs on PostgreSQL 15+ and on PGlite (PostgreSQL 18).

-- The current map: one per client. `version` counts saves; a save names the
-- version it started from and only succeeds while that is still the current
-- one, so two workers editing at once never overwrite each other silently.
create table network_maps (
  organisation_id uuid not null,
  client_id uuid not null,
  document jsonb not null,
  version integer not null check (version >= 1),
  updated_at timestamptz not null,
  updated_by uuid not null,
  primary key (organisation_id, client_id),
  foreign key (organisation_id, client_id) references clients (organisation_id, id) on delete cascade
);

-- The map as it was on a date, copied from the current map when the worker
-- takes the snapshot; never changed afterwards.
create table network_snapshots (
  organisation_id uuid not null,
  client_id uuid not null,
  id uuid not null,
  taken_on date not null check (taken_on >= date '1900-01-01'),
  label text,
  document jsonb not null,
  -- The version of the current map the copy was taken from.
  map_version integer not null,
  created_at timestamptz not null,
  created_by uuid not null,
  primary key (organisation_id, client_id, id),
  foreign key (organisation_id, client_id) references clients (organisation_id, id) on delete cascade
);
create index network_snapshots_order on network_snapshots (organisation_id, client_id, taken_on desc, created_at desc);
