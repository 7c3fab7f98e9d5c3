import { performance } from 'node:perf_hooks';
import { searchQuery } from '../../src/contracts/directory.ts';
import { searchDirectory } from '../../src/modules/directory/directory.search.usecases.ts';
import { type BenchContext, type BenchMunicipality, pick, seeded } from './directory-data.ts';
import { percentile } from './stats.ts';

export const QUERY_KINDS = ['text', 'text + radius', 'filters + radius', 'text + radius + facets'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

export interface BenchQuery {
  kind: QueryKind;
  params: Record<string, string>;
}

// Words people type: plain, with synonyms, accents left out, a compound part, a typo.
const TEXTS = [
  'koffie',
  'soep',
  'wandelen',
  'eenzaam',
  'bezoekje',
  'moestuin',
  'taalcafe',
  'breien',
  'computer',
  'mantelzorg',
  'buddy',
  'telefoon',
  'huiswerk',
  'zingen',
  'petanque',
  'koffei',
  'buurtsalon',
  'rouw',
  'koffie babbel',
  'warme maaltijd',
  'samen eten',
  'jongeren blokken',
];
const TYPES = ['meeting_place', 'soup_cafe', 'buddy', 'home_visits', 'community_garden', 'sport', 'culture'];
const GROUPS = ['older_people', 'youth', 'newcomers', 'informal_carers', 'everyone'];
const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const RADII = ['5', '10', '10', '20'];

/** `count` queries, the four kinds in turn, near places spread over every municipality. */
export function benchQueries(count: number, municipalities: readonly BenchMunicipality[]): BenchQuery[] {
  const random = seeded(20261129);
  return Array.from({ length: count }, (_, n) => {
    const kind = QUERY_KINDS[n % QUERY_KINDS.length] as QueryKind;
    const m = pick(random, municipalities);
    const place = pick(random, m.places);
    // Half by postcode (the use case looks it up), half by coordinates as a phone sends them.
    const near = random() < 0.5 ? place.postcode : `${place.lat.toFixed(4)},${place.lng.toFixed(4)}`;
    const text = pick(random, TEXTS);
    const radius = { near, radius_km: pick(random, RADII) };
    const filters: Record<string, string> =
      random() < 0.5 ? { type: pick(random, TYPES) } : { target_group: pick(random, GROUPS) };
    if (random() < 0.4) filters.day = pick(random, DAYS);
    if (random() < 0.2) filters.cost = 'free';
    const params: Record<string, string> =
      kind === 'text'
        ? { q: text }
        : kind === 'text + radius'
          ? { q: text, ...radius }
          : kind === 'filters + radius'
            ? { ...radius, ...filters }
            : { q: text, ...radius, ...filters };
    return { kind, params };
  });
}

export interface Timing {
  kind: QueryKind;
  params: Record<string, string>;
  /** The search use case, as the route calls it. */
  useCaseMs: number;
  /** The search statement alone, sent again through pg without Kysely. */
  floorMs: number;
  /** Every statement the use case ran, as Kysely timed them. */
  statementsMs: number;
  statements: number;
  total: number;
  sql: string;
  parameters: readonly unknown[];
}

const isSearch = (text: string) => text.includes('from directory_search d');

/**
 * Runs each query through searchDirectory, then its search statement (captured
 * from Kysely) directly on the same connections: the use case's floor.
 */
export async function timeQuery(bench: BenchContext, q: BenchQuery): Promise<Timing> {
  const query = searchQuery.parse(q.params);
  bench.trace.splice(0);
  const started = performance.now();
  const answer = await searchDirectory({ ctx: bench.ctx, query });
  const useCaseMs = performance.now() - started;
  const traced = bench.trace.splice(0);
  const search = traced.find((t) => isSearch(t.query.sql));
  if (!search) throw new Error(`no search statement captured for ${JSON.stringify(q.params)}`);
  const parameters = search.query.parameters;
  const floorStarted = performance.now();
  await bench.pool.query(search.query.sql, parameters as unknown[]);
  const floorMs = performance.now() - floorStarted;
  return {
    kind: q.kind,
    params: q.params,
    useCaseMs,
    floorMs,
    statementsMs: traced.reduce((sum, t) => sum + t.ms, 0),
    statements: traced.length,
    total: answer.total,
    sql: search.query.sql,
    parameters,
  };
}

export interface KindSummary {
  kind: QueryKind;
  queries: number;
  useCase: { p50: number; p95: number; p99: number };
  floor: { p50: number; p95: number; p99: number };
  /** Mean share of the use case spent inside its statements (Kysely's timing). */
  statementShare: number;
  meanStatements: number;
  meanTotal: number;
}

const spread = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
};

export function summarise(timings: readonly Timing[]): KindSummary[] {
  return QUERY_KINDS.flatMap((kind) => {
    const of = timings.filter((t) => t.kind === kind);
    if (of.length === 0) return [];
    const mean = (f: (t: Timing) => number) => of.reduce((s, t) => s + f(t), 0) / of.length;
    return {
      kind,
      queries: of.length,
      useCase: spread(of.map((t) => t.useCaseMs)),
      floor: spread(of.map((t) => t.floorMs)),
      statementShare: mean((t) => t.statementsMs) / mean((t) => t.useCaseMs),
      meanStatements: mean((t) => t.statements),
      meanTotal: mean((t) => t.total),
    };
  });
}

/** EXPLAIN (ANALYZE, BUFFERS) of one captured search statement. */
export async function explain(bench: BenchContext, t: Timing): Promise<string> {
  const result = await bench.pool.query<{ 'QUERY PLAN': string }>(
    `explain (analyze, buffers) ${t.sql}`,
    t.parameters as unknown[],
  );
  return result.rows.map((r) => r['QUERY PLAN']).join('\n');
}
