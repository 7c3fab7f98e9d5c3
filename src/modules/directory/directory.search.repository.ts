import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Facet } from '../../contracts/directory-vocabulary.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { QueryWord } from './directory.models.ts';

export interface SearchSpec {
  words: QueryWord[];
  point: { lat: number; lng: number } | null;
  radiusKm: number;
  /** Per facet, the codes of which at least one must be present. */
  filters: Partial<Record<Facet, string[]>>;
  limit: number;
  offset: number;
}

export interface SearchRow {
  organisation_id: string;
  id: string;
  name: string;
  distance_km: number | null;
  score: number;
}

export interface SearchAnswer {
  total: number;
  results: SearchRow[];
  facets: { facet: Facet; code: string; n: number }[];
}

// Fuzzy matching only for words long enough to carry trigrams; the threshold was tuned on typos like "koffei".
const FUZZY_MIN_LENGTH = 4;
// Relevance halves at this distance when both text and place are given.
const BLEND_KM = 5;

const tsquery = (alternatives: string[]) => alternatives.map((a) => `${a}:*`).join(' | ');

export function haversine(
  lat: RawBuilder<unknown>,
  lng: RawBuilder<unknown>,
  p: { lat: number; lng: number },
) {
  return sql<number>`(2 * 6371 * asin(sqrt(
    power(sin(radians(${lat} - ${p.lat}::float8) / 2), 2)
    + cos(radians(${p.lat}::float8)) * cos(radians(${lat})) * power(sin(radians(${lng} - ${p.lng}::float8) / 2), 2)
  )))`;
}

export function textCondition(words: QueryWord[]) {
  return words.map((w) => {
    const exact = sql`s.search_vector @@ to_tsquery('verbonden_nl', ${tsquery(w.alternatives)})`;
    return w.word.length >= FUZZY_MIN_LENGTH
      ? // `<%` is word_similarity >= pg_trgm.word_similarity_threshold (0.6), and unlike the function it can use
        // the trigram index, so the OR becomes two index scans instead of a scan of every service.
        sql`(${exact} or ${w.word} <% s.search_folded)`
      : exact;
  });
}

function relevance(words: QueryWord[]) {
  if (words.length === 0) return sql<number>`0`;
  const all = words.flatMap((w) => w.alternatives);
  const fuzzy = words.map((w) => sql`word_similarity(${w.word}, s.search_folded)`);
  return sql<number>`(ts_rank(s.search_vector, to_tsquery('verbonden_nl', ${tsquery(all)}))
    + 0.1 * greatest(${sql.join(fuzzy)}))`;
}

function distance(point: SearchSpec['point']) {
  if (!point) return sql<number | null>`null::float8`;
  const nearest = haversine(sql.ref('l.latitude'), sql.ref('l.longitude'), point);
  const area = haversine(sql.ref('s.area_lat'), sql.ref('s.area_lng'), point);
  return sql<number | null>`coalesce(
    (select min(${nearest}) from directory_locations l
      where l.organisation_id = s.organisation_id and l.service_id = s.id),
    ${area})`;
}

/** A box around the point that holds every place within the radius (the GiST prefilter). */
function nearCondition(point: NonNullable<SearchSpec['point']>, radiusKm: number) {
  const dLat = radiusKm / 111;
  const dLng = radiusKm / (111 * Math.cos((point.lat * Math.PI) / 180));
  const box = sql`box(point(${point.lng - dLng}::float8, ${point.lat - dLat}::float8), point(${point.lng + dLng}::float8, ${point.lat + dLat}::float8))`;
  return sql`(exists (select 1 from directory_locations l
      where l.organisation_id = s.organisation_id and l.service_id = s.id and l.geo <@ ${box})
    or (s.area_lat is not null and point(s.area_lng, s.area_lat) <@ ${box}
      and not exists (select 1 from directory_locations l where l.organisation_id = s.organisation_id and l.service_id = s.id))
    or (s.area_lat is null
      and not exists (select 1 from directory_locations l where l.organisation_id = s.organisation_id and l.service_id = s.id)))`;
}

function facetFilter(filters: SearchSpec['filters'], except?: Facet) {
  const parts = Object.entries(filters)
    .filter(([facet, codes]) => facet !== except && codes && codes.length > 0)
    .map(([facet, codes]) => {
      const wanted = (codes ?? []).map((c) => `${facet}:${c}`);
      return sql`b.facet_codes && ${sql.val(wanted)}::text[]`;
    });
  return parts.length > 0 ? sql.join(parts, sql` and `) : sql`true`;
}

/**
 * One statement: matching published services with relevance and distance
 * (computed once), the requested page, the total, and per facet the counts
 * under every other filter.
 */
export async function searchServices(db: Kysely<DB>, spec: SearchSpec, facets: readonly Facet[]) {
  const where = [sql`s.status = 'published'`, ...textCondition(spec.words)];
  if (spec.point) where.push(nearCondition(spec.point, spec.radiusKm));
  const hasText = spec.words.length > 0;
  const radius = spec.radiusKm;
  const score = hasText
    ? spec.point
      ? sql`b.relevance / (1 + coalesce(b.distance_km, ${radius}::float8) / ${BLEND_KM})`
      : sql`b.relevance`
    : spec.point
      ? sql`-coalesce(b.distance_km, ${radius}::float8)`
      : sql`0`;
  const withinRadius = spec.point
    ? sql`(b.distance_km is null or b.distance_km <= ${radius}::float8)`
    : sql`true`;
  const facetQueries = facets.map(
    (f) => sql`select ${f}::text as facet, code, count(*) as n
      from base b, unnest(b.facet_codes) as code
      where ${withinRadius} and ${facetFilter(spec.filters, f)} and code like ${`${f}:%`}
      group by code`,
  );
  const result = await sql<{
    total: number;
    results: SearchRow[] | null;
    facets: SearchAnswer['facets'] | null;
  }>`
    with base as materialized (
      select s.organisation_id, s.id, s.name, s.facet_codes,
        ${relevance(spec.words)} as relevance, ${distance(spec.point)} as distance_km
      from directory_services s
      where ${sql.join(where, sql` and `)}
    ),
    filtered as (
      select b.*, ${score} as score from base b where ${withinRadius} and ${facetFilter(spec.filters)}
    ),
    page as (
      select organisation_id, id, name, distance_km, score from filtered
      order by score desc, name, id limit ${spec.limit} offset ${spec.offset}
    )
    select
      (select count(*) from filtered) as total,
      (select json_agg(p order by p.score desc, p.name, p.id) from page p) as results,
      (select json_agg(f) from (${sql.join(facetQueries, sql` union all `)}) f) as facets
  `.execute(db);
  const row = result.rows[0];
  return {
    total: Number(row?.total ?? 0),
    results: row?.results ?? [],
    facets: (row?.facets ?? []).map((f) => ({ ...f, n: Number(f.n) })),
  } satisfies SearchAnswer;
}
