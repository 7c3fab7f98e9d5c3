-- Faster platform-wide insights (the bar: every dashboard query p95 < 200 ms
-- over 300 municipalities and a million measurements).
--
-- 1. Change and what works count the people behind a cell's pairs (ten pairs
-- from fewer than ten people stay hidden). Counting them meant grouping every
-- pair per person first, which was most of the time of a platform-wide view.
-- Now each pair knows whether its person already has an earlier pair of the
-- same instrument and initiative type with a baseline in the same quarter
-- (`repeat`), so the people of a quarter are its pairs that are not repeats.
-- A range that starts inside a quarter can only count fewer people than there
-- are (the first pair may lie before the range): suppression errs on the safe side.
--
-- 2. Reach reads its counts and record keys (cell-key noise) from indexes
-- alone: the client's and signal's id and the starting person's id ride along.
--
-- Runs on PostgreSQL 15+ and on PGlite (PostgreSQL 18).

alter table insights_pairs add column repeat boolean not null default false;

update insights_pairs p set repeat = true
from (
  select organisation_id, client_id, track_id,
    row_number() over (
      partition by organisation_id, client_id, instrument_id, type, date_trunc('quarter', baseline_on::timestamp)
      order by baseline_on, track_id
    ) > 1 as repeat
  from insights_pairs
) r
where r.repeat and p.organisation_id = r.organisation_id and p.client_id = r.client_id and p.track_id = r.track_id;

-- The dashboards read these columns only, straight from the index.
create index insights_pairs_cells on insights_pairs (municipality_nis, baseline_on)
  include (instrument_id, type, diff, client_id, repeat);
drop index insights_pairs_scope;

create index clients_insights_keys on clients (municipality_nis, created_at) include (id);
drop index clients_insights;
create index signals_insights on signals (municipality_id, created_at) include (id) where merged_into_id is null;
create index insights_starts_cells on insights_starts (municipality_nis, month) include (type, postcode, client_id);
drop index insights_starts_scope;

-- As in 0008, and then the repeats of every person whose pairs were touched.
create or replace function insights_refresh_pairs(orgs uuid[], clients uuid[], tracks uuid[]) returns void
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
  update insights_pairs p set repeat = r.repeat
  from (
    select q.organisation_id, q.client_id, q.track_id,
      row_number() over (
        partition by q.organisation_id, q.client_id, q.instrument_id, q.type, date_trunc('quarter', q.baseline_on::timestamp)
        order by q.baseline_on, q.track_id
      ) > 1 as repeat
    from insights_pairs q
    join (select distinct o, c from unnest(orgs, clients) as k(o, c)) k on q.organisation_id = k.o and q.client_id = k.c
  ) r
  where p.organisation_id = r.organisation_id and p.client_id = r.client_id and p.track_id = r.track_id
    and p.repeat <> r.repeat;
end $$;
