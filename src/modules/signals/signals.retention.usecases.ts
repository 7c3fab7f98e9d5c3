import type { AppContext } from '../../platform/context.ts';
import { enqueue } from '../../platform/jobs/jobs.ts';
import { recordAudit } from '../audit/audit.usecases.ts';
import { anonymiseSignals, lockExpiredSignals } from './signals.retention.repository.ts';

export const RETENTION_QUEUE = 'signals.retention';
const DAY = 86_400_000;
const BATCH = 200;

/**
 * Schedules the next daily retention run. The key is the day, so however
 * many instances start, each day has exactly one job.
 */
export async function scheduleSignalsRetention(ctx: AppContext) {
  const now = ctx.clock.now();
  const next = new Date(Math.floor(now.getTime() / DAY) * DAY + DAY + 3 * 3_600_000);
  await enqueue(ctx.db, { queue: RETENTION_QUEUE, key: next.toISOString(), now, runAt: next });
}

/**
 * Anonymises every closed signal whose retention ran out, a batch per
 * transaction (with its audit entries), until none is left. Safe to run
 * twice or on two instances at once: rows are locked and skipped.
 */
export async function anonymiseExpiredSignals(input: { ctx: AppContext }): Promise<{ anonymised: number }> {
  const { ctx } = input;
  let anonymised = 0;
  for (;;) {
    const done = await ctx.db.transaction().execute(async (trx) => {
      const now = ctx.clock.now();
      const rows = await lockExpiredSignals(trx, now, BATCH);
      await anonymiseSignals(trx, rows, now);
      for (const r of rows)
        await recordAudit(trx, now, {
          actorUserId: null,
          organisationId: r.organisation_id,
          action: 'signals.anonymised',
          subjectType: 'signal',
          subjectId: r.id,
        });
      return rows.length;
    });
    anonymised += done;
    if (done < BATCH) return { anonymised };
  }
}
