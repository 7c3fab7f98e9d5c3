import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/** Counts this key's events in the window, forgetting older ones. */
export async function countRecentRateEvents(db: Kysely<DB>, key: string, since: Date, at: Date) {
  await db.deleteFrom('signal_rate_events').where('key', '=', key).where('at', '<', since).execute();
  const { n } = await db
    .selectFrom('signal_rate_events')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('key', '=', key)
    .executeTakeFirstOrThrow();
  const first = await db
    .selectFrom('signal_rate_events')
    .select('at')
    .where('key', '=', key)
    .orderBy('at')
    .limit(1)
    .executeTakeFirst();
  return { count: Number(n), first: first?.at ?? at };
}

export const recordRateEvent = (db: Kysely<DB>, key: string, at: Date) =>
  db.insertInto('signal_rate_events').values({ key, at }).execute();
