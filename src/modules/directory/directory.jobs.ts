import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import { enqueue } from '../../platform/jobs/jobs.ts';
import type { JobHandlers } from '../../platform/jobs/runner.ts';
import { listMembers } from '../accounts/accounts.admin.usecases.ts';
import { queueEmail } from '../notifications/notifications.usecases.ts';
import { getOrganisation } from '../tenancy/tenancy.usecases.ts';
import { findStaleServices, markReminded } from './directory.lists.repository.ts';
import { STALE_AFTER_MONTHS } from './directory.models.ts';
import { brusselsDate } from './directory.schedule.ts';

export const STALE_QUEUE = 'directory.stale_reminders';
export const SEARCH_ORDER_QUEUE = 'directory.search_order';
const DAY = 86_400_000;
/** Owners are reminded again at most this often while an entry stays unchecked. */
const REMIND_EVERY_DAYS = 30;
// 06:00 UTC: the mail is there when people start their working day in Belgium.
const RUN_HOUR_UTC = 6;
// 02:00 UTC: 03:00 or 04:00 in Brussels, when hardly anyone searches or edits.
const ORDER_HOUR_UTC = 2;

const nextRun = (now: Date, hourUtc: number) =>
  new Date(Math.floor(now.getTime() / DAY) * DAY + DAY + hourUtc * 3_600_000);

/** Schedules tomorrow's run; the key is the day, so every day has exactly one job however many instances start. */
export async function scheduleStaleReminders(ctx: AppContext) {
  const now = ctx.clock.now();
  const next = nextRun(now, RUN_HOUR_UTC);
  await enqueue(ctx.db, { queue: STALE_QUEUE, key: next.toISOString(), now, runAt: next });
}

/** Schedules the next night's reorder of the search rows (one job per night, as above). */
export async function scheduleSearchReorder(ctx: AppContext) {
  const now = ctx.clock.now();
  const next = nextRun(now, ORDER_HOUR_UTC);
  await enqueue(ctx.db, { queue: SEARCH_ORDER_QUEUE, key: next.toISOString(), now, runAt: next });
}

/**
 * Writes every search row again in order of place (migration 0013), so that a search's box lies on few
 * pages whatever order the day's edits wrote them in, then vacuums the projection: PostgreSQL's autovacuum
 * would do so later, PGlite has none, and the visibility map lets the next searches skip work.
 */
export async function reorderSearchRows(ctx: AppContext) {
  await sql`select directory_search_reorder()`.execute(ctx.db);
  await sql`vacuum (analyze) directory_search`.execute(ctx.db);
}

/**
 * Mails the coordinators and admins of each organisation one list of its
 * published entries that nobody checked for twelve months, and notes the
 * reminder in the same transaction, so a retried job never mails twice.
 */
export async function sendStaleReminders(
  ctx: AppContext,
): Promise<{ organisations: number; entries: number }> {
  const now = ctx.clock.now();
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - STALE_AFTER_MONTHS);
  const stale = await findStaleServices(
    ctx.db,
    brusselsDate(cutoff),
    new Date(now.getTime() - REMIND_EVERY_DAYS * DAY),
  );
  const byOrganisation = new Map<string, typeof stale>();
  for (const s of stale)
    byOrganisation.set(s.organisation_id, [...(byOrganisation.get(s.organisation_id) ?? []), s]);
  for (const [organisationId, entries] of byOrganisation) {
    const organisation = await getOrganisation({ ctx, id: organisationId });
    const recipients = (await listMembers({ ctx, organisationId })).filter(
      (m) => m.active && (m.role === 'coordinator' || m.role === 'admin'),
    );
    await ctx.db.transaction().execute(async (trx) => {
      for (const r of recipients) {
        // Each reminder in the language the recipient chose for the app.
        const t = translator(r.locale);
        await queueEmail({
          ctx,
          trx,
          organisationId,
          to: r.email,
          subject: t('directory.stale.subject', { count: entries.length }),
          text: t('directory.stale.body', {
            name: r.name,
            organisation: organisation.name,
            list: entries.map((e) => `- ${e.name}`).join('\n'),
          }),
        });
      }
      await markReminded(
        trx,
        organisationId,
        entries.map((e) => e.id),
        now,
      );
    });
  }
  return { organisations: byOrganisation.size, entries: stale.length };
}

export const directoryJobs: JobHandlers = {
  [STALE_QUEUE]: async ({ ctx }) => {
    await sendStaleReminders(ctx);
    await scheduleStaleReminders(ctx);
  },
  [SEARCH_ORDER_QUEUE]: async ({ ctx }) => {
    await reorderSearchRows(ctx);
    await scheduleSearchReorder(ctx);
  },
};
