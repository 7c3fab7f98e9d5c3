import type { AppContext } from '../../platform/context.ts';
import { enqueue } from '../../platform/jobs/jobs.ts';
import type { JobHandlers } from '../../platform/jobs/runner.ts';
import { forgetEventsBefore } from '../../platform/throttle.ts';
import { deleteExpiredSessions, deleteOldLinks } from './accounts.repository.ts';

export const CLEANUP_QUEUE = 'accounts.cleanup';
const HOUR = 3_600_000;
const RATE_LIMIT_RETENTION_MS = 24 * HOUR;
/** Used and expired links are kept this long for the audit trail, then removed. */
const LINK_RETENTION_DAYS = 30;

/**
 * Schedules the next hourly clean-up. The key is the hour, so however many
 * instances start or finish a run, each hour has exactly one job.
 */
export async function scheduleAccountsCleanup(ctx: AppContext) {
  const next = new Date(Math.floor(ctx.clock.now().getTime() / HOUR) * HOUR + HOUR);
  await enqueue(ctx.db, { queue: CLEANUP_QUEUE, key: next.toISOString(), now: ctx.clock.now(), runAt: next });
}

/** Ends expired sessions and forgets old rate-limit events and links: nothing is kept longer than it is useful. */
export async function cleanUpAccounts(ctx: AppContext) {
  const now = ctx.clock.now();
  await deleteExpiredSessions(ctx.db, now, new Date(now.getTime() - ctx.config.sessionIdleMinutes * 60_000));
  // Every rate limit (logins, public reports, status lookups) uses windows of at most a day.
  await forgetEventsBefore(ctx.db, new Date(now.getTime() - RATE_LIMIT_RETENTION_MS));
  await deleteOldLinks(ctx.db, new Date(now.getTime() - LINK_RETENTION_DAYS * 86_400_000));
}

export const accountsJobs: JobHandlers = {
  [CLEANUP_QUEUE]: async ({ ctx }) => {
    await cleanUpAccounts(ctx);
    await scheduleAccountsCleanup(ctx);
  },
};
