-- Insights: the starts with an initiative kept ready for "reach", so the
-- platform-wide view does not join a year of tracks and referrals to every
-- client (docs/adr/0011-small-cell-suppression.md).
-- Runs on PostgreSQL 15+ and on PGlite (PostgreSQL 18).

-- One row per person, initiative type and month in which they started with
-- it: a follow-up track started, or a referral that started (status started,
-- stopped or completed), with where the person lives (the client's
-- municipality and postcode, '' for none) and how many starts that was. A
-- track's month is its start date's, a referral's the Brussels month it was
-- made in. One row per person and cell, so the reach queries count rows
-- instead of distinct people. Kept by the triggers below in the same
-- transaction as the tracks, referrals, clients and directory entries, so it
-- is never stale; it holds codes, a month and a count, and goes when the
-- person goes.
-- Derived: backups leave it out, and the triggers rebuild it on a restore.
create table insights_starts (
  organisation_id uuid not null,
  client_id uuid not null,
  -- A track's directory type, else what its context says; a referral's
  -- initiative type, else 'other'.
  type text not null,
  -- The first day of the month.
  month date not null,
  municipality_nis text not null,
  postcode text not null,
  starts integer not null,
  primary key (organisation_id, client_id, type, month)
);
comment on table insights_starts is
  'derived: rebuilt by triggers from measurement_tracks, client_referrals, clients and directory_services';
create index insights_starts_scope on insights_starts (municipality_nis, month) include (type, postcode);

-- Computes the starts of the given people again from their tracks and
-- referrals. Their records are locked first (as an update would), so two
-- transactions never refresh one person at the same time, and a concurrent
-- move of the person either waits for this one or is seen by it.
create function insights_refresh_starts(org_ids uuid[], client_ids uuid[]) returns void
language plpgsql as $$
begin
  perform 1 from clients p
  where (p.organisation_id, p.id) in (select ko, kc from unnest(org_ids, client_ids) as k(ko, kc))
  order by p.organisation_id, p.id
  for no key update;
  delete from insights_starts s
  using unnest(org_ids, client_ids) as k(ko, kc)
  where s.organisation_id = k.ko and s.client_id = k.kc;
  -- Each branch joins the people itself, so one person is a few index lookups and a bulk load hash joins.
  insert into insights_starts (organisation_id, client_id, type, month, municipality_nis, postcode, starts)
  select organisation_id, client_id, type, month, municipality_nis, postcode, count(*)
  from (
    select p.organisation_id, p.id as client_id, p.municipality_nis, coalesce(p.postcode, '') as postcode,
      coalesce(t.service_type, case t.context when 'buddy' then 'buddy' when 'circle' then 'telephone_circle' else 'other' end) as type,
      date_trunc('month', t.started_on::timestamp)::date as month
    from (select distinct ko, kc from unnest(org_ids, client_ids) as k(ko, kc)) k
    join clients p on p.organisation_id = k.ko and p.id = k.kc
    join measurement_tracks t on t.organisation_id = p.organisation_id and t.client_id = p.id
    union all
    select p.organisation_id, p.id, p.municipality_nis, coalesce(p.postcode, ''), coalesce(d.type, 'other'),
      date_trunc('month', r.created_at at time zone 'Europe/Brussels')::date
    from (select distinct ko, kc from unnest(org_ids, client_ids) as k(ko, kc)) k
    join clients p on p.organisation_id = k.ko and p.id = k.kc
    join client_referrals r on r.organisation_id = p.organisation_id and r.client_id = p.id
    left join directory_services d on d.organisation_id = r.service_organisation_id and d.id = r.service_id
    where r.status in ('started', 'stopped', 'completed')
  ) st
  group by organisation_id, client_id, type, month, municipality_nis, postcode;
end $$;

-- Statement-level with transition tables: a bulk insert (an import, a restore)
-- refreshes its people in one go. An update refreshes only the people of rows
-- whose start changed (a row in one transition table and not in the other):
-- editing a note or a follow-up plan costs nothing here.
create function insights_starts_tracks_changed() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform insights_refresh_starts(array_agg(organisation_id), array_agg(client_id)) from changed;
  elsif tg_op = 'DELETE' then
    perform insights_refresh_starts(array_agg(organisation_id), array_agg(client_id)) from previous;
  else
    perform insights_refresh_starts(array_agg(o), array_agg(c))
    from (
      (select organisation_id, client_id, id, service_type, context, started_on from changed
       except select organisation_id, client_id, id, service_type, context, started_on from previous)
      union
      (select organisation_id, client_id, id, service_type, context, started_on from previous
       except select organisation_id, client_id, id, service_type, context, started_on from changed)
    ) k(o, c, i);
  end if;
  return null;
end $$;

create function insights_starts_referrals_changed() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform insights_refresh_starts(array_agg(organisation_id), array_agg(client_id))
    from changed where status in ('started', 'stopped', 'completed');
  elsif tg_op = 'DELETE' then
    perform insights_refresh_starts(array_agg(organisation_id), array_agg(client_id))
    from previous where status in ('started', 'stopped', 'completed');
  else
    perform insights_refresh_starts(array_agg(o), array_agg(c))
    from (
      (select organisation_id, client_id, id, service_organisation_id, service_id,
         status in ('started', 'stopped', 'completed'), created_at from changed
       except select organisation_id, client_id, id, service_organisation_id, service_id,
         status in ('started', 'stopped', 'completed'), created_at from previous)
      union
      (select organisation_id, client_id, id, service_organisation_id, service_id,
         status in ('started', 'stopped', 'completed'), created_at from previous
       except select organisation_id, client_id, id, service_organisation_id, service_id,
         status in ('started', 'stopped', 'completed'), created_at from changed)
    ) k(o, c, i);
  end if;
  return null;
end $$;

-- A person who moves (another municipality or postcode) takes their starts along.
-- A record's key cannot change while tracks or referrals point at it (their
-- foreign keys), so matching on the new key is enough.
create function insights_starts_clients_moved() returns trigger language plpgsql as $$
begin
  update insights_starts s
  set municipality_nis = c.municipality_nis, postcode = coalesce(c.postcode, '')
  from changed c
  where s.organisation_id = c.organisation_id and s.client_id = c.id
    and (s.municipality_nis <> c.municipality_nis or s.postcode <> coalesce(c.postcode, ''));
  return null;
end $$;

-- Erasure: the record's tracks and referrals cascade (and their triggers
-- delete their starts); this also covers a record deleted on its own.
create function insights_starts_clients_erased() returns trigger language plpgsql as $$
begin
  delete from insights_starts s
  using previous c
  where s.organisation_id = c.organisation_id and s.client_id = c.id;
  return null;
end $$;

-- A directory entry that changes type (or comes in after its referrals, as in a
-- restore, or goes) changes the type of the referrals' starts.
create function insights_starts_services_changed() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform insights_refresh_starts(array_agg(r.organisation_id), array_agg(r.client_id))
    from changed d
    join client_referrals r on r.service_organisation_id = d.organisation_id and r.service_id = d.id
    where r.status in ('started', 'stopped', 'completed');
  elsif tg_op = 'DELETE' then
    perform insights_refresh_starts(array_agg(r.organisation_id), array_agg(r.client_id))
    from previous d
    join client_referrals r on r.service_organisation_id = d.organisation_id and r.service_id = d.id
    where r.status in ('started', 'stopped', 'completed');
  else
    perform insights_refresh_starts(array_agg(r.organisation_id), array_agg(r.client_id))
    from (
      (select organisation_id, id, type from changed except select organisation_id, id, type from previous)
      union
      (select organisation_id, id, type from previous except select organisation_id, id, type from changed)
    ) d
    join client_referrals r on r.service_organisation_id = d.organisation_id and r.service_id = d.id
    where r.status in ('started', 'stopped', 'completed');
  end if;
  return null;
end $$;

create trigger insights_starts_tracks_insert after insert on measurement_tracks
  referencing new table as changed for each statement execute function insights_starts_tracks_changed();
create trigger insights_starts_tracks_update after update on measurement_tracks
  referencing old table as previous new table as changed for each statement execute function insights_starts_tracks_changed();
create trigger insights_starts_tracks_delete after delete on measurement_tracks
  referencing old table as previous for each statement execute function insights_starts_tracks_changed();

create trigger insights_starts_referrals_insert after insert on client_referrals
  referencing new table as changed for each statement execute function insights_starts_referrals_changed();
create trigger insights_starts_referrals_update after update on client_referrals
  referencing old table as previous new table as changed for each statement execute function insights_starts_referrals_changed();
create trigger insights_starts_referrals_delete after delete on client_referrals
  referencing old table as previous for each statement execute function insights_starts_referrals_changed();

create trigger insights_starts_clients_update after update on clients
  referencing new table as changed for each statement execute function insights_starts_clients_moved();
create trigger insights_starts_clients_delete after delete on clients
  referencing old table as previous for each statement execute function insights_starts_clients_erased();

create trigger insights_starts_services_insert after insert on directory_services
  referencing new table as changed for each statement execute function insights_starts_services_changed();
create trigger insights_starts_services_update after update on directory_services
  referencing old table as previous new table as changed for each statement execute function insights_starts_services_changed();
create trigger insights_starts_services_delete after delete on directory_services
  referencing old table as previous for each statement execute function insights_starts_services_changed();

-- The starts of tracks and referrals made before this migration.
select insights_refresh_starts(array_agg(organisation_id), array_agg(id)) from clients;
