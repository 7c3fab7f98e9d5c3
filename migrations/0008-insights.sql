-- Insights for municipalities: indexes for the dashboards' grouped, read-only
-- queries, and the pairs of measurements kept ready for "change" and "what
-- works" (docs/adr/0011-small-cell-suppression.md).
-- Runs on PostgreSQL 15+ and on PGlite (PostgreSQL 18).

-- Clients per municipality and month, and the start of every participants query.
create index clients_insights on clients (municipality_nis, created_at);

-- One row per follow-up track with a scored baseline and a scored follow-up:
-- the latest follow-up's total minus the baseline's. Kept by the triggers
-- below in the same transaction as the measurements, so it is never stale;
-- it holds codes, a date and a number, and goes when the measurements go.
-- Derived: backups leave it out, and the measurements' triggers rebuild it on
-- a restore. No foreign key, so the order tables are filled in never matters.
create table insights_pairs (
  organisation_id uuid not null,
  client_id uuid not null,
  track_id uuid not null,
  instrument_id text not null,
  municipality_nis text not null,
  -- The initiative type: the track's directory type, else what its context says.
  type text not null,
  baseline_on date not null,
  diff integer not null,
  primary key (organisation_id, client_id, track_id)
);
comment on table insights_pairs is 'derived: rebuilt by triggers from client_measurements and measurement_tracks';
create index insights_pairs_scope on insights_pairs (municipality_nis, baseline_on)
  include (instrument_id, type, diff, organisation_id, client_id);

-- Computes the pairs of the given tracks again from their measurements.
create function insights_refresh_pairs(orgs uuid[], clients uuid[], tracks uuid[]) returns void
language plpgsql as $$
begin
  delete from insights_pairs p
  using unnest(orgs, clients, tracks) as k(o, c, t)
  where p.organisation_id = k.o and p.client_id = k.c and p.track_id = k.t;
  insert into insights_pairs (organisation_id, client_id, track_id, instrument_id, municipality_nis, type, baseline_on, diff)
  select b.organisation_id, b.client_id, b.track_id, b.instrument_id, b.municipality_nis,
    coalesce(tr.service_type, case tr.context when 'buddy' then 'buddy' when 'circle' then 'telephone_circle' else 'other' end),
    b.taken_on, l.total - b.total
  from (select distinct o, c, t from unnest(orgs, clients, tracks) as k(o, c, t)) k
  join measurement_tracks tr on tr.organisation_id = k.o and tr.client_id = k.c and tr.id = k.t
  join client_measurements b on b.organisation_id = k.o and b.client_id = k.c and b.track_id = k.t
    and b.occasion_months = 0 and b.total is not null
  join lateral (
    select f.total from client_measurements f
    where f.organisation_id = k.o and f.client_id = k.c and f.track_id = k.t
      and f.occasion_months > 0 and f.total is not null
    order by f.occasion_months desc limit 1
  ) l on true;
end $$;

-- Statement-level: a bulk insert (an import, a restore) refreshes its tracks in one go.
create function insights_pairs_changed() returns trigger language plpgsql as $$
begin
  perform insights_refresh_pairs(array_agg(organisation_id), array_agg(client_id), array_agg(track_id))
  from (select distinct organisation_id, client_id, track_id from changed where track_id is not null) k;
  return null;
end $$;

create function insights_pairs_moved() returns trigger language plpgsql as $$
begin
  perform insights_refresh_pairs(array_agg(organisation_id), array_agg(client_id), array_agg(track_id))
  from (
    select organisation_id, client_id, track_id from changed where track_id is not null
    union
    select organisation_id, client_id, track_id from previous where track_id is not null
  ) k;
  return null;
end $$;

create function insights_pairs_track_changed() returns trigger language plpgsql as $$
begin
  perform insights_refresh_pairs(array_agg(organisation_id), array_agg(client_id), array_agg(id))
  from changed;
  return null;
end $$;

create trigger insights_pairs_insert after insert on client_measurements
  referencing new table as changed for each statement execute function insights_pairs_changed();
create trigger insights_pairs_update after update on client_measurements
  referencing old table as previous new table as changed for each statement execute function insights_pairs_moved();
create trigger insights_pairs_delete after delete on client_measurements
  referencing old table as changed for each statement execute function insights_pairs_changed();
create trigger insights_pairs_track_update after update on measurement_tracks
  referencing new table as changed for each statement execute function insights_pairs_track_changed();

-- The pairs of measurements taken before this migration.
select insights_refresh_pairs(array_agg(organisation_id), array_agg(client_id), array_agg(id))
from measurement_tracks;
