import { type Kysely, type RawBuilder, sql } from 'kysely';
import { FACETS, type Facet } from '../../contracts/directory-vocabulary.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { QueryWord } from './directory.models.ts';

export interface SearchSpec {
  words: QueryWord[];
  /** What the lexicon knows of each word (nearWords), fetched beforehand. */
  near: NearWords[];
  point: { lat: number; lng: number } | null;
  radiusKm: number;
  /** Per facet, the codes of which at least one must be present. */
  filters: Partial<Record<Facet, string[]>>;
  limit: number;
  offset: number;
}

/** A location of a result, as the result card shows it. */
export interface SearchLocation {
  name: string;
  address_1: string;
  postal_code: string;
  city: string;
  latitude: number;
  longitude: number;
}

/** A schedule of a result: enough for its next meeting. */
export interface SearchSchedule {
  freq: 'WEEKLY' | 'MONTHLY';
  interval: number;
  byday: string;
  dtstart: string | null;
  opens_at: string;
  closes_at: string;
  valid_from: string | null;
  valid_to: string | null;
}

/** One result of the page, with what its card shows, fetched by the search statement itself. */
export interface SearchRow {
  organisation_id: string;
  id: string;
  name: string;
  distance_km: number | null;
  score: number;
  description: string;
  type: string;
  target_groups: string[];
  how_to_join: string;
  cost_option: string;
  municipality_id: string | null;
  assured_date: string | null;
  /** In the editor's order. */
  locations: SearchLocation[];
  schedules: SearchSchedule[];
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

/** A lexicon word close to a query word, with how close (pg_trgm's word_similarity, 0.6 to 1). */
export interface SimilarWord {
  word: string;
  similarity: number;
}

/** What the lexicon knows of one query word. */
export interface NearWords {
  /** Close words that the word's own stems, prefixes and synonyms miss: they widen the match. */
  close: string[];
  /** The closest words, the typed word itself first when a text has it: they weigh in the ranking. */
  similar: SimilarWord[];
}

// The ranking weighs at most this many close words per query word (the closest ones).
const SIMILAR_LIMIT = 20;

/**
 * Per query word, the lexicon's words close to it (word_similarity >= 0.6, through the trigram index
 * on the short words rather than on every service's text), fetched before the search so that the
 * search statement holds them as constants. Words shorter than FUZZY_MIN_LENGTH get none. A close
 * word that the word's own stems, prefixes and synonyms already match ("soepcafe" for "soep") is left
 * out of `close`: it would find nothing more, and testing it costs the search a string search per row.
 */
export async function nearWords(db: Kysely<DB>, words: QueryWord[]): Promise<NearWords[]> {
  const long = words.filter((w) => w.word.length >= FUZZY_MIN_LENGTH);
  if (long.length === 0) return words.map(() => ({ close: [], similar: [] }));
  const result = await sql<{ n: number; close: string[] | null; similar: SimilarWord[] | null }>`
    select q.n,
      array_agg(c.word order by c.word) filter (
        where not to_tsvector('verbonden_nl', c.word) @@ to_tsquery('verbonden_nl', q.exact)) as close,
      (array_agg(json_build_object('word', c.word, 'similarity', c.similarity)
        order by c.similarity desc, c.word))[1:${sql.lit(SIMILAR_LIMIT)}] as similar
    from unnest(${sql.val(long.map((w) => w.word))}::text[], ${sql.val(long.map((w) => tsquery(w.alternatives)))}::text[])
      with ordinality as q(word, exact, n)
    join lateral (
      select x.word, word_similarity(q.word, x.word) as similarity
      from directory_search_words x where q.word <% x.word
    ) c on true
    group by q.n`.execute(db);
  const byWord = new Map(result.rows.map((r) => [long[Number(r.n) - 1]?.word, r]));
  return words.map((w) => {
    const found = byWord.get(w.word);
    return { close: found?.close ?? [], similar: found?.similar ?? [] };
  });
}

/** The close words of each query word (see nearWords). */
export async function closeWords(db: Kysely<DB>, words: QueryWord[]): Promise<string[][]> {
  return (await nearWords(db, words)).map((n) => n.close);
}

/**
 * Per query word: its stems, prefixes and synonyms, or (long words) one of the service words close to
 * it. `indexed`: in the form the GIN indexes answer (text decides the candidates); otherwise as a
 * test on rows already fetched by their place (a whole word of the folded text, found by strpos,
 * is what the expression index on to_tsvector('simple', search_folded) holds).
 */
function projectionTextCondition(words: QueryWord[], close: string[][], indexed: boolean) {
  return words.map((w, n) => {
    const query = sql`to_tsquery('verbonden_nl', ${tsquery(w.alternatives)})`;
    // ts_match_vq is what @@ calls, in a form no index answers: the planner, which takes any box for a
    // few hundred rows, would otherwise intersect the box with a GIN bitmap that costs more than the test.
    const exact = indexed ? sql`d.search_vector @@ ${query}` : sql`ts_match_vq(d.search_vector, ${query})`;
    const near = close[n] ?? [];
    if (near.length === 0) return exact;
    const fuzzy = indexed
      ? sql`to_tsvector('simple'::regconfig, d.search_folded) @@ to_tsquery('simple', ${near.join(' | ')})`
      : sql.join(
          near.map((word) => sql`strpos(' ' || d.search_folded || ' ', ${` ${word} `}) > 0`),
          sql` or `,
        );
    return sql`(${exact} or ${fuzzy})`;
  });
}

/**
 * The finder's text match on the projection `d` (directory_search), in the form its indexes answer:
 * for the HSDS API's listing, so that both find the same services for the same words.
 */
export async function textMatch(db: Kysely<DB>, words: QueryWord[]) {
  return projectionTextCondition(words, await closeWords(db, words), true);
}

/**
 * Text relevance: ts_rank over every alternative, plus a bonus of 0.1 × how close the nearest word of
 * the text is to a typed word: 1 for the typed word itself, the similarity of a close word of the
 * lexicon (0.6 to 1) otherwise, 0 when the text has neither (found through a synonym only). A whole
 * word is found by strpos, closest first: no trigram comparison per row.
 */
function relevance(words: QueryWord[], near: NearWords[]) {
  if (words.length === 0) return sql<number>`0`;
  const all = words.flatMap((w) => w.alternatives);
  const bonus = words.map((w, n) => {
    const similar = [
      { word: w.word, similarity: 1 },
      ...(near[n]?.similar ?? []).filter((s) => s.word !== w.word),
    ];
    const cases = similar.map(
      (s) => sql`when strpos(' ' || d.search_folded || ' ', ${` ${s.word} `}) > 0 then ${s.similarity}::real`,
    );
    return sql`case ${sql.join(cases, sql` `)} else 0::real end`;
  });
  return sql<number>`(ts_rank(d.search_vector, to_tsquery('verbonden_nl', ${tsquery(all)}))
    + 0.1 * greatest(${sql.join(bonus)}))`;
}

/**
 * Distance to the nearest of the service's points (null for a region-wide one without any), once per
 * row; most services have one point, measured without unnesting.
 */
function distance(point: SearchSpec['point']) {
  if (!point) return sql`(select null::float8 as km) as dist`;
  return sql`lateral (select case when cardinality(d.points) = 1
      then ${haversine(sql`(d.points[1])[1]`, sql`(d.points[1])[0]`, point)}
      else (select min(${haversine(sql`q[1]`, sql`q[0]`, point)}) from unnest(d.points) as q) end as km) as dist`;
}

/** A box around the point that holds every place within the radius (the GiST prefilter). */
function nearBox(point: NonNullable<SearchSpec['point']>, radiusKm: number) {
  const dLat = radiusKm / 111;
  const dLng = radiusKm / (111 * Math.cos((point.lat * Math.PI) / 180));
  return sql`box(point(${point.lng - dLng}::float8, ${point.lat - dLat}::float8), point(${point.lng + dLng}::float8, ${point.lat + dLat}::float8))`;
}

/** The filters as (facet, its place in FACETS counted from 1, wanted "facet:code" list), those with codes only. */
function activeFilters(filters: SearchSpec['filters']) {
  return FACETS.flatMap((facet, n) => {
    const codes = filters[facet] ?? [];
    return codes.length > 0 ? [{ facet, k: n + 1, wanted: codes.map((c) => `${facet}:${c}`) }] : [];
  });
}

/**
 * How many filters the row fails, and the codes it counts for: every code when it fails none (it is a
 * result), the failed facet's codes when it fails one (facet_bounds says where they are, migration 0013),
 * none otherwise (such rows are left out of the search at once).
 */
function facetTests(filters: SearchSpec['filters']) {
  const checks = activeFilters(filters).map((f) => ({
    ...f,
    fails: sql`not d.facet_codes && ${sql.val(f.wanted)}::text[]`,
  }));
  if (checks.length === 0) return sql`lateral (select 0 as fails, d.facet_codes as counted) f`;
  const fails = sql.join(
    checks.map((c) => sql`(case when ${c.fails} then 1 else 0 end)`),
    sql` + `,
  );
  const failedSlice = checks.map(
    (c) =>
      sql`when ${c.fails} then d.facet_codes[d.facet_bounds[${sql.lit(c.k)}]:d.facet_bounds[${sql.lit(c.k + 1)}] - 1]`,
  );
  return sql`lateral (select t.fails,
      case when t.fails = 0 then d.facet_codes ${sql.join(failedSlice, sql` `)} end as counted
    from (select ${fails} as fails) t) f`;
}

// Up to this radius the box around the point holds few enough services (at 100,000 over Flanders, at
// most about one in eight) that testing the text on the box's rows beats intersecting a second index,
// whose bitmap for a common word ("koffie": a third of all services) costs more than the test.
const BOX_FIRST_KM = 25;

/**
 * One statement on the search projection: the services near the point (GiST)
 * and matching the text (tested on those rows, or for a wide radius or no
 * place through the GIN indexes) that fail at most one filter, their distance
 * and, for those passing every filter, their score while the row is at hand;
 * the total, the requested page with what its cards show (one round trip
 * instead of five), and per facet the counts under every other filter (one
 * pass over the codes each match counts for).
 */
export async function searchServices(db: Kysely<DB>, spec: SearchSpec, facets: readonly Facet[]) {
  const indexed = !spec.point || spec.radiusKm > BOX_FIRST_KM;
  const { near } = spec;
  const where = projectionTextCondition(
    spec.words,
    near.map((n) => n.close),
    indexed,
  );
  if (spec.point) where.push(sql`d.bbox && ${nearBox(spec.point, spec.radiusKm)}`);
  const hasText = spec.words.length > 0;
  const radius = spec.radiusKm;
  const score = hasText
    ? spec.point
      ? sql`${relevance(spec.words, near)} / (1 + coalesce(dist.km, ${radius}::float8) / ${BLEND_KM})`
      : relevance(spec.words, near)
    : spec.point
      ? sql`-coalesce(dist.km, ${radius}::float8)`
      : sql`0::float8`;
  // A region-wide service without any point (null distance) is within every radius.
  const withinRadius = spec.point ? sql`coalesce(dist.km, 0) <= ${radius}::float8` : sql`true`;
  const result = await sql<{
    total: number;
    results: SearchRow[] | null;
    facets: { code: string; n: number | string }[] | null;
  }>`
    with within as materialized (
      select d.organisation_id, d.service_id as id, d.name, f.fails, f.counted,
        dist.km as distance_km,
        -- Ranked only if it can be a result: the text columns are read here, never fetched again.
        case when f.fails = 0 then ${score} end as score
      from directory_search d cross join ${distance(spec.point)} cross join ${facetTests(spec.filters)}
      where ${sql.join([...where, withinRadius, sql`f.fails <= 1`], sql` and `)}
    ),
    page as (
      select m.organisation_id, m.id, m.name, m.distance_km, m.score
      from within m
      where m.fails = 0
      order by m.score desc, m.name, m.id limit ${spec.limit} offset ${spec.offset}
    ),
    counted as (
      select u.code, count(*) as n from (select unnest(w.counted) as code from within w) u group by u.code
    )
    select
      (select count(*) from within w where w.fails = 0) as total,
      (select json_agg(x order by x.score desc, x.name, x.id) from (
        select p.*, s.description, s.type, s.target_groups, s.how_to_join, s.cost_option, s.municipality_id,
          to_char(s.assured_date, 'YYYY-MM-DD') as assured_date,
          coalesce((select json_agg(json_build_object('name', l.name, 'address_1', l.address_1,
              'postal_code', l.postal_code, 'city', l.city, 'latitude', l.latitude, 'longitude', l.longitude)
              order by l.position)
            from directory_locations l where l.organisation_id = p.organisation_id and l.service_id = p.id),
            '[]') as locations,
          coalesce((select json_agg(json_build_object('freq', c.freq, 'interval', c.interval, 'byday', c.byday,
              'dtstart', to_char(c.dtstart, 'YYYY-MM-DD'), 'opens_at', c.opens_at, 'closes_at', c.closes_at,
              'valid_from', to_char(c.valid_from, 'YYYY-MM-DD'), 'valid_to', to_char(c.valid_to, 'YYYY-MM-DD'))
              order by c.position)
            from directory_schedules c where c.organisation_id = p.organisation_id and c.service_id = p.id),
            '[]') as schedules
        from page p join directory_services s on s.organisation_id = p.organisation_id and s.id = p.id
      ) x) as results,
      (select json_agg(c) from counted c) as facets
  `.execute(db);
  const row = result.rows[0];
  return {
    total: Number(row?.total ?? 0),
    results: row?.results ?? [],
    // The projection holds the codes of every search facet; only the facets asked for are given.
    facets: (row?.facets ?? []).flatMap((f) => {
      const facet = f.code.slice(0, f.code.indexOf(':')) as Facet;
      return facets.includes(facet) ? [{ facet, code: f.code, n: Number(f.n) }] : [];
    }),
  } satisfies SearchAnswer;
}
