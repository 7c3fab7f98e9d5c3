-- Directory search at scale (100,000 initiatives): a search projection the indexes can answer alone.
--
-- A published service's places (its locations, else its municipality's centre) lived in two tables,
-- so "within the radius" was an OR of EXISTS branches that no index could serve, and the text, the
-- radius and the facets were joined row by row. directory_search holds one row per published service
-- with everything the search reads: its points and their bounding box (GiST), its text (GIN) and its
-- facet codes. A text + radius query becomes one BitmapAnd on this table. Triggers keep it in step with
-- directory_services and directory_locations, so every write path (editor, import, demo) stays as it is.

create table directory_search (
  organisation_id uuid not null,
  service_id uuid not null,
  name text not null,
  -- Where the service meets: its locations, else its municipality's centre; null: the whole region.
  points point[],
  -- The box around the points; the whole world when points is null, so one GiST condition covers both.
  bbox box not null,
  facet_codes text[] not null,
  search_folded text not null,
  search_vector tsvector not null,
  -- Its words as they are (no positions), for typo tolerance: a misspelt query word is first matched
  -- against the lexicon, then the services holding one of the close words are found here.
  search_words tsvector not null,
  primary key (organisation_id, service_id)
);
-- Derived from directory_services and directory_locations: backups leave it out, and a restore
-- rebuilds it through the triggers below (the comment is what the backup catalog looks for).
comment on table directory_search is 'derived: rebuilt by triggers from directory_services and directory_locations';
create index directory_search_bbox on directory_search using gist (bbox);
create index directory_search_vector on directory_search using gin (search_vector);
create index directory_search_words_of on directory_search using gin (search_words);

-- Every word of a published service's folded text: typo tolerance compares a query word with these short
-- words (trigram index) instead of with every service's whole text. Words are never removed: a stale
-- word only widens a query to a word that no service has any more.
create table directory_search_words (
  word text primary key
);
comment on table directory_search_words is 'derived: filled by a trigger on directory_search';
create index directory_search_words_trgm on directory_search_words using gin (word gin_trgm_ops);

-- Rebuilds the search rows of the given services from their current state.
create function directory_search_refresh(organisation_ids uuid[], service_ids uuid[]) returns void
language sql as $$
  delete from directory_search d
  using unnest(organisation_ids, service_ids) as k(organisation_id, service_id)
  where d.organisation_id = k.organisation_id and d.service_id = k.service_id;
  insert into directory_search (organisation_id, service_id, name, points, bbox, facet_codes, search_folded, search_vector,
    search_words)
  select s.organisation_id, s.id, s.name, p.points,
    coalesce(
      (select box(point(min(q[0]), min(q[1])), point(max(q[0]), max(q[1]))) from unnest(p.points) as q),
      box(point(-180, -90), point(180, 90))),
    s.facet_codes, s.search_folded, s.search_vector, strip(to_tsvector('simple'::regconfig, s.search_folded))
  from (select distinct * from unnest(organisation_ids, service_ids) as k(organisation_id, service_id)) k
  join directory_services s on s.organisation_id = k.organisation_id and s.id = k.service_id
  cross join lateral (
    select coalesce(
      (select array_agg(l.geo order by l.position, l.id) from directory_locations l
        where l.organisation_id = s.organisation_id and l.service_id = s.id),
      case when s.area_lat is not null then array[point(s.area_lng, s.area_lat)] end) as points
  ) p
  where s.status = 'published';
$$;

create function directory_search_services_changed() returns trigger
language plpgsql as $$
begin
  perform directory_search_refresh(
    array(select organisation_id from changed), array(select id from changed));
  return null;
end;
$$;

create function directory_search_locations_changed() returns trigger
language plpgsql as $$
begin
  perform directory_search_refresh(
    array(select organisation_id from changed), array(select service_id from changed));
  return null;
end;
$$;

create function directory_search_words_added() returns trigger
language plpgsql as $$
begin
  insert into directory_search_words (word)
  select distinct w from added, unnest(tsvector_to_array(added.search_words)) as w
  on conflict do nothing;
  return null;
end;
$$;

-- Statement triggers with transition tables: a batch of 1,000 services costs one refresh, not 1,000.
create trigger directory_search_services_inserted after insert on directory_services
  referencing new table as changed for each statement execute function directory_search_services_changed();
create trigger directory_search_services_updated after update on directory_services
  referencing new table as changed for each statement execute function directory_search_services_changed();
create trigger directory_search_services_deleted after delete on directory_services
  referencing old table as changed for each statement execute function directory_search_services_changed();
create trigger directory_search_locations_inserted after insert on directory_locations
  referencing new table as changed for each statement execute function directory_search_locations_changed();
create trigger directory_search_locations_updated after update on directory_locations
  referencing new table as changed for each statement execute function directory_search_locations_changed();
create trigger directory_search_locations_deleted after delete on directory_locations
  referencing old table as changed for each statement execute function directory_search_locations_changed();
create trigger directory_search_words_inserted after insert on directory_search
  referencing new table as added for each statement execute function directory_search_words_added();

select directory_search_refresh(array_agg(organisation_id), array_agg(id)) from directory_services;
