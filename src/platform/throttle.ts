import type { Kysely } from 'kysely';
import type { AppContext } from './context.ts';
import type { DB } from './db/schema.ts';
import { tooManyRequests } from './errors.ts';

/** At most `max` events per key within `windowMs` (e.g. failed logins per account+IP, reports per hashed IP). */
export interface Limit {
  key: string;
  max: number;
  windowMs: number;
}

/**
 * Refuses with 429 (and Retry-After) when any key has reached its limit. The
 * events live in the database, so the limits hold across instances and restarts.
 */
export async function assertUnderLimits(ctx: AppContext, limits: Limit[]): Promise<void> {
  if (limits.length === 0) return;
  const now = ctx.clock.now().getTime();
  const longest = Math.max(...limits.map((l) => l.windowMs));
  const rows = await ctx.db
    .selectFrom('rate_limit_events')
    .select(['key', 'at'])
    .where(
      'key',
      'in',
      limits.map((l) => l.key),
    )
    .where('at', '>', new Date(now - longest))
    .orderBy('at')
    .execute();
  for (const limit of limits) {
    const recent = rows.filter((r) => r.key === limit.key && r.at.getTime() > now - limit.windowMs);
    const first = recent[0];
    if (first && recent.length >= limit.max)
      throw tooManyRequests(Math.max(1, (first.at.getTime() + limit.windowMs - now) / 1000));
  }
}

export async function recordEvents(db: Kysely<DB>, keys: string[], at: Date): Promise<void> {
  if (keys.length > 0)
    await db
      .insertInto('rate_limit_events')
      .values(keys.map((key) => ({ key, at })))
      .execute();
}

/** Forgets a key's events (a successful login clears its failures). */
export async function clearEvents(db: Kysely<DB>, key: string): Promise<void> {
  await db.deleteFrom('rate_limit_events').where('key', '=', key).execute();
}

/** Forgets events older than any window (an hourly clean-up): nothing is kept longer than it is useful. */
export async function forgetEventsBefore(db: Kysely<DB>, before: Date): Promise<void> {
  await db.deleteFrom('rate_limit_events').where('at', '<', before).execute();
}
