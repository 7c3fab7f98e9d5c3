// Read-only aggregates over other modules' tables (signals, clients, measurements,
// directory): the one documented exception to "modules talk through use cases"
// (docs/adr/0011-small-cell-suppression.md). Every query groups in the database and
// selects only codes, dates, counts and score sums: never a name, a contact
// detail, free text or a row per person.
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/** A period of whole months: `from` is the first day of the first month, `until` the first day after the last. */
export interface Range {
  from: string;
  until: string;
}

export interface Scope {
  municipalityIds: string[];
  nisCodes: string[];
}

const BRUSSELS = 'Europe/Brussels';
const startOf = (day: string) => sql`(${day}::date)::timestamp at time zone ${BRUSSELS}`;
/** The Brussels month of a moment, truncated: group on this, then format the groups (`yearMonth`). */
const monthOf = (at: RawBuilder<unknown>) => sql<Date>`date_trunc('month', ${at} at time zone ${BRUSSELS})`;
const yearMonth = sql<string>`to_char(month, 'YYYY-MM')`;
/**
 * `k`: the sum of the grouped records' keys, for cell-key perturbation
 * (insights.models.ts, perturb). A record's key is hashtext of its id: spread
 * over 32 bits, the same on PostgreSQL and PGlite, and never published.
 */
const keySum = (id: string) => sql<number>`sum(hashtext(${sql.ref(id)}::text))::float8`;

/**
 * Reach counts one way and the other: a row per month (`municipality` null) and a row per
 * municipality over the whole range (`month` null), from one pass (grouping sets). Both sums
 * of the same records, so each side totals the same.
 */
export interface TwoWayCount {
  municipality: string | null;
  month: string | null;
  n: number;
  k: number;
}

/** `records` (a query of `municipality`, id and month) counted both ways of TwoWayCount. */
const twoWayCounts = (db: Kysely<DB>, municipality: string, records: RawBuilder<unknown>) =>
  sql<TwoWayCount>`
    select ${sql.ref(municipality)} as municipality, ${yearMonth} as month, n, k from (
      select ${sql.ref(municipality)}, month, count(*)::int as n, ${keySum('id')} as k
      from (${records}) records
      group by grouping sets ((month), (${sql.ref(municipality)}))
    ) counts`
    .execute(db)
    .then((r) => r.rows);

/** Signals received per Brussels month and per municipality (its id); merged duplicates are one report. */
export const signalsPerMonth = (db: Kysely<DB>, scope: Scope, range: Range) =>
  twoWayCounts(
    db,
    'municipality_id',
    sql`
      select municipality_id, id, ${monthOf(sql`created_at`)} as month
      from signals
      where municipality_id = any(${scope.municipalityIds}::uuid[]) and merged_into_id is null
        and created_at >= ${startOf(range.from)} and created_at < ${startOf(range.until)}`,
  );

/** Client records opened per month and per municipality (its NIS code). */
export const clientsPerMonth = (db: Kysely<DB>, scope: Scope, range: Range) =>
  twoWayCounts(
    db,
    'municipality_nis',
    sql`
      select municipality_nis, id, ${monthOf(sql`created_at`)} as month
      from clients
      where municipality_nis = any(${scope.nisCodes}::text[])
        and created_at >= ${startOf(range.from)} and created_at < ${startOf(range.until)}`,
  );

/** Client records opened per postcode (the neighbourhood) of one municipality; no postcode counts as ''. */
export const clientsPerPostcode = (db: Kysely<DB>, nis: string, range: Range) =>
  sql<{ postcode: string; n: number; k: number }>`
    select coalesce(postcode, '') as postcode, count(*)::int as n, ${keySum('id')} as k
    from clients
    where municipality_nis = ${nis}
      and created_at >= ${startOf(range.from)} and created_at < ${startOf(range.until)}
    group by 1`
    .execute(db)
    .then((r) => r.rows);

/**
 * People starting with an initiative per type and month (`municipality` null), and per
 * municipality over the range (`type` and `month` null), one person once per type and month:
 * a follow-up track started, or a referral that started (started, stopped or completed).
 * insights_starts holds one row per person, type and month, kept by triggers on the tracks,
 * referrals, clients and directory entries (migration 0010) with where the person lives now,
 * so this counts rows; `range` is whole months, as every Range is.
 */
export const participantsPerMonth = (db: Kysely<DB>, scope: Scope, range: Range) =>
  sql<TwoWayCount & { type: string | null }>`
    select municipality_nis as municipality, type, to_char(month, 'YYYY-MM') as month, count(*)::int as n,
      ${keySum('client_id')} as k
    from insights_starts
    where municipality_nis = any(${scope.nisCodes}::text[])
      and month >= ${range.from}::date and month < ${range.until}::date
    group by grouping sets ((type, month), (municipality_nis))`
    .execute(db)
    .then((r) => r.rows);

/** The same starts per postcode of one municipality, summed over type and month like the table they total. */
export const participantsPerPostcode = (db: Kysely<DB>, nis: string, range: Range) =>
  sql<{ postcode: string; n: number; k: number }>`
    select postcode, count(*)::int as n, ${keySum('client_id')} as k
    from insights_starts
    where municipality_nis = ${nis} and month >= ${range.from}::date and month < ${range.until}::date
    group by 1`
    .execute(db)
    .then((r) => r.rows);

export interface PairGroup {
  instrument_id: string;
  type: string;
  period: string;
  n: number;
  people: number;
  sum: number;
  sum_squares: number;
  /** Sum of the pairs' record keys (the person's, once per pair), for cell-key perturbation. */
  k: number;
}

/**
 * Pairs per instrument, initiative type and quarter of the baseline: the
 * baseline (occasion 0) of a track and its latest scored follow-up, kept in
 * insights_pairs by the measurements' triggers (migration 0008), summed so
 * groups combine exactly. `people`: the pairs that are not a person's second
 * in the same instrument, type and quarter (migration 0012).
 */
export const pairSums = (db: Kysely<DB>, scope: Scope, range: Range, opts: { instrumentId?: string }) =>
  sql<PairGroup>`
    select instrument_id, type, to_char(quarter, 'YYYY-"Q"Q') as period, n, people, sum, sum_squares, k
    from (
      -- A date truncated as a timestamp: as a date it would go through the session's time zone, twice as slow.
      select instrument_id, type, date_trunc('quarter', baseline_on::timestamp) as quarter, count(*)::int as n,
        (count(*) filter (where not repeat))::int as people, sum(diff)::float8 as sum,
        sum(diff * diff)::float8 as sum_squares, ${keySum('client_id')} as k
      from insights_pairs
      where municipality_nis = any(${scope.nisCodes}::text[])
        and baseline_on >= ${range.from}::date and baseline_on < ${range.until}::date
        ${opts.instrumentId ? sql`and instrument_id = ${opts.instrumentId}` : sql``}
      group by 1, 2, 3
    ) cells`
    .execute(db)
    .then((r) => r.rows);

/** Published directory entries per type and evidence level, everywhere: the evidence base is shared. */
export const evidencePerType = (db: Kysely<DB>) =>
  sql<{ type: string; evidence_level: string; n: number }>`
    select type, evidence_level, count(*)::int as n
    from directory_services where status = 'published'
    group by 1, 2`
    .execute(db)
    .then((r) => r.rows);

/**
 * Published entries per municipality (null: region-wide, per region) and type,
 * and how many of them nobody assured since `staleBefore` (or ever).
 */
export const directoryPerType = (db: Kysely<DB>, scope: Scope, regionIds: string[], staleBefore: string) =>
  sql<{ municipality_id: string | null; region_id: string; type: string; n: number; stale: number }>`
    select municipality_id, region_id, type, count(*)::int as n,
      count(*) filter (where assured_date is null or assured_date < ${staleBefore}::date)::int as stale
    from directory_services
    where status = 'published'
      and (municipality_id = any(${scope.municipalityIds}::uuid[])
        or (municipality_id is null and region_id = any(${regionIds}::uuid[])))
    group by 1, 2, 3`
    .execute(db)
    .then((r) => r.rows);
