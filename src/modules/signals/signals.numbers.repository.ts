import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { SignalOutcome, SignalSource } from './signals.models.ts';

// Merged duplicates are not counted: they are one report about one person.

/** Signals received per Brussels calendar month since a date. */
export const countPerMonth = (db: Kysely<DB>, municipalityId: string, since: Date) =>
  sql<{ month: string; count: string }>`
    select to_char(created_at at time zone 'Europe/Brussels', 'YYYY-MM') as month, count(*) as count
    from signals
    where municipality_id = ${municipalityId} and merged_into_id is null and created_at >= ${since}
    group by 1 order by 1`.execute(db);

/** Signals by source, professionals by the kind of their organisation. */
export const countBySource = (db: Kysely<DB>, municipalityId: string, since: Date) =>
  sql<{ source: SignalSource; kind: string | null; count: string }>`
    select s.source, o.kind, count(*) as count
    from signals s left join organisations o on o.id = s.reporter_organisation_id
    where s.municipality_id = ${municipalityId} and s.merged_into_id is null and s.created_at >= ${since}
    group by 1, 2 order by 1, 2`.execute(db);

export const countByOutcome = (db: Kysely<DB>, municipalityId: string, since: Date) =>
  sql<{ outcome: SignalOutcome; count: string }>`
    select outcome, count(*) as count
    from signals
    where municipality_id = ${municipalityId} and outcome is not null and created_at >= ${since}
    group by 1 order by 1`.execute(db);

/** The median time, in hours, from a report to the first contact attempt. */
export const medianHoursToFirstContact = (db: Kysely<DB>, municipalityId: string, since: Date) =>
  sql<{ hours: number | string | null }>`
    select percentile_cont(0.5) within group (order by extract(epoch from first.at - s.created_at) / 3600) as hours
    from signals s
    join lateral (
      select min(t.at) as at from signal_transitions t
      where t.municipality_id = s.municipality_id and t.signal_id = s.id
        and t.to_status in ('contact_attempted', 'in_contact')
    ) first on first.at is not null
    where s.municipality_id = ${municipalityId} and s.merged_into_id is null and s.created_at >= ${since}`.execute(
    db,
  );

/** Open signals with a deadline passed and its step still to do. */
export const countOverdue = (db: Kysely<DB>, municipalityId: string, now: Date) =>
  sql<{ count: string }>`
    select count(*) as count from signals
    where municipality_id = ${municipalityId}
      and ((status = 'new' and triage_due_at <= ${now})
        or (status in ('new', 'triaged', 'assigned') and contact_due_at <= ${now}))`.execute(db);
